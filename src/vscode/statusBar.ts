// Status bar: how many findings the active draft has (click → Problems), or
// that it was skipped for its size.
import * as vscode from 'vscode';
import type { DiagnosticsController } from './diagnostics';
import { isChecked } from './diagnostics';

export function registerStatusBar(context: vscode.ExtensionContext, diagnostics: DiagnosticsController): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('carbonLexicon.status', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Carbon Lexicon');
  item.command = 'workbench.actions.view.problems';

  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isChecked(editor.document)) {
      item.hide();
      return;
    }
    const state = diagnostics.stateOf(editor.document);
    if (state.kind === 'skipped') {
      item.text = `$(circle-slash) ${vscode.l10n.t('Lexicon: skipped')}`;
      item.tooltip = vscode.l10n.t('Carbon Lexicon did not check this file: {0} KB is over the {1} KB limit (carbonLexicon.maxFileSize).', Math.round(state.size / 1024), Math.round(state.limit / 1024));
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (state.kind === 'checked') {
      const count = state.findings.length;
      item.text = `$(book) ${count}`;
      item.tooltip = count === 1
        ? vscode.l10n.t('Carbon Lexicon: 1 terminology finding in this draft. Click to open Problems.')
        : vscode.l10n.t('Carbon Lexicon: {0} terminology findings in this draft. Click to open Problems.', count);
      item.backgroundColor = undefined;
    } else {
      item.text = '$(book) …';
      item.tooltip = vscode.l10n.t('Carbon Lexicon is checking this draft.');
      item.backgroundColor = undefined;
    }
    item.show();
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    diagnostics.onDidUpdate(({ document }) => {
      if (document === vscode.window.activeTextEditor?.document) update();
    }),
  );
  update();
  return item;
}
