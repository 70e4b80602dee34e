// Settings under `carbonLexicon.` and the project's `.carbon-lexicon.json`,
// found by walking up from the document through vscode.workspace.fs (so it
// works in virtual workspaces too). A malformed file gets one notification and
// a diagnostic on the file; linting goes on with what could be read, or defaults.
import * as vscode from 'vscode';
import { parseConfig } from '../core/config';
import type { LintConfig } from '../core/types';
import { mergeConfig, settingsAsConfig } from './logic/mergeConfig';

export const CONFIG_FILE_NAME = '.carbon-lexicon.json';
const SECTION = 'carbonLexicon';

export interface EditorSettings {
  enable: boolean;
  languages: string[];
  run: 'onType' | 'onSave';
  debounce: number;
  maxFileSize: number;
  rules: unknown;
  ignoredConcepts: unknown;
  glossaries: unknown;
}

export function readSettings(scope?: vscode.Uri): EditorSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const languages = c.get<unknown>('languages');
  return {
    enable: c.get<boolean>('enable', true) !== false,
    languages: Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string') : ['markdown', 'plaintext'],
    run: c.get<string>('run') === 'onSave' ? 'onSave' : 'onType',
    debounce: clampNumber(c.get<number>('debounce'), 0, 10000, 300),
    maxFileSize: clampNumber(c.get<number>('maxFileSize'), 0, Number.MAX_SAFE_INTEGER, 4 * 1024 * 1024),
    rules: c.get('rules'),
    ignoredConcepts: c.get('ignoredConcepts'),
    glossaries: c.get('glossaries'),
  };
}

function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

interface ParsedFile {
  config: LintConfig;
  errors: string[];
}

export class ConfigurationService implements vscode.Disposable {
  private readonly directoryLookups = new Map<string, Promise<vscode.Uri | undefined>>();
  private readonly resolvedDirectories = new Map<string, vscode.Uri | null>();
  private readonly files = new Map<string, Promise<ParsedFile>>();
  private readonly parsedFiles = new Map<string, ParsedFile>();
  private readonly reported = new Map<string, string>();
  private readonly problems = vscode.languages.createDiagnosticCollection('carbon-lexicon-config');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.problems, this.changed];

  /** Fires when a config file or a `carbonLexicon.` setting changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly output: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const invalidate = (uri: vscode.Uri) => {
      this.output.info(`Config file changed: ${uri.toString(true)}`);
      this.invalidate();
    };
    watcher.onDidCreate(invalidate, undefined, this.disposables);
    watcher.onDidChange(invalidate, undefined, this.disposables);
    watcher.onDidDelete((uri) => {
      this.problems.delete(uri);
      invalidate(uri);
    }, undefined, this.disposables);
    this.disposables.push(watcher);
    // Watchers can miss saves made in the editor of an unsaved-then-saved file on some file systems.
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (isConfigFile(doc.uri)) invalidate(doc.uri);
    }, undefined, this.disposables);
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) this.changed.fire();
    }, undefined, this.disposables);
    vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate(), undefined, this.disposables);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private invalidate(): void {
    this.directoryLookups.clear();
    this.resolvedDirectories.clear();
    this.files.clear();
    this.parsedFiles.clear();
    this.changed.fire();
  }

  /** Nearest `.carbon-lexicon.json` at or above the document's folder, not above its workspace folder. */
  findConfigFile(document: vscode.Uri): Promise<vscode.Uri | undefined> {
    const start = startDirectory(document);
    if (!start) return Promise.resolve(undefined);
    return this.lookup(start, stopDirectory(document));
  }

  private lookup(directory: vscode.Uri, stop: vscode.Uri | undefined, depth = 0): Promise<vscode.Uri | undefined> {
    const key = directory.toString();
    let pending = this.directoryLookups.get(key);
    if (!pending) {
      pending = (async () => {
        const candidate = vscode.Uri.joinPath(directory, CONFIG_FILE_NAME);
        if (await isFile(candidate)) return candidate;
        const parent = vscode.Uri.joinPath(directory, '..');
        const atStop = stop ? sameUri(directory, stop) : false;
        if (atStop || parent.path === directory.path || depth > 40) return undefined;
        return this.lookup(parent, stop, depth + 1);
      })();
      this.directoryLookups.set(key, pending);
      pending.then((found) => this.resolvedDirectories.set(key, found ?? null), () => undefined);
    }
    return pending;
  }

  private readFile(uri: vscode.Uri): Promise<ParsedFile> {
    const key = uri.toString();
    let pending = this.files.get(key);
    if (!pending) {
      pending = (async () => {
        let parsed: ParsedFile;
        try {
          const bytes = await vscode.workspace.fs.readFile(uri);
          const text = new TextDecoder('utf-8').decode(bytes);
          parsed = parseConfig(text, uri.path.split('/').pop() ?? CONFIG_FILE_NAME);
        } catch (error) {
          parsed = { config: {}, errors: [vscode.l10n.t('Cannot read the file: {0}', error instanceof Error ? error.message : String(error))] };
        }
        this.report(uri, parsed.errors);
        this.parsedFiles.set(key, parsed);
        return parsed;
      })();
      this.files.set(key, pending);
    }
    return pending;
  }

  /** One diagnostic per error on the file, one notification per distinct set of errors. */
  private report(uri: vscode.Uri, errors: string[]): void {
    if (errors.length === 0) {
      this.problems.delete(uri);
      this.reported.delete(uri.toString());
      return;
    }
    this.problems.set(uri, errors.map((message) => {
      const position = positionIn(message);
      const range = new vscode.Range(position, position.translate(0, 1));
      const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'Carbon Lexicon';
      return diagnostic;
    }));
    const signature = errors.join('\n');
    if (this.reported.get(uri.toString()) === signature) return;
    this.reported.set(uri.toString(), signature);
    this.output.warn(`${uri.toString(true)}: ${signature}`);
    const open = vscode.l10n.t('Open file');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t('Carbon Lexicon: {0} has errors ({1}); checking goes on with the default settings for what could not be read.', CONFIG_FILE_NAME, errors[0]),
        open,
      )
      .then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(uri);
      });
  }

  /** Settings merged with the nearest config file (the file wins for rule severities; lists add up). */
  // `glossaries` and `pairs` come back as absolute URI strings: those of the
  // settings resolved against the workspace folder, those of the file against
  // the file's folder.
  async getConfig(document: vscode.Uri): Promise<LintConfig> {
    const settings = resolvePaths(settingsAsConfig(readSettings(document)), stopDirectory(document));
    const file = await this.findConfigFile(document);
    if (!file) return settings;
    const parsed = await this.readFile(file);
    return mergeConfig(settings, resolvePaths(parsed.config, vscode.Uri.joinPath(file, '..')));
  }

  /**
   * Same as getConfig, from what has been read so far (no I/O), for callers
   * that must answer synchronously. Before the file is read it is settings only.
   */
  cachedConfig(document: vscode.Uri): LintConfig {
    const settings = resolvePaths(settingsAsConfig(readSettings(document)), stopDirectory(document));
    const start = startDirectory(document);
    if (!start) return settings;
    const file = this.resolvedDirectories.get(start.toString());
    const parsed = file ? this.parsedFiles.get(file.toString()) : undefined;
    if (!file || !parsed) return settings;
    return mergeConfig(settings, resolvePaths(parsed.config, vscode.Uri.joinPath(file, '..')));
  }
}

function resolvePaths(config: LintConfig, base: vscode.Uri | undefined): LintConfig {
  const resolve = (path: string): string => {
    if (/^[a-z][\w+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return path; // already a URI
    if (path.startsWith('/') || /^[a-z]:[\\/]/i.test(path)) return vscode.Uri.file(path).toString();
    return base ? vscode.Uri.joinPath(base, path).toString() : path;
  };
  const out: LintConfig = { ...config };
  if (config.glossaries) out.glossaries = config.glossaries.map(resolve);
  if (config.pairs) out.pairs = config.pairs.map(([zh, en]) => [resolve(zh), resolve(en)] as [string, string]);
  return out;
}

export function isConfigFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${CONFIG_FILE_NAME}`);
}

function startDirectory(document: vscode.Uri): vscode.Uri | undefined {
  if (document.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri;
  if (document.path.lastIndexOf('/') < 0) return undefined;
  return vscode.Uri.joinPath(document, '..');
}

function stopDirectory(document: vscode.Uri): vscode.Uri | undefined {
  if (document.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.workspace.getWorkspaceFolder(document)?.uri;
}

function sameUri(a: vscode.Uri, b: vscode.Uri): boolean {
  return a.toString().replace(/\/+$/, '') === b.toString().replace(/\/+$/, '');
}

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return (stat.type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

/** "… line 3, column 5 …" or "3:5" in a parse error → that position (0-based); else the file start. */
function positionIn(message: string): vscode.Position {
  const m = /line (\d+)(?:,? column (\d+))?/i.exec(message) ?? /:(\d+):(\d+)/.exec(message);
  if (!m) return new vscode.Position(0, 0);
  return new vscode.Position(Math.max(0, Number(m[1]) - 1), Math.max(0, Number(m[2] ?? 1) - 1));
}
