import assert from 'node:assert/strict';
import { applyEdits, fixAll, keepLineBreaks, matchCapitalisation, safeEdits } from '../../src/core/fixes';
import { TermMatcher } from '../../src/core/matcher';
import { lint } from '../../src/core/lint';
import { createEngine } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';
import { fixtureConcepts } from '../fixtures/engine/concepts';

describe('fixes: applyEdits', () => {
  it('applies edits in position order regardless of input order', () => {
    assert.equal(
      applyEdits('abcdef', [
        { start: 4, end: 5, newText: 'E' },
        { start: 0, end: 1, newText: 'AA' },
      ]),
      'AAbcdEf',
    );
  });

  it('allows insertions and adjacent edits', () => {
    assert.equal(applyEdits('abc', [{ start: 1, end: 1, newText: 'X' }, { start: 1, end: 2, newText: 'Y' }]), 'aXYc');
  });

  it('throws on overlapping edits and on edits outside the text', () => {
    assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), /overlap/);
    assert.throws(() => applyEdits('abc', [{ start: 2, end: 9, newText: '' }]), /outside/);
  });

  it('returns the text unchanged without edits', () => {
    assert.equal(applyEdits('abc', []), 'abc');
  });
});

describe('fixes: matchCapitalisation', () => {
  const cases: Array<[string, string, string]> = [
    ['peak carbon', 'carbon peaking', 'peak carbon'],
    ['peak carbon', 'Carbon peaking', 'Peak carbon'],
    ['peak carbon', 'Carbon Peaking', 'Peak Carbon'],
    ['peak carbon', 'CARBON PEAKING', 'PEAK CARBON'],
    ['peak carbon and carbon neutrality', 'Carbon Peaking And Carbon Neutrality', 'Peak Carbon and Carbon Neutrality'],
    ['Paris Agreement', 'paris accord', 'Paris Agreement'],
    ['Paris Agreement', 'Paris Accord', 'Paris Agreement'],
    ['the Paris Agreement', 'The Paris accord', 'The Paris Agreement'],
    ['NDCs', 'NDC', 'NDCs'],
    ['low-carbon', 'Low Carbonization', 'Low-Carbon'],
    ['碳达峰', '碳峰值', '碳达峰'],
    ['peak carbon', '碳峰值', 'peak carbon'],
  ];
  for (const [replacement, original, expected] of cases) {
    it(`"${original}" -> "${expected}"`, () => assert.equal(matchCapitalisation(replacement, original), expected));
  }
});

describe('fixes: fixAll safety', () => {
  const matcher = new TermMatcher(fixtureConcepts);

  it('skips overlapping fixes instead of corrupting the text', () => {
    const findings = [
      { fix: { start: 0, end: 4, newText: 'X' } },
      { fix: { start: 2, end: 6, newText: 'Y' } },
      { fix: { start: 6, end: 7, newText: 'Z' } },
    ] as Finding[];
    assert.deepEqual(safeEdits(findings).map((e) => e.newText), ['X', 'Z']);
    assert.equal(fixAll('abcdefgh', findings), 'XefZh');
  });

  it('after fixing, no deprecated term remains and only the fixed ranges changed', () => {
    const pieces = [
      'carbon peaking', 'Carbon peaking', 'CARBON PEAKING', 'carbon\n  peaking', '碳峰值', '碳\n峰值', 'carbon peak',
      'carbon neutralization', 'national self-determined contributions', 'Paris Accord', 'peak carbon', 'x',
      '`carbon peaking`', '\n\n', 'low carbonization', '碳达峰', '。',
    ];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let round = 0; round < 200; round++) {
      let text = '';
      // Pieces are separated by punctuation: two fixed terms side by side ("peak carbon peak carbon")
      // could otherwise be read across their boundary, which real prose does not do.
      const separators = [', ', '. ', '；', '，\n', '.\n\n', ' (', ') '];
      for (let i = 0, n = 2 + Math.floor(rand() * 15); i < n; i++) {
        text += pieces[Math.floor(rand() * pieces.length)] + separators[Math.floor(rand() * separators.length)];
      }
      for (const format of ['plaintext', 'markdown'] as const) {
        const findings = lint(text, { matcher, format });
        const edits = safeEdits(findings);
        const fixed = fixAll(text, findings);
        const again = lint(fixed, { matcher, format });
        assert.deepEqual(again.filter((f) => f.rule === 'deprecated-term').map((f) => f.found), [], JSON.stringify(text));
        // Outside the edits the text is unchanged: rebuild it piece by piece.
        let pos = 0;
        let out = 0;
        for (const e of edits) {
          assert.equal(fixed.slice(out, out + (e.start - pos)), text.slice(pos, e.start));
          out += e.start - pos + e.newText.length;
          assert.equal(fixed.slice(out - e.newText.length, out), e.newText);
          pos = e.end;
        }
        assert.equal(fixed.slice(out), text.slice(pos));
      }
    }
  });

  it("fixing the bundled base's deprecated forms leaves none behind", () => {
    const engine = createEngine();
    const text = engine.base.concepts
      .flatMap((c) => c.deprecated.map((f) => f.text))
      .join('. ');
    const first = engine.lint(text, 'plaintext').filter((f) => f.rule === 'deprecated-term');
    assert.ok(first.length > 0 || engine.base.concepts.every((c) => c.deprecated.length === 0));
    const fixed = fixAll(text, first);
    const remaining = engine.lint(fixed, 'plaintext').filter((f) => f.rule === 'deprecated-term');
    assert.deepEqual(remaining.map((f) => `${f.found} (${f.conceptId})`), []);
  });
});

describe('fixes on the bundled term base', () => {
  const engine = createEngine();

  it('replaces an old rendering of 人类命运共同体 followed by "for humanity/mankind" without repeating the tail', () => {
    const concept = engine.concept('shared-future-for-humanity');
    assert.ok(concept, 'the bundled base has the concept');
    const stems = concept.deprecated.filter((f) => f.lang === 'en' && !/\bfor (humanity|mankind)$/i.test(f.text));
    assert.ok(stems.length >= 3, 'there are stems to test');
    for (const stem of stems) {
      for (const tail of ['for humanity', 'for mankind']) {
        const text = `We are building a ${stem.text} ${tail}.`;
        const fixed = fixAll(text, engine.lint(text, 'markdown'));
        assert.equal(fixed, `We are building a ${concept.en}.`, `fixing "${stem.text} ${tail}"`);
      }
    }
  });
});

describe('fixes keep hard wraps', () => {
  const engine = createEngine();

  it('keeps the line break of a wrapped deprecated rendering in its replacement', () => {
    const text = 'We honour the Paris\nAccord and\ncarbon\npeaking.\n';
    assert.equal(fixAll(text, engine.lint(text, 'markdown')), 'We honour the Paris\nAgreement and\npeak\ncarbon.\n');
  });

  it('keeps a blockquote continuation marker and CRLF', () => {
    const text = '> We aim for carbon\r\n> peaking soon.\r\n';
    assert.equal(fixAll(text, engine.lint(text, 'markdown')), '> We aim for peak\r\n> carbon soon.\r\n');
  });

  it('fixing twice changes nothing more when a suppressed line precedes a wrapped term', () => {
    const text = '<!-- carbon-lexicon-disable-next-line -->Paris \nAccord`energy-consumption intensity';
    const once = fixAll(text, engine.lint(text, 'markdown'));
    assert.equal(fixAll(once, engine.lint(once, 'markdown')), once);
  });

  it('keepLineBreaks leaves one-line replacements alone and places breaks at the nearest space', () => {
    assert.equal(keepLineBreaks('peak carbon', 'carbon peaking'), 'peak carbon');
    assert.equal(keepLineBreaks('a community with a shared future for humanity', 'a community of\n  common destiny'), 'a community with a\n  shared future for humanity');
  });
});
