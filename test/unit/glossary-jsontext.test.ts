import * as assert from 'node:assert/strict';
import { findNodeAtLocation } from 'jsonc-parser';
import { detectFormat, firstSyntaxError, insertIntoJson, nodeStart, parseJsonTree } from '../../src/core/glossary/jsonText';
import { parseGlossary } from '../../src/core/glossary';

describe('glossary JSON text (jsonc-parser adapter)', () => {
  it('builds an offset tree whose members are placed at their keys', () => {
    const text = '{\n  "a": [1, "x\\"y", true, null],\n  "b": { "c": -2.5e3 }\n}';
    const { root, error } = parseJsonTree(text);
    assert.equal(error, undefined);
    const x = findNodeAtLocation(root!, ['a', 1])!;
    assert.equal(x.value, 'x"y');
    assert.equal(text.slice(x.offset, x.offset + x.length), '"x\\"y"');
    assert.equal(nodeStart(x), x.offset, 'an array item starts at its value');
    assert.equal(findNodeAtLocation(root!, ['b', 'c'])!.value, -2500);
    assert.equal(text.slice(nodeStart(findNodeAtLocation(root!, ['b'])!)).slice(0, 3), '"b"');
    assert.equal(parseJsonTree('\ufeff{"a": 1}').root?.type, 'object', 'a byte order mark is skipped');
  });

  it('reports the first syntax error with its offset and a plain reason', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['{"a": 1,}', 8, /^trailing comma before "}"$/],
      ['[1, 2,]', 6, /^trailing comma before "]"$/],
      ['{"a" 1}', 5, /^":" expected$/],
      ['{"a": tru}', 6, /^unexpected character "t"$/],
      ['{"a":\u00a01}', 5, /^unexpected character .*\(U\+00A0\)$/],
      ['{"a": "x\ny"}', 8, /control characters and line breaks must be escaped/],
      ['["ab\tc"]', 4, /control characters/],
      ['{"a": "\\q"}', 7, /^invalid escape in string$/],
      ['["ab\\u12"]', 4, /^invalid escape in string$/],
      ['{"a": "x', 6, /^unterminated string$/],
      ['[1] 2', 4, /^end of file expected/],
      ['{"a": 1 // note\n}', 8, /^comments are not allowed/],
      ['[1 2]', 3, /^"," or "]" expected$/],
      ['{"a": 1 "b": 2}', 8, /^"," or "}" expected$/],
      ['{"a": 1', 7, /^"}" expected before the end of the file$/],
      ['[1,', 3, /^value expected before the end of the file$/],
      ['{"a": }', 6, /^value expected$/],
      ['{1: 2}', 1, /^property name expected/],
      ['   ', 0, /^the file is empty$/],
    ];
    for (const [text, offset, reason] of cases) {
      const { root, error } = parseJsonTree(text);
      assert.equal(root, undefined, text);
      assert.equal(error?.offset, offset, text);
      assert.match(error!.message, reason, text);
    }
    assert.equal(firstSyntaxError('{"a": [1, {"b": null}]}'), undefined);
  });

  it('accepts comments when asked (configuration files)', () => {
    const { root, error } = parseJsonTree('{\n  // why\n  "a": /* inline */ 1\n}', true);
    assert.equal(error, undefined);
    assert.equal(findNodeAtLocation(root!, ['a'])!.value, 1);
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const { error } = parseJsonTree(deep);
    assert.match(error!.message, /nested more than 512 levels/);
    const r = parseGlossary(deep, 'deep.json'); // JSON.parse takes it; locating the error must not overflow
    assert.equal(r.concepts.length, 0);
    assert.match(r.errors[0].message, /a concept must be an object/);
    const broken = parseGlossary('['.repeat(100_000), 'deep.json');
    assert.match(broken.errors[0].message, /nested more than 512 levels/);
  });

  it('detects the indentation unit and line ending', () => {
    assert.deepEqual(detectFormat('{\r\n\t"a": 1\r\n}'), { indent: '\t', eol: '\r\n' });
    assert.deepEqual(detectFormat('{\n    "a": 1\n}'), { indent: '    ', eol: '\n' });
    assert.deepEqual(detectFormat('{}'), { indent: '  ', eol: '\n' });
  });

  it('appends to arrays and adds properties in the file\'s own layout', () => {
    const multi = '{\r\n\t"list": [\r\n\t\t"a"\r\n\t]\r\n}';
    assert.equal(insertIntoJson(multi, ['list', -1], { b: 1 }), '{\r\n\t"list": [\r\n\t\t"a",\r\n\t\t{\r\n\t\t\t"b": 1\r\n\t\t}\r\n\t]\r\n}');
    assert.equal(insertIntoJson('{"list": ["a"]}', ['list', -1], 'b'), '{"list": ["a", "b"]}');
    assert.equal(insertIntoJson('{\n  "list": []\n}', ['list', -1], 'a'), '{\n  "list": [\n    "a"\n  ]\n}');
    assert.equal(insertIntoJson('{\n    "a": 1\n}', ['b'], [2]), '{\n    "a": 1,\n    "b": [\n        2\n    ]\n}');
    assert.equal(insertIntoJson('{}', ['k'], 'v'), '{\n  "k": "v"\n}');
    assert.equal(insertIntoJson('\ufeff{\n  "a": 1\n}\n', ['b'], 2), '\ufeff{\n  "a": 1,\n  "b": 2\n}\n');
  });

  it('leaves neighbouring entries and comments as they were', () => {
    const oneLine = [
      '{',
      '  // house style: one concept a line',
      '  "concepts": [',
      '    { "id": "a", "zh": "碳汇", "en": "carbon sink" },',
      '    { "id": "b", "zh": "碳中和", "en": "carbon neutrality", "accepted": ["net-zero carbon"] }',
      '  ]',
      '}',
      '',
    ].join('\n');
    const appended = insertIntoJson(oneLine, ['concepts', -1], { id: 'c', zh: '碳达峰', en: 'peak carbon' });
    assert.ok(appended.startsWith(oneLine.slice(0, oneLine.indexOf(' }\n  ]') + 2)), 'earlier lines untouched');
    assert.match(appended, /\] },\n    \{\n      "id": "c",\n      "zh": "碳达峰",\n      "en": "peak carbon"\n    \}\n  \]\n\}\n$/);
    const sameLine = insertIntoJson(oneLine, ['concepts', 1, 'accepted', -1], { text: 'climate neutrality', lang: 'en' });
    assert.match(sameLine, /"accepted": \["net-zero carbon", \{ "text": "climate neutrality", "lang": "en" \}\] \}\n/);
    assert.equal(sameLine.split('\n').length, oneLine.split('\n').length, 'the item joins its line');
  });
});
