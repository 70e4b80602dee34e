import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glossaryFormatOf, parseGlossary, type GlossaryConcept } from '../../src/core/glossary';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/glossary');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const load = (name: string) => parseGlossary(read(name), name);
const byId = (concepts: GlossaryConcept[], id: string): GlossaryConcept => {
  const c = concepts.find((x) => x.id === id);
  assert.ok(c, `concept ${id} not found among ${concepts.map((x) => x.id).join(', ')}`);
  return c;
};
const texts = (forms: Array<{ text: string; lang: string }>): string[] => forms.map((f) => `${f.lang}:${f.text}`);

describe('glossary formats', () => {
  describe('format by file name', () => {
    it('picks the reader from the extension', () => {
      assert.equal(glossaryFormatOf('terms.glossary.json'), 'json');
      assert.equal(glossaryFormatOf('C:\\x\\Terms.CSV'), 'csv');
      assert.equal(glossaryFormatOf('a.tsv'), 'tsv');
      assert.equal(glossaryFormatOf('a.tbx'), 'tbx');
      assert.equal(glossaryFormatOf('a.tbx.xml'), 'tbx');
      assert.equal(glossaryFormatOf('a.xml'), 'tbx');
      assert.equal(glossaryFormatOf('a.xlsx'), undefined);
    });
    it('refuses an unknown extension with a message', () => {
      const r = parseGlossary('zh,en\n碳汇,carbon sink\n', 'terms.xlsx');
      assert.equal(r.concepts.length, 0);
      assert.match(r.errors[0].message, /unknown glossary format/);
    });
  });

  describe('JSON', () => {
    it('reads the term base format with shorthand string forms', () => {
      const r = load('project.glossary.json');
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.concepts.map((c) => c.id), ['carbon-neutrality', 'peak-carbon', 'carbon-sink']);
      const peak = byId(r.concepts, 'peak-carbon');
      assert.equal(peak.override, true);
      assert.deepEqual(texts(peak.deprecated), ['en:carbon peak']);
      const sink = byId(r.concepts, 'carbon-sink');
      assert.equal(sink.category, 'ecology');
      assert.match(sink.definition.en, /removes carbon dioxide/);
      assert.equal(sink.line, 21);
    });
    it('accepts a bare array of concepts and a string definition', () => {
      const r = parseGlossary('[{"id":"carbon-sink","zh":"碳汇","en":"carbon sink","definition":"吸收二氧化碳的过程。","accepted":["碳汇能力"]}]', 'g.json');
      assert.deepEqual(r.errors, []);
      assert.equal(r.concepts[0].definition.zh, '吸收二氧化碳的过程。');
      assert.equal(r.concepts[0].definition.en, '');
      assert.deepEqual(r.concepts[0].accepted, [{ text: '碳汇能力', lang: 'zh' }]);
    });
    it('maps language tags such as zh-CN and en-US on forms', () => {
      const r = parseGlossary('[{"id":"a","zh":"碳汇","en":"carbon sink","accepted":[{"text":"carbon sinks","lang":"en-US"},{"text":"碳吸收","lang":"zh-Hans"}]}]', 'g.json');
      assert.deepEqual(r.errors, []);
      assert.deepEqual(texts(r.concepts[0].accepted), ['en:carbon sinks', 'zh:碳吸收']);
    });
  });

  describe('CSV, full layout', () => {
    it('reads one row per form, quoted fields with commas, quotes and line breaks', () => {
      const r = load('full-layout.csv');
      assert.deepEqual(r.errors, []);
      const sink = byId(r.concepts, 'carbon-sink');
      assert.equal(sink.zh, '碳汇');
      assert.equal(sink.en, 'carbon sink');
      assert.equal(sink.definition.en, 'A process that removes CO2 from the atmosphere,\nand stores it "for good".');
      assert.deepEqual(texts(sink.accepted), ['en:carbon sinks']);
      assert.deepEqual(texts(sink.deprecated), ['en:carbon absorption sink', 'zh:碳吸收汇']);
      assert.equal(sink.deprecated[0].note, 'older rendering, "sink" alone is enough');
      const ndcs = byId(r.concepts, 'ndcs');
      assert.deepEqual(ndcs.accepted, [{ text: 'NDCs', lang: 'en', caseSensitive: true }]);
      assert.equal(ndcs.category, 'international');
      // A record with an embedded line break is placed at its first line, the rows after it at theirs.
      assert.equal(sink.line, 2);
      assert.equal(ndcs.line, 8);
    });
  });

  describe('CSV, simple two-column layout', () => {
    it('reads "Chinese,English" with CRLF and a definition column', () => {
      const r = load('simple-zh-en.csv');
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.concepts.map((c) => [c.zh, c.en]), [
        ['碳汇', 'carbon sink'],
        ['全国碳市场', 'national carbon market'],
        ['绿色低碳转型', 'green and low-carbon transition'],
      ]);
      assert.equal(r.concepts[0].definition.en, 'A process that removes CO2, and stores it');
      assert.ok(r.concepts.every((c) => c.provisionalId === true));
      assert.equal(r.concepts[2].id, 'green-and-low-carbon-transition');
    });
    it('reads "English;Chinese" with a BOM and semicolons, the column order swapped', () => {
      const r = load('simple-en-zh-semicolon.csv');
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.concepts.map((c) => [c.zh, c.en]), [
        ['碳汇', 'carbon sink'],
        ['碳捕集利用与封存', 'carbon capture; utilisation and storage'],
      ]);
    });
    it('tells source and target apart by script in a TSV', () => {
      const r = load('source-target.tsv');
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.concepts.map((c) => [c.zh, c.en]), [
        ['碳汇', 'carbon sink'],
        ['全国碳市场', 'national carbon market'],
      ]);
    });
    it('reads a header-less file from its first row', () => {
      const r = load('headerless.csv');
      assert.deepEqual(r.errors, []);
      assert.equal(r.concepts.length, 2);
      assert.equal(r.concepts[0].line, 1);
    });
    it('reads memoQ-style columns (English_United_States, Chinese_PRC, *_Def) and tagged headers', () => {
      const memoq = parseGlossary(
        'English_United_States;English_United_States_Def;Chinese_PRC;Chinese_PRC_Def\nnational carbon market;A market for emission allowances.;全国碳市场;全国统一的碳排放权交易市场。\n',
        'memoq.csv',
      );
      assert.deepEqual(memoq.errors, []);
      assert.deepEqual([memoq.concepts[0].zh, memoq.concepts[0].en], ['全国碳市场', 'national carbon market']);
      assert.deepEqual(memoq.concepts[0].definition, { zh: '全国统一的碳排放权交易市场。', en: 'A market for emission allowances.' });
      const tagged = parseGlossary('Term (en-GB)\tTerm (zh-Hans)\ncarbon sink\t碳汇\n', 'tagged.tsv');
      assert.deepEqual(tagged.errors, []);
      assert.deepEqual([tagged.concepts[0].zh, tagged.concepts[0].en], ['碳汇', 'carbon sink']);
    });
    it('detects zh-CN / en-US headers in English-first order', () => {
      const r = parseGlossary('en-US,zh-CN\r\nnational carbon market,全国碳市场\r\n', 'x.csv');
      assert.deepEqual(r.errors, []);
      assert.deepEqual([r.concepts[0].zh, r.concepts[0].en], ['全国碳市场', 'national carbon market']);
    });
  });

  describe('TBX', () => {
    it('reads TBX 2008 / TBX-Basic (martif, termEntry, langSet, tig and ntig)', () => {
      const r = load('tbx2008-basic.tbx');
      assert.deepEqual(r.errors, []);
      const sink = byId(r.concepts, 'carbon-sink');
      assert.equal(sink.zh, '碳汇');
      assert.equal(sink.en, 'carbon sink');
      assert.deepEqual(texts(sink.accepted), ['en:carbon sinks']);
      // deprecatedTerm and supersededTerm both become deprecated
      assert.deepEqual(texts(sink.deprecated), ['zh:碳吸收汇', 'en:carbon absorption sink']);
      assert.equal(sink.deprecated[0].note, '旧称');
      assert.equal(sink.category, 'ecology');
      assert.equal(sink.definition.en, 'A process, activity or mechanism that removes carbon dioxide from the atmosphere & stores it.');
      assert.equal(sink.definition.zh, '吸收并储存二氧化碳的过程、活动或机制。');
      const ccus = byId(r.concepts, 'ccus');
      assert.equal(ccus.en, 'carbon capture, utilisation and storage'); // xml:lang="en-GB"
      assert.equal(ccus.zh, '碳捕集利用与封存'); // xml:lang="zh"
      assert.deepEqual(ccus.accepted, [{ text: 'CCUS', lang: 'en', note: 'abbreviation, after the first mention' }]);
    });
    it('reads TBX 2019 / TBX-Basic (tbx, conceptEntry, langSec, termSec)', () => {
      const r = load('tbx2019-basic.tbx');
      assert.deepEqual(r.errors, []);
      const market = byId(r.concepts, 'national-carbon-market');
      assert.equal(market.zh, '全国碳市场'); // xml:lang="zh-Hans"
      assert.equal(market.en, 'national carbon market');
      assert.deepEqual(texts(market.accepted), ['zh:全国碳排放权交易市场', 'en:national carbon trading market']);
      assert.equal(market.accepted[1].note, 'in texts on emissions trading');
      assert.deepEqual(texts(market.deprecated), ['en:China carbon exchange']);
      assert.equal(market.category, 'policy-terms');
      assert.equal(market.definition.zh, '全国统一的碳排放权交易市场。');
      const intensity = byId(r.concepts, 'energy-consumption-intensity');
      assert.deepEqual(texts(intensity.deprecated), ['en:energy consumption per unit of GDP']);
      assert.equal(intensity.line, 40);
    });
    it('reads the DCT style of TBX 2019 (min:administrativeStatus, basic:definition)', () => {
      const xml = `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <text><body>
    <conceptEntry id="carbon-sink">
      <min:subjectField>ecology</min:subjectField>
      <langSec xml:lang="zh"><termSec><term>碳汇</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec></langSec>
      <langSec xml:lang="en"><basic:definition>Removes CO2.</basic:definition>
        <termSec><term>carbon sink</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>
        <termSec><term>carbon absorption sink</term><min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`;
      const r = parseGlossary(xml, 'dct.tbx');
      assert.deepEqual(r.errors, []);
      assert.equal(r.concepts[0].category, 'ecology');
      assert.equal(r.concepts[0].definition.en, 'Removes CO2.');
      assert.deepEqual(texts(r.concepts[0].deprecated), ['en:carbon absorption sink']);
    });
    it('takes the first term without status as preferred in plain bilingual TBX', () => {
      const xml = `<martif type="TBX"><text><body>
<termEntry><langSet xml:lang="zh-CN"><tig><term>碳汇</term></tig></langSet>
<langSet xml:lang="en-US"><tig><term>carbon sink</term></tig><tig><term>carbon sinks</term></tig></langSet></termEntry>
</body></text></martif>`;
      const r = parseGlossary(xml, 'plain.tbx');
      assert.deepEqual(r.errors, []);
      assert.equal(r.concepts[0].en, 'carbon sink');
      assert.deepEqual(texts(r.concepts[0].accepted), ['en:carbon sinks']);
      // no id in the file: one is made up and flagged, so the merge can match it by its terms
      assert.equal(r.concepts[0].id, 'carbon-sink');
      assert.equal(r.concepts[0].provisionalId, true);
    });
  });

  describe('entries are literal strings', () => {
    const tricky = 'C++ (a|b)* [x] $1 \\d+ .*';
    for (const [name, text] of [
      ['json', JSON.stringify([{ id: 'tricky', zh: '正则（a|b）*', en: tricky }])],
      ['csv', `zh,en\n正则（a|b）*,"${tricky}"\n`],
      ['tbx', `<martif><text><body><termEntry id="tricky"><langSet xml:lang="zh"><tig><term>正则（a|b）*</term></tig></langSet><langSet xml:lang="en"><tig><term>${tricky}</term></tig></langSet></termEntry></body></text></martif>`],
    ] as const) {
      it(`keeps regular-expression syntax verbatim (${name})`, () => {
        const r = parseGlossary(text, `g.${name}`);
        assert.deepEqual(r.errors, []);
        assert.equal(r.concepts[0].en, tricky);
        assert.equal(r.concepts[0].zh, '正则（a|b）*');
      });
    }
  });
});
