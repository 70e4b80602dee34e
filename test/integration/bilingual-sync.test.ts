import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, openFixture, rangeOf, revertAndCloseAll, ruleOf, waitFor, waitForDiagnostics, workspaceRoot } from './helpers';
import { paper } from '../../src/core/data';
import { buildPaperDocuments } from '../../src/core/bilingual/paperAlignment';

// Bilingual pairs in the editor: related information into the partner file,
// unsaved text of the partner, and carbonLexicon.openBilingualPair keeping
// aligned paragraphs in view in both editors (scroll sync, both directions).
describe('Bilingual pair: related info, unsaved text, side by side', () => {
  before(activate);
  after(revertAndCloseAll);

  it('points related information at the Chinese file and uses its unsaved text', async () => {
    const zhEditor = await openFixture('pair/briefing.zh.md');
    const { document } = await openFixture('pair/briefing.en.md');
    const diags = await waitForDiagnostics(document.uri, 'mismatch', (all) => all.some((d) => ruleOf(d) === 'number-mismatch'));
    const m = diags.find((d) => ruleOf(d) === 'number-mismatch')!;
    const rel = m.relatedInformation?.[0];
    assert.ok(rel);
    assert.equal(rel.location.uri.toString(), zhEditor.document.uri.toString());
    assert.equal(zhEditor.document.getText(rel.location.range), '2060年');
    const we = new vscode.WorkspaceEdit();
    we.replace(zhEditor.document.uri, rangeOf(zhEditor.document, '2060'), '2065');
    assert.ok(await vscode.workspace.applyEdit(we));
    await waitForDiagnostics(document.uri, 'no mismatch after unsaved edit', (all) => !all.some((d) => ruleOf(d) === 'number-mismatch'));
  });

  it('drops the findings when the partner file is deleted', async () => {
    const zhUri = vscode.Uri.joinPath(workspaceRoot(), 'gone', 'note.zh.md');
    const enUri = vscode.Uri.joinPath(workspaceRoot(), 'gone', 'note.en.md');
    await vscode.workspace.fs.writeFile(zhUri, Buffer.from('中国力争2060年前实现碳中和。\n'));
    await vscode.workspace.fs.writeFile(enUri, Buffer.from('China will strive to achieve carbon neutrality before 2065.\n'));
    const en = await vscode.workspace.openTextDocument(enUri);
    await vscode.window.showTextDocument(en, { preview: false });
    await waitForDiagnostics(enUri, 'a number-mismatch from the named pair', (all) => all.some((d) => ruleOf(d) === 'number-mismatch'));
    await vscode.workspace.fs.delete(zhUri);
    await waitForDiagnostics(enUri, 'no pair finding once the Chinese file is gone', (all) => !all.some((d) => ruleOf(d) === 'number-mismatch'));
  });

  it('opens the partner beside the draft and scrolls it to the aligned paragraph', async () => {
    const docs = buildPaperDocuments(paper);
    const zhUri = vscode.Uri.joinPath(workspaceRoot(), 'long', 'paper.zh.md');
    const enUri = vscode.Uri.joinPath(workspaceRoot(), 'long', 'paper.en.md');
    // Long enough to scroll: blank lines between paragraphs.
    const pad = (t: string) => t.split('\n\n').join('\n\n\n\n\n\n');
    await vscode.workspace.fs.writeFile(zhUri, Buffer.from(pad(docs.zh.text)));
    await vscode.workspace.fs.writeFile(enUri, Buffer.from(pad(docs.en.text)));
    const en = await vscode.workspace.openTextDocument(enUri);
    await vscode.window.showTextDocument(en, { preview: false });
    const ok = await vscode.commands.executeCommand('carbonLexicon.openBilingualPair');
    assert.equal(ok, true);
    const zhEditor = await waitFor('zh editor visible', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === zhUri.toString()));
    const enEditor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === enUri.toString())!;
    assert.notEqual(zhEditor.viewColumn, enEditor.viewColumn);
    const target = rangeOf(en, 'Pooling strengths nationwide');
    enEditor.revealRange(target, vscode.TextEditorRevealType.AtTop);
    const zhTarget = rangeOf(zhEditor.document, '全国统筹');
    await waitFor('zh follows', () => {
      const v = zhEditor.visibleRanges[0];
      return v && v.contains(zhTarget.start) && zhTarget.start.line - v.start.line <= (v.end.line - v.start.line) / 2 ? true : undefined;
    });
  });

  it('scrolls the English side when the Chinese side scrolls', async () => {
    const zhUri = vscode.Uri.joinPath(workspaceRoot(), 'long', 'paper.zh.md');
    const enUri = vscode.Uri.joinPath(workspaceRoot(), 'long', 'paper.en.md');
    const zhEditor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === zhUri.toString())!;
    const enEditor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === enUri.toString())!;
    assert.ok(zhEditor && enEditor);
    // Let the echo of the previous reveal settle.
    await new Promise((r) => setTimeout(r, 500));
    zhEditor.revealRange(rangeOf(zhEditor.document, '实现碳达峰碳中和，是中国顺应技术进步'), vscode.TextEditorRevealType.AtTop);
    const enTarget = rangeOf(enEditor.document, 'Achieving peak carbon and carbon neutrality is essen');
    await waitFor('en follows', () => {
      const v = enEditor.visibleRanges[0];
      return v && v.contains(enTarget.start) ? true : undefined;
    });
  });
});
