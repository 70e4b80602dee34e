// Quick fixes for Carbon Lexicon diagnostics: replace a deprecated rendering
// with the canonical one (preferred), fix all in the file, ignore here, learn
// more; and `source.fixAll.carbonLexicon` so `editor.codeActionsOnSave` works.
import * as vscode from 'vscode';
import { safeEdits } from '../core/fixes';
import type { Finding } from '../core/types';
import { DIAGNOSTIC_SOURCE, DiagnosticsController, formatOf, isChecked } from './diagnostics';
import { suppressionEdit } from './logic/suppression';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('carbonLexicon');

/** One WorkspaceEdit with every safe fix (the same non-overlapping subset the CLI's --fix applies). */
export function fixAllEdit(document: vscode.TextDocument, findings: Finding[]): vscode.WorkspaceEdit | undefined {
  const edits = safeEdits(findings);
  if (edits.length === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const fix of edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(fix.start), document.positionAt(fix.end)), fix.newText);
  }
  return edit;
}

export function ignoreHereEdit(document: vscode.TextDocument, offset: number, rule: Finding['rule']): vscode.WorkspaceEdit | undefined {
  const change = suppressionEdit(document.getText(), offset, rule, formatOf(document));
  if (!change) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
  return edit;
}

export class CarbonLexiconCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: DiagnosticsController) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (!isChecked(document)) return [];

    // Asked for source actions ("source", "source.fixAll", ours): the whole-file fix, computed fresh for save.
    if (context.only && FIX_ALL_KIND.intersects(context.only) && !vscode.CodeActionKind.QuickFix.intersects(context.only)) {
      const edit = fixAllEdit(document, await this.diagnostics.currentFindings(document));
      if (!edit) return [];
      const action = new vscode.CodeAction(vscode.l10n.t('Fix all Carbon Lexicon terms'), FIX_ALL_KIND);
      action.edit = edit;
      return [action];
    }
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];

    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const findings = this.diagnostics.findingsFor(document);
    const actions: vscode.CodeAction[] = [];
    const fixable = findings.filter((f) => f.fix).length;

    for (const diagnostic of ours) {
      const rule = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const finding = findings.find((f) => f.rule === rule && f.start === start && f.end === end);
      if (!finding) continue;

      if (finding.fix) {
        const action = new vscode.CodeAction(
          vscode.l10n.t('Replace “{0}” with “{1}”', finding.found.replace(/\s+/g, ' '), finding.fix.newText),
          vscode.CodeActionKind.QuickFix,
        );
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, new vscode.Range(document.positionAt(finding.fix.start), document.positionAt(finding.fix.end)), finding.fix.newText);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      if (finding.rule === 'deprecated-term' && fixable > 1) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all deprecated terms in this file'), vscode.CodeActionKind.QuickFix);
        action.edit = fixAllEdit(document, findings.filter((f) => f.rule === 'deprecated-term'));
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
      const ignore = ignoreHereEdit(document, finding.start, finding.rule);
      if (ignore) {
        const action = new vscode.CodeAction(vscode.l10n.t('Ignore this term here'), vscode.CodeActionKind.QuickFix);
        action.edit = ignore;
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
      const learn = new vscode.CodeAction(vscode.l10n.t('Learn more about {0}', finding.rule), vscode.CodeActionKind.QuickFix);
      learn.command = { title: learn.title, command: 'carbonLexicon.learnMore', arguments: [finding.rule] };
      learn.diagnostics = [diagnostic];
      actions.push(learn);
    }
    // One "fix all" entry is enough however many diagnostics the range covers.
    const seen = new Set<string>();
    return actions.filter((a) => {
      if (a.title !== vscode.l10n.t('Fix all deprecated terms in this file')) return true;
      if (seen.has(a.title)) return false;
      seen.add(a.title);
      return true;
    });
  }
}

export function registerCodeActions(context: vscode.ExtensionContext, diagnostics: DiagnosticsController): void {
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider('*', new CarbonLexiconCodeActions(diagnostics), CarbonLexiconCodeActions.metadata));
}
