// Where the editor puts a message about a glossary entry: the line of the
// rendering or id, found for thousands of messages without a search per message.
import { strict as assert } from 'node:assert';
import { firstLineContaining, GlossaryLineFinder } from '../../src/core/glossary';

describe('glossary: lines of renderings and ids (GlossaryLineFinder)', () => {
  it('finds whole values in JSON, CSV, TSV and TBX text', () => {
    const json = ['{', '  "concepts": [', '    { "id": "a-1", "zh": "碳达峰", "en": "peak carbon" },', '    { "id": "b-2", "zh": "碳中和", "en": "carbon neutrality" }', '  ]', '}'].join('\n');
    const finder = new GlossaryLineFinder(json);
    assert.equal(finder.lineOf('b-2'), 4);
    assert.equal(finder.lineOf('carbon neutrality'), 4);
    assert.equal(finder.lineOf('碳达峰'), 3);
    const csv = new GlossaryLineFinder('zh,en\r\n碳达峰, peak carbon \r\n碳汇,carbon sink\r\n');
    assert.equal(csv.lineOf('peak carbon'), 2, 'a cell is a value with its spaces trimmed');
    assert.equal(csv.lineOf('carbon sink'), 3);
    assert.equal(new GlossaryLineFinder('zh\ten\n碳汇\tcarbon sink\n').lineOf('carbon sink'), 2);
    const tbx = new GlossaryLineFinder('<termEntry id="c1">\n<langSet xml:lang="en"><tig><term>carbon sink</term></tig></langSet>\n</termEntry>');
    assert.equal(tbx.lineOf('carbon sink'), 2);
    assert.equal(tbx.lineOf('c1'), 1);
  });

  it('prefers the line where the needle is a whole value to one where it is part of a longer text', () => {
    const text = ['{ "definition": "not the same as carbon sink capacity" },', '{ "en": "carbon sink" }'].join('\n');
    assert.equal(new GlossaryLineFinder(text).lineOf('carbon sink'), 2);
    assert.equal(firstLineContaining(text, 'carbon sink'), 1);
  });

  it('falls back to the first line containing the needle, and gives 0 when it is absent', () => {
    const text = 'zh,en\n碳达峰,"peak carbon, or peaking"\n';
    const finder = new GlossaryLineFinder(text);
    assert.equal(finder.lineOf('peak carbon, or peaking'), 2, 'a quoted cell holding a comma');
    assert.equal(finder.lineOf('or peak'), 2);
    assert.equal(finder.lineOf('carbon neutrality'), 0);
    assert.equal(finder.lineOf(''), 0);
  });

  it('gives each of 20 000 renderings of a large glossary the line of its entry', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `术语${i},shared term ${i}`);
    const finder = new GlossaryLineFinder(['zh,en', ...rows].join('\n'));
    for (let i = 0; i < 20000; i += 1) assert.equal(finder.lineOf(`shared term ${i}`), i + 2);
  });
});
