// Glossary view: every concept by category, with a filter (fuzzy and pinyin,
// like "Search terms"). Selecting a concept shows its full entry.
import * as vscode from 'vscode';
import type { Concept } from '../../core/types';
import { buildGlossaryTree, type GlossaryCategoryNode, type GlossaryNode } from '../logic/trees';
import type { TermSearchIndex } from '../logic/searchIndex';

export class GlossaryTreeProvider implements vscode.TreeDataProvider<GlossaryNode> {
  private roots: GlossaryCategoryNode[] = [];
  private byId = new Map<string, GlossaryNode>();
  private query = '';
  private readonly changed = new vscode.EventEmitter<GlossaryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private concepts: Concept[], private readonly searchIndex: () => TermSearchIndex) {
    this.rebuild();
  }

  get filter(): string {
    return this.query;
  }

  setConcepts(concepts: Concept[]): void {
    this.concepts = concepts;
    this.rebuild();
  }

  setFilter(query: string): void {
    this.query = query.trim();
    void vscode.commands.executeCommand('setContext', 'carbonLexicon.glossaryFiltered', this.query.length > 0);
    this.rebuild();
  }

  private rebuild(): void {
    const keep = this.query ? new Set(this.searchIndex().search(this.query, 1000).map((hit) => hit.concept.id)) : undefined;
    this.roots = buildGlossaryTree(this.concepts, { t: vscode.l10n.t, include: keep ? (c) => keep.has(c.id) : undefined });
    this.byId.clear();
    for (const category of this.roots) {
      this.byId.set(category.id, category);
      for (const child of category.children) this.byId.set(child.id, child);
    }
    this.changed.fire(undefined);
  }

  nodeById(id: string): GlossaryNode | undefined {
    return this.byId.get(id);
  }

  getChildren(element?: GlossaryNode): GlossaryNode[] {
    if (!element) return this.roots;
    return element.kind === 'category' ? element.children : [];
  }

  getParent(element: GlossaryNode): GlossaryNode | undefined {
    return element.kind === 'category' ? undefined : this.byId.get(element.parentId);
  }

  getTreeItem(element: GlossaryNode): vscode.TreeItem {
    if (element.kind === 'category') {
      const state = this.query ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
      const item = new vscode.TreeItem(element.label, state);
      // A different id while filtered lets the expanded state follow the filter.
      item.id = `glossary:${this.query ? 'filtered:' : ''}${element.id}`;
      item.description = element.description;
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.contextValue = 'category';
      return item;
    }
    if (element.kind === 'more') {
      const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.None);
      item.id = `glossary:${this.query ? 'filtered:' : ''}${element.id}`;
      item.iconPath = new vscode.ThemeIcon('filter');
      item.contextValue = 'more';
      item.command = { title: vscode.l10n.t('Filter glossary'), command: 'carbonLexicon.filterGlossary' };
      return item;
    }
    const { concept } = element;
    const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.None);
    item.id = `glossary:${concept.id}`;
    item.description = element.description;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**').appendText(concept.zh).appendMarkdown('** · **').appendText(concept.en).appendMarkdown('**\n\n');
    if (concept.definition?.zh) tooltip.appendText(concept.definition.zh).appendMarkdown('\n\n');
    if (concept.definition?.en) tooltip.appendText(concept.definition.en);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon('symbol-key');
    item.contextValue = 'concept';
    item.command = { title: vscode.l10n.t('Show entry'), command: 'carbonLexicon.showConcept', arguments: [concept.id] };
    return item;
  }
}
