import assert from 'node:assert/strict';
import { TermMatcher } from '../../src/core/matcher';
import { fixtureConcepts } from '../fixtures/engine/concepts';

const matcher = new TermMatcher(fixtureConcepts);

/** [found, concept id, status] of every match. */
function summary(text: string, format: 'plaintext' | 'markdown' = 'plaintext') {
  return matcher.findAll(text, format).map((m) => [m.found, m.concept.id, m.status]);
}

describe('TermMatcher', () => {
  it('finds canonical, admitted and deprecated forms in both languages', () => {
    assert.deepEqual(summary('碳中和 and carbon peaking and 碳峰值 and peak carbon'), [
      ['碳中和', 'carbon-neutrality', 'canonical'],
      ['carbon peaking', 'peak-carbon', 'deprecated'],
      ['碳峰值', 'peak-carbon', 'deprecated'],
      ['peak carbon', 'peak-carbon', 'canonical'],
    ]);
  });

  it('prefers the longest match: 碳达峰碳中和 before 碳达峰', () => {
    assert.deepEqual(summary('实现碳达峰碳中和目标'), [['碳达峰碳中和', 'peak-carbon-and-carbon-neutrality', 'canonical']]);
  });

  it('prefers the longest match in English: peak carbon dioxide emissions before peak carbon', () => {
    assert.deepEqual(summary('to reach peak carbon dioxide emissions before 2030'), [
      ['peak carbon dioxide emissions', 'peak-carbon', 'admitted'],
    ]);
    // A longer form that does not complete falls back to the shorter one.
    assert.deepEqual(summary('peak carbon dioxide levels'), [['peak carbon', 'peak-carbon', 'canonical']]);
  });

  it('is leftmost, longest and non-overlapping', () => {
    // "peak carbon and carbon neutrality" wins over "peak carbon" + "carbon neutrality".
    assert.deepEqual(summary('goals of peak carbon and carbon neutrality.'), [
      ['peak carbon and carbon neutrality', 'peak-carbon-and-carbon-neutrality', 'canonical'],
    ]);
    // Overlapping candidates: the leftmost wins even if a later one is longer.
    assert.deepEqual(summary('碳达峰碳中和碳中和'), [
      ['碳达峰碳中和', 'peak-carbon-and-carbon-neutrality', 'canonical'],
      ['碳中和', 'carbon-neutrality', 'canonical'],
    ]);
  });

  it('reports exact UTF-16 source offsets', () => {
    const text = '𠀀前言：碳达峰。';
    const [m] = matcher.findAll(text);
    assert.equal(m.start, text.indexOf('碳达峰'));
    assert.equal(m.end, m.start + 3);
    assert.equal(m.found, text.slice(m.start, m.end));
  });

  it('matches English only on word boundaries', () => {
    assert.deepEqual(summary('speak carbons, peak carbonate, 2peak carbon'), []);
    assert.deepEqual(summary('(peak carbon)'), [['peak carbon', 'peak-carbon', 'canonical']]);
    assert.deepEqual(summary('推进peak carbon工作'), [['peak carbon', 'peak-carbon', 'canonical']]);
  });

  it('matches Chinese without word boundaries', () => {
    assert.deepEqual(summary('推动实现碳中和的目标'), [['碳中和', 'carbon-neutrality', 'canonical']]);
  });

  it('is case-insensitive for English, except caseSensitive forms', () => {
    assert.deepEqual(summary('PEAK CARBON and Peak Carbon'), [
      ['PEAK CARBON', 'peak-carbon', 'canonical'],
      ['Peak Carbon', 'peak-carbon', 'canonical'],
    ]);
    assert.deepEqual(summary('NDCs ndcs Ndcs'), [['NDCs', 'ndcs', 'admitted']]);
  });

  it('keeps a term wrapped across lines as one match', () => {
    const text = 'reach peak\n  carbon soon';
    const [m] = matcher.findAll(text);
    assert.equal(m.found, 'peak\n  carbon');
    assert.equal(m.start, 6);
    assert.equal(m.end, text.indexOf(' soon'));
    assert.deepEqual(summary('reach peak\r\ncarbon'), [['peak\r\ncarbon', 'peak-carbon', 'canonical']]);
  });

  it('keeps a term wrapped inside a Markdown blockquote or list item as one match', () => {
    assert.deepEqual(summary('> reach peak\n> carbon soon', 'markdown'), [['peak\n> carbon', 'peak-carbon', 'canonical']]);
    assert.deepEqual(summary('- reach peak\n  carbon soon', 'markdown'), [['peak\n  carbon', 'peak-carbon', 'canonical']]);
  });

  it('drops the line break inside Chinese broken across lines', () => {
    assert.deepEqual(summary('中国实现碳\n达峰目标'), [['碳\n达峰', 'peak-carbon', 'canonical']]);
    assert.deepEqual(summary('碳达峰碳\n中和'), [['碳达峰碳\n中和', 'peak-carbon-and-carbon-neutrality', 'canonical']]);
  });

  it('ends any match at a blank line', () => {
    assert.deepEqual(summary('peak\n\ncarbon'), []);
    assert.deepEqual(summary('peak\n   \ncarbon'), []);
    assert.deepEqual(summary('碳\n\n达峰'), []);
    assert.deepEqual(summary('> peak\n>\n> carbon', 'markdown'), []);
  });

  it('treats runs of whitespace as one space', () => {
    assert.deepEqual(summary('peak \t  carbon'), [['peak \t  carbon', 'peak-carbon', 'canonical']]);
    assert.deepEqual(summary('peak\u00a0carbon'), [['peak\u00a0carbon', 'peak-carbon', 'canonical']]);
    assert.deepEqual(summary('peak\u3000carbon'), [['peak\u3000carbon', 'peak-carbon', 'canonical']]);
  });

  it('folds full-width letters, digits and spaces', () => {
    assert.deepEqual(summary('ＮＤＣｓ'), [['ＮＤＣｓ', 'ndcs', 'admitted']]);
    assert.deepEqual(summary('ｐｅａｋ　ｃａｒｂｏｎ'), [['ｐｅａｋ　ｃａｒｂｏｎ', 'peak-carbon', 'canonical']]);
  });

  it('folds curly and straight quotes and apostrophes', () => {
    assert.deepEqual(summary('China’s plans'), [['China’s plans', 'china-plans', 'canonical']]);
    assert.deepEqual(summary("China's plans"), [["China's plans", 'china-plans', 'canonical']]);
    assert.deepEqual(summary('China＇s plans'), [['China＇s plans', 'china-plans', 'canonical']]);
  });

  it('folds hyphen variants and drops the soft hyphen', () => {
    for (const h of ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212']) {
      assert.deepEqual(summary(`a low${h}carbon economy`), [[`low${h}carbon`, 'low-carbon', 'canonical']], `hyphen U+${h.charCodeAt(0).toString(16)}`);
    }
    assert.deepEqual(summary('carbon neutral\u00adity'), [['carbon neutral\u00adity', 'carbon-neutrality', 'canonical']]);
    assert.deepEqual(summary('low carbon'), []);
  });

  it('prefers the better status when forms are shared by concepts', () => {
    const shared = new TermMatcher([
      ...fixtureConcepts,
      { id: 'x', zh: '峰值', en: 'carbon peak', accepted: [], deprecated: [], definition: { zh: '', en: '' }, category: 'goals', refs: [] },
    ]);
    const [m] = shared.findAll('the carbon peak');
    assert.equal(m.concept.id, 'x');
    assert.equal(m.status, 'canonical');
  });

  it('scans only the given range', () => {
    const text = '碳中和。碳达峰。碳中和';
    assert.deepEqual(
      matcher.findAll(text, 'plaintext', 4, 8).map((m) => [m.start, m.found]),
      [[4, '碳达峰']],
    );
  });

  it('skips Markdown code but checks prose', () => {
    const md = ['# Peak carbon', '', '```', 'carbon peaking', '```', '', 'Use `carbon peaking` and carbon neutrality.'].join('\n');
    assert.deepEqual(summary(md, 'markdown'), [
      ['Peak carbon', 'peak-carbon', 'canonical'],
      ['carbon neutrality', 'carbon-neutrality', 'canonical'],
    ]);
  });

  it('does not join words across inline code', () => {
    assert.deepEqual(summary('peak `x` carbon', 'markdown'), []);
  });

  it('returns nothing for an empty matcher or text', () => {
    assert.deepEqual(new TermMatcher([]).findAll('碳达峰 peak carbon'), []);
    assert.deepEqual(matcher.findAll(''), []);
  });

  it('agrees with a brute-force leftmost-longest search on random text', () => {
    // Reference: at each position try every pattern (normalised forms only, no wrapping).
    const forms: Array<[string, string]> = [];
    for (const c of fixtureConcepts) {
      forms.push([c.zh, c.id], [c.en.toLowerCase(), c.id]);
      for (const f of [...c.accepted, ...c.deprecated]) if (!f.caseSensitive) forms.push([f.text.toLowerCase(), c.id]);
    }
    const pieces = ['碳', '达峰', '碳中和', '峰值', 'peak ', 'carbon ', 'neutrality ', '，', 'x ', '碳达峰', '双碳', 'emissions '];
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const isWord = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/i.test(ch);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const n = 1 + Math.floor(rand() * 12);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(rand() * pieces.length)];
      const expected: Array<[number, string]> = [];
      for (let i = 0; i < text.length; ) {
        let best = '';
        for (const [form] of forms) {
          if (form.length <= best.length || !text.startsWith(form, i)) continue;
          if (isWord(form[0]) && isWord(text[i - 1])) continue;
          if (isWord(form[form.length - 1]) && isWord(text[i + form.length])) continue;
          best = form;
        }
        if (best) {
          expected.push([i, best]);
          i += best.length;
        } else i++;
      }
      const actual = matcher.findAll(text).map((m) => [m.start, m.found] as [number, string]);
      assert.deepEqual(actual, expected, JSON.stringify(text));
    }
  });
});
