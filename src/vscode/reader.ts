// Read-only bilingual reader: a webview with the white paper, each Chinese
// paragraph beside its English, that can reveal a paragraph and show a
// concept's full entry with its uses marked.
import * as vscode from 'vscode';
import type { Evidence } from '../core/paperIndex';
import type { Concept, Paper } from '../core/types';
import { buildReaderHtml, paragraphAnchor } from './logic/readerHtml';

export class ReaderPanel implements vscode.Disposable {
  static readonly viewType = 'carbonLexicon.reader';
  private panel: vscode.WebviewPanel | undefined;
  private state: { paragraphId?: string; conceptId?: string } = {};

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly paper: Paper,
    private readonly evidenceFor: (concept: Concept) => Evidence[] = () => [],
  ) {}

  dispose(): void {
    this.panel?.dispose();
  }

  /** What is shown, or undefined when the panel is closed. */
  current(): { paragraphId?: string; conceptId?: string } | undefined {
    return this.panel ? { ...this.state } : undefined;
  }

  /** Opens (or reuses) the reader at a paragraph; keeps a shown concept entry if any. */
  showParagraph(paragraphId: string | undefined): void {
    if (this.panel && paragraphId) {
      this.state = { ...this.state, paragraphId };
      this.panel.reveal(undefined, true);
      void this.panel.webview.postMessage({ type: 'reveal', anchor: paragraphAnchor(paragraphId) });
      return;
    }
    this.render({ paragraphId }, undefined);
  }

  /** Shows a concept's entry on top of the paper, its uses marked; scrolls to `paragraphId` if given. */
  showConcept(concept: Concept, paragraphId?: string): void {
    this.render({ conceptId: concept.id, paragraphId }, concept);
  }

  /** Takes over a panel VS Code restored after a reload. */
  adopt(panel: vscode.WebviewPanel, paragraphId: string | undefined, concept: Concept | undefined): void {
    this.panel?.dispose();
    this.attach(panel);
    this.render({ paragraphId, conceptId: concept?.id }, concept);
  }

  private attach(panel: vscode.WebviewPanel): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.iconPath = vscode.Uri.joinPath(media, 'activity-bar.svg');
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.state = {};
    });
    this.panel = panel;
  }

  private render(state: { paragraphId?: string; conceptId?: string }, concept: Concept | undefined): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    if (!this.panel) {
      this.attach(
        vscode.window.createWebviewPanel(ReaderPanel.viewType, vscode.l10n.t('White Paper Reader'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
          enableScripts: true,
          enableFindWidget: true,
          retainContextWhenHidden: false,
          localResourceRoots: [media],
        }),
      );
    } else {
      this.panel.reveal(undefined, true);
    }
    this.state = { paragraphId: state.paragraphId, conceptId: concept ? state.conceptId : undefined };
    const webview = this.panel!.webview;
    this.panel!.title = concept ? `${concept.zh} · ${concept.en}` : vscode.l10n.t('White Paper Reader');
    webview.html = buildReaderHtml(this.paper, {
      cspSource: webview.cspSource,
      nonce: nonce(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'reader.css')).toString(),
      t: vscode.l10n.t,
      concept,
      evidence: concept ? this.evidenceFor(concept) : undefined,
      focusParagraphId: state.paragraphId,
    });
  }
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}
