import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergeTermBases, parseGlossary } from '../../src/core/glossary';
import type { Concept, TermBase } from '../../src/core/types';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/glossary');
const richBase = (): TermBase => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rich-base.json'), 'utf8')) as TermBase;
const concept = (base: TermBase, id: string): Concept => {
  const c = base.concepts.find((x) => x.id === id);
  assert.ok(c, `no concept ${id}`);
  return c;
};
const entry = (partial: Partial<Concept> & { id: string; zh: string; en: string }, extra: Record<string, unknown> = {}): Concept =>
  ({ accepted: [], deprecated: [], definition: { zh: '', en: '' }, category: '', refs: [], ...partial, ...extra }) as Concept;

describe('glossary merge', () => {
  it('extends a bundled concept: new forms, missing definition, refs; canonical kept', () => {
    const base = richBase();
    base.concepts[1].definition.en = '';
    const { base: merged, conflicts, problems } = mergeTermBases(base, [
      {
        source: 'ministry.glossary.json',
        concepts: [
          entry({
            id: 'carbon-neutrality',
            zh: '碳中和',
            en: 'climate neutrality', // differs from the canonical: becomes an admitted form
            accepted: [{ text: '碳中和目标', lang: 'zh' }],
            deprecated: [{ text: 'net zero', lang: 'en', note: 'reserved for all greenhouse gases' }, { text: 'carbon neutralization', lang: 'en' }],
            definition: { zh: '不该覆盖', en: 'Net-zero CO2, as the ministry defines it.' },
            refs: ['II.p1'],
          }),
        ],
      },
    ]);
    const c = concept(merged, 'carbon-neutrality');
    assert.equal(c.zh, '碳中和');
    assert.equal(c.en, 'carbon neutrality');
    assert.deepEqual(c.accepted.map((f) => f.text), ['climate neutrality', '碳中和目标']);
    // "carbon neutralization" was already deprecated: not repeated
    assert.deepEqual(c.deprecated.map((f) => f.text), ['carbon neutralization', '碳中立', 'net zero']);
    assert.equal(c.deprecated[2].note, 'reserved for all greenhouse gases');
    assert.equal(c.definition.zh, '二氧化碳净零排放。', 'an existing definition is not replaced');
    assert.equal(c.definition.en, 'Net-zero CO2, as the ministry defines it.', 'a missing definition is filled');
    assert.deepEqual(c.refs, ['II.p1']);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(problems, []);
    // the input base is left alone
    assert.equal(base.concepts[1].deprecated.length, 2);
  });

  it('overrides a bundled concept when the entry says "override": true', () => {
    const { base: merged } = mergeTermBases(richBase(), [
      {
        source: 'house-style.json',
        concepts: [
          entry(
            { id: 'peak-carbon', zh: '碳达峰', en: 'carbon peaking', accepted: [{ text: 'peak carbon', lang: 'en' }], deprecated: [{ text: 'carbon peak', lang: 'en' }] },
            { override: true },
          ),
        ],
      },
    ]);
    const c = concept(merged, 'peak-carbon');
    assert.equal(c.en, 'carbon peaking');
    assert.deepEqual(c.accepted, [{ text: 'peak carbon', lang: 'en' }]);
    assert.deepEqual(c.deprecated, [{ text: 'carbon peak', lang: 'en' }]);
    // left empty in the entry: taken from the bundled concept
    assert.match(c.definition.en, /plateau/);
    assert.equal(c.category, 'goals');
    assert.deepEqual(c.refs, ['preface.p2', 'I.p1', 'I.2.p3']);
  });

  it('reads "override" from CSV (column) and TBX (entry note) too', () => {
    const csv = parseGlossary('id,lang,status,term,override\npeak-carbon,zh,preferred,碳达峰,\npeak-carbon,en,preferred,carbon peaking,true\n', 'o.csv');
    const tbx = parseGlossary(
      '<tbx type="TBX-Basic"><text><body><conceptEntry id="peak-carbon"><note>[carbon-lexicon] override</note>' +
        '<langSec xml:lang="zh"><termSec><term>碳达峰</term></termSec></langSec>' +
        '<langSec xml:lang="en"><termSec><term>carbon peaking</term></termSec></langSec></conceptEntry></body></text></tbx>',
      'o.tbx',
    );
    for (const read of [csv, tbx]) {
      assert.deepEqual(read.errors, []);
      assert.equal(read.concepts[0].override, true);
      const c = concept(mergeTermBases(richBase(), [{ source: 'o', concepts: read.concepts }]).base, 'peak-carbon');
      assert.equal(c.en, 'carbon peaking');
      assert.deepEqual(c.deprecated, []);
    }
  });

  it('adds concepts with new ids, in order after the base', () => {
    const project = parseGlossary(fs.readFileSync(path.join(FIXTURES, 'tbx2019-basic.tbx'), 'utf8'), 'tbx2019-basic.tbx');
    const { base: merged, conflicts } = mergeTermBases(richBase(), [{ source: 'tbx2019-basic.tbx', concepts: project.concepts }]);
    assert.deepEqual(merged.concepts.map((c) => c.id), ['peak-carbon', 'carbon-neutrality', 'ndcs', 'national-carbon-market', 'energy-consumption-intensity']);
    const added = concept(merged, 'national-carbon-market');
    assert.equal(added.zh, '全国碳市场');
    assert.equal('line' in added, false, 'glossary-only fields do not leak into the term base');
    assert.deepEqual(conflicts, []);
  });

  it('matches id-less CSV rows to existing concepts by their canonical terms', () => {
    const csv = parseGlossary('zh,en\n碳中和,net-zero carbon\n碳汇,carbon sink\n', 'translator.csv');
    assert.deepEqual(csv.errors, []);
    const { base: merged } = mergeTermBases(richBase(), [{ source: 'translator.csv', concepts: csv.concepts }]);
    assert.equal(merged.concepts.length, 4);
    assert.deepEqual(concept(merged, 'carbon-neutrality').accepted.map((f) => f.text), ['net-zero carbon']);
    assert.equal(concept(merged, 'carbon-sink').en, 'carbon sink');
  });

  it('gives an id-less row to the first concept sharing its Chinese or (in any case) English term, as overrides leave them', () => {
    const base: TermBase = {
      schemaVersion: 1,
      concepts: [entry({ id: 'alpha', zh: '甲', en: 'Alpha' }), entry({ id: 'beta', zh: '乙', en: 'Beta' })],
    };
    const row = (zh: string, en: string) => entry({ id: `row-${en}`, zh, en }, { provisionalId: true });
    const { base: merged } = mergeTermBases(base, [
      // Shares its English with alpha and its Chinese with beta: alpha comes first.
      { source: 'a.csv', concepts: [row('乙', 'ALPHA')] },
      // beta's canonical forms change: 乙 no longer finds it, 丙 does.
      { source: 'b.json', concepts: [entry({ id: 'beta', zh: '丙', en: 'Gamma' }, { override: true })] },
      { source: 'c.csv', concepts: [row('乙', 'delta'), row('丙', 'epsilon')] },
    ]);
    assert.deepEqual(concept(merged, 'alpha').accepted.map((f) => f.text), ['乙']);
    assert.deepEqual(concept(merged, 'beta').accepted.map((f) => f.text), ['epsilon']);
    const added = merged.concepts.slice(2);
    assert.deepEqual(added.map((c) => [c.zh, c.en]), [['乙', 'delta']]);
  });

  it('reports a rendering claimed by two concepts, naming both concepts and both sources', () => {
    const { base: merged, conflicts } = mergeTermBases(richBase(), [
      {
        source: 'province.csv',
        concepts: [entry({ id: 'carbon-peak-value', zh: '碳排放峰值', en: 'carbon peak', accepted: [{ text: 'NDC', lang: 'en' }] })],
      },
    ]);
    assert.equal(merged.concepts.length, 4, 'both concepts are kept');
    const byText = new Map(conflicts.map((c) => [c.text, c]));
    const peak = byText.get('carbon peak');
    assert.ok(peak, JSON.stringify(conflicts));
    assert.deepEqual(peak.conceptIds, ['peak-carbon', 'carbon-peak-value']);
    assert.deepEqual(peak.sources, ['bundled', 'province.csv']);
    // NDC is shared in the base but not in the project entry: still a conflict
    assert.deepEqual(byText.get('NDC')?.conceptIds, ['ndcs', 'carbon-peak-value']);
    assert.equal(conflicts.length, 2);
  });

  it('reports no conflict when every claim marks the rendering shared', () => {
    const { conflicts } = mergeTermBases(richBase(), [
      { source: 'p.json', concepts: [entry({ id: 'ndrc', zh: '国家发展改革委', en: 'National Development and Reform Commission', accepted: [{ text: 'NDC', lang: 'en', shared: true, caseSensitive: true }] })] },
    ]);
    assert.deepEqual(conflicts, []);
  });

  it('reports conflicts between two project glossaries with both file names', () => {
    const { conflicts } = mergeTermBases({ schemaVersion: 1, concepts: [] }, [
      { source: 'a.json', concepts: [entry({ id: 'green-finance', zh: '绿色金融', en: 'green finance' })] },
      { source: 'b.tbx', concepts: [entry({ id: 'climate-finance', zh: '气候投融资', en: 'climate finance', accepted: [{ text: 'Green Finance', lang: 'en' }] })] },
    ]);
    assert.deepEqual(conflicts, [{ text: 'green finance', conceptIds: ['green-finance', 'climate-finance'], sources: ['a.json', 'b.tbx'] }]);
  });

  it('lets a project change the status of a bundled form, and says so', () => {
    const { base: merged, problems } = mergeTermBases(richBase(), [
      { source: 'p.json', concepts: [entry({ id: 'peak-carbon', zh: '碳达峰', en: 'peak carbon', accepted: [{ text: 'carbon peaking', lang: 'en' }] })] },
    ]);
    const c = concept(merged, 'peak-carbon');
    assert.ok(c.accepted.some((f) => f.text === 'carbon peaking'));
    assert.ok(!c.deprecated.some((f) => f.text === 'carbon peaking'));
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /"carbon peaking" was deprecated in bundled; p.json makes it admitted/);
  });

  it('follows a form moved between lists by several glossaries, and keeps one copy of each form', () => {
    // Each entry in turn: admit, deprecate again, admit again; repeats add nothing but a missing note.
    const peak = (list: 'accepted' | 'deprecated', note?: string) =>
      entry({ id: 'peak-carbon', zh: '碳达峰', en: 'peak carbon', [list]: [{ text: 'Carbon  Peaking', lang: 'en', ...(note ? { note } : {}) }] });
    const { base: merged, problems } = mergeTermBases(richBase(), [
      { source: 'a.json', concepts: [peak('accepted')] },
      { source: 'b.json', concepts: [peak('deprecated'), peak('deprecated', 'b says so')] },
      { source: 'c.json', concepts: [peak('accepted'), peak('accepted', 'c says so'), peak('accepted', 'ignored: one note kept')] },
    ]);
    const c = concept(merged, 'peak-carbon');
    const held = (list: 'accepted' | 'deprecated') => c[list].filter((f) => f.text.toLowerCase().replace(/\s+/g, ' ') === 'carbon peaking');
    assert.deepEqual(held('deprecated'), []);
    assert.deepEqual(held('accepted'), [{ text: 'Carbon  Peaking', lang: 'en', note: 'c says so' }]);
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        '"Carbon  Peaking" was deprecated in bundled; a.json makes it admitted',
        '"Carbon  Peaking" was admitted in a.json; b.json makes it deprecated',
        '"Carbon  Peaking" was deprecated in b.json; c.json makes it admitted',
      ],
    );
  });

  it('gives thousands of id-less rows for one term suffixed ids in row order', () => {
    const rows = ['zh,en', ...Array.from({ length: 3000 }, () => '新术语,new term')];
    const parsed = parseGlossary(rows.join('\n'), 'many.csv');
    // Each repeat is reported under its own id (new-term, new-term-2, ...), in row order.
    const repeats = parsed.errors.filter((e) => e.message.includes('zh: "新术语" also belongs to id "new-term" zh;'));
    assert.deepEqual(
      repeats.map((e) => [e.line, /^id "([^"]+)"/.exec(e.message)?.[1]]),
      Array.from({ length: 2999 }, (_, i) => [3 + i, `new-term-${i + 2}`]),
    );
  });

  it('extends one concept from thousands of entries: each rendering once, in order', () => {
    const entries = Array.from({ length: 3000 }, (_, i) =>
      entry({ id: 'peak-carbon', zh: '碳达峰', en: 'peak carbon', accepted: [{ text: `peak carbon variant ${i % 1500}`, lang: 'en' }] }),
    );
    const { base: merged, problems } = mergeTermBases(richBase(), [{ source: 'many.json', concepts: entries }]);
    const variants = concept(merged, 'peak-carbon').accepted.filter((f) => f.text.startsWith('peak carbon variant'));
    assert.deepEqual(variants.map((f) => f.text), Array.from({ length: 1500 }, (_, i) => `peak carbon variant ${i}`));
    assert.deepEqual(problems, []);
  });

  it('refuses to deprecate a canonical form without override', () => {
    const { base: merged, problems } = mergeTermBases(richBase(), [
      { source: 'p.json', concepts: [entry({ id: 'peak-carbon', zh: '碳达峰', en: 'peak carbon', deprecated: [{ text: 'peak carbon', lang: 'en' }] })] },
    ]);
    assert.equal(concept(merged, 'peak-carbon').en, 'peak carbon');
    assert.ok(!concept(merged, 'peak-carbon').deprecated.some((f) => f.text === 'peak carbon'));
    assert.match(problems[0].message, /canonical en form.*override/);
  });

  it('merges the project fixture into the rich base end to end', () => {
    const project = parseGlossary(fs.readFileSync(path.join(FIXTURES, 'project.glossary.json'), 'utf8'), 'project.glossary.json');
    assert.deepEqual(project.errors, []);
    const { base: merged, conflicts } = mergeTermBases(richBase(), [{ source: 'project.glossary.json', concepts: project.concepts }]);
    assert.deepEqual(merged.concepts.map((c) => c.id), ['peak-carbon', 'carbon-neutrality', 'ndcs', 'carbon-sink']);
    assert.equal(concept(merged, 'peak-carbon').en, 'carbon peaking');
    assert.ok(concept(merged, 'carbon-neutrality').deprecated.some((f) => f.text === 'net zero'));
    assert.deepEqual(conflicts, []);
  });
});
