// `carbon-lexicon export`: writes the bundled term base, or the base merged
// with the project's glossaries, as JSON, CSV or TBX-Basic 2019.
//
//   carbon-lexicon export --format json|csv|tbx [--merged] [--config FILE] [--output FILE]
//
// Exit codes: 0 written; 2 usage error, unreadable config or a glossary with
// errors (nothing is written then: a partial export would silently drop terms).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../core/config';
import { bundledTermBase } from '../core/data';
import { decodeGlossaryBytes, exportGlossary, mergeTermBases, parseGlossary, type ExportFormat } from '../core/glossary';
import type { Concept, TermBase } from '../core/types';

export interface ExportIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

const CONFIG_FILE_NAME = '.carbon-lexicon.json';
const FORMATS: ExportFormat[] = ['json', 'csv', 'tbx'];

export const EXPORT_USAGE = `Usage: carbon-lexicon export --format json|csv|tbx [--merged] [--config FILE] [--output FILE]

Writes the bundled term base (the white paper's terms) to stdout or FILE.
  --format F     json (Carbon Lexicon's own format), csv (one row per form,
                 UTF-8 with BOM) or tbx (TBX-Basic, ISO 30042:2019). Taken from
                 the --output extension when left out.
  --merged       merge the glossaries listed in .carbon-lexicon.json first
                 (the nearest one above the current folder, or --config FILE).
  --config FILE  the configuration to read (implies --merged).
  --output FILE  write to FILE instead of stdout.
`;

export async function runExport(args: string[], io: ExportIo): Promise<number> {
  let format: string | undefined;
  let merged = false;
  let configArg: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      i++;
      return next;
    };
    switch (flag) {
      case '--format':
      case '-f':
        format = value();
        if (format === undefined) return usage(io, '--format needs a value: json, csv or tbx');
        break;
      case '--merged':
        merged = true;
        break;
      case '--config':
        configArg = value();
        if (configArg === undefined) return usage(io, '--config needs a file');
        merged = true;
        break;
      case '--output':
      case '-o':
        output = value();
        if (output === undefined) return usage(io, '--output needs a file');
        break;
      case '--help':
      case '-h':
        io.stdout(EXPORT_USAGE);
        return 0;
      default:
        return usage(io, `unknown argument "${arg}"`);
    }
  }
  if (format === undefined && output !== undefined) {
    const ext = path.extname(output).slice(1).toLowerCase();
    format = ext === 'xml' ? 'tbx' : ext;
  }
  if (format === undefined) return usage(io, '--format is required (json, csv or tbx)');
  format = format.toLowerCase();
  if (!FORMATS.includes(format as ExportFormat)) return usage(io, `unknown format "${format}" (json, csv or tbx)`);

  let base: TermBase = bundledTermBase;
  if (merged) {
    const loaded = loadMergedBase(io, configArg);
    if (!loaded) return 2;
    base = loaded;
  }

  const text = exportGlossary(base, format as ExportFormat);
  if (output === undefined) {
    io.stdout(text);
  } else {
    const target = path.resolve(io.cwd, output);
    try {
      fs.writeFileSync(target, text, 'utf8');
    } catch (e) {
      io.stderr(`carbon-lexicon export: cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
    io.stderr(`carbon-lexicon export: ${base.concepts.length} concepts written to ${target} (${format})\n`);
  }
  return 0;
}

function usage(io: ExportIo, message: string): number {
  io.stderr(`carbon-lexicon export: ${message}\n\n${EXPORT_USAGE}`);
  return 2;
}

/** Reads the configuration and its glossaries; reports every problem; undefined when any. */
function loadMergedBase(io: ExportIo, configArg: string | undefined): TermBase | undefined {
  const configFile = configArg ? path.resolve(io.cwd, configArg) : nearestConfig(io.cwd);
  if (!configFile) {
    io.stderr(`carbon-lexicon export: --merged needs a ${CONFIG_FILE_NAME} (none found from ${io.cwd} upwards); use --config FILE\n`);
    return undefined;
  }
  const configText = readText(configFile, io);
  if (configText === undefined) return undefined;
  const { config, errors } = parseConfig(configText, configFile);
  if (errors.length > 0) {
    for (const e of errors) io.stderr(`${e}\n`);
    return undefined;
  }
  const extras: Array<{ source: string; concepts: Concept[] }> = [];
  let failed = false;
  for (const entry of config.glossaries ?? []) {
    const file = path.resolve(path.dirname(configFile), entry);
    const text = readText(file, io);
    if (text === undefined) {
      failed = true;
      continue;
    }
    const parsed = parseGlossary(text, file);
    for (const e of parsed.errors) {
      io.stderr(`${file}${e.line > 0 ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}: error: ${e.message}\n`);
    }
    if (parsed.errors.length > 0) failed = true;
    extras.push({ source: path.relative(io.cwd, file) || file, concepts: parsed.concepts });
  }
  if (failed) {
    io.stderr(`carbon-lexicon export: nothing written; fix the glossary errors above (listed in ${configFile})\n`);
    return undefined;
  }
  const result = mergeTermBases(bundledTermBase, extras);
  for (const c of result.conflicts) {
    io.stderr(`warning: "${c.text}" belongs to more than one concept: ${c.conceptIds.map((id, i) => `${id} (${c.sources[i]})`).join(', ')}\n`);
  }
  for (const p of result.problems) io.stderr(`note: ${p.source}: ${p.conceptId}: ${p.message}\n`);
  return result.base;
}

function nearestConfig(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; keep walking up
    }
    if (path.dirname(current) === current) return undefined;
  }
}

function readText(file: string, io: ExportIo): string | undefined {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    io.stderr(`${file}: error: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return undefined;
  }
  const decoded = decodeGlossaryBytes(buffer);
  if ('error' in decoded) {
    io.stderr(`${file}: error: ${decoded.error}\n`);
    return undefined;
  }
  return decoded.text;
}
