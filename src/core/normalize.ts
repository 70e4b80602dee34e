// Character folding used by the matcher (and by anything that must compare
// terms the way the matcher does). Folding is a pure per-code-unit table so the
// matcher can fold while it scans, without building a normalised copy of the
// text; the few context-dependent rules (runs of whitespace, line breaks
// between Chinese characters, blank lines) live in the scan loops.
//
// What folds together:
// - case (English, via String#toLowerCase of single code units), unless a form
//   is caseSensitive;
// - full-width ASCII (U+FF01-FF5E) and the ideographic space (U+3000) with
//   their half-width forms;
// - curly, low and reversed quotes and apostrophes, primes and U+02BC with the
//   straight ' and ";
// - hyphen variants (U+2010, U+2011, U+2012, U+2013, U+2212, U+FE63, U+FF0D)
//   with "-"; the soft hyphen U+00AD and zero-width characters are dropped;
// - every whitespace character with the space; runs collapse to one space.

/** Marker in fold tables: whitespace (a run of it counts as one space). */
export const FOLD_SPACE = -1;
/** Marker in fold tables: a line break (\n, \r, U+0085, U+2028, U+2029). */
export const FOLD_BREAK = -2;
/** Marker in fold tables: dropped entirely (soft hyphen, zero-width characters). */
export const FOLD_IGNORE = -3;

const SPACE_CODES = [0x09, 0x0b, 0x0c, 0x20, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000];
const BREAK_CODES = [0x0a, 0x0d, 0x85, 0x2028, 0x2029];
const IGNORE_CODES = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
const APOSTROPHES = [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x02bc, 0xff07];
const DOUBLE_QUOTES = [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0xff02];
const HYPHENS = [0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63, 0xff0d];

let exactTable: Int32Array | undefined;
let caseFoldTable: Int32Array | undefined;
let cjkTable: Uint8Array | undefined;
let wordTable: Uint8Array | undefined;

/**
 * Code units below this fold through a dense table; above it only a few
 * hundred fold at all (full-width forms, a few Latin and Cyrillic extensions,
 * specials), kept in a map. Building two 65 536-entry tables cost more than
 * the rest of engine start-up, so the full tables are made only on request.
 */
const DENSE_LIMIT = 0x3100;

/**
 * A fold table as a dense low part plus the exceptions above it. The dense
 * part holds differences (folded minus code unit), so a zero-filled array is
 * the identity and building it touches only the code units that fold.
 */
export interface CompactFold {
  lowDelta: Int32Array;
  high: Map<number, number>;
  /** The code units of the dense part that do not fold to themselves, ascending. */
  lowChanged: number[];
}

let compactCase: CompactFold | undefined;
let compactExact: CompactFold | undefined;

/** Lower-case mapping of the code units of the scripts with case: only the code units it changes. */
function lowerCaseChanges(): Map<number, number> {
  const changes = new Map<number, number>();
  const ranges: Array<[number, number]> = [
    [0, 0x3000],
    [0xa640, 0xa800],
    [0xab70, 0xabc0],
    [0xff21, 0xff3b],
  ];
  // One toLowerCase call per 256 code units keeps start-up cheap; a block
  // whose length changes is redone unit by unit.
  const codes = new Uint16Array(256);
  for (const [a, b] of ranges) {
    for (let start = a; start < b; start += 256) {
      const stop = Math.min(b, start + 256);
      for (let c = start; c < stop; c++) codes[c - start] = c >= 0xd800 && c < 0xe000 ? 0x20 : c;
      const block = String.fromCharCode.apply(null, codes.subarray(0, stop - start) as unknown as number[]);
      const lower = block.toLowerCase();
      // Most blocks (scripts without case) come back unchanged: nothing to record.
      if (lower === block) continue;
      if (lower.length === block.length) {
        for (let c = start; c < stop; c++) {
          const l = lower.charCodeAt(c - start);
          if (l !== block.charCodeAt(c - start) && !(c >= 0xd800 && c < 0xe000)) changes.set(c, l);
        }
      } else {
        for (let c = start; c < stop; c++) {
          const one = String.fromCharCode(c).toLowerCase();
          if (one.length === 1 && one.charCodeAt(0) !== c) changes.set(c, one.charCodeAt(0));
        }
      }
    }
  }
  return changes;
}

function buildCompactFold(foldCase: boolean): CompactFold {
  // Width, whitespace, quotes and hyphens (later entries win, as in a table written in this order).
  const special = new Map<number, number>();
  for (let c = 0xff01; c <= 0xff5e; c++) special.set(c, c - 0xfee0);
  for (let c = 0x2000; c <= 0x200a; c++) special.set(c, FOLD_SPACE);
  for (const c of SPACE_CODES) special.set(c, FOLD_SPACE);
  for (const c of BREAK_CODES) special.set(c, FOLD_BREAK);
  for (const c of IGNORE_CODES) special.set(c, FOLD_IGNORE);
  for (const c of APOSTROPHES) special.set(c, 0x27);
  for (const c of DOUBLE_QUOTES) special.set(c, 0x22);
  for (const c of HYPHENS) special.set(c, 0x2d);
  const folded = new Map(special);
  if (foldCase) {
    // Case after the rest: a full-width capital folds to the ASCII lower case letter.
    const lower = lowerCaseChanges();
    for (const [c, f] of special) if (f >= 0) folded.set(c, lower.get(f) ?? f);
    for (const [c, l] of lower) if (!special.has(c)) folded.set(c, l);
  }
  const lowDelta = new Int32Array(DENSE_LIMIT);
  const high = new Map<number, number>();
  const lowChanged: number[] = [];
  for (const [c, f] of folded) {
    if (f === c) continue;
    if (c < DENSE_LIMIT) {
      lowDelta[c] = f - c;
      lowChanged.push(c);
    } else high.set(c, f);
  }
  lowChanged.sort((x, y) => x - y);
  return { lowDelta, high, lowChanged };
}

/**
 * The fold tables in compact form (see DENSE_LIMIT): the folded code unit of
 * c is `c < lowDelta.length ? c + lowDelta[c] : high.get(c) ?? c`. Built once
 * per process and shared (do not modify).
 */
export function compactFold(foldCase = true): CompactFold {
  if (foldCase) return (compactCase ??= buildCompactFold(true));
  return (compactExact ??= buildCompactFold(false));
}

/** The folded code unit of `c` (or FOLD_SPACE, FOLD_BREAK, FOLD_IGNORE). */
export function foldCode(c: number, foldCase = true): number {
  const t = compactFold(foldCase);
  return c < DENSE_LIMIT ? c + t.lowDelta[c] : t.high.get(c) ?? c;
}

function buildFoldTable(foldCase: boolean): Int32Array {
  const { lowDelta, high, lowChanged } = compactFold(foldCase);
  const table = new Int32Array(65536);
  for (let c = 0; c < 65536; c++) table[c] = c;
  for (const c of lowChanged) table[c] = c + lowDelta[c];
  for (const [c, f] of high) table[c] = f;
  return table;
}

/**
 * Fold table over all UTF-16 code units: the folded code unit, or FOLD_SPACE,
 * FOLD_BREAK or FOLD_IGNORE. Built on first request and shared (do not modify).
 */
export function foldTable(foldCase = true): Int32Array {
  if (foldCase) return (caseFoldTable ??= buildFoldTable(true));
  return (exactTable ??= buildFoldTable(false));
}

/**
 * 1 for code units of Chinese/Japanese/Korean writing (ideographs, kana,
 * hangul, CJK punctuation, full-width forms, surrogates). A line break between
 * two of them is dropped rather than read as a space.
 */
export function cjkTableOf(): Uint8Array {
  if (cjkTable) return cjkTable;
  const t = new Uint8Array(65536);
  const ranges: Array<[number, number]> = [
    [0x2e80, 0x9fff], // radicals, CJK punctuation, kana, bopomofo, CJK ideographs
    [0xa960, 0xa97f],
    [0xac00, 0xd7ff], // hangul
    [0xd800, 0xdfff], // surrogates: supplementary ideographs
    [0xf900, 0xfaff],
    [0xfe30, 0xfe4f],
    [0xff00, 0xffef],
  ];
  for (const [a, b] of ranges) t.fill(1, a, b + 1);
  return (cjkTable = t);
}

/**
 * 1 for code units that are part of an alphabetic word (Latin, Greek,
 * Cyrillic letters, digits, combining marks, full-width letters and digits).
 * English forms match only at word boundaries defined by this table; CJK is
 * deliberately not "word" so "推进peak carbon" still matches.
 */
export function wordTableOf(): Uint8Array {
  if (wordTable) return wordTable;
  const t = new Uint8Array(65536);
  const ranges: Array<[number, number]> = [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
    [0xaa, 0xaa],
    [0xb2, 0xb3],
    [0xb5, 0xb5],
    [0xb9, 0xba],
    [0xbc, 0xbe],
    [0xc0, 0x24f],
    [0x250, 0x2af],
    [0x300, 0x36f],
    [0x370, 0x3ff],
    [0x400, 0x52f],
    [0x1e00, 0x1fff],
    [0xff10, 0xff19],
    [0xff21, 0xff3a],
    [0xff41, 0xff5a],
  ];
  for (const [a, b] of ranges) t.fill(1, a, b + 1);
  t[0xd7] = 0;
  t[0xf7] = 0;
  t[0x37e] = 0;
  t[0x387] = 0;
  return (wordTable = t);
}

/**
 * Normalise a term (a pattern, a glossary entry) the way the matcher reads
 * text: fold each code unit, collapse whitespace to single spaces, drop line
 * breaks between CJK characters, trim.
 */
export function normalizeTerm(term: string, foldCase = true): string {
  return normalizeInto(term, foldCase, undefined);
}

/**
 * Normalised copy of `text` plus, for each code unit of it, the source offset
 * it came from (`offsets[i]`) and, one past the end, `text.length`.
 * A blank line becomes "\n\n" (a paragraph break), other whitespace one space.
 * For bulk matching use TermMatcher, which never builds this copy.
 */
export function normalizeWithMap(text: string, foldCase = true): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  const normalized = normalizeInto(text, foldCase, offsets);
  return { text: normalized, offsets };
}

/** The normalised text; the source offsets go into `offsets` when given (normalizeTerm needs none). */
function normalizeInto(text: string, foldCase: boolean, offsets: number[] | undefined): string {
  const { lowDelta, high } = compactFold(foldCase);
  const cjk = cjkTableOf();
  const out: number[] = [];
  let wsStart = -1;
  let breaks = 0;
  let prevCjk = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = c < DENSE_LIMIT ? c + lowDelta[c] : high.get(c) ?? c;
    if (f === FOLD_IGNORE) continue;
    if (f === FOLD_SPACE || f === FOLD_BREAK) {
      if (wsStart < 0) {
        wsStart = i;
        breaks = 0;
      }
      if (f === FOLD_BREAK && !(c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) breaks++;
      continue;
    }
    if (wsStart >= 0) {
      if (out.length > 0) {
        if (breaks >= 2) {
          out.push(0x0a, 0x0a);
          offsets?.push(wsStart, wsStart);
        } else if (!(breaks === 1 && prevCjk && cjk[c] === 1)) {
          out.push(0x20);
          offsets?.push(wsStart);
        }
      }
      wsStart = -1;
    }
    out.push(f);
    offsets?.push(i);
    prevCjk = cjk[c] === 1;
  }
  offsets?.push(text.length);
  if (out.length <= 4096) return String.fromCharCode(...out);
  let s = '';
  for (let i = 0; i < out.length; i += 4096) s += String.fromCharCode(...out.slice(i, i + 4096));
  return s;
}
