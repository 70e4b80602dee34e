// Bilingual pairs in the editor: diagnostics from missing-translation and
// number-mismatch over a Chinese draft and its English translation (the
// current text of both, saved or not), with related information pointing
// into the other file; and the command carbonLexicon.openBilingualPair, which
// opens the partner beside the current editor and keeps aligned paragraphs in
// view together. Interleaved and table layouts in one file are linted by the
// engine itself; this file handles pairs of files only.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TermMatcher } from '../core/matcher';
import type { DocumentFormat, Finding, LintConfig, Severity } from '../core/types';
import { alignDocuments, alignedRange, detectLayout, DocumentAlignment, lintPair } from '../core/bilingual';
import { partnerFolders, partnerOf, PairLang } from '../cli/pairs';
import { ruleDocUrl } from './logic/ruleDocs';
import { readSettings } from './configuration';
import { LineIndex } from '../core/lines';

export const PAIR_COMMAND = 'carbonLexicon.openBilingualPair';
const SOURCE = 'Carbon Lexicon';

/**
 * What this feature needs from the extension (ExtensionDeps satisfies it):
 * - getEngine(): the current matcher;
 * - diagnostics: a collection for pair findings only (one is created when absent; it must not be
 *   the collection of single-document findings, whose entries it would overwrite);
 * - getConfig(uri): effective configuration (rules, ignoredConcepts, pairs), optional;
 * - findConfigFile(uri): the .carbon-lexicon.json that `pairs` are relative to, optional;
 * - onDidChangeEngine: re-lint pairs when the term base changes, optional;
 * - output: a log channel, optional.
 */
export interface BilingualDeps {
  getEngine(): { matcher: TermMatcher };
  diagnostics?: vscode.DiagnosticCollection;
  getConfig?(uri: vscode.Uri): Promise<LintConfig> | LintConfig;
  findConfigFile?(uri: vscode.Uri): Promise<vscode.Uri | undefined>;
  onDidChangeEngine?: vscode.Event<unknown>;
  output?: { info(message: string): void; error(message: string): void };
}

interface Pair {
  zh: vscode.Uri;
  en: vscode.Uri;
}

const TEXT_EXTENSIONS = /\.(md|markdown|mdx|mkd|txt|text)$/i;

function pathOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}

function uriOf(base: vscode.Uri, p: string): vscode.Uri {
  return base.scheme === 'file' ? vscode.Uri.file(p) : base.with({ path: p });
}

function formatOfPath(p: string): DocumentFormat {
  return /\.(md|markdown|mdx|mkd)$/i.test(p) ? 'markdown' : 'plaintext';
}

function severityOf(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
    default:
      return vscode.DiagnosticSeverity.Hint;
  }
}

/** A position in a text without a TextDocument (the partner may be closed). */
function positionIn(lines: LineIndex, offset: number): vscode.Position {
  const p = lines.positionAt(offset);
  return new vscode.Position(p.line, p.character);
}

export class BilingualPairs implements vscode.Disposable {
  private readonly collection: vscode.DiagnosticCollection;
  private readonly ownsCollection: boolean;
  private readonly disposables: vscode.Disposable[] = [];
  /** Partner lookups by document uri (null: none), cleared when files come and go. */
  private readonly partners = new Map<string, Promise<{ partner: vscode.Uri; lang: PairLang } | null>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Uris that have pair diagnostics now, by pair key. */
  private readonly published = new Map<string, Pair>();
  private readonly repository: unknown;
  /** Scroll sync: the pair shown side by side, and the editor we last moved (to ignore its echo). */
  private sync: { pair: Pair; alignment?: { key: string; value: DocumentAlignment }; movedEditor?: vscode.TextEditor; movedAt: number } | undefined;

  constructor(
    private readonly deps: BilingualDeps,
    repository?: unknown,
  ) {
    this.repository = repository;
    this.ownsCollection = !deps.diagnostics;
    this.collection = deps.diagnostics ?? vscode.languages.createDiagnosticCollection('carbonLexicon.bilingual');
  }

  start(): void {
    const w = vscode.workspace;
    this.disposables.push(
      w.onDidOpenTextDocument((d) => this.schedule(d.uri, 0)),
      w.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        // Same timing as single-document diagnostics: on type (debounced) or on save only.
        const settings = readSettings(e.document.uri);
        if (settings.run === 'onType') this.schedule(e.document.uri, Math.max(settings.debounce, 300));
      }),
      w.onDidSaveTextDocument((d) => this.schedule(d.uri, 0)),
      w.onDidCloseTextDocument((d) => this.onClose(d.uri)),
      w.onDidCreateFiles(() => this.filesChanged()),
      w.onDidDeleteFiles(() => this.filesChanged()),
      w.onDidRenameFiles(() => this.filesChanged()),
      w.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('carbonLexicon')) this.refreshAll();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onScroll(e)),
    );
    if (this.deps.onDidChangeEngine) this.disposables.push(this.deps.onDidChangeEngine(() => this.refreshAll()));
    // Partners come and go on disk too (git checkout, another editor): look them up again.
    const config = vscode.workspace.createFileSystemWatcher('**/.carbon-lexicon.json');
    const drafts = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,mdx,txt}', false, true, false);
    for (const watcher of [config, drafts]) {
      watcher.onDidCreate(() => this.filesChanged());
      watcher.onDidDelete(() => this.filesChanged());
    }
    config.onDidChange(() => this.filesChanged());
    drafts.onDidChange((uri) => {
      // A closed partner changed on disk: its pair is re-checked with the new text.
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.schedule(uri, 300);
    });
    this.disposables.push(config, drafts);
    this.refreshAll();
  }

  dispose(): void {
    if (this.filesChangedTimer) clearTimeout(this.filesChangedTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
    if (this.ownsCollection) this.collection.dispose();
    else for (const pair of this.published.values()) this.clear(pair);
  }

  private filesChangedTimer: ReturnType<typeof setTimeout> | undefined;

  /** Debounced: a checkout creates many files at once. */
  private filesChanged(): void {
    this.partners.clear();
    if (this.filesChangedTimer) clearTimeout(this.filesChangedTimer);
    this.filesChangedTimer = setTimeout(() => {
      this.filesChangedTimer = undefined;
      this.partners.clear();
      this.refreshAll();
    }, 300);
  }

  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d.uri, 0);
  }

  private schedule(uri: vscode.Uri, delay: number): void {
    if (!TEXT_EXTENSIONS.test(uri.path) || uri.scheme === 'output' || uri.scheme === 'git') return;
    const key = uri.toString();
    const old = this.timers.get(key);
    if (old) clearTimeout(old);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.update(uri).catch((e: unknown) => this.deps.output?.error(`Bilingual check of ${uri.toString(true)} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
      }, delay),
    );
  }

  private async config(uri: vscode.Uri): Promise<LintConfig & { configDir?: string }> {
    try {
      const config = (await this.deps.getConfig?.(uri)) ?? {};
      const file = await this.deps.findConfigFile?.(uri);
      return { ...config, configDir: file ? path.dirname(pathOf(file)) : undefined };
    } catch (e) {
      // A broken config is reported by the configuration service; pairs fall back to defaults.
      this.deps.output?.info(`Bilingual pairs: configuration for ${uri.toString(true)} unavailable (${e instanceof Error ? e.message : String(e)})`);
      return {};
    }
  }

  /** The partner of a document: by name in its folder (or a sibling zh/ en/ folder), or by config pairs. */
  async partnerOf(uri: vscode.Uri): Promise<{ partner: vscode.Uri; lang: PairLang } | null> {
    const key = uri.toString();
    let found = this.partners.get(key);
    if (!found) {
      found = this.lookUpPartner(uri);
      this.partners.set(key, found);
    }
    return found;
  }

  private async lookUpPartner(uri: vscode.Uri): Promise<{ partner: vscode.Uri; lang: PairLang } | null> {
    if (uri.scheme === 'untitled') return null;
    const file = pathOf(uri);
    const config = await this.config(uri);
    const list = async (dir: string): Promise<string[]> => {
      try {
        return (await vscode.workspace.fs.readDirectory(uriOf(uri, dir))).filter(([, type]) => type & vscode.FileType.File).map(([name]) => path.join(dir, name));
      } catch {
        return [];
      }
    };
    let parentEntries: string[] = [];
    try {
      parentEntries = (await vscode.workspace.fs.readDirectory(uriOf(uri, path.dirname(path.dirname(file))))).map(([name]) => name);
    } catch {
      parentEntries = [];
    }
    const candidates: string[] = [];
    for (const dir of partnerFolders(file, parentEntries)) candidates.push(...(await list(dir)));
    // Config pairs may name files elsewhere.
    for (const pair of config.pairs ?? []) {
      if (Array.isArray(pair)) for (const p of pair) candidates.push(path.resolve(config.configDir ?? path.dirname(file), String(p)));
    }
    const result = partnerOf(file, candidates, config);
    return result ? { partner: uriOf(uri, result.partner), lang: result.lang } : null;
  }

  private async textOf(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      // Checked before reading: an oversized partner is not read only to be dropped, and a
      // device or pipe (a link to /dev/zero) is not read at all.
      const limit = readSettings(uri).maxFileSize;
      const stat = await vscode.workspace.fs.stat(uri);
      if ((stat.type & vscode.FileType.File) === 0 || stat.size > limit) return undefined;
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > limit || bytes.subarray(0, 8000).includes(0)) return undefined;
      return new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
    } catch {
      return undefined;
    }
  }

  private async pairFor(uri: vscode.Uri): Promise<Pair | undefined> {
    const found = await this.partnerOf(uri);
    if (!found) return undefined;
    return found.lang === 'zh' ? { zh: uri, en: found.partner } : { zh: found.partner, en: uri };
  }

  private async update(uri: vscode.Uri): Promise<void> {
    const pair = await this.pairFor(uri);
    if (!pair) {
      // The partner went away (deleted, renamed, config changed): drop the pair's findings.
      for (const [key, old] of this.published) {
        if (old.zh.toString() === uri.toString() || old.en.toString() === uri.toString()) {
          this.clear(old);
          this.published.delete(key);
        }
      }
      return;
    }
    const key = pair.zh.toString();
    const enabled = readSettings(pair.en).enable;
    const [zhText, enText] = await Promise.all([this.textOf(pair.zh), this.textOf(pair.en)]);
    const limit = readSettings(pair.en).maxFileSize;
    // Over the size limit (as for single documents), or not text: no pair check.
    if (!enabled || zhText === undefined || enText === undefined || zhText.length > limit || enText.length > limit) {
      this.clear(pair);
      this.published.delete(key);
      return;
    }
    const config = await this.config(pair.en);
    const format = formatOfPath(pathOf(pair.en));
    const result = lintPair(zhText, enText, {
      matcher: this.deps.getEngine().matcher,
      format,
      config,
      zhFile: pair.zh.toString(),
      enFile: pair.en.toString(),
    });
    const zhLines = new LineIndex(zhText);
    const enLines = new LineIndex(enText);
    const sides = { zh: { uri: pair.zh, lines: zhLines }, en: { uri: pair.en, lines: enLines } };
    const toDiagnostics = (findings: Finding[], here: 'zh' | 'en') =>
      findings.map((f) => {
        const own = sides[here];
        const d = new vscode.Diagnostic(new vscode.Range(positionIn(own.lines, f.start), positionIn(own.lines, f.end)), f.message, severityOf(f.severity));
        d.source = SOURCE;
        d.code = { value: f.rule, target: vscode.Uri.parse(ruleDocUrl(f.rule, this.repository)) };
        d.relatedInformation = (f.related ?? []).map((r) => {
          const other = r.file === undefined ? own : r.file === pair.zh.toString() ? sides.zh : sides.en;
          return new vscode.DiagnosticRelatedInformation(
            new vscode.Location(other.uri, new vscode.Range(positionIn(other.lines, r.start), positionIn(other.lines, r.end))),
            r.message,
          );
        });
        return d;
      });
    this.collection.set(pair.zh, toDiagnostics(result.zh, 'zh'));
    this.collection.set(pair.en, toDiagnostics(result.en, 'en'));
    this.published.set(key, pair);
    if (this.sync && this.sync.pair.zh.toString() === key) this.sync.alignment = undefined;
  }

  private clear(pair: Pair): void {
    this.collection.delete(pair.zh);
    this.collection.delete(pair.en);
  }

  private onClose(uri: vscode.Uri): void {
    for (const [key, pair] of this.published) {
      if (pair.zh.toString() !== uri.toString() && pair.en.toString() !== uri.toString()) continue;
      const stillOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === pair.zh.toString() || d.uri.toString() === pair.en.toString());
      if (stillOpen) this.schedule(uri.toString() === pair.zh.toString() ? pair.en : pair.zh, 0);
      else {
        this.clear(pair);
        this.published.delete(key);
      }
    }
  }

  // ------------------------------------------------------------ side by side

  /** Opens the partner of the active document beside it and links their scrolling. */
  async openPair(uri?: vscode.Uri): Promise<boolean> {
    const active = vscode.window.activeTextEditor;
    const target = uri ?? active?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Chinese or English draft first.'));
      return false;
    }
    const pair = await this.pairFor(target);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    if (!pair && open && detectLayout(open.getText(), formatOfPath(pathOf(target))) !== 'none') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('{0} holds both languages in one file; its aligned paragraphs are checked where they are.', path.basename(pathOf(target))),
      );
      return false;
    }
    if (!pair) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'No translation found for {0}. Name the files like report.zh.md and report.en.md, or list them under "pairs" in .carbon-lexicon.json.',
          path.basename(pathOf(target)),
        ),
      );
      return false;
    }
    const partner = target.toString() === pair.zh.toString() ? pair.en : pair.zh;
    const ownEditor =
      active && active.document.uri.toString() === target.toString()
        ? active
        : await vscode.window.showTextDocument(target, { preview: false });
    const partnerDocument = await vscode.workspace.openTextDocument(partner);
    const partnerEditor = await vscode.window.showTextDocument(partnerDocument, {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
      preview: false,
    });
    this.sync = { pair, movedAt: 0 };
    this.follow(ownEditor, partnerEditor);
    this.schedule(target, 0);
    return true;
  }

  private alignmentFor(pair: Pair, zh: vscode.TextDocument, en: vscode.TextDocument): DocumentAlignment {
    const key = `${zh.version}:${en.version}`;
    if (this.sync?.alignment?.key === key) return this.sync.alignment.value;
    const matcher = this.deps.getEngine().matcher;
    const format = formatOfPath(pathOf(pair.en));
    const zhText = zh.getText();
    const enText = en.getText();
    const value = alignDocuments(zhText, enText, format, matcher.findAll(zhText, format), matcher.findAll(enText, format));
    if (this.sync) this.sync.alignment = { key, value };
    return value;
  }

  /**
   * Scroll `other` so that the block aligned with the first paragraph starting in
   * `source`'s upper half (or, in a long paragraph, the one at the top) is near its top.
   */
  private follow(source: vscode.TextEditor, other: vscode.TextEditor): void {
    const sync = this.sync;
    if (!sync) return;
    const sourceIsZh = source.document.uri.toString() === sync.pair.zh.toString();
    const zhDoc = sourceIsZh ? source.document : other.document;
    const enDoc = sourceIsZh ? other.document : source.document;
    const alignment = this.alignmentFor(sync.pair, zhDoc, enDoc);
    const visible = source.visibleRanges[0] ?? new vscode.Range(0, 0, 0, 0);
    const upperHalf = visible.start.line + Math.max(1, Math.floor((visible.end.line - visible.start.line) / 2));
    const blocks = sourceIsZh ? alignment.zhBlocks : alignment.enBlocks;
    const topOffset = source.document.offsetAt(visible.start);
    const starting = blocks.find((b) => b.start >= topOffset);
    const reference = starting && source.document.positionAt(starting.start).line <= upperHalf ? starting.start : topOffset;
    const range = alignedRange(alignment, sourceIsZh ? 'zh' : 'en', reference);
    if (!range) return;
    const start = other.document.positionAt(range.start);
    // Already near the top of the other editor: leave it (no jitter while both scroll).
    const otherVisible = other.visibleRanges[0];
    if (otherVisible) {
      const third = Math.max(1, Math.floor((otherVisible.end.line - otherVisible.start.line) / 3));
      if (start.line >= otherVisible.start.line && start.line <= otherVisible.start.line + third) return;
    }
    sync.movedEditor = other;
    sync.movedAt = Date.now();
    other.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.AtTop);
  }

  private onScroll(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    const sync = this.sync;
    if (!sync) return;
    const uri = e.textEditor.document.uri.toString();
    const isZh = uri === sync.pair.zh.toString();
    const isEn = uri === sync.pair.en.toString();
    if (!isZh && !isEn) return;
    // The echo of our own reveal.
    if (sync.movedEditor === e.textEditor && Date.now() - sync.movedAt < 250) return;
    const partnerUri = isZh ? sync.pair.en.toString() : sync.pair.zh.toString();
    const other = vscode.window.visibleTextEditors.find((ed) => ed.document.uri.toString() === partnerUri && ed.viewColumn !== e.textEditor.viewColumn);
    if (!other) return;
    this.follow(e.textEditor, other);
  }
}

/**
 * Registers pair diagnostics and the openBilingualPair command. The
 * extension's ExtensionDeps satisfies `deps`; see BilingualDeps.
 */
export function registerBilingual(context: vscode.ExtensionContext, deps: BilingualDeps): BilingualPairs {
  const repository = (context.extension?.packageJSON as { repository?: unknown } | undefined)?.repository;
  const pairs = new BilingualPairs(deps, repository);
  context.subscriptions.push(pairs, vscode.commands.registerCommand(PAIR_COMMAND, (uri?: vscode.Uri) => pairs.openPair(uri instanceof vscode.Uri ? uri : undefined)));
  pairs.start();
  return pairs;
}
