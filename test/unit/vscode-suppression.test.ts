// "Ignore this term here": the inserted comment must silence exactly that finding in the real linter.
import { strict as assert } from 'node:assert';
import { applyEdits } from '../../src/core/fixes';
import { createEngine } from '../../src/core/engine';
import { suppressionComment, suppressionEdit } from '../../src/vscode/logic/suppression';
import type { DocumentFormat } from '../../src/core/types';

describe('vscode logic: suppression comments', () => {
  const engine = createEngine();
  const deprecated = (text: string, format: DocumentFormat) => engine.lint(text, format).filter((f) => f.rule === 'deprecated-term');

  for (const format of ['markdown', 'plaintext'] as const) {
    it(`inserts a comment above the line that silences only that line (${format})`, () => {
      const text = 'Intro line.\n\nThe carbon peak is near.\nAnother carbon peak here.\n';
      const before = deprecated(text, format);
      assert.equal(before.length, 2);
      const edit = suppressionEdit(text, before[0].start, 'deprecated-term', format)!;
      assert.deepEqual(edit, { start: 13, end: 13, newText: '<!-- carbon-lexicon-disable-next-line deprecated-term -->\n' });
      const after = applyEdits(text, [edit]);
      const remaining = deprecated(after, format);
      assert.equal(remaining.length, 1);
      assert.equal(after.slice(remaining[0].start, remaining[0].end), 'carbon peak');
      assert.ok(remaining[0].start > after.indexOf('Another'));
    });
  }

  it('keeps CRLF line breaks and the indentation of a list item', () => {
    const text = '- first\r\n  - the carbon peak\r\n';
    const offset = text.indexOf('carbon');
    const edit = suppressionEdit(text, offset, 'deprecated-term', 'markdown')!;
    const after = applyEdits(text, [edit]);
    assert.equal(after, '- first\r\n  <!-- carbon-lexicon-disable-next-line deprecated-term -->\r\n  - the carbon peak\r\n');
    assert.equal(deprecated(after, 'markdown').length, 0);
  });

  it('adds a rule to an existing comment on the line above instead of stacking comments', () => {
    const text = '<!-- carbon-lexicon-disable-next-line inconsistent-variant -->\nThe carbon peak.\n';
    const edit = suppressionEdit(text, text.indexOf('carbon peak'), 'deprecated-term', 'markdown')!;
    assert.equal(applyEdits(text, [edit]), '<!-- carbon-lexicon-disable-next-line inconsistent-variant deprecated-term -->\nThe carbon peak.\n');
    const again = applyEdits(text, [edit]);
    assert.equal(suppressionEdit(again, again.indexOf('carbon peak'), 'deprecated-term', 'markdown'), undefined);
  });

  it('puts the comment above the line where a wrapped term starts', () => {
    const text = 'line one\nreach the carbon\npeak soon\n';
    const findings = deprecated(text, 'plaintext');
    assert.equal(findings.length, 1);
    const after = applyEdits(text, [suppressionEdit(text, findings[0].start, 'deprecated-term', 'plaintext')!]);
    assert.ok(after.startsWith('line one\n<!-- carbon-lexicon-disable-next-line deprecated-term -->\nreach the carbon'));
    assert.equal(deprecated(after, 'plaintext').length, 0);
  });

  it('writes the comment the core parser reads', () => {
    assert.equal(suppressionComment(['deprecated-term', 'number-mismatch'], 'plaintext'), '<!-- carbon-lexicon-disable-next-line deprecated-term number-mismatch -->');
  });
});
