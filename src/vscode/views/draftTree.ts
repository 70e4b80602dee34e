// In This Draft view: the concepts the active document uses, each with its
// renderings, how often each occurs and its status. Selecting one steps
// through its occurrences (carbonLexicon.nextOccurrence).
import * as vscode from 'vscode';
import type { Engine } from '../../core/engine';
import type { LintConfig } from '../../core/types';
import { formatOf, isChecked, overSizeLimit, type DiagnosticsController } from '../diagnostics';
import { buildDraftSummary, renderingLabel, statusLabel, type DraftConcept, type DraftNode } from '../logic/trees';

/** Context key for the view's welcome messages: none | skipped | empty | terms. */
const STATE_KEY = 'carbonLexicon.draftState';

export class DraftTreeProvider implements vscode.TreeDataProvider<DraftNode>, vscode.Disposable {
  private summary: DraftConcept[] = [];
  private byId = new Map<string, DraftNode>();
  private current: vscode.TextDocument | undefined;
  private version = -1;
  private readonly changed = new vscode.EventEmitter<DraftNode | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly getEngine: () => Engine,
    private readonly diagnostics: DiagnosticsController,
    private readonly configFor: (uri: vscode.Uri) => LintConfig,
  ) {
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // Focus moving to a panel or a non-draft editor keeps showing the last draft while it is still open.
      if (editor && isChecked(editor.document)) this.show(editor.document);
      else if (editor && !isChecked(editor.document)) this.show(undefined);
    }, undefined, this.disposables);
    diagnostics.onDidUpdate(({ document }) => {
      if (this.current && document.uri.toString() === this.current.uri.toString()) this.show(document, true);
      else if (!this.current && vscode.window.activeTextEditor?.document === document) this.show(document);
    }, undefined, this.disposables);
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document === this.current) this.show(undefined);
    }, undefined, this.disposables);
    const editor = vscode.window.activeTextEditor;
    this.show(editor && isChecked(editor.document) ? editor.document : undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** The draft the view describes. */
  get document(): vscode.TextDocument | undefined {
    return this.current;
  }

  get concepts(): readonly DraftConcept[] {
    return this.summary;
  }

  refresh(): void {
    this.show(this.current, true);
  }

  /** Rebuilds the summary for a document (no-op when it is the same version, unless forced). */
  show(document: vscode.TextDocument | undefined, force = false): void {
    if (!force && document === this.current && document?.version === this.version) return;
    this.current = document;
    this.version = document?.version ?? -1;
    let state: string;
    if (!document || document.isClosed || !isChecked(document)) {
      this.current = undefined;
      this.summary = [];
      state = 'none';
    } else if (this.diagnostics.stateOf(document).kind === 'skipped' || overSizeLimit(document)) {
      this.summary = [];
      state = 'skipped';
    } else {
      const ignored = new Set(this.configFor(document.uri).ignoredConcepts ?? []);
      // The linter's matches when current; otherwise one scan (cached by the engine for the hover).
      const all = this.diagnostics.termMatchesFor(document) ?? this.getEngine().matches(document.getText(), formatOf(document));
      const matches = all.filter((m) => !ignored.has(m.concept.id));
      this.summary = buildDraftSummary(matches);
      state = this.summary.length > 0 ? 'terms' : 'empty';
    }
    this.byId.clear();
    for (const concept of this.summary) {
      this.byId.set(concept.id, concept);
      for (const rendering of concept.renderings) this.byId.set(rendering.id, rendering);
    }
    void vscode.commands.executeCommand('setContext', STATE_KEY, state);
    this.changed.fire(undefined);
  }

  nodeById(id: string): DraftNode | undefined {
    return this.byId.get(id);
  }

  getChildren(element?: DraftNode): DraftNode[] {
    if (!element) return this.summary;
    return element.kind === 'draftConcept' ? element.renderings : [];
  }

  getParent(element: DraftNode): DraftNode | undefined {
    return element.kind === 'rendering' ? this.byId.get(element.conceptId) : undefined;
  }

  getTreeItem(element: DraftNode): vscode.TreeItem {
    if (element.kind === 'draftConcept') {
      const { concept } = element;
      const item = new vscode.TreeItem(`${concept.zh} · ${concept.en}`, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `draft:${concept.id}`;
      item.description = vscode.l10n.t('{0}×', element.occurrences.length);
      item.iconPath = statusIcon(element.worst);
      item.tooltip = vscode.l10n.t('{0} occurrences; click to step through them', element.occurrences.length);
      item.contextValue = 'draftConcept';
      item.command = { title: vscode.l10n.t('Next occurrence'), command: 'carbonLexicon.nextOccurrence', arguments: [concept.id] };
      return item;
    }
    const { label, description } = renderingLabel(element, vscode.l10n.t);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `draft:${element.id}`;
    item.description = description;
    item.iconPath = statusIcon(element.status);
    item.tooltip = element.note ? `${statusLabel(element.status, vscode.l10n.t)}: ${element.note}` : statusLabel(element.status, vscode.l10n.t);
    item.contextValue = `rendering.${element.status}`;
    item.command = { title: vscode.l10n.t('Next occurrence'), command: 'carbonLexicon.nextOccurrence', arguments: [element.id] };
    return item;
  }
}

function statusIcon(status: 'canonical' | 'admitted' | 'deprecated'): vscode.ThemeIcon {
  switch (status) {
    case 'canonical': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'admitted': return new vscode.ThemeIcon('info', new vscode.ThemeColor('list.highlightForeground'));
    case 'deprecated': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  }
}
