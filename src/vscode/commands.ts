// Command handlers that are not tied to one provider: fix all, ignore here,
// learn more, reveal a paragraph, the reader, concept entries, stepping
// through occurrences and the glossary filter.
import * as vscode from 'vscode';
import type { Engine } from '../core/engine';
import type { RuleId } from '../core/types';
import { fixAllEdit, ignoreHereEdit } from './codeActions';
import type { DiagnosticsController } from './diagnostics';
import { termAtOffset } from './hover';
import { RULE_IDS, ruleDocUrl } from './logic/ruleDocs';
import { nextOccurrence, type DraftNode, type Occurrence, type PaperNode } from './logic/trees';
import type { ReaderPanel } from './reader';
import type { DraftTreeProvider } from './views/draftTree';
import type { GlossaryTreeProvider } from './views/glossaryTree';
import type { PaperTreeProvider } from './views/paperTree';

export interface CommandDeps {
  getEngine(): Engine;
  diagnostics: DiagnosticsController;
  reader: ReaderPanel;
  paperTree: PaperTreeProvider;
  paperView: vscode.TreeView<PaperNode>;
  glossaryTree: GlossaryTreeProvider;
  draftTree: DraftTreeProvider;
  extensionUri: vscode.Uri;
  repository: unknown;
}

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value) return /^[a-z][\w+.-]+:/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  return undefined;
}

async function documentFor(value: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = toUri(value);
  if (!uri) return vscode.window.activeTextEditor?.document;
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? vscode.workspace.openTextDocument(uri);
}

/** A paragraph id from a string argument or a tree node. */
function paragraphIdOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const node = value as { kind?: string; id?: string; paragraphId?: string };
    if (node.kind === 'paragraph') return node.id;
    if (node.paragraphId) return node.paragraphId;
  }
  return undefined;
}

/** A concept id from a string argument or a tree node (paper tree: conceptId; glossary and draft: concept). */
function conceptIdOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const node = value as { conceptId?: unknown; concept?: { id?: unknown } };
    if (typeof node.conceptId === 'string') return node.conceptId;
    if (typeof node.concept?.id === 'string') return node.concept.id;
  }
  return undefined;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const register = (id: string, handler: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, handler));

  register('carbonLexicon.fixAllInFile', async (uri?: unknown) => {
    // From the In This Draft view the argument is a tree node: the draft that view shows.
    const fromView = uri !== undefined && typeof uri === 'object' && !(uri instanceof vscode.Uri);
    const document = fromView ? deps.draftTree.document : await documentFor(uri);
    if (!document) return 0;
    const findings = await deps.diagnostics.currentFindings(document);
    const edit = fixAllEdit(document, findings);
    if (!edit) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No deprecated terms to fix in this file.'));
      return 0;
    }
    const count = edit.size > 0 ? edit.get(document.uri).length : 0;
    await vscode.workspace.applyEdit(edit);
    return count;
  });

  register('carbonLexicon.ignoreHere', async (uri?: unknown, offset?: unknown, rule?: unknown) => {
    const document = await documentFor(uri);
    if (!document) return false;
    const editor = vscode.window.activeTextEditor;
    let at = typeof offset === 'number' ? offset : editor && editor.document === document ? document.offsetAt(editor.selection.active) : 0;
    let ruleId = typeof rule === 'string' ? (rule as RuleId) : undefined;
    if (!ruleId) {
      const finding = deps.diagnostics.findingsFor(document).find((f) => f.start <= at && at <= f.end);
      ruleId = finding?.rule ?? 'deprecated-term';
      if (finding) at = finding.start;
    }
    const edit = ignoreHereEdit(document, at, ruleId);
    return edit ? vscode.workspace.applyEdit(edit) : false;
  });

  register('carbonLexicon.learnMore', async (rule?: unknown) => {
    let id = typeof rule === 'string' ? rule : undefined;
    if (!id) id = await vscode.window.showQuickPick([...RULE_IDS], { placeHolder: vscode.l10n.t('Which rule?') });
    if (!id) return;
    // The rule pages ship inside the extension, so they open offline; the web page is the fallback.
    const local = vscode.Uri.joinPath(deps.extensionUri, 'docs', 'rules', `${id}.md`);
    try {
      await vscode.workspace.fs.stat(local);
      await vscode.commands.executeCommand('markdown.showPreview', local);
    } catch {
      await vscode.env.openExternal(vscode.Uri.parse(ruleDocUrl(id, deps.repository)));
    }
  });

  register('carbonLexicon.openReader', (paragraph?: unknown) => {
    deps.reader.showParagraph(paragraphIdOf(paragraph));
  });

  register('carbonLexicon.revealParagraph', async (paragraph?: unknown) => {
    const id = paragraphIdOf(paragraph);
    if (!id) return;
    const node = deps.paperTree.nodeById(id);
    if (node) {
      try {
        await deps.paperView.reveal(node, { select: true, focus: false, expand: true });
      } catch {
        // The view may be hidden in a layout that cannot show it; the reader below still opens.
      }
    }
    deps.reader.showParagraph(id);
  });

  register('carbonLexicon.showConcept', async (concept?: unknown, paragraph?: unknown) => {
    const id = conceptIdOf(concept);
    if (!id) {
      await vscode.commands.executeCommand('carbonLexicon.filterGlossary');
      return;
    }
    const found = deps.getEngine().concept(id);
    if (found) deps.reader.showConcept(found, paragraphIdOf(paragraph));
  });

  register('carbonLexicon.nextOccurrence', async (target?: unknown) => {
    const document = deps.draftTree.document ?? vscode.window.activeTextEditor?.document;
    if (!document) return undefined;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document) ?? (await vscode.window.showTextDocument(document, { preserveFocus: true }));
    const id = typeof target === 'string' ? target : (target as DraftNode | undefined)?.id;
    let occurrences: Occurrence[] = [];
    const node = id ? deps.draftTree.nodeById(id) : undefined;
    if (node) {
      occurrences = node.occurrences;
    } else {
      // No target: the concept under the cursor.
      const match = termAtOffset(document, document.offsetAt(editor.selection.active), deps.getEngine());
      const summary = match ? deps.draftTree.nodeById(match.concept.id) : deps.draftTree.concepts[0];
      occurrences = summary?.occurrences ?? [];
    }
    const next = nextOccurrence(occurrences, document.offsetAt(editor.selection.start));
    if (!next) return undefined;
    const range = new vscode.Range(document.positionAt(next.start), document.positionAt(next.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return next;
  });

  register('carbonLexicon.filterGlossary', async (query?: unknown) => {
    if (typeof query === 'string') {
      deps.glossaryTree.setFilter(query);
      return;
    }
    const box = vscode.window.createInputBox();
    box.placeholder = vscode.l10n.t('Filter the glossary: Chinese, English, pinyin');
    box.value = deps.glossaryTree.filter;
    box.onDidChangeValue((value) => deps.glossaryTree.setFilter(value));
    box.onDidAccept(() => box.hide());
    box.onDidHide(() => box.dispose());
    box.show();
  });

  register('carbonLexicon.clearGlossaryFilter', () => deps.glossaryTree.setFilter(''));
}
