// The compact fold representation (dense low part + exceptions) and the
// sparsely filled matcher tables must agree with the full per-code-unit tables.
import { strict as assert } from 'node:assert';
import { compactFold, foldCode, foldTable, normalizeTerm } from '../../src/core/normalize';

describe('fold tables: compact form', () => {
  for (const foldCase of [true, false]) {
    it(`foldCode agrees with foldTable(${foldCase}) on every code unit`, () => {
      const table = foldTable(foldCase);
      const mismatches: number[] = [];
      for (let c = 0; c < 65536; c++) if (foldCode(c, foldCase) !== table[c]) mismatches.push(c);
      assert.deepEqual(mismatches, []);
    });
  }

  it('lists exactly the dense-part code units that do not fold to themselves', () => {
    for (const foldCase of [true, false]) {
      const { lowDelta, lowChanged } = compactFold(foldCase);
      const table = foldTable(foldCase);
      const expected: number[] = [];
      for (let c = 0; c < lowDelta.length; c++) if (table[c] !== c) expected.push(c);
      assert.deepEqual(lowChanged, expected);
    }
  });

  it('folds case, width, quotes and hyphens as documented', () => {
    assert.equal(foldCode('A'.charCodeAt(0)), 'a'.charCodeAt(0));
    assert.equal(foldCode('A'.charCodeAt(0), false), 'A'.charCodeAt(0));
    assert.equal(foldCode(0xff21), 'a'.charCodeAt(0)); // full-width A
    assert.equal(foldCode(0xff21, false), 'A'.charCodeAt(0));
    assert.equal(foldCode(0x2019), 0x27);
    assert.equal(foldCode(0x2212), 0x2d);
    assert.equal(foldCode(0xa640), 0xa641); // Cyrillic extended-B, above the dense part
    assert.equal(foldCode('碳'.charCodeAt(0)), '碳'.charCodeAt(0));
    assert.ok(compactFold(true).high.size < 1000);
    assert.equal(normalizeTerm('ＰＥＡＫ  Carbon'), 'peak carbon');
  });
});
