// Quick fixes and source.fixAll.carbonLexicon through VS Code's code action
// command, applied with workspace.applyEdit as the light bulb would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, concept, formatRange, openFixture, rangeOf, revertAndCloseAll, ruleOf, waitFor, waitForDiagnostics } from './helpers';

const FIX_ALL_KIND = 'source.fixAll.carbonLexicon';

/** Quick fixes at a range, once the workbench knows the diagnostics there (they arrive asynchronously). */
function quickFixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return waitFor('quick fixes at ' + formatRange(range), async () => {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    return actions.length > 0 ? actions : undefined;
  });
}

describe('Code actions', () => {
  before(activate);
  afterEach(revertAndCloseAll);

  it('the preferred quick fix replaces a deprecated term and its diagnostic disappears', async () => {
    const { document } = await openFixture('quickfix.md');
    const term = rangeOf(document, '碳峰值');
    const onTerm = (all: vscode.Diagnostic[]) => all.filter((d) => formatRange(d.range) === formatRange(term));
    const [diagnostic] = onTerm(await waitForDiagnostics(document.uri, 'a finding on 碳峰值', (all) => onTerm(all).length === 1));

    // Diagnostics reach the workbench's marker service (which feeds code-action contexts) a moment after getDiagnostics shows them.
    const actions = await quickFixesAt(document.uri, term);
    const ours = actions.filter((a) => a.isPreferred && a.edit);
    assert.equal(ours.length, 1, `expected one preferred fix, got ${JSON.stringify(actions.map((a) => a.title))}`);
    const [fix] = ours;
    assert.ok(fix.title.includes('碳峰值') && fix.title.includes(concept('peak-carbon').zh), fix.title);
    assert.ok(diagnostic);

    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(document.lineAt(term.start.line).text, '我们要实现碳达峰。');
    await waitForDiagnostics(document.uri, 'the finding gone after the fix', (all) => !all.some((d) => ruleOf(d) === 'deprecated-term' || d.range.intersection(term)));
  });

  it('offers ignore-here and learn-more next to the fix', async () => {
    const { document } = await openFixture('quickfix.md');
    const term = rangeOf(document, '碳峰值');
    await waitForDiagnostics(document.uri, 'a finding on 碳峰值', (all) => all.some((d) => d.range.isEqual(term)));
    const actions = await quickFixesAt(document.uri, term);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /ignore/i.test(t)), `no "ignore" action in ${JSON.stringify(titles)}`);
    assert.ok(actions.some((a) => a.command?.command === 'carbonLexicon.learnMore'), `no learn-more action in ${JSON.stringify(titles)}`);

    const ignore = actions.find((a) => /ignore/i.test(a.title) && a.edit);
    assert.ok(ignore);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit!));
    assert.ok(document.getText().includes('碳峰值'), 'ignoring must keep the text');
    await waitForDiagnostics(document.uri, 'the ignored term no longer reported', (all) => !all.some((d) => ruleOf(d) === 'deprecated-term'));
  });

  it(`${FIX_ALL_KIND} fixes every deprecated term in one edit`, async () => {
    const { document } = await openFixture('fixall.md');
    await waitForDiagnostics(document.uri, 'four deprecated terms', (all) => all.filter((d) => ruleOf(d) === 'deprecated-term').length === 4);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND)) ?? [];
    assert.equal(actions.length, 1, `expected one ${FIX_ALL_KIND} action, got ${JSON.stringify(actions.map((a) => `${a.kind?.value}: ${a.title}`))}`);
    const [fixAll] = actions;
    assert.equal(fixAll.kind?.value, FIX_ALL_KIND);
    assert.ok(fixAll.edit);

    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const expected = before
      .replace('carbon peaking', concept('peak-carbon').en)
      .replace('community of common destiny', concept('shared-future-for-humanity').en)
      .replace('碳峰值', concept('peak-carbon').zh)
      .replace('碳中立', concept('carbon-neutrality').zh);
    assert.equal(document.getText(), expected);
    await waitForDiagnostics(document.uri, 'no deprecated term left', (all) => !all.some((d) => ruleOf(d) === 'deprecated-term'));
  });

  it(`asking only for quick fixes does not return ${FIX_ALL_KIND}`, async () => {
    const { document } = await openFixture('fixall.md');
    await waitForDiagnostics(document.uri, 'findings', (all) => all.length > 0);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, vscode.CodeActionKind.QuickFix.value)) ?? [];
    assert.ok(!actions.some((a) => a.kind?.value === FIX_ALL_KIND));
  });
});
