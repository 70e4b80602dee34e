import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_ENTRIES, MAX_TERM_LENGTH, decodeGlossaryBytes, parseGlossary } from '../../src/core/glossary';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/glossary');
const load = (name: string) => parseGlossary(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), name);

describe('glossary errors', () => {
  describe('TBX', () => {
    it('reports XML that is not well-formed at its line and column', () => {
      const r = load('malformed.tbx');
      assert.equal(r.concepts.length, 0);
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0].line, 10);
      assert.equal(typeof r.errors[0].column, 'number');
      assert.match(r.errors[0].message, /XML is not well-formed.*term/);
    });
    it('reports a language it cannot use, once per language, and keeps the entry', () => {
      const r = load('unknown-language.tbx');
      assert.deepEqual(r.concepts.map((c) => c.id), ['carbon-sink']);
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0].line, 12);
      assert.match(r.errors[0].message, /unsupported language "fr"/);
    });
    it('reports a langSec without xml:lang and refuses Traditional Chinese', () => {
      const xml = `<martif><text><body>
<termEntry id="a"><langSet><tig><term>碳汇</term></tig></langSet></termEntry>
<termEntry id="b"><langSet xml:lang="zh-TW"><tig><term>碳匯</term></tig></langSet><langSet xml:lang="en"><tig><term>carbon sink</term></tig></langSet></termEntry>
</body></text></martif>`;
      const r = parseGlossary(xml, 'x.tbx');
      assert.equal(r.concepts.length, 0);
      const messages = r.errors.map((e) => `${e.line}: ${e.message}`).join('\n');
      assert.match(messages, /^2: .*without xml:lang/m);
      assert.match(messages, /^3: unsupported language "zh-TW"/m);
      assert.match(messages, /^3: .*id="b".*missing preferred Chinese term/m);
    });
    it('reports an entry without a preferred term at the entry, and keeps the others', () => {
      const r = load('missing-preferred.tbx');
      assert.deepEqual(r.concepts.map((c) => c.id), ['ok-entry']);
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0].line, 9);
      assert.match(r.errors[0].message, /no-english-preferred.*missing preferred English term/);
    });
    it('reports an unknown administrativeStatus value at its line', () => {
      const xml = `<tbx type="TBX-Basic"><text><body><conceptEntry id="a">
<langSec xml:lang="zh"><termSec><term>碳汇</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>carbon sink</term></termSec>
<termSec><term>sink</term>
<termNote type="administrativeStatus">maybeTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>`;
      const r = parseGlossary(xml, 'x.tbx');
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0].line, 5);
      assert.match(r.errors[0].message, /unknown administrativeStatus "maybeTerm-admn-sts"/);
    });
    it('refuses XML that is not TBX', () => {
      const r = parseGlossary('<?xml version="1.0"?>\n<html><body/></html>', 'page.xml');
      assert.equal(r.concepts.length, 0);
      assert.match(r.errors[0].message, /not a TBX file.*<html>/);
      assert.equal(r.errors[0].line, 2);
    });
  });

  describe('CSV', () => {
    it('reports a ragged row at its line and loads the other rows', () => {
      const r = load('ragged.csv');
      assert.deepEqual(r.concepts.map((c) => c.en), ['carbon sink', 'carbon neutrality']);
      assert.deepEqual(r.errors.map((e) => e.line), [3]);
      assert.match(r.errors[0].message, /row has 1 field, the header has 2/);
    });
    it('reports a row with an unquoted delimiter inside a term', () => {
      const r = parseGlossary('zh,en\n碳捕集利用与封存,carbon capture, utilisation and storage\n', 'x.csv');
      assert.equal(r.concepts.length, 0);
      assert.equal(r.errors[0].line, 2);
      assert.match(r.errors[0].message, /needs quotes/);
    });
    it('reports an unclosed quote at the line where the quote opens', () => {
      const r = load('unclosed-quote.csv');
      assert.equal(r.concepts.length, 0);
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0].line, 3);
      assert.equal(r.errors[0].column, 7);
      assert.match(r.errors[0].message, /never closed/);
    });
    it('reports a stray quote inside an unquoted field', () => {
      const r = parseGlossary('zh,en\n碳汇,carbon "sink\n', 'x.csv');
      assert.equal(r.concepts.length, 0);
      assert.equal(r.errors[0].line, 2);
      assert.match(r.errors[0].message, /quote/i);
    });
    it('reports full-layout rows with an unknown language or status, and a concept without preferred term', () => {
      const csv = [
        'id,lang,status,term',
        'a,zh,preferred,碳汇',
        'a,en,preferred,carbon sink',
        'a,fr,admitted,puits de carbone',
        'b,zh,preferred,碳中和',
        'b,en,preferred-ish,carbon neutrality',
        'c,zh,preferred,全国碳市场',
        'c,en,admitted,national carbon market',
      ].join('\n');
      const r = parseGlossary(csv, 'full.csv');
      assert.deepEqual(r.concepts, []);
      const messages = r.errors.map((e) => `${e.line}: ${e.message}`);
      assert.ok(messages.some((m) => /^4: id "a": unknown language "fr"/.test(m)), messages.join('\n'));
      assert.ok(messages.some((m) => /^6: id "b": unknown status "preferred-ish"/.test(m)), messages.join('\n'));
      assert.ok(messages.some((m) => /^7: id "c": missing preferred term in en/.test(m)), messages.join('\n'));
    });
    it('says when the Chinese and English columns cannot be told apart', () => {
      const r = parseGlossary('term,translation\ncarbon sink,puits de carbone\n', 'x.csv');
      assert.equal(r.concepts.length, 0);
      assert.match(r.errors[0].message, /cannot tell the Chinese and English columns apart/);
    });
  });

  describe('JSON', () => {
    it('reports a syntax error at its line and column', () => {
      const r = load('syntax-error.json');
      assert.equal(r.concepts.length, 0);
      assert.equal(r.errors.length, 1);
      assert.deepEqual([r.errors[0].line, r.errors[0].column], [5, 5]);
      assert.match(r.errors[0].message, /JSON syntax error: "," or "\]" expected/);
    });
    it('reports schema errors at the line of the entry or field, and keeps valid entries', () => {
      const r = load('schema-error.json');
      assert.deepEqual(r.concepts.map((c) => c.id), ['carbon-sink']);
      const lines = r.errors.map((e) => [e.line, e.message] as const);
      assert.equal(lines.length, 2);
      assert.equal(lines[0][0], 14); // the form with "lang": "fr"
      assert.match(lines[0][1], /concepts\[1\] \(id "national-carbon-market"\).*unknown language "fr"/);
      assert.equal(lines[1][0], 17); // the entry without "en"
      assert.match(lines[1][1], /concepts\[2\] \(id "carbon-neutrality"\).*missing preferred English term/);
    });
    it('reports what the term base validator finds, at the field', () => {
      const json = `{
  "schemaVersion": 1,
  "concepts": [
    {
      "id": "carbon-sink", "zh": "碳汇", "en": "carbon sink",
      "accepted": [
        { "text": "Carbon Sink", "lang": "en" }
      ],
      "deprecated": [
        { "text": "sink", "lang": "en" },
        { "text": "carbon sinks", "lang": "en" }
      ]
    }
  ]
}`;
      const r = parseGlossary(json, 'g.json');
      // the concept loads without the repeated form, as the term base validator does
      assert.equal(r.concepts.length, 1);
      assert.deepEqual(r.concepts[0].accepted, []);
      assert.deepEqual(r.concepts[0].deprecated.map((f) => f.text), ['sink', 'carbon sinks']);
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0].line, 7);
      assert.match(r.errors[0].message, /concepts\[0\] \(id "carbon-sink"\).*repeats the canonical "en"/);
    });
    it('reports unknown fields (typos) instead of ignoring them', () => {
      const r = parseGlossary('[\n{"id":"a","zh":"碳汇","en":"carbon sink",\n "deprecate":["sink"]}\n]', 'g.json');
      assert.equal(r.concepts.length, 0);
      assert.equal(r.errors[0].line, 3);
      assert.match(r.errors[0].message, /unknown field "deprecate"/);
    });
    it('reports duplicate ids at the second one', () => {
      const r = parseGlossary('[\n{"id":"a","zh":"碳汇","en":"carbon sink"},\n{"id":"a","zh":"碳中和","en":"carbon neutrality"}\n]', 'g.json');
      assert.equal(r.concepts.length, 1);
      assert.equal(r.errors[0].line, 3);
      assert.match(r.errors[0].message, /duplicate id "a" \(first used on line 2\)/);
    });
    it('refuses another schemaVersion', () => {
      const r = parseGlossary('{"schemaVersion": 2, "concepts": []}', 'g.json');
      assert.match(r.errors[0].message, /unsupported schemaVersion 2/);
    });
  });

  describe('limits and bad files', () => {
    const long = 'carbon '.repeat(40).trim(); // 279 characters
    assert.ok(long.length > MAX_TERM_LENGTH);
    for (const [name, text, line] of [
      ['json', `[\n{"id":"a","zh":"碳汇","en":"${long}"}\n]`, 2],
      ['csv', `zh,en\n碳汇,${long}\n`, 2],
      ['tbx', `<martif><text><body>\n<termEntry id="a"><langSet xml:lang="zh"><tig><term>碳汇</term></tig></langSet>\n<langSet xml:lang="en"><tig><term>${long}</term></tig></langSet></termEntry></body></text></martif>`, 3],
    ] as const) {
      it(`refuses a term longer than ${MAX_TERM_LENGTH} characters (${name})`, () => {
        const r = parseGlossary(text, `g.${name}`);
        assert.equal(r.concepts.length, 0);
        assert.equal(r.errors.length, 1);
        assert.equal(r.errors[0].line, line);
        assert.match(r.errors[0].message, new RegExp(`${long.length} characters long \\(limit ${MAX_TERM_LENGTH}\\)`));
      });
    }
    it(`refuses more than ${MAX_ENTRIES} entries with a clear message (CSV and JSON)`, () => {
      const rows = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => `碳汇${i},carbon sink ${i}`);
      const csv = parseGlossary(`zh,en\n${rows.join('\n')}\n`, 'big.csv');
      assert.equal(csv.concepts.length, 0);
      assert.match(csv.errors[0].message, new RegExp(`limited to ${MAX_ENTRIES} entries`));
      const json = parseGlossary(`[${Array.from({ length: MAX_ENTRIES + 1 }, () => '{}').join(',')}]`, 'big.json');
      assert.equal(json.concepts.length, 0);
      assert.match(json.errors[0].message, new RegExp(`limited to ${MAX_ENTRIES}`));
    });
    it('accepts exactly the limit of CSV rows', () => {
      const rows = Array.from({ length: 2000 }, (_, i) => `碳汇${i},carbon sink ${i}`);
      const r = parseGlossary(`zh,en\n${rows.join('\n')}\n`, 'ok.csv');
      assert.equal(r.errors.length, 0);
      assert.equal(r.concepts.length, 2000);
    });
    it('refuses a binary file in every format', () => {
      const binary = 'PK\u0003\u0004\u0000\u0000\u0008\u0000garbage';
      for (const name of ['x.json', 'x.csv', 'x.tbx']) {
        const r = parseGlossary(binary, name);
        assert.equal(r.concepts.length, 0);
        assert.match(r.errors[0].message, /binary file/);
      }
    });
    it('never throws on a 10 MB single line', () => {
      const line = 'x'.repeat(10 * 1024 * 1024);
      for (const name of ['x.json', 'x.csv', 'x.tbx']) {
        const r = parseGlossary(line, name);
        assert.equal(r.concepts.length, 0);
        assert.ok(r.errors.length > 0, name);
      }
    });
    it('does not expand nested entities in a TBX DOCTYPE (billion laughs)', () => {
      const levels = ['<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'];
      for (let i = 1; i < 8; i++) {
        const prev = String.fromCharCode(96 + i);
        levels.push(`<!ENTITY ${String.fromCharCode(97 + i)} "${`&${prev};`.repeat(10)}">`);
      }
      const xml = `<?xml version="1.0"?>\n<!DOCTYPE martif [\n${levels.join('\n')}\n]>\n<martif><text><body><termEntry id="x"><langSet xml:lang="zh"><tig><term>碳汇</term></tig></langSet><langSet xml:lang="en"><tig><term>&h;</term></tig></langSet></termEntry></body></text></martif>`;
      const r = parseGlossary(xml, 'laughs.tbx');
      const sizes = r.concepts.map((c) => c.en.length);
      assert.ok(sizes.every((n) => n <= 200), `expanded to ${sizes.join(', ')} characters`);
    });
    it('decodes UTF-8 and UTF-16 with BOM, and refuses GBK with a hint', () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('zh\ten\n碳汇\tcarbon sink\n', 'utf16le')]);
      const decoded = decodeGlossaryBytes(utf16);
      assert.ok('text' in decoded);
      assert.equal(parseGlossary(decoded.text, 'x.tsv').concepts[0].zh, '碳汇');
      const gbk = Buffer.from([0xcc, 0xbc, 0xbb, 0xe3]); // 碳汇 in GBK
      const refused = decodeGlossaryBytes(gbk);
      assert.ok('error' in refused);
      assert.match(refused.error, /UTF-8/);
    });
  });
});
