// A long document is scanned in several calls (TermMatcher.scanInChunks); the
// matches must be those of scanning each paragraph on its own, joined up.
import assert from 'node:assert/strict';
import { TermMatcher } from '../../src/core/matcher';
import { bundledTermBase } from '../../src/core/data';
import { scanMarkdown } from '../../src/core/markdown';

const matcher = new TermMatcher(bundledTermBase.concepts);

describe('matching a long document in chunks', () => {
  it('finds exactly what matching each paragraph alone finds', () => {
    // Terms wrapped across lines, in lists and quotes, so that many segments join their
    // predecessor and the chunk cuts must skip them; thousands of segments in all.
    const paragraphs = [
      'We aim for carbon\npeaking and carbon\nneutralization soon.',
      '- the Paris\n  Agreement and the NDCs\n- 碳达\n  峰碳中和',
      '> peak carbon and carbon\n> neutrality, with `carbon peaking` in code',
      '中国力争实现碳峰\n值，推进绿色低碳\n发展。',
      'Nationally Determined\nContributions and new energy\nvehicles',
      // Every line break inside a term: a cut at any of these segments would split one.
      Array.from({ length: 40 }, () => 'the carbon\npeaking').join(' '),
    ];
    const parts: string[] = [];
    for (let i = 0; i < 600; i++) parts.push(paragraphs[(i * 7) % paragraphs.length]);
    const text = parts.join('\n\n') + '\n';
    const whole = matcher.findAll(text, 'markdown');
    const apart = [];
    let at = 0;
    for (const part of parts) {
      for (const m of matcher.findAll(text, 'markdown', at, at + part.length)) apart.push(m);
      at += part.length + 2;
    }
    // Several chunks' worth of segments (a chunk is about 1024), and matches in every paragraph.
    assert.ok(scanMarkdown(text).count > 4000);
    assert.ok(whole.length >= 2 * parts.length - 300, `only ${whole.length} matches`);
    assert.deepEqual(
      whole.map((m) => [m.start, m.end, m.concept.id, m.status, m.unsafeFix ?? false]),
      apart.map((m) => [m.start, m.end, m.concept.id, m.status, m.unsafeFix ?? false]),
    );
  });
});

describe('warming the matcher up before a long document (TermMatcher.prepare)', () => {
  it('leaves no trace: a warmed-up matcher finds what a cold one finds', () => {
    // A short text (no warm-up of its own), starting with a term, so that state left over
    // from the warm-up's last scan (a pending candidate, the last match's end) would show.
    const text = 'carbon neutrality 碳达峰 Community with shared future for humanity, NDCs and ndcs, carbon\npeaking.';
    const cold = new TermMatcher(bundledTermBase.concepts).findAll(text, 'markdown');
    assert.ok(cold.length >= 5, `only ${cold.length} matches`);
    // Warmed up with and without the fix-safety check (a caller that shows no fixes).
    for (const checkFixes of [true, false]) {
      const warmed = new TermMatcher(bundledTermBase.concepts);
      warmed.prepare(1 << 20, checkFixes);
      assert.deepEqual(warmed.findAll(text, 'markdown'), cold, `checkFixes ${checkFixes}`);
    }
  });
});
