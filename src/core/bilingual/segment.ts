// Splits a draft into blocks (headings, paragraphs, list items, table rows)
// with source offsets, a structural marker where there is one (一、 （一） 1. I.
// 第一章 Chapter 1) and the block's language by its share of CJK characters.
// Pure: no I/O.
import type { DocumentFormat } from '../types';

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row';
export type BlockLang = 'zh' | 'en' | 'mixed' | 'none';
export type MarkerStyle =
  | 'zh-ordinal' // 一、
  | 'zh-paren' // （一）
  | 'zh-chapter' // 第一章 第二节 第三条
  | 'en-chapter' // Chapter 1, Section II, Article 3, Part I
  | 'roman' // I.
  | 'arabic' // 1. 1、 1)
  | 'arabic-paren' // (1) （1）
  | 'circled'; // ①

export interface StructuralMarker {
  style: MarkerStyle;
  value: number;
  start: number;
  end: number;
}

export interface TableCell {
  start: number;
  end: number;
  text: string;
  lang: BlockLang;
}

export interface Block {
  kind: BlockKind;
  /** The whole block in the source, markup included. */
  start: number;
  end: number;
  /** The text after heading hashes, list bullets and structural markers. */
  contentStart: number;
  contentEnd: number;
  text: string;
  lang: BlockLang;
  /** Heading level: Markdown hashes, or 1 for 一、/I. and 2 for （一）/1. in plain text. */
  level?: number;
  marker?: StructuralMarker;
  /** Table rows only. */
  cells?: TableCell[];
  tableId?: number;
  headerRow?: boolean;
}

// ---------------------------------------------------------------- language

export interface LangCounts {
  cjk: number;
  latin: number;
}

let letterKinds: Uint8Array | undefined;

/** Per code unit: 1 for an ASCII letter, 2 for a CJK ideograph (basic, extension A, compatibility), else 0. */
function letterKindTable(): Uint8Array {
  if (letterKinds) return letterKinds;
  const t = new Uint8Array(65536);
  t.fill(1, 0x41, 0x5b);
  t.fill(1, 0x61, 0x7b);
  t.fill(2, 0x4e00, 0xa000);
  t.fill(2, 0x3400, 0x4dc0);
  t.fill(2, 0xf900, 0xfb00);
  return (letterKinds = t);
}

export function langCounts(text: string): LangCounts {
  return langCountsIn(text, 0, text.length);
}

/** What countLetters counted last (module state rather than an object per call: it runs for every block). */
let countedCjk = 0;
let countedLatin = 0;

/** Counts the letters of text.slice(start, end), without the slice, into countedCjk and countedLatin. */
function countLetters(text: string, start: number, end: number): void {
  // A table and no branches: this runs over every block of every document.
  const kinds = letterKindTable();
  let latin = 0;
  let cjk = 0;
  for (let i = start; i < end; i++) {
    const k = kinds[text.charCodeAt(i)];
    latin += k & 1;
    cjk += k >> 1;
  }
  countedCjk = cjk;
  countedLatin = latin;
}

/** langCounts of text.slice(start, end), without the slice. */
export function langCountsIn(text: string, start: number, end: number): LangCounts {
  countLetters(text, start, end);
  return { cjk: countedCjk, latin: countedLatin };
}

/**
 * Language by the share of CJK characters, an English letter weighing a third
 * of a Chinese character (about the ratio of their lengths in translation):
 * a Chinese paragraph quoting "GDP" stays Chinese, an English one quoting
 * 碳达峰 stays English, "前言 / Preface" is mixed.
 */
export function detectLang(text: string): BlockLang {
  return langIn(text, 0, text.length);
}

/** detectLang of text.slice(start, end), without the slice. */
function langIn(text: string, start: number, end: number): BlockLang {
  const { cjk, latin } = langCountsIn(text, start, end);
  return langOfCounts(cjk, latin);
}

function langOfCounts(cjk: number, latin: number): BlockLang {
  if (cjk === 0 && latin === 0) return 'none';
  const share = cjk / (cjk + latin / 3);
  if (share >= 0.7) return 'zh';
  if (share <= 0.3) return 'en';
  return 'mixed';
}

/** True when the text has CJK characters at all: the cheap test before any bilingual work. */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(text);
}

/** Running letter totals are kept every 2^6 = 64 code units. */
const LETTER_STRIDE_BITS = 6;

/**
 * The letter counts of a whole text, with running totals every 64 code units:
 * the counts of any range then cost at most 2 × 63 code units read. The
 * bilingual linter counts a whole document before segmenting it
 * (balancedLanguages); with this the segmenter need not count every block
 * again.
 */
export class LetterIndex {
  readonly total: LangCounts;
  private readonly cjkBefore: Int32Array;
  private readonly latinBefore: Int32Array;

  constructor(readonly text: string) {
    const kinds = letterKindTable();
    const strides = (text.length >> LETTER_STRIDE_BITS) + 1;
    this.cjkBefore = new Int32Array(strides);
    this.latinBefore = new Int32Array(strides);
    let latin = 0;
    let cjk = 0;
    for (let s = 0; s < strides; s++) {
      this.cjkBefore[s] = cjk;
      this.latinBefore[s] = latin;
      const end = Math.min((s + 1) << LETTER_STRIDE_BITS, text.length);
      for (let i = s << LETTER_STRIDE_BITS; i < end; i++) {
        const k = kinds[text.charCodeAt(i)];
        latin += k & 1;
        cjk += k >> 1;
      }
    }
    this.total = { cjk, latin };
  }

  /** Same as langIn(this.text, start, end), with no object made on the way (it runs for every block). */
  langIn(start: number, end: number): BlockLang {
    if (end <= start) return 'none';
    const s = start >> LETTER_STRIDE_BITS;
    const e = end >> LETTER_STRIDE_BITS;
    countLetters(this.text, s << LETTER_STRIDE_BITS, start);
    const cjk = this.cjkBefore[s] + countedCjk;
    const latin = this.latinBefore[s] + countedLatin;
    countLetters(this.text, e << LETTER_STRIDE_BITS, end);
    return langOfCounts(this.cjkBefore[e] + countedCjk - cjk, this.latinBefore[e] + countedLatin - latin);
  }
}

// ---------------------------------------------------------------- markers

const ZH_NUM: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 (enough for headings and articles). */
export function smallChineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(s)) return undefined;
  let total = 0;
  let pending = 0;
  for (const ch of s) {
    if (ch === '十') {
      total += (pending || 1) * 10;
      pending = 0;
    } else if (ch === '百') {
      total += (pending || 1) * 100;
      pending = 0;
    } else {
      pending = ZH_NUM[ch];
    }
  }
  return total + pending;
}

export function romanValue(s: string): number | undefined {
  if (!/^[IVXLC]+$/.test(s)) return undefined;
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]];
    const next = v[s[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

const isParen = (c: number) => c === 0x28 || c === 0xff08;

/** Each pattern with its style, its value, and the first code units it can start with. */
interface MarkerPattern {
  re: RegExp;
  style: MarkerStyle;
  value: (m: RegExpExecArray) => number | undefined;
  startsWith: (first: number) => boolean;
}

const MARKER_PATTERNS: MarkerPattern[] = [
  { re: /^第([一二三四五六七八九十百〇零\d]+)[章节条部篇编]\s*/, style: 'zh-chapter', value: (m) => smallChineseNumber(m[1]), startsWith: (c) => c === 0x7b2c },
  { re: /^(?:Chapter|Section|Article|Part)\s+([IVXLC]+|\d+)\b[.:]?\s*/, style: 'en-chapter', value: (m) => romanValue(m[1]) ?? Number(m[1]), startsWith: (c) => c === 0x43 || c === 0x53 || c === 0x41 || c === 0x50 },
  { re: /^([一二三四五六七八九十]+)[、．.]\s*/, style: 'zh-ordinal', value: (m) => smallChineseNumber(m[1]), startsWith: isZhDigit },
  { re: /^[（(]([一二三四五六七八九十]+)[）)]\s*/, style: 'zh-paren', value: (m) => smallChineseNumber(m[1]), startsWith: isParen },
  { re: /^([IVXLC]+)\.\s+/, style: 'roman', value: (m) => romanValue(m[1]), startsWith: isRomanDigit },
  { re: /^(\d{1,3})(?:[.．、](?!\d)|\))\s*/, style: 'arabic', value: (m) => Number(m[1]), startsWith: isAsciiDigit },
  { re: /^[（(](\d{1,3})[）)]\s*/, style: 'arabic-paren', value: (m) => Number(m[1]), startsWith: isParen },
  { re: /^([①-⑳])\s*/, style: 'circled', value: (m) => m[1].charCodeAt(0) - 0x245f, startsWith: (c) => c >= 0x2460 && c <= 0x2473 },
];

/** A structural marker at the start of `text` (offsets relative to `base`). */
export function parseMarker(text: string, base = 0): StructuralMarker | undefined {
  if (!mayOpenMarker(text, 0, text.length)) return undefined;
  const first = text.charCodeAt(0);
  // Objects indexed, not tuples destructured in a for-of: that made an iterator and its results
  // on every call until V8 optimised it (megabytes on a large draft).
  for (let i = 0; i < MARKER_PATTERNS.length; i++) {
    const { re, style, value, startsWith } = MARKER_PATTERNS[i];
    // Only the patterns that can start with this code unit (one or two of the eight).
    if (!startsWith(first)) continue;
    const m = re.exec(text);
    if (!m) continue;
    const v = value(m);
    if (v === undefined || !Number.isFinite(v)) continue;
    return { style, value: v, start: base, end: base + m[0].length };
  }
  return undefined;
}

/** parseMarker of text.slice(start, end), slicing only when a marker can start there. */
function markerIn(text: string, start: number, end: number): StructuralMarker | undefined {
  return mayOpenMarker(text, start, end) ? parseMarker(text.slice(start, end), start) : undefined;
}

/** 一 二 三 四 五 六 七 八 九 十 (a switch: cheaper than a Set lookup for every line). */
function isZhDigit(c: number): boolean {
  switch (c) {
    case 0x4e00:
    case 0x4e8c:
    case 0x4e09:
    case 0x56db:
    case 0x4e94:
    case 0x516d:
    case 0x4e03:
    case 0x516b:
    case 0x4e5d:
    case 0x5341:
      return true;
    default:
      return false;
  }
}

/** I V X L C */
function isRomanDigit(c: number): boolean {
  return c === 0x49 || c === 0x56 || c === 0x58 || c === 0x4c || c === 0x43;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The first index from `start` on (before `end`) whose code unit fails `test`. */
function skipWhile(text: string, start: number, end: number, test: (c: number) => boolean): number {
  while (start < end && test(text.charCodeAt(start))) start++;
  return start;
}

// What follows the numerals of a marker. Looked up in a set rather than compared one by one:
// a comparison first reached mid-document (a year such as "2020年" at a paragraph's start)
// would send the optimised segmenter back to slow code.
const ARABIC_MARKER_ENDS = new Set(Array.from('.．、)', (ch) => ch.charCodeAt(0)));
const ZH_MARKER_ENDS = new Set(Array.from('、．.', (ch) => ch.charCodeAt(0)));

/**
 * Whether one of MARKER_PATTERNS can match text.slice(start, end): what each
 * needs at its start (1. needs one to three digits and a point, 一、 numerals
 * and a comma...), checked without slicing, so that most paragraphs are
 * turned away without running 8 regexes.
 */
function mayOpenMarker(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  const c = text.charCodeAt(start);
  if (isAsciiDigit(c)) {
    // 1. 1) 1、 1．
    const after = skipWhile(text, start, end, isAsciiDigit);
    const p = text.charCodeAt(after);
    return after - start <= 3 && after < end && ARABIC_MARKER_ENDS.has(p);
  }
  if (isZhDigit(c)) {
    // 一、 一． 一.
    const after = skipWhile(text, start, end, isZhDigit);
    const p = text.charCodeAt(after);
    return after < end && ZH_MARKER_ENDS.has(p);
  }
  if (isParen(c)) return true; // (1) （一）
  if (c >= 0x2460 && c <= 0x2473) return true; // ① … ⑳
  if (c === 0x7b2c) return true; // 第一章
  if (c === 0x43 || c === 0x53 || c === 0x41 || c === 0x50) {
    if (text.startsWith('Chapter', start) || text.startsWith('Section', start) || text.startsWith('Article', start) || text.startsWith('Part', start)) return true;
  }
  // I. IV. XII.
  const after = skipWhile(text, start, end, isRomanDigit);
  return after > start && after < end && text.charCodeAt(after) === 0x2e;
}

// ---------------------------------------------------------------- lines

const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const SENTENCE_END_CODES = new Set(Array.from('。！？；.!?;:：', (ch) => ch.charCodeAt(0)));
const HEADING_WORDS = /^(?:前言|序言|引言|结束语|结语|附录|Preface|Foreword|Introduction|Conclusions?|Closing Remarks|Appendix)\s*$/i;
/** The longest of HEADING_WORDS ("Closing Remarks"): longer text is not one, without testing. */
const HEADING_WORD_MAX_LENGTH = 15;
const STARTS_MARKER = /^\s*(?:\d{1,3}[.)．、](?!\d)|[（(][\d一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]+、|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条])/;

/** Whether a code unit is whitespace as a regular expression's \s (and trim) reads it, without building a string. */
/**
 * Whether [start, end) holds only "-", "*", "_" and whitespace: what a
 * horizontal rule is made of. Most lines that start with "-" are list items,
 * and this rejects them without slicing the line for the rule's regex.
 */
function onlyRuleCharacters(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2d && c !== 0x2a && c !== 0x5f && !isJsSpace(c)) return false;
  }
  return true;
}

function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The first index in [start, end) that is not whitespace, or `end`. */
function skipSpace(text: string, start: number, end: number): number {
  while (start < end && isJsSpace(text.charCodeAt(start))) start++;
  return start;
}

/** One past the last index in [start, end) that is not whitespace, or `start`. */
function skipSpaceBack(text: string, start: number, end: number): number {
  while (end > start && isJsSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Length of text.slice(start, end).trim(). */
function trimmedLength(text: string, start: number, end: number): number {
  const a = skipSpace(text, start, end);
  return skipSpaceBack(text, a, end) - a;
}

/**
 * The line of `text` that starts at `start`: [start, end) without its break
 * (a CR before the LF belongs to the break), and where the next line starts,
 * text.length + 1 after the last line. Every text has at least one line.
 * Moved from line to line, so a document is read without a string or an
 * object per line.
 */
class LineCursor {
  start = 0;
  end = 0;
  next = 0;

  constructor(private readonly text: string) {}

  moveTo(start: number): void {
    const text = this.text;
    let nl = text.indexOf('\n', start);
    const last = nl < 0;
    if (last) nl = text.length;
    this.start = start;
    this.end = nl > start && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    this.next = last ? text.length + 1 : nl + 1;
  }

  /** Whether another line follows this one. */
  get hasNext(): boolean {
    return this.next <= this.text.length;
  }

  get lineText(): string {
    return this.text.slice(this.start, this.end);
  }
}

function splitCells(text: string, lineStart: number, lineEnd: number): TableCell[] {
  const cells: TableCell[] = [];
  let i = lineStart;
  const end = lineEnd;
  // Skip the leading pipe.
  i = skipSpace(text, i, end);
  if (text[i] === '|') i++;
  let cellStart = i;
  for (; i <= end; i++) {
    const atEnd = i === end;
    if (atEnd || (text[i] === '|' && text[i - 1] !== '\\')) {
      const a = skipSpace(text, cellStart, i);
      const b = skipSpaceBack(text, a, i);
      // A trailing pipe leaves an empty last cell: drop it.
      if (!(atEnd && a === b && cells.length > 0 && text.slice(cellStart, i).trim() === '')) {
        const cellText = text.slice(a, b);
        cells.push({ start: a, end: b, text: cellText, lang: detectLang(cellText) });
      }
      cellStart = i + 1;
    }
  }
  return cells;
}

/**
 * Whether text.slice(start, end) could be a heading: short (40 code units if
 * mostly Chinese, else 120), not blank, and not ending in sentence
 * punctuation. Letters are counted only when the length leaves it open.
 */
function looksLikeHeadingIn(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length > 120) return false;
  if (length > 40) {
    const { cjk, latin } = langCountsIn(text, start, end);
    if (cjk > latin / 3) return false;
  }
  const last = skipSpaceBack(text, start, end);
  return last > start && !SENTENCE_END_CODES.has(text.charCodeAt(last - 1));
}

/** looksLikeHeadingIn over a whole string. */
function looksLikeHeadingText(s: string): boolean {
  return looksLikeHeadingIn(s, 0, s.length);
}

/** HEADING_WORDS.test(text.slice(start, end).trim()), testing only text short enough to be one. */
function isHeadingWordIn(text: string, start: number, end: number): boolean {
  const a = skipSpace(text, start, end);
  const b = skipSpaceBack(text, a, end);
  return b - a <= HEADING_WORD_MAX_LENGTH && HEADING_WORDS.test(text.slice(a, b));
}

/** Code units that count as Chinese where bilingualSplit looks for the change of script (closing and opening brackets and quotes included). */
function isCjkOrClosing(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || c === 0xff09 || c === 0x29 || c === 0x300b || c === 0x201d || c === 0x300d; // ） ) 》 ” 」
}

function isCjkOrOpening(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || c === 0xff08 || c === 0x28 || c === 0x300a || c === 0x201c || c === 0x300c; // （ ( 《 “ 「
}

/**
 * Where a mixed one-line block splits into its Chinese and English halves, if
 * it does: at the first separator, else the first change of script, with a
 * Chinese half and an English one.
 */
function bilingualSplit(text: string, start: number, end: number): Array<[number, number]> | undefined {
  const trimmedPair = (a: number, b: number): [number, number] => {
    a = skipSpace(text, a, b);
    return [a, skipSpaceBack(text, a, b)];
  };
  // The candidate split points only move forward: count the letters before each once, and
  // those after it as the total minus those before. Space and separators count as neither,
  // so trimming a half does not change its counts, and a half in a language is not empty.
  const kinds = letterKindTable();
  const total = langCountsIn(text, start, end);
  let counted = start;
  let cjk = 0;
  let latin = 0;
  const lettersUpTo = (x: number) => {
    for (; counted < x; counted++) {
      const k = kinds[text.charCodeAt(counted)];
      latin += k & 1;
      cjk += k >> 1;
    }
  };
  /** Whether [start, leftEnd) and [rightStart, end) are one Chinese and one English. */
  const differ = (leftEnd: number, rightStart: number) => {
    lettersUpTo(leftEnd);
    const left = langOfCounts(cjk, latin);
    if (left !== 'zh' && left !== 'en') return false;
    lettersUpTo(rightStart);
    const right = langOfCounts(total.cjk - cjk, total.latin - latin);
    return (left === 'zh' && right === 'en') || (left === 'en' && right === 'zh');
  };
  const slice = text.slice(start, end);
  const separator = /\s+[/|｜—–-]\s+|\s*[／｜]\s*|\s+\/\s*|\s*\/\s+/g;
  for (let m = separator.exec(slice); m; m = separator.exec(slice)) {
    const sepStart = start + m.index;
    const sepEnd = sepStart + m[0].length;
    if (differ(sepStart, sepEnd)) return [trimmedPair(start, sepStart), trimmedPair(sepEnd, end)];
  }
  // No separator: split where the script changes ("前言 Preface").
  counted = start;
  cjk = 0;
  latin = 0;
  for (let i = start + 1; i < end; i++) {
    const next = text.charCodeAt(i);
    if ((isJsSpace(next) || isCjkOrClosing(text.charCodeAt(i - 1)) !== isCjkOrOpening(next)) && differ(i, i)) return [trimmedPair(start, i), trimmedPair(i, end)];
  }
  return undefined;
}

// ---------------------------------------------------------------- blocks

/**
 * A heading, paragraph or list item from `start` to `end` (trailing space
 * trimmed), its content from `contentStart` on after a structural marker.
 * `level` is given for headings and only for them.
 */
function makeBlock(text: string, letters: LetterIndex | undefined, kind: Exclude<BlockKind, 'table-row'>, start: number, end: number, contentStart: number, level?: number): Block {
  end = skipSpaceBack(text, start, end);
  while (contentStart < end && (text.charCodeAt(contentStart) === 0x20 || text.charCodeAt(contentStart) === 0x09)) contentStart++;
  // Over the whole block, not just its first line: the marker's trailing space may run onto the next line.
  const marker = markerIn(text, contentStart, end);
  if (marker) contentStart = marker.end;
  let contentEnd = end;
  // Closing hashes of an ATX heading (the block ends in a non-space, so in '#' when there are any).
  if (kind === 'heading' && end > contentStart && text.charCodeAt(end - 1) === 0x23) {
    const closing = /\s+#+\s*$/.exec(text.slice(contentStart, end));
    if (closing) contentEnd = contentStart + closing.index;
  }
  const content = text.slice(contentStart, contentEnd);
  let lang: BlockLang;
  if (letters) lang = letters.langIn(contentStart, contentEnd);
  else lang = langIn(text, contentStart, contentEnd);
  // Same keys in the same order as ever: callers and tests compare blocks whole.
  if (level === undefined) return { kind, start, end, contentStart, contentEnd, text: content, lang, marker };
  return { kind, start, end, contentStart, contentEnd, text: content, lang, level, marker };
}

/**
 * Append `block` to `blocks`, split into its two languages when it is a
 * heading (or short block) written "中文标题 / English title".
 */
function pushSplittingBilingual(blocks: Block[], text: string, block: Block): void {
  // Cheapest tests first: almost every block is in one language.
  if (block.lang !== 'mixed' || (block.kind !== 'heading' && block.contentEnd - block.contentStart > 200)) {
    blocks.push(block);
    return;
  }
  const nl = text.indexOf('\n', block.contentStart);
  const oneLine = nl < 0 || nl >= block.contentEnd;
  const halves = oneLine ? bilingualSplit(text, block.contentStart, block.contentEnd) : undefined;
  if (!halves) {
    blocks.push(block);
    return;
  }
  halves.forEach(([a, b], i) => {
    const marker = markerIn(text, a, b);
    const contentStart = marker ? marker.end : a;
    const content = text.slice(contentStart, b);
    blocks.push({
      ...block,
      start: i === 0 ? block.start : a,
      end: i === 0 ? b : block.end,
      contentStart,
      contentEnd: b,
      text: content,
      lang: detectLang(content),
      // The first half keeps a marker written before both (一、中文 / English).
      marker: marker ?? (i === 0 ? block.marker : block.marker && { ...block.marker }),
    });
  });
}

/**
 * Blocks of a document. Markdown: ATX/setext headings, list items, tables;
 * fenced code, front matter and HTML comments are skipped. Plain text: blank
 * lines separate paragraphs; a short line opening with 一、/（一）/I./1. or a
 * word such as 前言 is a heading.
 */
export function segment(text: string, format: DocumentFormat): Block[] {
  return segmentDocument(text, format).blocks;
}

/**
 * A segmented document plus where segmentation may restart: the line starts
 * at which no paragraph was open (blocks before such a point depend only on
 * the text up to the end of its line; those from it on only on the text from
 * it on and the number of tables before it).
 */
export interface SegmentedDocument {
  text: string;
  format: DocumentFormat;
  blocks: Block[];
  syncOffset: number[];
  syncBlocks: number[];
  syncTables: number[];
}

/**
 * Segment the whole document (see segment). `letters`, the letter index of
 * this same text when the caller has one, spares counting each block's letters.
 */
export function segmentDocument(text: string, format: DocumentFormat, letters?: LetterIndex): SegmentedDocument {
  const doc: SegmentedDocument = { text, format, blocks: [], syncOffset: [], syncBlocks: [], syncTables: [] };
  runSegmenter(text, format, 0, 0, doc, lettersOf(text, letters));
  return doc;
}

/** `letters` if it indexes exactly `text`. */
function lettersOf(text: string, letters: LetterIndex | undefined): LetterIndex | undefined {
  return letters && letters.text === text ? letters : undefined;
}

/**
 * Segment `text` reusing `previous` (the same document before an edit): the
 * blocks before the edit are kept, the segmenter restarts at the last sync
 * point whose line ends before the edit and stops at the first sync point
 * after it that the previous run also passed; the blocks after it are the
 * previous ones, moved. Same result as segmentDocument(text, format).
 */
export function resegment(previous: SegmentedDocument | undefined, text: string, format: DocumentFormat, letters?: LetterIndex): SegmentedDocument {
  if (!previous || previous.format !== format) return segmentDocument(text, format, letters);
  const old = previous.text;
  if (old === text) return previous;
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, prefix);
  const delta = text.length - old.length;
  const changeEndNew = text.length - suffix;
  // The last sync point whose whole line (with its break) lies before the change.
  let k = upperBound(previous.syncOffset, prefix) - 1;
  while (k >= 0) {
    const at = previous.syncOffset[k];
    const nl = old.indexOf('\n', at);
    if (nl >= 0 && nl < prefix) break;
    k--;
  }
  if (k < 0) return segmentDocument(text, format, letters);
  const doc: SegmentedDocument = {
    text,
    format,
    blocks: previous.blocks.slice(0, previous.syncBlocks[k]),
    syncOffset: previous.syncOffset.slice(0, k),
    syncBlocks: previous.syncBlocks.slice(0, k),
    syncTables: previous.syncTables.slice(0, k),
  };
  const firstNew = doc.blocks.length;
  let endNew = -1;
  runSegmenter(text, format, previous.syncOffset[k], previous.syncTables[k], doc, lettersOf(text, letters), (offset, tables) => {
    // Past the change, where the old run stood in the same place: the rest is the old rest, moved.
    if (offset <= changeEndNew) return false;
    const j = lowerBound(previous.syncOffset, offset - delta);
    if (j >= previous.syncOffset.length || previous.syncOffset[j] !== offset - delta) return false;
    const tableShift = tables - previous.syncTables[j];
    const base = doc.blocks.length;
    endNew = base;
    for (let b = previous.syncBlocks[j]; b < previous.blocks.length; b++) doc.blocks.push(moveBlock(previous.blocks[b], delta, tableShift));
    for (let q = j; q < previous.syncOffset.length; q++) {
      doc.syncOffset.push(previous.syncOffset[q] + delta);
      doc.syncBlocks.push(previous.syncBlocks[q] - previous.syncBlocks[j] + base);
      doc.syncTables.push(previous.syncTables[q] + tableShift);
    }
    return true;
  });
  // The blocks made in this run outlive this version of the text (later edits keep them):
  // their strings must not hold it in memory.
  for (let b = firstNew, e = endNew < 0 ? doc.blocks.length : endNew; b < e; b++) detachStrings(doc.blocks[b]);
  return doc;
}

/**
 * A copy of `s` that does not keep the string it was sliced from alive. V8
 * makes a long slice a view into its parent: a block sliced from one version
 * of a document, kept by every later edit, would keep that whole version in
 * memory (a full copy of the draft per keystroke).
 */
function detached(s: string): string {
  return (' ' + s).slice(1);
}

function detachStrings(block: Block): void {
  block.text = detached(block.text);
  if (block.cells) for (const cell of block.cells) cell.text = detached(cell.text);
}

function moveBlock(b: Block, delta: number, tableShift: number): Block {
  if (delta === 0 && tableShift === 0) return b;
  // Written out rather than spread: this runs for every block after an edit, on every
  // keystroke, and a spread copy was a quarter of a keystroke's time on a 1 MB draft. The
  // keys are those the segmenter makes (a table row; a heading with its level; any other
  // block), so a moved block equals one segmented afresh.
  const start = b.start + delta;
  const end = b.end + delta;
  const contentStart = b.contentStart + delta;
  const contentEnd = b.contentEnd + delta;
  if (b.kind === 'table-row') {
    const cells = b.cells?.map((c) => ({ start: c.start + delta, end: c.end + delta, text: c.text, lang: c.lang }));
    return { kind: b.kind, start, end, contentStart, contentEnd, text: b.text, lang: b.lang, cells, tableId: b.tableId === undefined ? undefined : b.tableId + tableShift, headerRow: b.headerRow };
  }
  const m = b.marker;
  const marker = m && { style: m.style, value: m.value, start: m.start + delta, end: m.end + delta };
  if ('level' in b) return { kind: b.kind, start, end, contentStart, contentEnd, text: b.text, lang: b.lang, level: b.level, marker };
  return { kind: b.kind, start, end, contentStart, contentEnd, text: b.text, lang: b.lang, marker };
}

/** Length of the common prefix, compared a chunk at a time (native string equality). */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  for (let size = 4096; n < max; ) {
    const step = Math.min(size, max - n);
    if (a.slice(n, n + step) === b.slice(n, n + step)) n += step;
    else if (step > 16) size = step >> 2;
    else break;
  }
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Length of the common suffix, not reaching into the common prefix of the shorter text. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let n = 0;
  for (let size = 4096; n < max; ) {
    const step = Math.min(size, max - n);
    if (a.slice(a.length - n - step, a.length - n) === b.slice(b.length - n - step, b.length - n)) n += step;
    else if (step > 16) size = step >> 2;
    else break;
  }
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** First index with xs[i] >= v (xs ascending). */
function lowerBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with xs[i] > v (xs ascending). */
function upperBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The segmenter proper, from the line starting at `from` with `tableId`
 * tables before it, appending to doc. `stop` is asked at every sync point
 * after the first; true ends the run (it has completed doc itself).
 * `letters` (of this text) counts the letters of blocks when given.
 */
function runSegmenter(
  text: string,
  format: DocumentFormat,
  from: number,
  firstTableId: number,
  doc: SegmentedDocument,
  letters: LetterIndex | undefined,
  stop?: (offset: number, tableId: number) => boolean,
): void {
  const markdown = format === 'markdown';
  const blocks = doc.blocks;
  const line = new LineCursor(text);
  const lookahead = new LineCursor(text);
  let tableId = firstTableId;
  /** Start of the current line; past text.length when there are no more lines. */
  let pos = from;

  // Front matter.
  line.moveTo(from);
  if (from === 0 && markdown && /^---\s*$/.test(line.lineText)) {
    for (lookahead.moveTo(line.next); lookahead.start <= text.length; lookahead.moveTo(lookahead.next)) {
      if (/^(?:---|\.\.\.)\s*$/.test(lookahead.lineText)) {
        pos = lookahead.next;
        break;
      }
    }
  }

  // The open paragraph: its lines as [start, end) pairs, the first paraLines entries of these
  // arrays (reused from paragraph to paragraph).
  const paraStarts: number[] = [];
  const paraEnds: number[] = [];
  let paraLines = 0;
  let paraKind: 'paragraph' | 'list-item' = 'paragraph';

  const flush = () => {
    const count = paraLines;
    if (count === 0) return;
    let kind: Exclude<BlockKind, 'table-row'> = paraKind;
    // A heading split off the top leaves the rest to be judged again: `first` moves down.
    for (let first = 0; ; first++) {
      const lines = count - first;
      const firstStart = paraStarts[first];
      const firstEnd = paraEnds[first];
      const lastEnd = paraEnds[count - 1];
      const lead = skipSpace(text, firstStart, firstEnd);
      let contentStart = firstStart;
      if (kind === 'list-item') {
        // /^\s*[-*+]\s+/
        const c = text.charCodeAt(lead);
        const bullet = (c === 0x2d || c === 0x2a || c === 0x2b) && lead + 1 < firstEnd && isJsSpace(text.charCodeAt(lead + 1));
        if (bullet) contentStart = skipSpace(text, lead + 1, firstEnd);
      }
      // Blockquote markers are markup: /^\s*(?:>\s?)+/
      if (markdown && lead < firstEnd && text.charCodeAt(lead) === 0x3e) {
        let q = lead;
        while (q < firstEnd && text.charCodeAt(q) === 0x3e) {
          q++;
          if (q < firstEnd && isJsSpace(text.charCodeAt(q))) q++;
        }
        contentStart = q;
      }
      const marker = markerIn(text, skipSpace(text, contentStart, firstEnd), firstEnd);
      let level: number | undefined;
      if (kind === 'paragraph') {
        const headingWord = isHeadingWordIn(text, contentStart, firstEnd);
        const headingish =
          (marker && marker.style !== 'arabic' && marker.style !== 'arabic-paren' && marker.style !== 'circled' && looksLikeHeadingIn(text, marker.end, firstEnd)) ||
          (!markdown && marker && looksLikeHeadingIn(text, marker.end, firstEnd) && lines === 1) ||
          headingWord;
        if (headingish) {
          // In plain text a heading is followed directly by its paragraph; a heading that wraps
          // (short block, no sentence punctuation) stays whole.
          // An English heading may wrap onto a short second line; a Chinese heading or a heading
          // word (前言, Preface) is always one line.
          const wholeIsHeading =
            lines === 1 ||
            (lines === 2 &&
              !headingWord &&
              langIn(text, contentStart, lastEnd) === 'en' &&
              trimmedLength(text, paraStarts[first + 1], paraEnds[first + 1]) < 0.7 * trimmedLength(text, firstStart, firstEnd) &&
              looksLikeHeadingText(text.slice(contentStart, lastEnd).replace(/\s+/g, ' ')));
          if (!wholeIsHeading && lines > 1) {
            pushSplittingBilingual(blocks, text, makeBlock(text, letters, 'heading', firstStart, firstEnd, contentStart, marker ? levelOf(marker.style) : 1));
            kind = 'paragraph';
            continue;
          }
          kind = 'heading';
          level = marker ? levelOf(marker.style) : 1;
        }
      }
      pushSplittingBilingual(blocks, text, makeBlock(text, letters, kind, firstStart, lastEnd, contentStart, level));
      break;
    }
    paraLines = 0;
    paraKind = 'paragraph';
  };

  // A closing fence for each opening one seen (```, ~~~~ ...), compiled once.
  const closers = new Map<string, RegExp>();
  const closingFence = (opening: string): RegExp => {
    let closer = closers.get(opening);
    if (!closer) {
      closer = new RegExp(`^\\s{0,3}${opening[0]}{${opening.length},}\\s*$`);
      closers.set(opening, closer);
    }
    return closer;
  };

  /** The next '|' at or after the current line's start (text.length when none): found once for all lines. */
  let nextPipe = -1;
  let first = true;
  while (pos <= text.length) {
    line.moveTo(pos);
    // The next line, unless a branch below skips further.
    pos = line.next;
    const { start, end } = line;
    if (paraLines === 0) {
      if (!first && stop && stop(start, tableId)) return;
      first = false;
      doc.syncOffset.push(start);
      doc.syncBlocks.push(blocks.length);
      doc.syncTables.push(tableId);
    }
    // The first non-space code unit: most lines start with a letter or an
    // ideograph, and then none of the patterns below can match.
    const leadAt = skipSpace(text, start, end);
    const lead = leadAt < end ? text.charCodeAt(leadAt) : -1;
    if (markdown) {
      // Fenced code, up to the line after the closing fence.
      const fence = lead === 0x60 || lead === 0x7e ? /^\s{0,3}(`{3,}|~{3,})/.exec(line.lineText) : null;
      if (fence) {
        flush();
        const closer = closingFence(fence[1]);
        for (lookahead.moveTo(line.next); lookahead.start <= text.length && !closer.test(lookahead.lineText); ) lookahead.moveTo(lookahead.next);
        pos = lookahead.next;
        continue;
      }
      // HTML comments, up to the line after the one that closes them.
      if (lead === 0x3c && /^\s*<!--/.test(line.lineText)) {
        flush();
        for (lookahead.moveTo(start); lookahead.start <= text.length && !lookahead.lineText.includes('-->'); ) lookahead.moveTo(lookahead.next);
        pos = lookahead.next;
        continue;
      }
      // Tables: a header line followed by a separator line.
      if (nextPipe < start) {
        nextPipe = text.indexOf('|', start);
        if (nextPipe < 0) nextPipe = text.length;
      }
      if (nextPipe < end && line.hasNext && isTableSeparator(lookahead, line.next)) {
        flush();
        tableId++;
        const headerText = line.lineText;
        blocks.push({ kind: 'table-row', start, end, contentStart: start, contentEnd: end, text: headerText, lang: detectLang(headerText), cells: splitCells(text, start, end), tableId, headerRow: true });
        // Rows up to the first line without a pipe, or blank: the loop goes on from there.
        for (lookahead.moveTo(lookahead.next); lookahead.start <= text.length; lookahead.moveTo(lookahead.next)) {
          const rowText = lookahead.lineText;
          if (!rowText.includes('|') || rowText.trim() === '') break;
          const row = lookahead;
          blocks.push({ kind: 'table-row', start: row.start, end: row.end, contentStart: row.start, contentEnd: row.end, text: rowText, lang: detectLang(rowText), cells: splitCells(text, row.start, row.end), tableId, headerRow: false });
        }
        pos = lookahead.start;
        continue;
      }
      // ATX heading.
      const atx = lead === 0x23 ? /^\s{0,3}(#{1,6})(?:\s+|$)/.exec(line.lineText) : null;
      if (atx) {
        flush();
        pushSplittingBilingual(blocks, text, makeBlock(text, letters, 'heading', start, end, start + atx[0].length, atx[1].length));
        continue;
      }
      // Setext heading underline.
      if (paraLines === 1 && (lead === 0x3d || lead === 0x2d) && /^\s{0,3}(?:=+|-+)\s*$/.test(line.lineText) && paraKind === 'paragraph') {
        const level = lead === 0x3d ? 1 : 2;
        const headStart = paraStarts[0];
        const headEnd = paraEnds[0];
        paraLines = 0;
        pushSplittingBilingual(blocks, text, makeBlock(text, letters, 'heading', headStart, headEnd, headStart, level));
        continue;
      }
      // Horizontal rules.
      if ((lead === 0x2d || lead === 0x2a || lead === 0x5f) && onlyRuleCharacters(text, start, end) && /^\s{0,3}(?:[-*_]\s*){3,}$/.test(line.lineText)) {
        flush();
        continue;
      }
    }
    if (lead < 0) {
      flush();
      continue;
    }
    // /^\s*[-*+]\s+/
    const bullet = markdown && (lead === 0x2d || lead === 0x2a || lead === 0x2b) && leadAt + 1 < end && isJsSpace(text.charCodeAt(leadAt + 1));
    const startsMarker = mayStartMarker(text, leadAt, end) && STARTS_MARKER.test(line.lineText);
    if ((bullet || startsMarker) && paraLines > 0) flush();
    if (paraLines === 0) paraKind = bullet || (markdown && lead >= 0x30 && lead <= 0x39 && /^\s*\d{1,3}[.)]\s/.test(line.lineText)) ? 'list-item' : 'paragraph';
    paraStarts[paraLines] = start;
    paraEnds[paraLines] = end;
    paraLines++;
  }
  flush();
}

/** Whether the line starting at `start` is a table's separator line (|---|:---:|), read with `cursor`. */
function isTableSeparator(cursor: LineCursor, start: number): boolean {
  cursor.moveTo(start);
  const lineText = cursor.lineText;
  return TABLE_SEPARATOR.test(lineText) && lineText.includes('-');
}

/** Whether STARTS_MARKER can match the line whose first non-space code unit is at `at`: what each of its forms needs first. */
function mayStartMarker(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  if (isAsciiDigit(c)) {
    // 1. 1) 1． 1、
    const after = skipWhile(text, at, end, isAsciiDigit);
    const p = text.charCodeAt(after);
    return after - at <= 3 && after < end && (p === 0x2e || p === 0x29 || p === 0xff0e || p === 0x3001);
  }
  if (isZhDigit(c)) {
    // 一、
    const after = skipWhile(text, at, end, isZhDigit);
    return after < end && text.charCodeAt(after) === 0x3001;
  }
  if (c === 0x28 || c === 0xff08) return true; // (1) （一）
  if (c >= 0x2460 && c <= 0x2473) return true; // ①-⑳
  return c === 0x7b2c; // 第一章
}

function levelOf(style: MarkerStyle): number {
  switch (style) {
    case 'zh-chapter':
    case 'en-chapter':
    case 'zh-ordinal':
    case 'roman':
      return 1;
    default:
      return 2;
  }
}
