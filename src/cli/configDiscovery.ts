// Finds the `.carbon-lexicon.json` that applies to a file (the nearest one
// walking up from the file's folder, unless --config names one), loads its
// glossaries and builds one engine per distinct configuration.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../core/config';
import { bundledTermBase } from '../core/data';
import { createEngine, Engine } from '../core/engine';
import { MAX_FILE_BYTES, mergeTermBases, parseGlossary } from '../core/glossary';
import type { Concept, LintConfig } from '../core/types';

export const CONFIG_FILE_NAME = '.carbon-lexicon.json';

/** A configuration problem; the message names the file. Maps to exit code 2. */
export class ConfigError extends Error {}

export interface ResolvedConfig {
  /** The config file, or undefined when none applies (bundled term base, default rules). */
  file?: string;
  config: LintConfig;
  engine: Engine;
  /** Notes to show once (glossary conflicts). */
  notices: string[];
}

export class ConfigResolver {
  private readonly nearestByDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, ResolvedConfig | ConfigError>();
  private defaultResolved?: ResolvedConfig;

  /** `explicitConfig`: the --config file (absolute or relative to cwd), which then applies to every file. */
  constructor(
    private readonly cwd: string,
    private readonly explicitConfig?: string,
  ) {}

  /** The configuration for a file; throws ConfigError when its config or a glossary is bad. */
  forFile(file: string): ResolvedConfig {
    const configFile = this.explicitConfig
      ? path.resolve(this.cwd, this.explicitConfig)
      : this.nearestConfig(path.dirname(path.resolve(this.cwd, file)));
    if (!configFile) return (this.defaultResolved ??= { config: {}, engine: createEngine(), notices: [] });
    let resolved = this.loaded.get(configFile);
    if (!resolved) {
      try {
        resolved = load(configFile);
      } catch (e) {
        resolved = e instanceof ConfigError ? e : new ConfigError(`${configFile}: ${(e as Error).message}`);
      }
      this.loaded.set(configFile, resolved);
    }
    if (resolved instanceof ConfigError) throw resolved;
    return resolved;
  }

  /** Nearest config walking up from `dir` (cached per folder). */
  private nearestConfig(dir: string): string | undefined {
    const visited: string[] = [];
    let current = dir;
    let result: string | undefined;
    for (;;) {
      if (this.nearestByDir.has(current)) {
        result = this.nearestByDir.get(current);
        break;
      }
      visited.push(current);
      const candidate = path.join(current, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        result = candidate;
        break;
      }
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of visited) this.nearestByDir.set(d, result);
    return result;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function readText(file: string, what: string): string {
  let buffer: Buffer;
  try {
    // Only regular files of a sane size: a glossary path naming /dev/zero or a pipe would
    // otherwise be read until memory runs out, or wait for ever.
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new ConfigError(`${file}: cannot read ${what} (not a regular file)`);
    if (stat.size > MAX_FILE_BYTES) throw new ConfigError(`${file}: cannot read ${what} (${Math.round(stat.size / 2 ** 20)} MB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MB)`);
    buffer = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: cannot read ${what}${code ? ` (${code})` : ''}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new ConfigError(`${file}: ${what} is not valid UTF-8`);
  }
}

/** Problems listed per glossary: a glossary broken on every line would otherwise print tens of thousands. */
const MAX_PROBLEMS_SHOWN = 20;

function load(configFile: string): ResolvedConfig {
  const { config, errors } = parseConfig(readText(configFile, 'the configuration file'), configFile);
  if (errors.length > 0) throw new ConfigError(errors.join('\n'));
  const notices: string[] = [];
  let base = bundledTermBase;
  const glossaries = config.glossaries ?? [];
  if (glossaries.length > 0) {
    const extras: Array<{ source: string; concepts: Concept[] }> = [];
    const problems: string[] = [];
    for (const g of glossaries) {
      const file = path.resolve(path.dirname(configFile), g);
      const parsed = parseGlossary(readText(file, 'the glossary'), file);
      // In file order (a stable sort keeps the order of problems on one line).
      const errors = [...parsed.errors].sort((a, b) => a.line - b.line);
      for (const err of errors.slice(0, MAX_PROBLEMS_SHOWN)) {
        const where = err.line > 0 ? `${file}:${err.line}${err.column ? `:${err.column}` : ''}` : file;
        problems.push(err.message.startsWith(file) ? err.message : `${where}: ${err.message}`);
      }
      const more = parsed.errors.length - MAX_PROBLEMS_SHOWN;
      if (more > 0) problems.push(`${file}: … and ${more} more problem${more === 1 ? '' : 's'} (${parsed.errors.length} in all)`);
      extras.push({ source: file, concepts: parsed.concepts });
    }
    if (problems.length > 0) throw new ConfigError(`${problems.join('\n')}\n(glossary listed in ${configFile})`);
    const merged = mergeTermBases(bundledTermBase, extras);
    base = merged.base;
    for (const c of merged.conflicts) {
      notices.push(`note: "${c.text}" belongs to more than one concept (${c.conceptIds.map((id, i) => `${id} from ${c.sources[i]}`).join(', ')})`);
    }
  }
  return { file: configFile, config, engine: createEngine(base), notices };
}
