// Problems-panel diagnostics: the same findings and rule ids as the CLI, for
// the languages in `carbonLexicon.languages`; debounced while typing, stale
// results dropped by document version, cleared on close, and very large
// files skipped with a notice instead of freezing the editor.
import * as vscode from 'vscode';
import type { Engine } from '../core/engine';
import { IncrementalLinter } from '../core/incremental';
import type { TermMatch } from '../core/matcher';
import type { DocumentFormat, Finding, LintConfig, Severity } from '../core/types';
import { ConfigurationService, isConfigFile, readSettings } from './configuration';

export const DIAGNOSTIC_SOURCE = 'Carbon Lexicon';

export type DocumentState =
  | { kind: 'off' }
  | { kind: 'checked'; findings: Finding[] }
  | { kind: 'skipped'; size: number; limit: number };

export interface DiagnosticsUpdate {
  document: vscode.TextDocument;
  state: DocumentState;
}

interface CacheEntry {
  version: number;
  findings: Finding[];
}

/** A document's incremental linter and the edits made since it last ran. */
interface LinterEntry {
  linter: IncrementalLinter;
  engine: Engine;
  /** Format and configuration it was built for. */
  key: string;
  pending: Array<{ start: number; end: number; text: string }>;
  version: number;
}

export function formatOf(document: vscode.TextDocument): DocumentFormat {
  return document.languageId === 'markdown' ? 'markdown' : 'plaintext';
}

/** Whether the document is one we check at all (setting, language, not our own config file). */
export function isChecked(document: vscode.TextDocument): boolean {
  const settings = readSettings(document.uri);
  return settings.enable && settings.languages.includes(document.languageId) && !isConfigFile(document.uri);
}

/** Size and limit when the document is over `carbonLexicon.maxFileSize` (UTF-8 bytes), else undefined. */
export function overSizeLimit(document: vscode.TextDocument, text = document.getText()): { size: number; limit: number } | undefined {
  const limit = readSettings(document.uri).maxFileSize;
  if (limit <= 0) return undefined;
  // UTF-8 takes at most 3 bytes per UTF-16 code unit, so short texts need no byte count.
  const size = text.length * 3 > limit ? Buffer.byteLength(text, 'utf8') : text.length;
  return size > limit ? { size, limit } : undefined;
}

function severityOf(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'information': return vscode.DiagnosticSeverity.Information;
    default: return vscode.DiagnosticSeverity.Hint;
  }
}

export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('carbon-lexicon');
  private readonly cache = new Map<string, CacheEntry>();
  private readonly states = new Map<string, DocumentState>();
  private readonly timers = new Map<string, { timer: ReturnType<typeof setTimeout>; document: vscode.TextDocument }>();
  private readonly pending = new Set<Promise<void>>();
  private readonly noticeShown = new Set<string>();
  private readonly linters = new Map<string, LinterEntry>();
  /** How long the last lint of each document took, to stretch the typing pause on big files. */
  private readonly lastDuration = new Map<string, number>();
  private readonly updated = new vscode.EventEmitter<DiagnosticsUpdate>();
  private readonly disposables: vscode.Disposable[] = [this.collection, this.updated];

  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly getEngine: () => Engine,
    private readonly config: ConfigurationService,
    private readonly ruleDocUri: (rule: string) => vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
  ) {
    const ws = vscode.workspace;
    ws.onDidOpenTextDocument((d) => this.request(d, 'open'), undefined, this.disposables);
    ws.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      // Edits are replayed into the incremental linter at the next lint (changes of one event apply in order).
      const entry = this.linters.get(e.document.uri.toString());
      if (entry) for (const c of e.contentChanges) entry.pending.push({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text });
      this.request(e.document, 'change');
    }, undefined, this.disposables);
    ws.onDidSaveTextDocument((d) => this.request(d, 'save'), undefined, this.disposables);
    ws.onDidCloseTextDocument((d) => this.forget(d.uri), undefined, this.disposables);
    config.onDidChange(() => this.refreshAll(), undefined, this.disposables);
  }

  dispose(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }

  stateOf(document: vscode.TextDocument): DocumentState {
    return this.states.get(document.uri.toString()) ?? { kind: 'off' };
  }

  /** Lints every open document again (engine or configuration changed). */
  refreshAll(): void {
    this.cache.clear();
    for (const document of vscode.workspace.textDocuments) this.request(document, 'refresh');
  }

  refresh(uri?: vscode.Uri): void {
    if (!uri) return this.refreshAll();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) {
      this.cache.delete(uri.toString());
      this.request(document, 'refresh');
    }
  }

  private request(document: vscode.TextDocument, reason: 'open' | 'change' | 'save' | 'refresh'): void {
    const key = document.uri.toString();
    if (!isChecked(document)) {
      if (this.states.has(key)) this.forget(document.uri);
      return;
    }
    const settings = readSettings(document.uri);
    if (reason === 'change' && settings.run === 'onSave') return;
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing.timer);
    // On a big file a lint can take longer than the pause itself; wait at least twice as long as the last one.
    const delay = reason === 'change' ? Math.max(settings.debounce, Math.min(5000, 2 * (this.lastDuration.get(key) ?? 0))) : 0;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.track(this.lintAndPublish(document));
    }, delay);
    this.timers.set(key, { timer, document });
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error) => this.output.error(error instanceof Error ? error : String(error))).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Resolves once nothing is scheduled or running (scheduled work is started at once). */
  async whenIdle(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      for (const [key, { timer, document }] of this.timers) {
        clearTimeout(timer);
        this.timers.delete(key);
        this.track(this.lintAndPublish(document));
      }
      if (this.pending.size === 0) return;
      await Promise.all([...this.pending]);
    }
  }

  private async lintAndPublish(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    const version = document.version;
    const config = await this.config.getConfig(document.uri);
    // The document moved on while the config was read: a newer request is (or will be) queued.
    if (document.isClosed || document.version !== version) return;
    this.publish(document, this.lintWith(document, config));
  }

  /** Lints synchronously with the given configuration; size-limited like the Problems panel. */
  private lintWith(document: vscode.TextDocument, config: LintConfig): DocumentState {
    const text = document.getText();
    const over = overSizeLimit(document, text);
    if (over) {
      this.linters.delete(document.uri.toString());
      return { kind: 'skipped', size: over.size, limit: over.limit };
    }
    const started = Date.now();
    const findings = this.incrementalLint(document, text, config);
    const elapsed = Date.now() - started;
    this.lastDuration.set(document.uri.toString(), elapsed);
    if (elapsed > 200) this.output.info(`Linted ${document.uri.toString(true)} (${text.length} chars) in ${elapsed} ms`);
    this.cache.set(document.uri.toString(), { version: document.version, findings });
    return { kind: 'checked', findings };
  }

  /**
   * The same findings as engine.lint(text, format, config), re-matching only
   * the paragraphs edited since the last run (core/incremental.ts); a new
   * engine or configuration, or edits that cannot be replayed, start afresh.
   */
  private incrementalLint(document: vscode.TextDocument, text: string, config: LintConfig): Finding[] {
    const key = document.uri.toString();
    const engine = this.getEngine();
    const format = formatOf(document);
    const configKey = `${format}\u0000${JSON.stringify(config)}`;
    let entry = this.linters.get(key);
    if (!entry || entry.engine !== engine || entry.key !== configKey) {
      entry = { linter: new IncrementalLinter(engine, { format, config }), engine, key: configKey, pending: [], version: document.version };
      this.linters.set(key, entry);
      return entry.linter.setText(text);
    }
    const pending = entry.pending;
    entry.pending = [];
    entry.version = document.version;
    try {
      for (const change of pending) entry.linter.applyChange(change.start, change.end, change.text);
    } catch {
      return entry.linter.setText(text);
    }
    return entry.linter.text === text ? entry.linter.results : entry.linter.setText(text);
  }

  /** Every term occurrence of the document as last linted, when that is its current version. */
  termMatchesFor(document: vscode.TextDocument): readonly TermMatch[] | undefined {
    const entry = this.linters.get(document.uri.toString());
    return entry && entry.version === document.version && entry.pending.length === 0 ? entry.linter.termMatches : undefined;
  }

  private publish(document: vscode.TextDocument, state: DocumentState): void {
    const key = document.uri.toString();
    this.states.set(key, state);
    if (state.kind === 'checked') {
      this.collection.set(document.uri, state.findings.map((f) => this.toDiagnostic(document, f)));
    } else {
      this.collection.delete(document.uri);
      if (state.kind === 'skipped' && !this.noticeShown.has(key)) {
        this.noticeShown.add(key);
        const name = document.uri.path.split('/').pop() ?? document.uri.toString(true);
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Carbon Lexicon skipped {0}: {1} KB is over the {2} KB limit (setting carbonLexicon.maxFileSize).', name, Math.round(state.size / 1024), Math.round(state.limit / 1024)),
        );
      }
    }
    this.updated.fire({ document, state });
  }

  toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const diagnostic = new vscode.Diagnostic(range, finding.message, severityOf(finding.severity));
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.rule, target: this.ruleDocUri(finding.rule) };
    if (finding.rule === 'deprecated-term') diagnostic.tags = [vscode.DiagnosticTag.Deprecated];
    if (finding.related && finding.related.length > 0) {
      diagnostic.relatedInformation = finding.related.map((related) => {
        if (!related.file) {
          return new vscode.DiagnosticRelatedInformation(
            new vscode.Location(document.uri, new vscode.Range(document.positionAt(related.start), document.positionAt(related.end))),
            related.message,
          );
        }
        const uri = resolveRelated(document.uri, related.file);
        const other = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        const range = other
          ? new vscode.Range(other.positionAt(related.start), other.positionAt(related.end))
          : new vscode.Range(0, 0, 0, 0);
        return new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range), related.message);
      });
    }
    return diagnostic;
  }

  /**
   * Findings for the document as it is now: the published ones when current,
   * otherwise linted on the spot with the configuration read so far.
   */
  findingsFor(document: vscode.TextDocument): Finding[] {
    if (!isChecked(document)) return [];
    const cached = this.cache.get(document.uri.toString());
    if (cached && cached.version === document.version) return cached.findings;
    const state = this.lintWith(document, this.config.cachedConfig(document.uri));
    return state.kind === 'checked' ? state.findings : [];
  }

  /** Fresh findings with the full configuration (reads config files if needed), for save-time fixes. */
  async currentFindings(document: vscode.TextDocument): Promise<Finding[]> {
    if (!isChecked(document)) return [];
    const cached = this.cache.get(document.uri.toString());
    if (cached && cached.version === document.version) return cached.findings;
    const state = this.lintWith(document, await this.config.getConfig(document.uri));
    return state.kind === 'checked' ? state.findings : [];
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer.timer);
    this.timers.delete(key);
    this.cache.delete(key);
    this.states.delete(key);
    this.lastDuration.delete(key);
    this.linters.delete(key);
    this.collection.delete(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document) this.updated.fire({ document, state: { kind: 'off' } });
  }
}

function resolveRelated(base: vscode.Uri, file: string): vscode.Uri {
  if (/^[a-z][\w+.-]+:\/\//i.test(file)) return vscode.Uri.parse(file);
  if (file.startsWith('/') || /^[a-z]:[\\/]/i.test(file)) return vscode.Uri.file(file);
  return vscode.Uri.joinPath(base, '..', file);
}
