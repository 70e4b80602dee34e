// "Search terms" over the real term base: fuzzy text search and pinyin.
import { strict as assert } from 'node:assert';
import { bundledTermBase } from '../../src/core/data';
import { pinyinScore, searchItem, TermSearchIndex } from '../../src/vscode/logic/searchIndex';

describe('vscode logic: term search', () => {
  const index = new TermSearchIndex(bundledTermBase.concepts);
  const top = (query: string) => index.search(query)[0]?.concept.zh;

  it('finds 碳达峰 by full pinyin and by initials', () => {
    assert.equal(top('tandafeng'), '碳达峰');
    assert.equal(top('tdf'), '碳达峰');
    assert.equal(top('tan da feng'), '碳达峰');
    assert.equal(top('TDF'), '碳达峰');
  });

  it('finds 碳中和 by pinyin and ranks longer concepts that start the same way after the exact one', () => {
    assert.equal(top('tanzhonghe'), '碳中和');
    const hits = index.search('tandafeng').map((h) => h.concept.zh);
    assert.ok(hits.includes('碳达峰碳中和'), 'a concept whose pinyin starts with the query is listed too');
    assert.ok(hits.indexOf('碳达峰') < hits.indexOf('碳达峰碳中和'));
  });

  it('finds concepts by Chinese, by English, by an admitted or deprecated form, and fuzzily', () => {
    assert.equal(top('碳达峰'), '碳达峰');
    assert.equal(index.search('peak carbon')[0].concept.id, 'peak-carbon');
    assert.equal(index.search('NDCs')[0].concept.id, 'ndcs');
    assert.equal(index.search('carbon peaking')[0].concept.id.startsWith('peak-carbon'), true);
    assert.ok(index.search('peek carbon').some((h) => h.concept.id === 'peak-carbon'), 'a typo still finds it');
  });

  it('searches the definitions', () => {
    const definition = bundledTermBase.concepts.find((c) => c.id === 'peak-carbon')!.definition.en;
    const words = definition.split(/\s+/).slice(4, 9).join(' ');
    assert.ok(index.search(words).some((h) => h.concept.id === 'peak-carbon'), words);
  });

  it('lists every concept for an empty query, and nothing for nonsense', () => {
    assert.equal(index.search('', 10_000).length, bundledTermBase.concepts.length);
    assert.deepEqual(index.search('qqqqxxxxzzzz'), []);
  });

  it('scores pinyin: whole, prefix, from a later syllable', () => {
    const key = { syllables: ['tan', 'da', 'feng'], full: 'tandafeng', initials: 'tdf' };
    assert.equal(pinyinScore(key, 'tandafeng'), 0.01);
    assert.equal(pinyinScore(key, 'tdf'), 0.01);
    assert.ok(pinyinScore(key, 'tanda')! < pinyinScore(key, 'dafeng')!);
    assert.equal(pinyinScore(key, 'x'), undefined);
    assert.equal(pinyinScore(key, 'fengda'), undefined);
  });

  it('gives the same top hits with and without the fuzzy pass it skips when enough hits score better', () => {
    // A large glossary: a query such as "term 1" has hundreds of substring hits, and the fuzzy
    // pass (skipped then) could not change the first 50.
    const glossary = Array.from({ length: 3000 }, (_, i) => ({
      id: `g-${i}`,
      zh: `术语${String.fromCharCode(0x4e00 + i)}`,
      en: `glossary term ${i}`,
      accepted: [],
      deprecated: [],
      definition: { zh: '', en: '' },
      category: 'project',
      refs: [],
    }));
    const large = new TermSearchIndex([...bundledTermBase.concepts, ...glossary]);
    const ids = (hits: Array<{ concept: { id: string }; score: number }>) => hits.map((h) => `${h.concept.id}:${h.score.toFixed(6)}`);
    for (const query of ['term 1', 'glossary', 'carbon', 'c', 'sh', '术语', 'tandafeng', 'term 12', 'glosary term', 'peak carbon']) {
      assert.deepEqual(ids(large.search(query)), ids(large.search(query, 50, { alwaysFuzzy: true })), query);
    }
  });

  it('shapes results as the API returns them', () => {
    const concept = bundledTermBase.concepts.find((c) => c.id === 'peak-carbon')!;
    const item = searchItem(concept);
    assert.equal(item.conceptId, 'peak-carbon');
    assert.equal(item.label, '碳达峰 · peak carbon');
    assert.ok(item.description?.includes('peak carbon dioxide emissions'));
  });
});
