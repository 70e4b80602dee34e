// Expands the CLI's PATH arguments: files as given, folders recursively
// (Markdown and text files, skipping node_modules and dot-folders), globs via
// tinyglobby (so quoting, ** and braces behave as in other tools).

import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Tinyglobby from 'tinyglobby';
import type { DocumentFormat } from '../core/types';

// Loaded on first use (a folder or a glob): linting named files should not pay for it at
// start-up. `require` also makes esbuild bundle tinyglobby's CommonJS build; its ES module
// build reads import.meta.url, which is empty in our CommonJS bundle.
let tinyglobbyModule: typeof Tinyglobby | undefined;
const tinyglobby = (): typeof Tinyglobby => (tinyglobbyModule ??= require('tinyglobby') as typeof Tinyglobby);

/** Extensions linted when a folder is given. */
export const LINTED_EXTENSIONS = ['.md', '.markdown', '.txt'];
const FOLDER_PATTERN = '**/*.{md,markdown,txt}';
const IGNORE = ['**/node_modules/**'];

export interface CollectedFiles {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Arguments that named nothing (each message names the argument). */
  errors: string[];
}

/** Markdown for .md/.markdown/.mdx/.mkd, plain text otherwise. */
export function formatOf(file: string): DocumentFormat {
  return /\.(md|markdown|mdx|mkd|mdown)$/i.test(file) ? 'markdown' : 'plaintext';
}

export async function collectFiles(args: string[], cwd: string): Promise<CollectedFiles> {
  const found = new Set<string>();
  const errors: string[] = [];
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(full);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      found.add(full);
    } else if (stat?.isDirectory()) {
      const files = await tinyglobby().glob([FOLDER_PATTERN], { cwd: full, absolute: true, dot: false, ignore: IGNORE, onlyFiles: true });
      for (const f of files) found.add(path.normalize(f));
    } else if (tinyglobby().isDynamicPattern(arg)) {
      // Globs are relative to cwd and use forward slashes, also on Windows.
      const pattern = arg.split(path.sep).join('/');
      const files = await tinyglobby().glob([pattern], { cwd, absolute: true, dot: false, ignore: IGNORE, onlyFiles: true, expandDirectories: false });
      if (files.length === 0) errors.push(`${arg}: no files match this pattern`);
      for (const f of files) found.add(path.normalize(f));
    } else if (stat) {
      // A device, pipe or socket: reading it could block or never end (/dev/zero).
      errors.push(`${arg}: not a regular file or folder`);
    } else {
      errors.push(`${arg}: no such file or folder`);
    }
  }
  return { files: oncePerRealFile([...found]), errors };
}

/**
 * The files sorted, each real file once: folders are searched through
 * symbolic links, so a linked folder (or a link back up the tree) reaches the
 * same file by several paths, and it would be reported (and fixed) once per
 * path. A file is kept under its own path when that is among them, else the
 * first in order.
 */
function oncePerRealFile(files: string[]): string[] {
  const byReal = new Map<string, string[]>();
  for (const file of files.sort()) {
    let real: string;
    try {
      real = fs.realpathSync.native(file);
    } catch {
      real = file; // vanished meanwhile: reading it reports the problem
    }
    const paths = byReal.get(real);
    if (paths) paths.push(file);
    else byReal.set(real, [file]);
  }
  const kept: string[] = [];
  for (const [real, paths] of byReal) kept.push(paths.includes(real) ? real : paths[0]);
  return kept.sort();
}

/** Path for reports: relative to cwd when inside it, always with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
  return shown.split(path.sep).join('/');
}
