// An editor lints the same draft again after every typing pause, for hours.
// What the engine keeps between lints must not grow with the number of edits:
// a block or finding that survives an edit must not keep the whole previous
// version of the draft alive (V8 makes a long slice a view into its parent).
import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { resegment, segmentDocument, type SegmentedDocument } from '../../src/core/bilingual/segment';
import { createEngine } from '../../src/core/engine';
import { IncrementalLinter } from '../../src/core/incremental';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapUsed(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** An interleaved zh/en draft of about `chars` UTF-16 code units (two bytes each in V8: it holds ideographs). */
function bilingualDraft(chars: number): string {
  const unit = [
    '## 碳达峰碳中和 / Peak Carbon and Carbon Neutrality',
    '',
    '中国将碳达峰碳中和作为国家战略，广泛深入开展碳达峰行动，2030年前实现碳达峰。',
    '',
    'China has made peak carbon and carbon neutrality a national strategy, and will peak carbon emissions before 2030.',
    '',
    '- 推动能源绿色低碳转型，构建新型电力系统。',
    '- Promote the green and low-carbon transition of energy and build a new power system.',
    '',
  ].join('\n');
  return unit.repeat(Math.ceil(chars / unit.length));
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** One-character edits at random places: an insertion or a deletion. */
function randomEdit(text: string, next: () => number): { start: number; end: number; insert: string } {
  const at = Math.floor(next() * (text.length - 1));
  return next() < 0.5 ? { start: at, end: at, insert: 'a' } : { start: at, end: at + 1, insert: '' };
}

describe('memory over a long editing session', () => {
  const EDITS = 150;
  const text = bilingualDraft(150_000);
  // Each version of the draft takes text.length * 2 bytes. Keeping one per edit would
  // grow the heap by EDITS (150) versions; allow 20 (the first version, the current one,
  // and what the collector has not compacted: about 3-5 versions here), far from both.
  const allowed = 20 * text.length * 2;

  it('re-segmenting after each edit keeps no old version of the text', () => {
    let doc: SegmentedDocument = segmentDocument(text, 'markdown');
    let current = text;
    const before = heapUsed();
    const next = random(11);
    for (let i = 0; i < EDITS; i++) {
      const { start, end, insert } = randomEdit(current, next);
      current = current.slice(0, start) + insert + current.slice(end);
      doc = resegment(doc, current, 'markdown');
    }
    const growth = heapUsed() - before;
    assert.ok(doc.blocks.length > 100, 'the draft is segmented');
    assert.ok(growth < allowed, `heap grew by ${(growth / 1e6).toFixed(1)} MB over ${EDITS} edits of a ${((text.length * 2) / 1e6).toFixed(1)} MB text`);
  });

  it('the incremental linter, bilingual rules included, keeps no old version of the text', () => {
    const linter = new IncrementalLinter(createEngine(), { format: 'markdown' });
    linter.setText(text);
    const before = heapUsed();
    const next = random(12);
    for (let i = 0; i < EDITS; i++) {
      const { start, end, insert } = randomEdit(linter.text, next);
      linter.applyChange(start, end, insert);
    }
    const growth = heapUsed() - before;
    assert.ok(linter.results.length > 0, 'the draft has findings');
    assert.ok(growth < allowed, `heap grew by ${(growth / 1e6).toFixed(1)} MB over ${EDITS} edits of a ${((text.length * 2) / 1e6).toFixed(1)} MB text`);
  });
});
