// Re-segmenting after an edit (reusing the blocks before and after it) must
// give exactly what segmenting the edited text from scratch gives.
import { strict as assert } from 'node:assert';
import { resegment, segment, segmentDocument } from '../../src/core/bilingual/segment';
import type { DocumentFormat } from '../../src/core/types';

const SAMPLE = [
  '---',
  'title: draft',
  '---',
  '# 碳达峰碳中和 / Peak Carbon and Carbon Neutrality',
  '',
  '一、总体要求',
  '',
  '中国将碳达峰碳中和作为国家战略，',
  '广泛深入开展碳达峰行动。',
  '',
  'China has made peak carbon and carbon neutrality',
  'a national strategy.',
  '',
  '| 中文 | English |',
  '|---|---|',
  '| 碳达峰 | peak carbon |',
  '| 碳中和 | carbon neutrality |',
  '',
  '```',
  'code 2030',
  '```',
  '',
  '<!-- a comment',
  '',
  'still the comment -->',
  'Setext heading',
  '===',
  '',
  '- 一项 item',
  '- another item',
  '1. 第一条 first',
  '',
  '（一）推进碳达峰',
  '',
  'In 2030, emissions peak.\r',
  '2030年前达到峰值。',
].join('\n');

const INSERTS = ['\n', '\n\n', '|', '| a | b |\n|---|---|\n', '```\n', '<!--', '-->', '# ', '===\n', '一、', '1. ', '- ', '中', 'a', ' ', '---\n', '\r\n', '> ', ''];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe('bilingual: re-segmenting after an edit', () => {
  for (const format of ['markdown', 'plaintext'] as DocumentFormat[]) {
    it(`equals a fresh segmentation after each of 600 random edits (${format})`, () => {
      const next = random(format === 'markdown' ? 7 : 8);
      let text = SAMPLE.repeat(3);
      let doc = segmentDocument(text, format);
      let reused = 0;
      for (let i = 0; i < 600; i++) {
        const at = Math.floor(next() * (text.length + 1));
        const removed = next() < 0.5 ? 0 : Math.floor(next() * 12);
        text = text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at + removed);
        const before = doc;
        doc = resegment(doc, text, format);
        const fresh = segmentDocument(text, format);
        assert.deepEqual(doc.blocks, fresh.blocks, `edit ${i} at ${at}`);
        assert.deepEqual([doc.syncOffset, doc.syncBlocks, doc.syncTables], [fresh.syncOffset, fresh.syncBlocks, fresh.syncTables], `edit ${i}`);
        if (doc.blocks.length > 0 && before.blocks.includes(doc.blocks[0])) reused++;
      }
      // The point of it: most edits keep the earlier blocks instead of redoing them.
      assert.ok(reused > 300, `blocks reused after ${reused} of 600 edits`);
    });
  }

  it('segment() is segmentDocument().blocks, and an unchanged text is answered as is', () => {
    const doc = segmentDocument(SAMPLE, 'markdown');
    assert.deepEqual(segment(SAMPLE, 'markdown'), doc.blocks);
    assert.equal(resegment(doc, SAMPLE, 'markdown'), doc);
    assert.ok(doc.blocks.some((b) => b.kind === 'table-row' && b.tableId === 1));
  });
});
