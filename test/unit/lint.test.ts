import assert from 'node:assert/strict';
import { TermMatcher } from '../../src/core/matcher';
import { lint } from '../../src/core/lint';
import { createEngine } from '../../src/core/engine';
import { bundledTermBase, paper } from '../../src/core/data';
import type { Finding, LintConfig } from '../../src/core/types';
import { fixtureConcepts } from '../fixtures/engine/concepts';

const matcher = new TermMatcher(fixtureConcepts);
const run = (text: string, format: 'plaintext' | 'markdown' = 'plaintext', config?: LintConfig) =>
  lint(text, { matcher, format, config });
const rules = (findings: Finding[]) => findings.map((f) => [f.rule, f.found]);

describe('lint: deprecated-term', () => {
  it('reports a deprecated English rendering with the canonical one, the note and a fix', () => {
    const text = 'We aim for carbon peaking by 2030.';
    const [f] = run(text);
    assert.equal(f.rule, 'deprecated-term');
    assert.equal(f.severity, 'warning');
    assert.equal(f.found, 'carbon peaking');
    assert.equal(text.slice(f.start, f.end), 'carbon peaking');
    assert.equal(f.suggestion, 'peak carbon');
    assert.equal(f.conceptId, 'peak-carbon');
    assert.deepEqual(f.fix, { start: f.start, end: f.end, newText: 'peak carbon' });
    assert.equal(
      f.message,
      '"carbon peaking" is not the white paper\'s rendering of 碳达峰; use "peak carbon". Only inside official document titles.',
    );
  });

  it('reports a deprecated Chinese form with the Chinese canonical', () => {
    const [f] = run('实现碳峰值目标');
    assert.equal(f.found, '碳峰值');
    assert.equal(f.suggestion, '碳达峰');
    assert.match(f.message, /"碳峰值" is not the white paper's term for 碳达峰; use "碳达峰"\./);
  });

  it('keeps sentence-start, title and all-caps capitalisation in the suggestion', () => {
    assert.equal(run('Carbon peaking matters.')[0].suggestion, 'Peak carbon');
    assert.equal(run('# Carbon Peaking in China', 'markdown')[0].suggestion, 'Peak Carbon');
    assert.equal(run('CARBON PEAKING')[0].suggestion, 'PEAK CARBON');
    assert.equal(run('the Paris Accord')[0].suggestion, 'Paris Agreement');
    assert.equal(run('the paris accord')[0].suggestion, 'Paris Agreement');
  });

  it('keeps a suggestion but offers no fix when the replacement would read as another deprecated rendering', () => {
    // "carbon carbon peaking" -> "carbon peak carbon": "carbon peak" is deprecated too.
    const [f] = run('carbon carbon peaking');
    assert.equal(f.found, 'carbon peaking');
    assert.equal(f.suggestion, 'peak carbon');
    assert.equal(f.fix, undefined);
    // Neighbours that are themselves fixed count as fixed: both fixes stay.
    const both = run('carbon peaking, carbon neutralization');
    assert.deepEqual(both.map((x) => x.fix?.newText), ['peak carbon', 'carbon neutrality']);
  });

  it('does not take an acronym at the start for a capitalised sentence', () => {
    const m = new TermMatcher([
      ...fixtureConcepts,
      { id: 'co2', zh: '二氧化碳达峰', en: 'peak carbon dioxide', accepted: [], deprecated: [{ text: 'CO2 peaking', lang: 'en' }], definition: { zh: '', en: '' }, category: 'goals', refs: [] },
    ]);
    assert.equal(lint('the CO2 peaking goal', { matcher: m, format: 'plaintext' })[0].suggestion, 'peak carbon dioxide');
  });

  it('reports a wrapped deprecated rendering as one finding spanning the break', () => {
    const text = 'aim for carbon\n  peaking soon';
    const [f] = run(text);
    assert.equal(f.found, 'carbon\n  peaking');
    assert.match(f.message, /^"carbon peaking" is not/);
  });

  it('does not report inside Markdown code, URLs or comments', () => {
    const md = '`carbon peaking` <!-- carbon peaking --> <!-- 碳峰值 --> https://x.org/a\n\n```\ncarbon peaking\n```\n';
    assert.deepEqual(run(md, 'markdown'), []);
    assert.equal(run(md, 'plaintext').filter((f) => f.rule === 'deprecated-term').length, 4);
  });
});

describe('lint: inconsistent-variant', () => {
  it('reports each occurrence of the less frequent admitted form, with counts', () => {
    const text = 'peak carbon. peak carbon emissions. peak carbon. peak carbon emissions. peak carbon.';
    const findings = run(text).filter((f) => f.rule === 'inconsistent-variant');
    assert.equal(findings.length, 2);
    for (const f of findings) {
      assert.equal(f.found, 'peak carbon emissions');
      assert.equal(f.severity, 'information');
      assert.equal(f.fix, undefined);
      assert.equal(f.message, '碳达峰 is written as "peak carbon" (3×) and "peak carbon emissions" (2×) in this document.');
      assert.equal(f.related?.[0].start, 0);
    }
  });

  it('breaks ties in favour of the canonical form', () => {
    const findings = run('peak carbon emissions, then peak carbon.').filter((f) => f.rule === 'inconsistent-variant');
    assert.deepEqual(rules(findings), [['inconsistent-variant', 'peak carbon emissions']]);
  });

  it('counts each language separately and ignores deprecated forms', () => {
    assert.deepEqual(run('碳达峰 and peak carbon'), []);
    assert.deepEqual(rules(run('peak carbon and carbon peaking')), [['deprecated-term', 'carbon peaking']]);
  });

  it('lists three forms with counts, most frequent first', () => {
    const text = 'peak carbon, peak carbon, peak carbon emissions, peak carbon dioxide emissions, peak carbon emissions';
    const [f] = run(text);
    assert.equal(
      f.message.split(' in this document.')[0],
      '碳达峰 is written as "peak carbon" (2×), "peak carbon emissions" (2×) and "peak carbon dioxide emissions" (1×)',
    );
  });
});

describe('lint: configuration and suppression', () => {
  it('applies severities and turns rules off', () => {
    assert.equal(run('carbon peaking', 'plaintext', { rules: { 'deprecated-term': 'error' } })[0].severity, 'error');
    assert.deepEqual(run('carbon peaking', 'plaintext', { rules: { 'deprecated-term': 'off' } }), []);
  });

  it('ignores concepts listed in ignoredConcepts', () => {
    assert.deepEqual(run('carbon peaking', 'plaintext', { ignoredConcepts: ['peak-carbon'] }), []);
    assert.equal(run('carbon peaking and carbon neutralization', 'plaintext', { ignoredConcepts: ['peak-carbon'] }).length, 1);
  });

  it('honours suppression comments in Markdown and plain text', () => {
    const md = 'carbon peaking\n<!-- carbon-lexicon-disable-next-line -->\ncarbon peaking\ncarbon peaking';
    assert.deepEqual(
      run(md, 'markdown').map((f) => f.start),
      [0, md.lastIndexOf('carbon peaking')],
    );
    assert.equal(run(md, 'plaintext').length, 2);
    const block = 'a <!-- carbon-lexicon-disable deprecated-term --> carbon peaking <!-- carbon-lexicon-enable --> carbon peak';
    assert.deepEqual(rules(run(block, 'markdown')), [['deprecated-term', 'carbon peak']]);
    const other = '<!-- carbon-lexicon-disable-next-line inconsistent-variant -->\ncarbon peaking';
    assert.equal(run(other, 'markdown').length, 1);
  });
});

describe('lint: bilingual rules in one document', () => {
  const engine = createEngine();
  const text =
    '2020年，中国碳排放强度比2005年下降48.4%。\n\n' +
    "In 2020, China's carbon emission intensity was 45.4% lower than in 2005.\n\n" +
    '中国建成了全球最大的可再生能源体系。\n\n' +
    "China has built the world's largest renewable energy system.\n";

  it('runs number-mismatch on interleaved zh/en paragraphs', () => {
    const findings = engine.lint(text, 'markdown').filter((f) => f.rule === 'number-mismatch');
    assert.deepEqual(findings.map((f) => f.found), ['45.4%']);
  });

  it('applies config severities and suppression comments to them', () => {
    assert.deepEqual(engine.lint(text, 'markdown', { rules: { 'number-mismatch': 'off' } }).filter((f) => f.rule === 'number-mismatch'), []);
    assert.equal(engine.lint(text, 'markdown', { rules: { 'number-mismatch': 'error' } }).find((f) => f.rule === 'number-mismatch')?.severity, 'error');
    const suppressed = text.replace('In 2020', '<!-- carbon-lexicon-disable-next-line number-mismatch -->\nIn 2020');
    assert.deepEqual(engine.lint(suppressed, 'markdown').filter((f) => f.rule === 'number-mismatch'), []);
  });

  it('leaves monolingual documents to the term rules', () => {
    assert.deepEqual(engine.lint('2020年下降48.4%。\n\n2021年下降45.4%。', 'markdown'), []);
  });
});

describe('lint: the bundled term base on the white paper itself', () => {
  const engine = createEngine(bundledTermBase);
  const inPaper = new Set<string>();
  for (const c of bundledTermBase.concepts) for (const f of c.deprecated) if (f.inPaper) inPaper.add(`${c.id}\u0000${f.text.toLowerCase()}`);

  it('has data to check', () => {
    assert.ok(bundledTermBase.concepts.length > 0, 'the term base is empty');
    assert.ok(paper.paragraphs.length > 0, 'the paper has no paragraphs');
  });

  it('finds no deprecated term in the paper (zh and en), except forms marked inPaper', () => {
    const offending: string[] = [];
    let matched = 0;
    for (const p of paper.paragraphs) {
      for (const text of [p.zh, ...p.en]) {
        if (!text) continue;
        matched += engine.matches(text).length;
        for (const f of engine.lint(text, 'plaintext')) {
          if (f.rule !== 'deprecated-term') continue;
          if (inPaper.has(`${f.conceptId}\u0000${f.found.toLowerCase().replace(/\s+/g, ' ')}`)) continue;
          offending.push(`${p.id}: ${f.message}`);
        }
      }
    }
    assert.deepEqual(offending, []);
    assert.ok(matched > 20, `only ${matched} term occurrences found in the paper`);
  });

  it("finds the paper's key terms in both languages", () => {
    const all = paper.paragraphs.flatMap((p) => [p.zh ?? '', ...p.en]).join('\n\n');
    const ids = new Set(engine.matches(all).map((m) => m.concept.id));
    // The paper writes 碳达峰碳中和 (17 times in the excerpt); the longest match wins over 碳达峰.
    const dual = bundledTermBase.concepts.find((c) => c.zh === '碳达峰碳中和');
    if (dual) assert.ok(ids.has(dual.id), '碳达峰碳中和 not found in the paper');
    assert.ok(ids.size >= Math.min(10, bundledTermBase.concepts.length / 2), `only ${ids.size} concepts found`);
  });
});

describe('engine', () => {
  const engine = createEngine({ schemaVersion: 1, concepts: fixtureConcepts });

  it('lints with a format and config', () => {
    assert.deepEqual(rules(engine.lint('`carbon peaking` carbon peaking', 'markdown')), [['deprecated-term', 'carbon peaking']]);
  });

  it('finds the term at an offset, including at its end, and nothing between terms', () => {
    const text = 'peak carbon and 碳中和';
    assert.equal(engine.termAt(text, 0)?.concept.id, 'peak-carbon');
    assert.equal(engine.termAt(text, 11)?.concept.id, 'peak-carbon');
    assert.equal(engine.termAt(text, 13), undefined);
    assert.equal(engine.termAt(text, text.length - 1)?.concept.id, 'carbon-neutrality');
  });

  it('looks concepts up by id', () => {
    assert.equal(engine.concept('ndcs')?.zh, '国家自主贡献');
    assert.equal(engine.concept('nope'), undefined);
  });
});
