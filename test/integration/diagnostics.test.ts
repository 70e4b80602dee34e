// Problems-panel diagnostics as VS Code holds them: exact ranges, rule ids,
// nothing inside code spans, wrapped terms spanning the line break.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, concept, formatRange, openFixture, rangeOf, revertAndCloseAll, ruleOf, waitForDiagnostics } from './helpers';

describe('Diagnostics', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activate();
    document = (await openFixture('diagnostics.md')).document;
  });
  after(revertAndCloseAll);

  it('reports exactly the deprecated renderings, with exact ranges', async () => {
    const expected = [
      rangeOf(document, 'carbon peaking', 0),
      rangeOf(document, '碳峰值'),
      rangeOf(document, 'community of\ncommon destiny'),
    ].map(formatRange);
    const diagnostics = await waitForDiagnostics(document.uri, '3 deprecated terms', (all) => all.filter((d) => ruleOf(d) === 'deprecated-term').length >= 3);
    const deprecated = diagnostics.filter((d) => ruleOf(d) === 'deprecated-term');
    assert.deepEqual(deprecated.map((d) => formatRange(d.range)).sort(), [...expected].sort());
    // The second "carbon peaking" sits in a code span: not a finding.
    const inCode = rangeOf(document, 'carbon peaking', 1);
    assert.equal(diagnostics.filter((d) => d.range.intersection(inCode)).length, 0, 'a term inside `code` was reported');
  });

  it('gives each finding the configured severity (the fixture config raises deprecated-term to error), a rule code and the canonical form in its message', async () => {
    const diagnostics = await waitForDiagnostics(document.uri, 'deprecated terms', (all) => all.some((d) => ruleOf(d) === 'deprecated-term'));
    const chinese = diagnostics.find((d) => document.getText(d.range) === '碳峰值');
    assert.ok(chinese, 'no diagnostic on 碳峰值');
    assert.equal(chinese.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(ruleOf(chinese), 'deprecated-term');
    assert.ok(chinese.message.includes(concept('peak-carbon').zh), chinese.message);
    const english = diagnostics.find((d) => document.getText(d.range) === 'carbon peaking');
    assert.ok(english, 'no diagnostic on "carbon peaking"');
    assert.ok(english.message.includes(concept('peak-carbon').en), english.message);
  });

  it('follows edits: a new deprecated term appears, a corrected one goes', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(document.lineCount, 0), '\n实现碳中立。\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const added = rangeOf(document, '碳中立');
    await waitForDiagnostics(document.uri, 'a finding on the inserted 碳中立', (all) => all.some((d) => formatRange(d.range) === formatRange(added)));

    const fix = new vscode.WorkspaceEdit();
    fix.replace(document.uri, added, concept('carbon-neutrality').zh);
    assert.ok(await vscode.workspace.applyEdit(fix));
    await waitForDiagnostics(document.uri, 'no finding left on the corrected line', (all) => !all.some((d) => d.range.start.line === added.start.line));
  });
});

describe('Monolingual drafts', () => {
  before(activate);
  after(revertAndCloseAll);

  it('a Chinese draft under an English title is not treated as a bilingual document', async () => {
    // quickfix.md: "# Quick fix fixture" then one Chinese paragraph. A heading is not a translation
    // of the paragraph under it, so the only finding is the deprecated 碳峰值.
    const { document } = await openFixture('quickfix.md');
    const diagnostics = await waitForDiagnostics(document.uri, 'the deprecated term reported', (all) => all.some((d) => ruleOf(d) === 'deprecated-term'));
    const others = diagnostics.filter((d) => ruleOf(d) !== 'deprecated-term').map((d) => `${ruleOf(d)} at ${formatRange(d.range)}: ${d.message}`);
    assert.deepEqual(others, []);
  });
});
