// Entry point: wires the pure engine to the editor, one feature file each.
// Returns the API the integration tests (and other extensions) use.
import * as vscode from 'vscode';
import { paper } from '../core/data';
import { createEngine, type Engine } from '../core/engine';
import { PaperIndex } from '../core/paperIndex';
import type { CarbonLexiconApi, ExtensionDeps } from './api';
import { registerCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { ConfigurationService } from './configuration';
import { DiagnosticsController } from './diagnostics';
import { hoverAt, registerHover } from './hover';
import { ruleDocUrl } from './logic/ruleDocs';
import { TermSearchIndex } from './logic/searchIndex';
import { ReaderPanel } from './reader';
import { registerSearch, searchResults } from './search';
import { registerStatusBar } from './statusBar';
import { DraftTreeProvider } from './views/draftTree';
import { GlossaryTreeProvider } from './views/glossaryTree';
import { PaperTreeProvider } from './views/paperTree';

type FeatureModule = { registerBilingual?: (context: vscode.ExtensionContext, deps: ExtensionDeps) => unknown; registerGlossary?: (context: vscode.ExtensionContext, deps: ExtensionDeps) => unknown };

/** Feature files written separately; the bundle builds without them (esbuild only warns inside try). */
function optionalFeatures(output: vscode.LogOutputChannel): FeatureModule[] {
  const modules: FeatureModule[] = [];
  try {
    modules.push(require('./bilingual') as FeatureModule);
  } catch (error) {
    output.info(`Bilingual pairs not available: ${String(error)}`);
  }
  try {
    modules.push(require('./glossary') as FeatureModule);
  } catch (error) {
    output.info(`Project glossaries not available: ${String(error)}`);
  }
  return modules;
}

export async function activate(context: vscode.ExtensionContext): Promise<CarbonLexiconApi> {
  const output = vscode.window.createOutputChannel('Carbon Lexicon', { log: true });
  context.subscriptions.push(output);

  let engine: Engine = createEngine();
  let searchIndex: TermSearchIndex | undefined;
  const getSearchIndex = () => (searchIndex ??= new TermSearchIndex(engine.matcher.concepts));
  const engineChanged = new vscode.EventEmitter<Engine>();
  context.subscriptions.push(engineChanged);

  const repository = (context.extension.packageJSON as { repository?: unknown }).repository;
  const paperIndex = new PaperIndex(paper);
  const config = new ConfigurationService(output);
  const diagnostics = new DiagnosticsController(() => engine, config, (rule) => vscode.Uri.parse(ruleDocUrl(rule, repository)), output);
  context.subscriptions.push(config, diagnostics);

  const paperTree = new PaperTreeProvider(paper, engine);
  const glossaryTree = new GlossaryTreeProvider(engine.matcher.concepts, getSearchIndex);
  const draftTree = new DraftTreeProvider(() => engine, diagnostics, (uri) => config.cachedConfig(uri));
  const paperView = vscode.window.createTreeView('carbonLexicon.paper', { treeDataProvider: paperTree, showCollapseAll: true });
  const glossaryView = vscode.window.createTreeView('carbonLexicon.glossary', { treeDataProvider: glossaryTree, showCollapseAll: true });
  const draftView = vscode.window.createTreeView('carbonLexicon.draft', { treeDataProvider: draftTree });
  glossaryTree.onDidChangeTreeData(() => {
    glossaryView.message = glossaryTree.filter ? vscode.l10n.t('Filtered by “{0}”', glossaryTree.filter) : undefined;
  });
  const describeDraft = () => {
    draftView.description = draftTree.document ? draftTree.document.uri.path.split('/').pop() : undefined;
  };
  draftTree.onDidChangeTreeData(describeDraft);
  describeDraft();
  context.subscriptions.push(paperView, glossaryView, draftView, draftTree);

  const reader = new ReaderPanel(context.extensionUri, paper, (concept) => paperIndex.evidenceFor(concept, engine.matcher));
  context.subscriptions.push(
    reader,
    // After a reload the reader comes back where it was.
    vscode.window.registerWebviewPanelSerializer(ReaderPanel.viewType, {
      async deserializeWebviewPanel(panel, state: unknown) {
        const saved = (state ?? {}) as { paragraphId?: unknown; conceptId?: unknown };
        const concept = typeof saved.conceptId === 'string' ? engine.concept(saved.conceptId) : undefined;
        reader.adopt(panel, typeof saved.paragraphId === 'string' ? saved.paragraphId : undefined, concept);
      },
    }),
  );

  const deps: ExtensionDeps = {
    getEngine: () => engine,
    setEngine(next) {
      engine = next;
      searchIndex = undefined;
      paperTree.rebuild(next);
      glossaryTree.setConcepts(next.matcher.concepts);
      engineChanged.fire(next);
      diagnostics.refreshAll();
      draftTree.refresh();
      output.info(`Term base now has ${next.matcher.concepts.length} concepts.`);
    },
    onDidChangeEngine: engineChanged.event,
    getConfig: (uri) => config.getConfig(uri),
    findConfigFile: (uri) => config.findConfigFile(uri),
    refreshDiagnostics: (uri) => diagnostics.refresh(uri),
    output,
    extensionUri: context.extensionUri,
  };

  registerHover(context, () => engine, paperIndex);
  registerCodeActions(context, diagnostics);
  registerSearch(context, getSearchIndex, (concept) => reader.showConcept(concept));
  registerStatusBar(context, diagnostics);
  registerCommands(context, { getEngine: () => engine, diagnostics, reader, paperTree, paperView, glossaryTree, draftTree, extensionUri: context.extensionUri, repository });

  for (const feature of optionalFeatures(output)) {
    try {
      feature.registerBilingual?.(context, deps);
      feature.registerGlossary?.(context, deps);
    } catch (error) {
      output.error(`A feature failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  diagnostics.refreshAll();
  output.info(`Carbon Lexicon ready: ${engine.matcher.concepts.length} concepts, ${paper.paragraphs.length} paragraphs of the white paper.`);

  return {
    get engine() {
      return engine;
    },
    lintDocument(uri) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return document ? diagnostics.findingsFor(document) : [];
    },
    paperTree,
    glossaryTree,
    draftTree,
    searchTerms: (query) => searchResults(getSearchIndex(), query),
    async hoverText(document, position) {
      const result = hoverAt(document, position, engine, paperIndex);
      return result?.markdown.value;
    },
    whenIdle: () => diagnostics.whenIdle(),
    readerState: () => reader.current(),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
