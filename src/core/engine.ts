// One engine per term base: the matcher plus the lint entry points the front
// ends call. It remembers the matches of the last text it saw, so a hover or
// code action right after a lint of the same text costs no rescan.

import type { Concept, DocumentFormat, Finding, LintConfig, TermBase } from './types';
import { PackedMatches, TermMatch, TermMatcher } from './matcher';
import { lint } from './lint';
import { bundledTermBase } from './data';

export interface Engine {
  matcher: TermMatcher;
  base: TermBase;
  /** `options.fixes` false: the caller shows no fixes (see LintOptions.fixes). */
  lint(text: string, format: DocumentFormat, config?: LintConfig, options?: { fixes?: boolean }): Finding[];
  /** The term occurrence covering `offset` (start <= offset < end; also offset === end), if any. */
  termAt(text: string, offset: number, format?: DocumentFormat): TermMatch | undefined;
  /** All term occurrences (cached for the last text). */
  matches(text: string, format?: DocumentFormat): TermMatch[];
  concept(id: string): Concept | undefined;
  /**
   * Get ready to lint a text of about this many code units (see
   * TermMatcher.prepare). The CLI calls it before reading a large file, so
   * that V8 optimises the matcher while the file is read. `options.fixes`
   * false: the lints to come show no fixes (see LintOptions.fixes).
   */
  prepare(length: number, options?: { fixes?: boolean }): void;
}

export function createEngine(base: TermBase = bundledTermBase): Engine {
  const matcher = new TermMatcher(base.concepts ?? []);
  let lastText: string | undefined;
  let lastFormat: DocumentFormat | undefined;
  let lastPacked: PackedMatches | undefined;
  // Objects for every match are made only when asked for (hover, views), not for a lint.
  let lastMatches: TermMatch[] | undefined;

  // A list found without the fix-safety check (a lint that shows no fixes) gets it on the
  // first request that needs it: lint() checks, and so does matches() before making objects.
  const packed = (text: string, format: DocumentFormat, checkFixes = true): PackedMatches => {
    if (lastPacked === undefined || text !== lastText || format !== lastFormat) {
      lastPacked = matcher.findAllPacked(text, format, 0, text.length, checkFixes);
      lastMatches = undefined;
      lastText = text;
      lastFormat = format;
    } else if (checkFixes) matcher.checkFixSafety(text, lastPacked);
    return lastPacked;
  };
  const matches = (text: string, format: DocumentFormat = 'plaintext'): TermMatch[] => {
    const list = packed(text, format);
    return (lastMatches ??= list.toArray());
  };

  return {
    matcher,
    base,
    lint(text, format, config, options) {
      const fixes = options?.fixes !== false;
      return lint(text, { matcher, format, config, packed: packed(text, format, fixes), fixes });
    },
    termAt(text, offset, format = 'plaintext') {
      const list = matches(text, format);
      // Binary search for the last match starting at or before offset.
      let lo = 0;
      let hi = list.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].start <= offset) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found < 0) return undefined;
      const m = list[found];
      return offset <= m.end ? m : undefined;
    },
    matches,
    concept: (id) => matcher.concept(id),
    prepare: (length, options) => matcher.prepare(length, options?.fixes !== false),
  };
}
