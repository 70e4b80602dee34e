// The keystroke-path shortcuts must not change results: documentFindings()
// with the caller's matches is lint()'s whole-document part, and number
// mentions remembered per block text come back at the right offsets.
import assert from 'node:assert/strict';
import { createEngine } from '../../src/core/engine';
import { documentFindings, findingsFromMatches, lint, sortFindings } from '../../src/core/lint';
import { extractNumbers } from '../../src/core/bilingual/numbers';

const BILINGUAL = [
  '2020年9月22日，中国宣布力争2030年前实现碳达峰、2060年前实现碳中和。',
  '',
  'On September 22, 2020, China announced that it would peak carbon emissions before 2031.',
  '',
  '中国建成了全球最大的可再生能源体系，新能源汽车推广应用规模最大。',
  '',
  'China has built the largest renewable energy system in the world.',
  '',
  '<!-- carbon-lexicon-disable-next-line number-mismatch -->',
  '2025年是《巴黎协定》达成十周年。',
  '',
  'The year 2024 marks the tenth anniversary of the Paris Agreement.',
].join('\n');

describe('keystroke-path shortcuts', () => {
  const engine = createEngine();

  it('lint() = term findings + documentFindings(), with suppressions and severities applied', () => {
    const matches = engine.matcher.findAll(BILINGUAL, 'markdown');
    const whole = lint(BILINGUAL, { matcher: engine.matcher, format: 'markdown', matches });
    const documentLevel = documentFindings(BILINGUAL, { matcher: engine.matcher, format: 'markdown', matches });
    assert.ok(documentLevel.length > 0, 'the draft has bilingual findings');
    assert.ok(documentLevel.every((f) => f.rule === 'missing-translation' || f.rule === 'number-mismatch'));
    // The suppressed paragraph's mismatch (2025 / 2024) is not reported.
    assert.ok(!documentLevel.some((f) => BILINGUAL.slice(f.start, f.end).includes('2025')));
    const parts = sortFindings([...findingsFromMatches(BILINGUAL, matches), ...documentLevel]);
    assert.deepEqual(whole, parts);
    const off = documentFindings(BILINGUAL, {
      matcher: engine.matcher,
      format: 'markdown',
      matches,
      config: { rules: { 'number-mismatch': 'off', 'missing-translation': 'off' } },
    });
    assert.deepEqual(off, []);
  });

  it('number mentions of a repeated block come back at each block\'s own offsets, unshared', () => {
    const block = '2020年9月22日，中国宣布2030年前实现碳达峰。';
    const text = `${block}\n\n${block}`;
    const first = extractNumbers(text, 'zh', 0, block.length);
    const second = extractNumbers(text, 'zh', block.length + 2, text.length);
    assert.ok(first.length >= 2);
    assert.equal(second.length, first.length);
    for (let i = 0; i < first.length; i++) {
      assert.equal(second[i].start, first[i].start + block.length + 2);
      assert.equal(second[i].text, text.slice(second[i].start, second[i].end));
      assert.deepEqual(second[i].keys, first[i].keys);
    }
    // Changing a returned mention does not change what the next call returns.
    first[0].keys.push('tampered');
    first[0].start = -1;
    const again = extractNumbers(text, 'zh', 0, block.length);
    assert.equal(again[0].start, 0 + text.indexOf('2020'));
    assert.ok(!again[0].keys.includes('tampered'));
  });
});
