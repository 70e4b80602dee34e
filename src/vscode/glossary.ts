// Project glossaries in the editor: loads the glossaries listed in every
// `.carbon-lexicon.json` of the workspace (relative to that file) and in the
// setting `carbonLexicon.glossaries` (relative to the workspace folder),
// merges them with the bundled term base and hands the result to the engine.
// Watches the files and reloads on change. A malformed glossary gets
// diagnostics at the offending lines and one notification; the rest still
// applies. Commands: carbonLexicon.addToGlossary, carbonLexicon.markDeprecated.
//
// The engine is one per window, so glossaries from every config file in the
// workspace apply to every document.
import * as vscode from 'vscode';
import { parseConfig } from '../core/config';
import { bundledTermBase } from '../core/data';
import { createEngine } from '../core/engine';
import {
  addConceptToGlossaryText,
  addGlossaryToConfigText,
  decodeGlossaryBytes,
  deprecationEntry,
  firstJsonGlossary,
  firstLineContaining,
  GlossaryLineFinder,
  guessLang,
  MAX_FILE_BYTES,
  mergeTermBases,
  newConfigText,
  parseGlossary,
  rankConceptsFor,
  slugId,
  termProblem,
  type MergeConflict,
} from '../core/glossary';
import type { Concept, TermBase, TermForm } from '../core/types';
import type { ExtensionDeps } from './api';

const CONFIG_FILE_NAME = '.carbon-lexicon.json';
const DEFAULT_GLOSSARY = 'carbon-lexicon.glossary.json';
const SOURCE = 'Carbon Lexicon';

/** What this feature needs from the extension (a subset of ExtensionDeps). */
export type GlossaryDeps = Pick<ExtensionDeps, 'getEngine' | 'setEngine' | 'findConfigFile' | 'output'>;

interface ListedGlossary {
  uri: vscode.Uri;
  /** The config file that lists it, or undefined for the setting. */
  listedIn?: vscode.Uri;
  /** As written in the list. */
  entry: string;
}

export interface GlossaryState {
  files: string[];
  conflicts: MergeConflict[];
  base: TermBase;
}

export function registerGlossary(context: vscode.ExtensionContext, deps: GlossaryDeps): ProjectGlossaries {
  const service = new ProjectGlossaries(deps);
  context.subscriptions.push(service);
  context.subscriptions.push(
    vscode.commands.registerCommand('carbonLexicon.addToGlossary', (args?: unknown) => service.addToGlossary(args)),
    vscode.commands.registerCommand('carbonLexicon.markDeprecated', (args?: unknown) => service.markDeprecated(args)),
  );
  service.scheduleReload(0);
  return service;
}

export class ProjectGlossaries implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('carbon-lexicon-glossaries');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private fileWatchers = new Map<string, vscode.FileSystemWatcher>();
  private readonly notified = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> = Promise.resolve();
  private lastSignature = '[]'; // no glossaries: the bundled engine the extension starts with
  private state: GlossaryState = { files: [], conflicts: [], base: bundledTermBase };

  constructor(private readonly deps: GlossaryDeps) {
    const configWatcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    configWatcher.onDidCreate(() => this.scheduleReload(), undefined, this.disposables);
    configWatcher.onDidChange(() => this.scheduleReload(), undefined, this.disposables);
    configWatcher.onDidDelete(() => this.scheduleReload(), undefined, this.disposables);
    this.disposables.push(configWatcher);
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.uri.path.endsWith(`/${CONFIG_FILE_NAME}`) || this.fileWatchers.has(doc.uri.toString())) this.scheduleReload();
    }, undefined, this.disposables);
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('carbonLexicon.glossaries')) this.scheduleReload();
    }, undefined, this.disposables);
    vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload(), undefined, this.disposables);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.fileWatchers.values()) w.dispose();
    for (const d of this.disposables) d.dispose();
  }

  /** What is loaded now (integration tests, the coordinator's API). */
  current(): GlossaryState {
    return this.state;
  }

  /** Resolves when pending reloads are done. */
  async whenLoaded(): Promise<void> {
    while (this.timer) await new Promise((resolve) => setTimeout(resolve, 20));
    await this.loading;
  }

  /** Coalesces bursts of file events (save + watcher) into one reload. */
  scheduleReload(delay = 150): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.loading = this.loading.then(() => this.load()).catch((error) => {
        this.deps.output.error(`Project glossaries failed to load: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      });
    }, delay);
  }

  // ---------------------------------------------------------------- loading

  private async load(): Promise<void> {
    const listed = await this.listedGlossaries();
    const extras: Array<{ source: string; concepts: Concept[] }> = [];
    const texts = new Map<string, string>();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const add = (uri: vscode.Uri, d: vscode.Diagnostic) => {
      const list = byFile.get(uri.toString()) ?? [];
      list.push(d);
      byFile.set(uri.toString(), list);
    };
    const broken: Array<{ uri: vscode.Uri; first: string; count: number }> = [];

    for (const g of listed) {
      const name = vscode.workspace.asRelativePath(g.uri);
      let bytes: Uint8Array | undefined;
      let problem: string | undefined;
      try {
        // Only regular files of a sane size (a path naming a device or pipe would be read for ever).
        const stat = await vscode.workspace.fs.stat(g.uri);
        if ((stat.type & vscode.FileType.File) === 0) problem = vscode.l10n.t('not a regular file');
        else if (stat.size > MAX_FILE_BYTES) problem = vscode.l10n.t('{0} MB; the limit is {1} MB', Math.round(stat.size / 2 ** 20), MAX_FILE_BYTES / 2 ** 20);
        else bytes = await vscode.workspace.fs.readFile(g.uri);
      } catch (error) {
        problem = error instanceof vscode.FileSystemError ? error.code : String(error);
      }
      if (bytes === undefined) {
        const message = vscode.l10n.t('Glossary {0} cannot be read: {1}', g.entry, problem ?? '');
        if (g.listedIn) {
          // The missing file has no editor to show a squiggle in; its entry in the config does.
          const configText = await readText(g.listedIn);
          add(g.listedIn, diagnostic(firstLineContaining(configText ?? '', g.entry), undefined, message, vscode.DiagnosticSeverity.Error));
        }
        broken.push({ uri: g.listedIn ?? g.uri, first: message, count: 1 });
        continue;
      }
      const decoded = decodeGlossaryBytes(bytes);
      if ('error' in decoded) {
        add(g.uri, diagnostic(1, undefined, decoded.error, vscode.DiagnosticSeverity.Error));
        broken.push({ uri: g.uri, first: decoded.error, count: 1 });
        continue;
      }
      const parsed = parseGlossary(decoded.text, g.uri.path);
      texts.set(name, decoded.text);
      for (const e of parsed.errors) add(g.uri, diagnostic(e.line, e.column, e.message, vscode.DiagnosticSeverity.Error));
      if (parsed.errors.length > 0) {
        const e = parsed.errors[0];
        broken.push({ uri: g.uri, first: `${e.line > 0 ? vscode.l10n.t('line {0}', e.line) + ': ' : ''}${e.message}`, count: parsed.errors.length });
      }
      extras.push({ source: name, concepts: parsed.concepts });
    }

    const merged = mergeTermBases(bundledTermBase, extras);
    const sourceUri = new Map(listed.map((g) => [vscode.workspace.asRelativePath(g.uri), g.uri]));
    // One finder per glossary text: thousands of messages must not each search the whole file.
    const finders = new Map<string, GlossaryLineFinder>();
    const lineIn = (source: string, needle: string) => {
      let finder = finders.get(source);
      if (!finder) finders.set(source, (finder = new GlossaryLineFinder(texts.get(source) ?? '')));
      return finder.lineOf(needle);
    };
    for (const c of merged.conflicts) {
      const message = vscode.l10n.t('“{0}” belongs to more than one concept: {1}. Mark it "shared": true in every entry if that is intended.', c.text, c.conceptIds.map((id, i) => `${id} (${c.sources[i]})`).join(', '));
      for (const source of new Set(c.sources)) {
        const uri = sourceUri.get(source);
        if (uri) add(uri, diagnostic(lineIn(source, c.text), undefined, message, vscode.DiagnosticSeverity.Warning));
      }
    }
    for (const p of merged.problems) {
      const uri = sourceUri.get(p.source);
      if (uri) add(uri, diagnostic(lineIn(p.source, p.conceptId), undefined, p.message, vscode.DiagnosticSeverity.Information));
    }

    this.diagnostics.clear();
    for (const [key, list] of byFile) this.diagnostics.set(vscode.Uri.parse(key), list);
    this.notify(broken);
    this.watch(listed.map((g) => g.uri));

    // Replace the engine only when the glossaries' content changed.
    const signature = JSON.stringify(extras);
    const changed = signature !== this.lastSignature;
    this.lastSignature = signature;
    this.state = { files: listed.map((g) => g.uri.toString()), conflicts: merged.conflicts, base: merged.base };
    if (changed) {
      this.deps.output.info(`Project glossaries: ${extras.length} file(s), ${merged.base.concepts.length - bundledTermBase.concepts.length} added concept(s), ${merged.conflicts.length} conflict(s).`);
      this.deps.setEngine(createEngine(merged.base));
    }
  }

  /** Glossaries from every config file, then from the setting of each workspace folder; each file once. */
  private async listedGlossaries(): Promise<ListedGlossary[]> {
    const out: ListedGlossary[] = [];
    const seen = new Set<string>();
    const push = (g: ListedGlossary) => {
      if (seen.has(g.uri.toString())) return;
      seen.add(g.uri.toString());
      out.push(g);
    };
    const configs = (await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**', 100)).sort((a, b) => a.path.localeCompare(b.path));
    for (const configUri of configs) {
      const text = await readText(configUri);
      if (text === undefined) continue;
      // Errors in the config file itself are reported by the configuration service.
      const { config } = parseConfig(text, CONFIG_FILE_NAME);
      const dir = vscode.Uri.joinPath(configUri, '..');
      for (const entry of config.glossaries ?? []) push({ uri: resolve(dir, entry), listedIn: configUri, entry });
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const setting = vscode.workspace.getConfiguration('carbonLexicon', folder.uri).get<unknown>('glossaries');
      if (!Array.isArray(setting)) continue;
      for (const entry of setting) if (typeof entry === 'string' && entry.trim()) push({ uri: resolve(folder.uri, entry), entry });
    }
    return out;
  }

  private watch(uris: vscode.Uri[]): void {
    const wanted = new Set(uris.map((u) => u.toString()));
    for (const [key, watcher] of this.fileWatchers) {
      if (!wanted.has(key)) {
        watcher.dispose();
        this.fileWatchers.delete(key);
      }
    }
    for (const uri of uris) {
      if (this.fileWatchers.has(uri.toString())) continue;
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), name));
      watcher.onDidCreate(() => this.scheduleReload());
      watcher.onDidChange(() => this.scheduleReload());
      watcher.onDidDelete(() => this.scheduleReload());
      this.fileWatchers.set(uri.toString(), watcher);
    }
  }

  /** One notification per file and distinct first error; silence once fixed. */
  private notify(broken: Array<{ uri: vscode.Uri; first: string; count: number }>): void {
    const now = new Set(broken.map((b) => b.uri.toString()));
    for (const key of [...this.notified.keys()]) if (!now.has(key)) this.notified.delete(key);
    for (const b of broken) {
      const signature = `${b.count}:${b.first}`;
      if (this.notified.get(b.uri.toString()) === signature) continue;
      this.notified.set(b.uri.toString(), signature);
      const name = vscode.workspace.asRelativePath(b.uri);
      this.deps.output.warn(`${b.uri.toString(true)}: ${b.count} problem(s); first: ${b.first}`);
      const open = vscode.l10n.t('Open file');
      void vscode.window
        .showWarningMessage(
          b.count > 1
            ? vscode.l10n.t('Carbon Lexicon: glossary {0} has {1} problems ({2}); checking goes on with everything else.', name, b.count, b.first)
            : vscode.l10n.t('Carbon Lexicon: glossary {0}: {1}; checking goes on with everything else.', name, b.first),
          open,
        )
        .then((choice) => {
          if (choice === open) void vscode.window.showTextDocument(b.uri);
        });
    }
  }

  // ---------------------------------------------------------------- commands

  /**
   * "Add selection to project glossary". Arguments `{ zh, en, definition? }`
   * skip the prompts (tests, keybindings).
   */
  async addToGlossary(args?: unknown): Promise<vscode.Uri | undefined> {
    const given = (args && typeof args === 'object' ? args : {}) as { zh?: unknown; en?: unknown; definition?: unknown };
    const editor = vscode.window.activeTextEditor;
    const selected = editor ? editor.document.getText(editor.selection).trim() : '';
    const selectedLang = selected ? guessLang(selected) : undefined;
    const title = vscode.l10n.t('Add to project glossary');

    let zh = typeof given.zh === 'string' ? given.zh.trim() : undefined;
    let en = typeof given.en === 'string' ? given.en.trim() : undefined;
    let definition = typeof given.definition === 'string' ? given.definition.trim() : undefined;
    if (zh === undefined) {
      zh = await vscode.window.showInputBox({
        title: `${title} (1/3)`,
        prompt: vscode.l10n.t('Preferred Chinese term'),
        value: selectedLang === 'zh' ? selected : '',
        validateInput: (v) => validateTerm(v, 'zh'),
      });
      if (zh === undefined) return undefined;
      zh = zh.trim();
    }
    if (en === undefined) {
      en = await vscode.window.showInputBox({
        title: `${title} (2/3)`,
        prompt: vscode.l10n.t('Canonical English rendering of “{0}”', zh),
        value: selectedLang === 'en' ? selected : '',
        validateInput: (v) => validateTerm(v, 'en'),
      });
      if (en === undefined) return undefined;
      en = en.trim();
    }
    const problem = validateTerm(zh, 'zh') ?? validateTerm(en, 'en');
    if (problem) {
      void vscode.window.showErrorMessage(problem);
      return undefined;
    }
    if (definition === undefined && typeof given.zh !== 'string') {
      definition = await vscode.window.showInputBox({
        title: `${title} (3/3)`,
        prompt: vscode.l10n.t('Definition (optional), in Chinese or English'),
      });
      if (definition === undefined) return undefined;
      definition = definition.trim();
    }

    const concepts = this.deps.getEngine().matcher.concepts;
    const same = concepts.find((c) => c.zh === zh && c.en.toLowerCase() === en!.toLowerCase());
    if (same) {
      void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” / “{1}” is already in the term base ({2}).', zh, en, same.id));
      return undefined;
    }
    const ids = new Set(concepts.map((c) => c.id));
    const base = slugId(en, zh);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    const concept: Concept = { id, zh, en, accepted: [], deprecated: [], definition: { zh: '', en: '' }, category: '', refs: [] };
    if (definition) concept.definition[guessLang(definition)] = definition;

    const target = await this.projectGlossary(editor?.document.uri);
    if (!target) return undefined;
    if (!(await this.writeEntry(target, concept))) return undefined;
    this.scheduleReload(0);
    await this.whenLoaded();
    void this.announce(vscode.l10n.t('Added “{0}” / “{1}” to {2}.', zh, en, vscode.workspace.asRelativePath(target)), target);
    return target;
  }

  /**
   * "Mark selection as a deprecated rendering of …". Arguments
   * `{ conceptId, text?, note? }` skip the prompts.
   */
  async markDeprecated(args?: unknown): Promise<vscode.Uri | undefined> {
    const given = (args && typeof args === 'object' ? args : {}) as { conceptId?: unknown; text?: unknown; note?: unknown };
    const editor = vscode.window.activeTextEditor;
    let text = typeof given.text === 'string' ? given.text.trim() : editor ? editor.document.getText(editor.selection).trim() : '';
    if (!text) {
      const typed = await vscode.window.showInputBox({ prompt: vscode.l10n.t('The rendering to mark as deprecated'), validateInput: (v) => termProblem(v.trim(), vscode.l10n.t('the rendering')) });
      if (typed === undefined) return undefined;
      text = typed.trim();
    }
    const problem = termProblem(text, vscode.l10n.t('the selection'));
    if (problem) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Carbon Lexicon: {0}', problem));
      return undefined;
    }
    const concepts = this.deps.getEngine().matcher.concepts;
    let concept: Concept | undefined;
    if (typeof given.conceptId === 'string') {
      concept = concepts.find((c) => c.id === given.conceptId);
      if (!concept) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Carbon Lexicon: no concept with id “{0}”.', given.conceptId));
        return undefined;
      }
    } else {
      const picked = await vscode.window.showQuickPick(
        rankConceptsFor(text, concepts).map((c) => ({ label: `${c.zh} — ${c.en}`, description: c.id, detail: c.definition.en || c.definition.zh || undefined, concept: c })),
        { title: vscode.l10n.t('Mark “{0}” as a deprecated rendering of …', text), matchOnDescription: true, matchOnDetail: true, placeHolder: vscode.l10n.t('Concept (Chinese, English or id)') },
      );
      if (!picked) return undefined;
      concept = picked.concept;
    }
    const lang = guessLang(text);
    if (text === concept[lang]) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Carbon Lexicon: “{0}” is the canonical form of {1}; use "override": true in the glossary to change it.', text, concept.id));
      return undefined;
    }
    let note = typeof given.note === 'string' ? given.note.trim() : undefined;
    if (note === undefined && typeof given.conceptId !== 'string') {
      note = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Why is “{0}” off-canon? (optional, shown in the hover)', text) });
      if (note === undefined) return undefined;
      note = note.trim();
    }
    const form: TermForm = { text, lang };
    if (note) form.note = note;

    const target = await this.projectGlossary(editor?.document.uri);
    if (!target) return undefined;
    if (!(await this.writeEntry(target, deprecationEntry(concept, form)))) return undefined;
    this.scheduleReload(0);
    await this.whenLoaded();
    void this.announce(vscode.l10n.t('“{0}” is now a deprecated rendering of {1} ({2}).', text, concept.id, vscode.workspace.asRelativePath(target)), target);
    return target;
  }

  /** The project's JSON glossary, creating it and its config entry when needed. */
  private async projectGlossary(document: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    let configUri = document ? await this.deps.findConfigFile(document) : undefined;
    const folder = (document && vscode.workspace.getWorkspaceFolder(document)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!configUri) {
      if (!folder) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Carbon Lexicon: open a folder first; the project glossary lives next to its .carbon-lexicon.json.'));
        return undefined;
      }
      configUri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
    }
    const configText = await readText(configUri);
    const dir = vscode.Uri.joinPath(configUri, '..');
    if (configText === undefined) {
      await writeText(configUri, newConfigText(DEFAULT_GLOSSARY));
      return vscode.Uri.joinPath(dir, DEFAULT_GLOSSARY);
    }
    const { config, errors } = parseConfig(configText, CONFIG_FILE_NAME);
    const existing = firstJsonGlossary(config.glossaries);
    if (existing) return resolve(dir, existing);
    if (errors.length > 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Carbon Lexicon: fix {0} first ({1}).', vscode.workspace.asRelativePath(configUri), errors[0]));
      return undefined;
    }
    await writeText(configUri, addGlossaryToConfigText(configText, DEFAULT_GLOSSARY));
    return vscode.Uri.joinPath(dir, DEFAULT_GLOSSARY);
  }

  /** Adds the entry; refuses to touch a glossary with JSON syntax errors (it would not survive). */
  private async writeEntry(target: vscode.Uri, concept: Concept): Promise<boolean> {
    const before = (await readText(target)) ?? '';
    if (before.trim()) {
      const syntax = parseGlossary(before, target.path).errors.find((e) => e.message.startsWith('JSON syntax error'));
      if (syntax) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Carbon Lexicon: {0} line {1}: {2}. Fix it before adding entries.', vscode.workspace.asRelativePath(target), syntax.line, syntax.message));
        return false;
      }
    }
    let after: string;
    try {
      after = addConceptToGlossaryText(before, concept);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Carbon Lexicon: cannot add to {0}: {1}', vscode.workspace.asRelativePath(target), error instanceof Error ? error.message : String(error)));
      return false;
    }
    await writeText(target, after);
    return true;
  }

  private async announce(message: string, target: vscode.Uri): Promise<void> {
    const open = vscode.l10n.t('Open glossary');
    if ((await vscode.window.showInformationMessage(message, open)) === open) await vscode.window.showTextDocument(target);
  }
}

function validateTerm(value: string, lang: 'zh' | 'en'): string | undefined {
  const v = value.trim();
  const problem = termProblem(v, lang === 'zh' ? vscode.l10n.t('the Chinese term') : vscode.l10n.t('the English rendering'));
  if (problem) return problem;
  if (lang === 'zh' && guessLang(v) !== 'zh') return vscode.l10n.t('The Chinese term needs Chinese characters.');
  if (lang === 'en' && guessLang(v) === 'zh') return vscode.l10n.t('The English rendering has Chinese characters.');
  return undefined;
}

function diagnostic(line: number, column: number | undefined, message: string, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const l = Math.max(0, line - 1);
  const c = Math.max(0, (column ?? 1) - 1);
  // Whole line when no column is known: the squiggle then marks the entry.
  const range = column === undefined ? new vscode.Range(l, 0, l, Number.MAX_SAFE_INTEGER) : new vscode.Range(l, c, l, c + 1);
  const d = new vscode.Diagnostic(range, message, severity);
  d.source = SOURCE;
  return d;
}

function resolve(base: vscode.Uri, entry: string): vscode.Uri {
  if (/^[a-z][\w+.-]+:/i.test(entry) && !/^[a-z]:[\\/]/i.test(entry)) return vscode.Uri.parse(entry);
  if (entry.startsWith('/') || /^[a-z]:[\\/]/i.test(entry)) return vscode.Uri.file(entry);
  return vscode.Uri.joinPath(base, entry.replace(/\\/g, '/'));
}

/** The open document's text if there is one (it may be unsaved), else the file's; undefined if missing. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const decoded = decodeGlossaryBytes(await vscode.workspace.fs.readFile(uri));
    return 'text' in decoded ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/** Through the open document when there is one (undo works, no "file changed on disk"), else to disk. */
async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
    await open.save();
    return;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}
