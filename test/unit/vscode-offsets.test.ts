import { strict as assert } from 'node:assert';
import { LineIndex, snapToCodePoint, windowAround } from '../../src/vscode/logic/offsets';

describe('vscode logic: offsets', () => {
  it('maps offsets to line/character across LF, CRLF and CR breaks', () => {
    const text = 'ab\r\ncd\nef\rgh';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    // Inside "\r\n": like VS Code, still the end of line 0.
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(8), { line: 2, character: 1 });
    assert.deepEqual(lines.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(lines.positionAt(999), { line: 3, character: 2 });
    assert.equal(lines.lineText(0), 'ab');
    assert.equal(lines.lineText(1), 'cd');
    assert.equal(lines.eol, '\r\n');
  });

  it('round-trips every offset of a CRLF text with astral characters', () => {
    const text = '碳达峰 😀 peak\r\ncarbon 𠀋中和\r\n\r\nend';
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const position = lines.positionAt(offset);
      const back = lines.offsetAt(position);
      // Offsets between "\r" and "\n" map to the line end, every other one maps back to itself.
      if (text[offset - 1] === '\r' && text[offset] === '\n') assert.equal(back, offset - 1);
      else assert.equal(back, offset, `offset ${offset}`);
    }
  });

  it('counts UTF-16 code units: a surrogate pair is two characters', () => {
    const text = 'x😀碳达峰';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(text.indexOf('碳')), { line: 0, character: 3 });
    assert.equal(snapToCodePoint(text, 2), 1, 'the middle of 😀 snaps to its start');
    assert.equal(snapToCodePoint(text, 3), 3);
    assert.equal(snapToCodePoint(text, 1), 1);
  });

  it('clamps offsetAt to the line text', () => {
    const lines = new LineIndex('abc\r\nde');
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(lines.offsetAt({ line: 5, character: 0 }), 7);
    assert.equal(lines.offsetAt({ line: -1, character: 4 }), 0);
  });

  it('cuts a window around an offset at line boundaries, and hard-cuts one enormous line', () => {
    const text = `${'a'.repeat(50)}\n${'b'.repeat(50)}\npeak carbon\n${'c'.repeat(50)}\n${'d'.repeat(50)}`;
    const at = text.indexOf('carbon');
    const { text: slice, base } = windowAround(text, at, 40);
    assert.equal(text.slice(base, base + slice.length), slice);
    assert.ok(slice.includes('peak carbon'));
    assert.ok(slice.length < text.length);
    assert.ok(base === 0 || text[base - 1] === '\n');

    const huge = 'x'.repeat(100_000) + '碳达峰' + 'y'.repeat(100_000);
    const cut = windowAround(huge, 100_001, 500);
    assert.ok(cut.text.length <= 1000);
    assert.equal(huge.slice(cut.base, cut.base + cut.text.length), cut.text);
    assert.ok(cut.text.includes('碳达峰'));
  });
});
