import * as assert from 'node:assert/strict';
import { addJsonProperty, appendToJsonArray, detectFormat, findJsonNode, parseJsonTree } from '../../src/core/glossary/jsonText';
import { parseGlossary } from '../../src/core/glossary';

describe('glossary JSON text reader and edits', () => {
  it('reads values with offsets that point at them', () => {
    const text = '{\n  "a": [1, "x\\"y", true, null],\n  "b": { "c": -2.5e3 }\n}';
    const { root, error } = parseJsonTree(text);
    assert.equal(error, undefined);
    assert.ok(root);
    const x = findJsonNode(root, ['a', 1])!;
    assert.equal(x.value, 'x"y');
    assert.equal(text.slice(x.offset, x.offset + x.length), '"x\\"y"');
    assert.equal(findJsonNode(root, ['b', 'c'])!.value, -2500);
    assert.equal(text.slice(findJsonNode(root, ['b'])!.keyOffset!, findJsonNode(root, ['b'])!.keyOffset! + 3), '"b"');
    assert.equal(findJsonNode(root, ['a', 9]), undefined);
    assert.equal(findJsonNode(root, ['zz']), undefined);
    assert.deepEqual(JSON.parse(text), { a: [1, 'x"y', true, null], b: { c: -2500 } });
  });

  it('reports the first syntax error with its offset and a plain reason', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['{"a": 1,}', 8, /trailing comma/],
      ['[1, 2,]', 6, /trailing comma/],
      ['{"a" 1}', 5, /":" expected/],
      ['{"a": tru}', 6, /unexpected character "t"/],
      ['{"a": "x\ny"}', 8, /control characters/],
      ['{"a": "\\q"}', 7, /invalid escape/],
      ['{"a": "x', 6, /unterminated string/],
      ['[1] 2', 4, /end of file expected/],
      ['{"a": 1 // note\n}', 8, /comments are not allowed/],
      ['[', 1, /value expected before the end/],
    ];
    for (const [text, offset, reason] of cases) {
      const { root, error } = parseJsonTree(text);
      assert.equal(root, undefined, text);
      assert.equal(error?.offset, offset, text);
      assert.match(error!.message, reason, text);
    }
  });

  it('accepts comments when asked (configuration files)', () => {
    const { root, error } = parseJsonTree('{\n  // why\n  "a": /* inline */ 1\n}', true);
    assert.equal(error, undefined);
    assert.equal(findJsonNode(root!, ['a'])!.value, 1);
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    const { error } = parseJsonTree('['.repeat(100_000) + ']'.repeat(100_000));
    assert.match(error!.message, /nested more than 512 levels/);
    const r = parseGlossary('['.repeat(100_000) + ']'.repeat(100_000), 'deep.json');
    assert.equal(r.concepts.length, 0);
    assert.ok(r.errors.length > 0);
  });

  it('appends to arrays and adds properties in the file\'s own layout', () => {
    const multi = '{\r\n\t"list": [\r\n\t\t"a"\r\n\t]\r\n}';
    assert.deepEqual(detectFormat(multi), { indent: '\t', eol: '\r\n' });
    const appended = appendToJsonArray(multi, findJsonNode(parseJsonTree(multi).root!, ['list'])!, { b: 1 });
    assert.equal(appended, '{\r\n\t"list": [\r\n\t\t"a",\r\n\t\t{\r\n\t\t\t"b": 1\r\n\t\t}\r\n\t]\r\n}');
    const compact = '{"list": ["a"]}';
    assert.equal(appendToJsonArray(compact, findJsonNode(parseJsonTree(compact).root!, ['list'])!, 'b'), '{"list": ["a", "b"]}');
    const empty = '{\n  "list": []\n}';
    assert.equal(appendToJsonArray(empty, findJsonNode(parseJsonTree(empty).root!, ['list'])!, 'a'), '{\n  "list": [\n    "a"\n  ]\n}');
    const object = '{\n    "a": 1\n}';
    assert.equal(addJsonProperty(object, parseJsonTree(object).root!, 'b', [2]), '{\n    "a": 1,\n    "b": [\n        2\n    ]\n}');
    assert.equal(addJsonProperty('{}', parseJsonTree('{}').root!, 'k', 'v'), '{\n  "k": "v"\n}');
  });
});
