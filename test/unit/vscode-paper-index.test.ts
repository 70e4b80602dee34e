import { strict as assert } from 'node:assert';
import { bundledTermBase, paper } from '../../src/core/data';
import { createEngine } from '../../src/core/engine';
import { evidenceFor, PaperIndex, paragraphById, sectionById, splitSentences } from '../../src/core/paperIndex';

describe('core: paperIndex', () => {
  const engine = createEngine();
  const concept = (id: string) => bundledTermBase.concepts.find((c) => c.id === id)!;

  it('looks up paragraphs and sections by id', () => {
    assert.equal(paragraphById('preface.p2')?.section, 'preface');
    assert.equal(sectionById('I.2')?.parent, 'I');
    assert.equal(paragraphById('nope'), undefined);
    assert.deepEqual(new PaperIndex(paper).sectionPath('I.2').map((s) => s.id), ['I', 'I.2']);
  });

  it('splits sentences in both languages', () => {
    assert.deepEqual(splitSentences('中国一向重信守诺、言出必行。作出碳达峰碳中和重大宣示五年来，中国成就显著！', 'zh'), ['中国一向重信守诺、言出必行。', '作出碳达峰碳中和重大宣示五年来，中国成就显著！']);
    assert.deepEqual(splitSentences('China always honors its commitments. It acts. The U.S. Congress met.', 'en'), ['China always honors its commitments.', 'It acts.', 'The U.S. Congress met.']);
  });

  it('quotes the sentence with the term in each language, with offsets of the term inside it', () => {
    const evidence = evidenceFor(concept('ndcs'), engine.matcher);
    assert.ok(evidence.length >= 1);
    const first = evidence[0];
    assert.equal(first.paragraph.id, 'preface.p2');
    assert.equal(first.section?.id, 'preface');
    assert.equal(first.zhSentence, '2020年12月12日，习近平总书记在气候雄心峰会上宣布了中国2030年国家自主贡献目标。');
    assert.equal(first.zh!.sentence.slice(first.zh!.start, first.zh!.end), '国家自主贡献');
    assert.ok(first.enSentence!.startsWith('On December 12, 2020, he presented'));
    assert.equal(first.en!.sentence.slice(first.en!.start, first.en!.end), 'Nationally Determined Contributions');
  });

  it('finds the bare term inside longer concepts when the paper never uses it alone', () => {
    const evidence = new PaperIndex().evidenceFor(concept('peak-carbon'), engine.matcher);
    assert.ok(evidence.length > 3);
    assert.ok(evidence[0].zhSentence!.includes('碳达峰'));
    assert.match(evidence[0].enSentence!, /peak carbon/i);
    // Paragraphs in both languages first.
    const firstEnglishOnly = evidence.findIndex((e) => !e.zh);
    if (firstEnglishOnly >= 0) assert.ok(evidence.slice(firstEnglishOnly).every((e) => !e.zh || !e.en));
  });

  it('works without a matcher (plain search) and returns nothing for a concept the paper lacks', () => {
    const plain = evidenceFor(concept('ndcs'));
    assert.equal(plain[0].paragraph.id, 'preface.p2');
    const made = { ...concept('ndcs'), id: 'made-up', zh: '不存在的词', en: 'nonexistent phrase', accepted: [], deprecated: [], refs: [] };
    assert.deepEqual(evidenceFor(made), []);
  });
});
