// `carbon-lexicon lint`: lint files, folders and globs; report as text, JSON
// or SARIF; optionally fix in place. Exit 0 clean, 1 findings at warning or
// above, 2 usage, configuration or I/O errors.

import * as fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { DocumentFormat, Finding, Severity } from '../core/types';
import { severityFor } from '../core/config';
import { sortFindings } from '../core/lint';
import { lintPair } from '../core/bilingual';
import { pairFiles } from './pairs';
import { fixAll, safeEdits } from '../core/fixes';
import { collectFiles, displayPath, formatOf } from './files';
import { ConfigError, ConfigResolver, ResolvedConfig } from './configDiscovery';
import { formatJsonPieces, formatSarif, formatText, OUTPUT_FORMATS, OutputFormat, ReportedFinding, ToolInfo } from './formats';
import { LineIndex } from '../core/lines';
import type { CliIO } from './main';

/** Files larger than this are skipped with a notice (override with --max-file-size). */
export const DEFAULT_MAX_FILE_SIZE = 32 * 1024 * 1024;

export const LINT_USAGE = `Usage: carbon-lexicon lint [options] PATH...

Checks Chinese and English drafts against the terms of the white paper on
peak carbon and carbon neutrality (碳达峰碳中和).

PATH is a file, a folder (searched for .md, .markdown and .txt files,
skipping node_modules and dot-folders) or a quoted glob such as "docs/**/*.md".

Options:
  --format text|json|sarif  output format (default: text)
  --config FILE             use this .carbon-lexicon.json for every file
                            (default: the nearest one above each file)
  --fix                     apply every safe fix in place, report what remains
  --quiet                   report only warnings and errors
  --max-file-size SIZE      skip larger files (default: 32MB; e.g. 500KB, 64MB)
  -h, --help                show this help

Exit status: 0 clean, 1 a warning or error remains, 2 usage, configuration
or file errors, or no file checked (every file given was skipped).
`;

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : unit === 'g' ? 1024 * 1024 * 1024 : 1;
  return Math.floor(Number(m[1]) * factor);
}

/** Write `content` to `file` atomically: a temporary file in the same folder, then rename. */
export function writeFileAtomic(file: string, content: Buffer): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.carbon-lexicon.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    fs.writeFileSync(tmp, content, mode === undefined ? undefined : { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // The temporary file was never created.
    }
    throw e;
  }
}

type ReadResult = { text: string; bom: boolean } | { skip: string } | { error: string };

/** `beforeRead` is told the size of a file about to be read (see prepareEngineFor). */
function readDocument(file: string, shown: string, maxSize: number, beforeRead?: (size: number) => void): ReadResult {
  let buffer: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxSize) return { skip: `${shown}: skipped, ${size} bytes is over --max-file-size (${maxSize} bytes)` };
    beforeRead?.(size);
    buffer = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `${shown}: cannot read file${code ? ` (${code})` : ''}` };
  }
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    return { skip: `${shown}: skipped, UTF-16 text (save it as UTF-8 to check it)` };
  }
  if (buffer.indexOf(0) >= 0) return { skip: `${shown}: skipped, binary file (contains NUL bytes)` };
  const bom = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  // Validate, then decode (both native and fast); offsets count from after a BOM.
  if (!isUtf8(buffer)) return { skip: `${shown}: skipped, not valid UTF-8` };
  const text = buffer.toString('utf8');
  return { text: bom ? text.slice(1) : text, bom };
}

/**
 * Before a file of `size` bytes is read, ready its engine for that length (a
 * UTF-8 byte count bounds the UTF-16 length from above): V8 optimises the
 * matcher in the background while the file is read and decoded. A
 * configuration error is left to the configuration step that follows, which
 * reports it.
 */
function prepareEngineFor(file: string, size: number, resolver: ConfigResolver, options: { fixes: boolean }): void {
  try {
    resolver.forFile(file).engine.prepare(size, options);
  } catch {
    // Reported below.
  }
}

export async function runLint(args: string[], io: CliIO, tool: ToolInfo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        fix: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        'max-file-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`carbon-lexicon lint: ${(e as Error).message}\n\n${LINT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  const format = (values.format ?? 'text') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) {
    io.stderr(`carbon-lexicon lint: unknown --format "${values.format}" (use text, json or sarif)\n`);
    return 2;
  }
  let maxSize = DEFAULT_MAX_FILE_SIZE;
  if (values['max-file-size'] !== undefined) {
    const size = parseSize(values['max-file-size']);
    if (size === undefined) {
      io.stderr(`carbon-lexicon lint: --max-file-size "${values['max-file-size']}" is not a size (e.g. 500KB, 64MB)\n`);
      return 2;
    }
    maxSize = size;
  }
  if (positionals.length === 0) {
    io.stderr(`carbon-lexicon lint: no PATH given\n\n${LINT_USAGE}`);
    return 2;
  }
  if (values.config !== undefined) {
    const configPath = path.resolve(io.cwd, values.config);
    if (!fs.existsSync(configPath)) {
      io.stderr(`carbon-lexicon lint: ${values.config}: configuration file not found\n`);
      return 2;
    }
  }

  let exitCode = 0;
  const { files, errors } = await collectFiles(positionals, io.cwd);
  for (const e of errors) io.stderr(`carbon-lexicon lint: ${e}\n`);
  if (errors.length > 0) exitCode = 2;

  const resolver = new ConfigResolver(io.cwd, values.config);
  const shownNotices = new Set<string>();
  let filesChecked = 0;
  let filesSkipped = 0;
  let fixesApplied = 0;
  const minRank = values.quiet ? SEVERITY_RANK.warning : 0;

  // The text and JSON reports show no fixes: skip checking them unless --fix or SARIF needs them.
  const lintOptions = { fixes: !!values.fix || format === 'sarif' };
  const docs: LintedDocument[] = [];
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const read = readDocument(file, shown, maxSize, (size) => prepareEngineFor(file, size, resolver, lintOptions));
    if ('skip' in read) {
      io.stderr(`carbon-lexicon lint: ${read.skip}\n`);
      filesSkipped++;
      continue;
    }
    if ('error' in read) {
      io.stderr(`carbon-lexicon lint: ${read.error}\n`);
      exitCode = 2;
      continue;
    }
    let resolved;
    try {
      resolved = resolver.forFile(file);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      if (!shownNotices.has(e.message)) {
        shownNotices.add(e.message);
        io.stderr(`carbon-lexicon lint: ${e.message}\n`);
      }
      exitCode = 2;
      continue;
    }
    for (const n of resolved.notices) {
      if (!shownNotices.has(n)) {
        shownNotices.add(n);
        io.stderr(`carbon-lexicon lint: ${n}\n`);
      }
    }
    const docFormat = formatOf(file);
    let text = read.text;
    let findings: Finding[] = resolved.engine.lint(text, docFormat, resolved.config, lintOptions);
    if (values.fix) {
      const edits = safeEdits(findings);
      const fixed = edits.length > 0 ? fixAll(text, findings) : text;
      if (fixed !== text) {
        try {
          writeFileAtomic(file, Buffer.from((read.bom ? '\ufeff' : '') + fixed, 'utf8'));
          fixesApplied += edits.length;
          text = fixed;
          findings = resolved.engine.lint(text, docFormat, resolved.config, lintOptions);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          io.stderr(`carbon-lexicon lint: ${shown}: cannot write fixes${code ? ` (${code})` : ''}; file left unchanged\n`);
          exitCode = 2;
        }
      }
    }
    filesChecked++;
    docs.push({ file, shown, text, format: docFormat, resolved, findings });
  }
  // Every file given was skipped: a CI job must not pass without having checked anything
  // (a draft that grew past --max-file-size, a file saved as UTF-16).
  if (filesChecked === 0 && filesSkipped > 0) {
    io.stderr(`carbon-lexicon lint: no file checked (${filesSkipped === 1 ? 'the only file was' : `all ${filesSkipped} files were`} skipped)\n`);
    exitCode = 2;
  }

  // Bilingual pairs (zh/en files named alike, or listed under "pairs" in the
  // config): missing-translation and number-mismatch across the two files.
  lintPairs(docs, io.cwd);

  const reported: ReportedFinding[] = [];
  // A loop, not push(...): a 10 MB line can hold hundreds of thousands of findings, beyond the argument limit.
  for (const doc of docs) for (const finding of place(doc.findings, doc.text, doc.shown, doc.resolved.engine.concept, minRank)) reported.push(finding);

  if (format === 'json') for (const piece of formatJsonPieces(reported)) io.stdout(piece);
  else if (format === 'sarif') io.stdout(formatSarif(reported, tool, pathToFileURL(io.cwd).href));
  else io.stdout(formatText(reported, { filesChecked, filesSkipped, fixesApplied, fix: !!values.fix }, !!values.quiet));

  if (exitCode === 0 && reported.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning)) exitCode = 1;
  return exitCode;
}

interface LintedDocument {
  file: string;
  shown: string;
  text: string;
  format: DocumentFormat;
  resolved: ResolvedConfig;
  findings: Finding[];
}

/** Pair the linted files per configuration and add the cross-file bilingual findings to each side. */
function lintPairs(docs: LintedDocument[], cwd: string): void {
  const byConfig = new Map<ResolvedConfig, LintedDocument[]>();
  for (const doc of docs) {
    const list = byConfig.get(doc.resolved);
    if (list) list.push(doc);
    else byConfig.set(doc.resolved, [doc]);
  }
  for (const [resolved, group] of byConfig) {
    if (group.length < 2) continue;
    const byFile = new Map(group.map((d) => [d.file, d]));
    const configDir = resolved.file ? path.dirname(resolved.file) : cwd;
    const { pairs } = pairFiles(
      group.map((d) => d.file),
      { ...resolved.config, configDir },
    );
    const ignored = new Set(resolved.config.ignoredConcepts ?? []);
    for (const pair of pairs) {
      const zh = byFile.get(pair.zh);
      const en = byFile.get(pair.en);
      if (!zh || !en) continue;
      const result = lintPair(zh.text, en.text, {
        matcher: resolved.engine.matcher,
        format: zh.format,
        config: resolved.config,
        zhFile: zh.shown,
        enFile: en.shown,
      });
      for (const [doc, found] of [
        [zh, result.zh],
        [en, result.en],
      ] as const) {
        let added = false;
        for (const f of found) {
          const severity = severityFor(f.rule, resolved.config);
          if (severity === 'off' || (f.conceptId && ignored.has(f.conceptId))) continue;
          doc.findings.push({ ...f, severity });
          added = true;
        }
        if (added) sortFindings(doc.findings);
      }
    }
  }
}

function place(
  findings: Finding[],
  text: string,
  file: string,
  conceptOf: (id: string) => { id: string; zh: string; en: string } | undefined,
  minRank: number,
): ReportedFinding[] {
  const kept = findings.filter((f) => SEVERITY_RANK[f.severity] >= minRank);
  if (kept.length === 0) return [];
  const index = new LineIndex(text);
  return kept.map((f) => {
    // 1-based line and column, UTF-16 code units, as editors count them.
    const at = index.positionAt(f.start);
    const to = index.positionAt(f.end);
    const start = { line: at.line + 1, column: at.character + 1 };
    const end = { line: to.line + 1, column: to.character + 1 };
    const concept = f.conceptId ? conceptOf(f.conceptId) : undefined;
    const placed: ReportedFinding = {
      rule: f.rule,
      severity: f.severity,
      start: f.start,
      end: f.end,
      message: f.message,
      found: f.found,
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
    if (f.suggestion !== undefined) placed.suggestion = f.suggestion;
    if (f.conceptId !== undefined) placed.conceptId = f.conceptId;
    if (f.fix !== undefined) placed.fix = f.fix;
    if (f.related !== undefined) placed.related = f.related;
    if (concept) placed.term = { id: concept.id, zh: concept.zh, en: concept.en };
    return placed;
  });
}
