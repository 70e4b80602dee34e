// What activate() returns (integration tests drive the extension through
// it) and the small set of services other feature files plug into.
import type * as vscode from 'vscode';
import type { Engine } from '../core/engine';
import type { Finding, LintConfig } from '../core/types';
import type { PaperTreeProvider } from './views/paperTree';
import type { GlossaryTreeProvider } from './views/glossaryTree';
import type { DraftTreeProvider } from './views/draftTree';

export interface SearchResult {
  conceptId: string;
  label: string;
  description?: string;
}

export interface CarbonLexiconApi {
  /** The engine in use now (it is replaced when project glossaries change). */
  readonly engine: Engine;
  /** Findings for an open document, with its effective configuration, as the Problems panel shows them. */
  lintDocument(uri: vscode.Uri): Finding[];
  readonly paperTree: PaperTreeProvider;
  readonly glossaryTree: GlossaryTreeProvider;
  readonly draftTree: DraftTreeProvider;
  searchTerms(query: string): SearchResult[];
  /** The Markdown our hover provider shows at a position, if any. */
  hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string | undefined>;
  /** Waits until configuration files are read and diagnostics for open documents are current. */
  whenIdle(): Promise<void>;
  /** What the reader panel shows, if it is open. */
  readerState(): { paragraphId?: string; conceptId?: string } | undefined;
}

/** Services handed to feature modules (bilingual pairs, project glossaries). */
export interface ExtensionDeps {
  getEngine(): Engine;
  /** Replaces the engine (e.g. bundled terms merged with project glossaries); views, search and diagnostics follow. */
  setEngine(engine: Engine): void;
  readonly onDidChangeEngine: vscode.Event<Engine>;
  /** Effective configuration for a document (settings merged with the nearest .carbon-lexicon.json). */
  getConfig(uri: vscode.Uri): Promise<LintConfig>;
  /** The nearest .carbon-lexicon.json above a document, if any. */
  findConfigFile(uri: vscode.Uri): Promise<vscode.Uri | undefined>;
  /** Re-lints one document, or all open ones. */
  refreshDiagnostics(uri?: vscode.Uri): void;
  readonly output: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
}
