import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { TermMatcher } from '../../src/core/matcher';
import type { DocumentRule } from '../../src/core/lint';
import type { Concept, Finding, TermForm } from '../../src/core/types';
import { detectLayout, lintBilingualDocument, lintPair } from '../../src/core/bilingual';

// Compiled to out/test/unit/, three levels below the project root.
const root = path.resolve(__dirname, '..', '..', '..');
const fixture = (name: string) => fs.readFileSync(path.join(root, 'test', 'fixtures', 'bilingual', name), 'utf8');

function concept(id: string, zh: string, en: string, extra: { accepted?: TermForm[]; deprecated?: TermForm[] } = {}): Concept {
  return {
    id,
    zh,
    en,
    accepted: extra.accepted ?? [],
    deprecated: extra.deprecated ?? [],
    definition: { zh: '', en: '' },
    category: 'goals',
    refs: [],
  };
}

// A small term base of our own, so these tests do not move with data/terms.json.
const concepts: Concept[] = [
  concept('peak-carbon', '碳达峰', 'peak carbon', { deprecated: [{ text: 'carbon peaking', lang: 'en' }] }),
  concept('carbon-neutrality', '碳中和', 'carbon neutrality'),
  concept('ndcs', '国家自主贡献', 'Nationally Determined Contributions', { accepted: [{ text: 'NDCs', lang: 'en' }] }),
  concept('green-areas', '新增绿化面积', 'newly added green areas'),
  concept('paris-agreement', '《巴黎协定》', 'Paris Agreement', { accepted: [{ text: '巴黎协定', lang: 'zh' }] }),
];
const matcher = new TermMatcher(concepts);

type Summary = { rule: string; found: string; concept?: string; related: string[] };

function summarise(findings: Finding[], relatedText: (f: Finding, r: NonNullable<Finding['related']>[number]) => string): Summary[] {
  return findings.map((f) => ({
    rule: f.rule,
    found: f.found,
    concept: f.conceptId,
    related: (f.related ?? []).map((r) => relatedText(f, r)),
  }));
}

/** The four deliberate differences in every layout fixture (English side). */
const EXPECTED: Summary[] = [
  // zh→en: 国家自主贡献 has no rendering in "new climate targets".
  { rule: 'missing-translation', found: 'On December 12, 2020, China announced new climate targets with greater ambition.', concept: 'ndcs', related: ['国家自主贡献'] },
  // 四分之一 became "one-third".
  { rule: 'number-mismatch', found: 'one-third', concept: undefined, related: ['四分之一'] },
  // en→zh: "carbon neutrality" was added in English; reported at the English term.
  { rule: 'missing-translation', found: 'carbon neutrality', concept: 'carbon-neutrality', related: ['中国是拥有14亿多人口的最大发展中国家，任务十分繁重。'] },
  // 2025年 has no counterpart ("This year").
  { rule: 'number-mismatch', found: 'This year marks the 10th anniversary of the Paris Agreement.', concept: undefined, related: ['2025年'] },
];

describe('bilingual rules: interleaved paragraphs in one file', () => {
  const text = fixture('interleaved.md');

  it('detects the layout', () => {
    assert.equal(detectLayout(text, 'markdown'), 'interleaved');
  });

  it('reports each deliberate difference once, on the English side, with related info in the same file', () => {
    const findings = lintBilingualDocument(text, { matcher, format: 'markdown' });
    const got = summarise(findings, (_f, r) => {
      assert.equal(r.file, undefined, 'same document: no file');
      return text.slice(r.start, r.end);
    });
    assert.deepEqual(got, EXPECTED);
    for (const f of findings) {
      assert.equal(text.slice(f.start, f.end), f.found);
      assert.equal(f.severity, 'warning');
    }
  });

  it('names the concept and both languages in the message', () => {
    const findings = lintBilingualDocument(text, { matcher, format: 'markdown' });
    const ndcs = findings.find((f) => f.conceptId === 'ndcs');
    assert.equal(ndcs?.message, '国家自主贡献 (Nationally Determined Contributions) in the Chinese paragraph has no English rendering in the aligned paragraph.');
    const neutral = findings.find((f) => f.conceptId === 'carbon-neutrality');
    assert.match(neutral?.message ?? '', /^carbon neutrality \(碳中和\) in the English paragraph has no Chinese counterpart/);
    const fraction = findings.find((f) => f.found === 'one-third');
    assert.match(fraction?.message ?? '', /one-third \(1\/3\) does not match the Chinese paragraph's 四分之一 \(1\/4\)/);
  });

  it('works with English first and bilingual headings written "English / 中文"', () => {
    const blocks = text.split('\n\n');
    const swapped: string[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const heading = /^(#+) (.*) \/ (.*)$/.exec(blocks[i]);
      if (heading) {
        swapped.push(`${heading[1]} ${heading[3]} / ${heading[2]}`);
      } else {
        swapped.push(blocks[i + 1], blocks[i]);
        i++;
      }
    }
    const enFirst = swapped.join('\n\n');
    assert.equal(detectLayout(enFirst, 'markdown'), 'interleaved');
    const findings = lintBilingualDocument(enFirst, { matcher, format: 'markdown' });
    assert.deepEqual(
      summarise(findings, (_f, r) => enFirst.slice(r.start, r.end)),
      EXPECTED,
    );
  });

  it('works as plain text with the same findings', () => {
    const plain = text.replace(/^#+ /gm, '');
    const findings = lintBilingualDocument(plain, { matcher, format: 'plaintext' });
    assert.deepEqual(summarise(findings, (_f, r) => plain.slice(r.start, r.end)), EXPECTED);
  });

  it('counts a deprecated rendering as a rendering (deprecated-term reports it, not missing-translation)', () => {
    const findings = lintBilingualDocument(text, { matcher, format: 'markdown' });
    assert.ok(!findings.some((f) => f.conceptId === 'peak-carbon'));
    // Without any rendering it is reported.
    const gone = text.replace('Advancing carbon peaking is', 'Advancing this is');
    const again = lintBilingualDocument(gone, { matcher, format: 'markdown' });
    assert.deepEqual(
      again.filter((f) => f.conceptId === 'peak-carbon').map((f) => f.found),
      ['Advancing this is the only way forward.'],
    );
  });

  it('takes another inflection of an English rendering as a rendering', () => {
    const inflected = text.replace('newly added green areas', 'newly-added green area');
    assert.notEqual(inflected, text);
    const findings = lintBilingualDocument(inflected, { matcher, format: 'markdown' });
    assert.ok(!findings.some((f) => f.conceptId === 'green-areas'));
    // A different wording is still missing.
    const reworded = text.replace("the world's newly added green areas", 'new forests');
    assert.deepEqual(
      lintBilingualDocument(reworded, { matcher, format: 'markdown' }).filter((f) => f.conceptId === 'green-areas').map((f) => f.rule),
      ['missing-translation'],
    );
  });

  it('honours rule severities, "off" and ignored concepts', () => {
    const off = lintBilingualDocument(text, { matcher, format: 'markdown', config: { rules: { 'number-mismatch': 'off' } } });
    assert.deepEqual(off.map((f) => f.rule), ['missing-translation', 'missing-translation']);
    const ignored = lintBilingualDocument(text, { matcher, format: 'markdown', config: { ignoredConcepts: ['ndcs'], rules: { 'missing-translation': 'error' } } });
    assert.deepEqual(
      ignored.filter((f) => f.rule === 'missing-translation').map((f) => [f.conceptId, f.severity]),
      [['carbon-neutrality', 'error']],
    );
    const none = lintBilingualDocument(text, { matcher, format: 'markdown', config: { rules: { 'number-mismatch': 'off', 'missing-translation': 'off' } } });
    assert.deepEqual(none, []);
  });

  it('reports on the Chinese side when the translation goes from English to Chinese', () => {
    const findings = lintBilingualDocument(text, { matcher, format: 'markdown', direction: 'en-to-zh' });
    const ndcs = findings.find((f) => f.conceptId === 'ndcs');
    assert.equal(ndcs?.found, '国家自主贡献', 'the Chinese term itself: English has no counterpart');
    const neutral = findings.find((f) => f.conceptId === 'carbon-neutrality');
    assert.equal(neutral?.found, '中国是拥有14亿多人口的最大发展中国家，任务十分繁重。');
    assert.match(neutral?.message ?? '', /^carbon neutrality \(碳中和\) in the English paragraph has no Chinese rendering/);
  });

  it('fits the engine document-rule hook', () => {
    const rule: DocumentRule = lintBilingualDocument;
    assert.equal(rule(text, { matcher, format: 'markdown' }).length, EXPECTED.length);
  });
});

describe('bilingual rules: a zh/en Markdown table', () => {
  const text = fixture('glossary-table.md');

  it('finds the Chinese and English columns by the language of their cells', () => {
    assert.equal(detectLayout(text, 'markdown'), 'table');
    const findings = lintBilingualDocument(text, { matcher, format: 'markdown' });
    assert.deepEqual(
      summarise(findings, (_f, r) => text.slice(r.start, r.end)),
      [
        { rule: 'missing-translation', found: 'climate targets', concept: 'ndcs', related: ['国家自主贡献'] },
        { rule: 'number-mismatch', found: '2065', concept: undefined, related: ['2060年'] },
      ],
    );
    assert.match(findings[0].message, /in the Chinese table cell has no English rendering in the aligned table cell/);
  });

  it('ignores a table with no Chinese column', () => {
    const english = '| Term | Notes |\n| --- | --- |\n| peak carbon | 2030 |\n| carbon neutrality | 2060 |\n';
    assert.deepEqual(lintBilingualDocument(english + '\n碳达峰\n', { matcher, format: 'markdown' }), []);
  });
});

describe('bilingual rules: a pair of files', () => {
  const zh = fixture('report.zh.md');
  const en = fixture('report.en.md');

  it('aligns by headings and paragraphs (one Chinese paragraph as two English ones) and reports the same differences', () => {
    const result = lintPair(zh, en, { matcher, format: 'markdown', zhFile: 'report.zh.md', enFile: 'report.en.md' });
    assert.deepEqual(result.zh, []);
    const got = summarise(result.en, (_f, r) => {
      assert.equal(r.file, 'report.zh.md', 'related info points into the Chinese file');
      return zh.slice(r.start, r.end);
    });
    assert.deepEqual(got, [
      EXPECTED[0],
      EXPECTED[1],
      { ...EXPECTED[2], related: ['中国是拥有14亿多人口的最大发展中国家，任务十分繁重。'] },
      EXPECTED[3],
    ]);
    for (const f of result.en) assert.equal(en.slice(f.start, f.end), f.found);
  });

  it('reports into the Chinese file for English-to-Chinese translation', () => {
    const result = lintPair(zh, en, { matcher, format: 'markdown', zhFile: 'report.zh.md', enFile: 'report.en.md', direction: 'en-to-zh' });
    assert.deepEqual(result.en, []);
    assert.ok(result.zh.length >= 3);
    for (const f of result.zh) {
      assert.equal(zh.slice(f.start, f.end), f.found);
      for (const r of f.related ?? []) assert.equal(r.file, 'report.en.md');
    }
  });

  it('finds nothing when the translation is faithful', () => {
    const fixed = en
      .replace('new climate targets', 'new Nationally Determined Contributions')
      .replace('one-third', 'one-fourth')
      .replace(' pursuing carbon neutrality', '')
      .replace('This year marks', 'The year 2025 marks');
    assert.deepEqual(lintPair(zh, fixed, { matcher, format: 'markdown', zhFile: 'a', enFile: 'b' }), { zh: [], en: [] });
  });

  it('applies suppression comments in the file where a finding lands', () => {
    const suppressed = en.replace('On December 12, 2020', '<!-- carbon-lexicon-disable-next-line missing-translation -->\nOn December 12, 2020');
    const result = lintPair(zh, suppressed, { matcher, format: 'markdown', zhFile: 'a', enFile: 'b' });
    assert.ok(!result.en.some((f) => f.conceptId === 'ndcs'));
    assert.equal(result.en.length, 3);
  });
});

describe('bilingual rules: monolingual documents', () => {
  it('returns nothing for a Chinese document quoting one English sentence', () => {
    const text = fixture('monolingual-zh.md');
    assert.equal(detectLayout(text, 'markdown'), 'none');
    assert.deepEqual(lintBilingualDocument(text, { matcher, format: 'markdown' }), []);
  });

  it('counts a term as translated when the other side holds a larger concept whose English contains it', () => {
    const local = new TermMatcher([
      ...concepts,
      concept('peak-emissions-2030', '二氧化碳排放力争于2030年前达到峰值', 'peak carbon dioxide emissions before 2030'),
    ]);
    const zh = '中国二氧化碳排放力争于2030年前达到峰值。\n';
    const en = 'China will strive to reach carbon peaking before 2030.\n';
    const result = lintPair(zh, en, { matcher: local, format: 'markdown', zhFile: 'a.zh.md', enFile: 'a.en.md' });
    const aboutPeak = result.en.filter((f) => f.rule === 'missing-translation' && f.conceptId === 'peak-carbon');
    assert.deepEqual(aboutPeak, [], 'carbon peaking is covered by the pledge on the Chinese side');
    // Without the pledge concept on the Chinese side, the English term has no counterpart.
    const bare = lintPair('中国将努力。\n', en, { matcher: local, format: 'markdown', zhFile: 'a.zh.md', enFile: 'a.en.md' });
    assert.ok(bare.en.some((f) => f.rule === 'missing-translation' && f.conceptId === 'peak-carbon'));
  });

  it('treats a Chinese draft under an English title as monolingual, and a titled interleaved draft as bilingual', () => {
    const titled = '# Quick fix fixture\n\n我们要实现碳达峰。\n';
    assert.equal(detectLayout(titled, 'markdown'), 'none');
    assert.deepEqual(lintBilingualDocument(titled, { matcher, format: 'markdown' }), []);
    const interleaved = titled + '\nWe will achieve carbon neutrality.\n';
    assert.equal(detectLayout(interleaved, 'markdown'), 'interleaved');
  });

  it('returns nothing for an English document citing Chinese terms', () => {
    const text = fixture('monolingual-en.md');
    assert.equal(detectLayout(text, 'markdown'), 'none');
    assert.deepEqual(lintBilingualDocument(text, { matcher, format: 'markdown' }), []);
  });

  it('returns nothing for empty, binary-looking and one-language text', () => {
    for (const text of ['', '\u0000\u0001\u0002碳达峰 peak carbon', 'English only. '.repeat(1000), '中文。'.repeat(1000)]) {
      assert.deepEqual(lintBilingualDocument(text, { matcher, format: 'plaintext' }), []);
    }
  });

  it('survives a very long single line mixing both languages', () => {
    const line = '碳达峰 peak carbon 2030年 '.repeat(50000);
    const findings = lintBilingualDocument(line, { matcher, format: 'plaintext' });
    assert.ok(Array.isArray(findings));
  });
});
