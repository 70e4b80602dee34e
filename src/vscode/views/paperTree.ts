// White Paper view: sections → paragraphs → the concepts each paragraph
// uses. Selecting a paragraph opens the bilingual reader at it; selecting a
// concept shows its entry.
import * as vscode from 'vscode';
import type { Engine } from '../../core/engine';
import type { Paper } from '../../core/types';
import { buildPaperTree, indexPaperTree, type PaperNode, type PaperSectionNode } from '../logic/trees';

export class PaperTreeProvider implements vscode.TreeDataProvider<PaperNode> {
  private roots: PaperSectionNode[] = [];
  private index = new Map<string, PaperNode>();
  private readonly changed = new vscode.EventEmitter<PaperNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly paper: Paper, engine: Engine) {
    this.rebuild(engine);
  }

  /** Concepts per paragraph depend on the term base, so a new engine rebuilds the tree. */
  rebuild(engine: Engine): void {
    this.roots = buildPaperTree(this.paper, (text) => {
      const seen = new Set<string>();
      return engine.matcher.findAll(text, 'plaintext').map((m) => m.concept).filter((c) => !seen.has(c.id) && seen.add(c.id));
    });
    this.index = indexPaperTree(this.roots);
    this.changed.fire(undefined);
  }

  nodeById(id: string): PaperNode | undefined {
    return this.index.get(id);
  }

  getChildren(element?: PaperNode): PaperNode[] {
    if (!element) return this.roots;
    return element.kind === 'concept' ? [] : element.children;
  }

  getParent(element: PaperNode): PaperNode | undefined {
    return element.parentId ? this.index.get(element.parentId) : undefined;
  }

  getTreeItem(element: PaperNode): vscode.TreeItem {
    switch (element.kind) {
      case 'section': {
        const item = new vscode.TreeItem(element.label, element.parentId ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = `paper:${element.id}`;
        item.description = element.description;
        item.tooltip = element.description ? `${element.label}\n${element.description}` : element.label;
        item.iconPath = new vscode.ThemeIcon('bookmark');
        item.contextValue = 'section';
        return item;
      }
      case 'paragraph': {
        const item = new vscode.TreeItem(element.label, element.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `paper:${element.id}`;
        item.description = element.description ? vscode.l10n.t('{0} terms', element.description) : '';
        const tooltip = new vscode.MarkdownString();
        tooltip.appendText(element.paragraph.zh ?? '');
        if (element.paragraph.zh) tooltip.appendMarkdown('\n\n');
        tooltip.appendText(element.paragraph.en.join('\n\n'));
        item.tooltip = tooltip;
        item.iconPath = new vscode.ThemeIcon('note');
        item.contextValue = 'paragraph';
        item.command = { title: vscode.l10n.t('Open in reader'), command: 'carbonLexicon.openReader', arguments: [element.id] };
        return item;
      }
      case 'concept': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.None);
        item.id = `paper:${element.id}`;
        item.description = element.description;
        item.iconPath = new vscode.ThemeIcon('symbol-key');
        item.contextValue = 'concept';
        item.command = { title: vscode.l10n.t('Show entry'), command: 'carbonLexicon.showConcept', arguments: [element.conceptId, element.paragraphId] };
        return item;
      }
    }
  }
}
