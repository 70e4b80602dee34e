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
  // A table and no branches: this runs over every block of every document.
  const kinds = letterKindTable();
  let latin = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const k = kinds[text.charCodeAt(i)];
    latin += k & 1;
    cjk += k >> 1;
  }
  return { cjk, latin };
}

/**
 * Language by the share of CJK characters, an English letter weighing a third
 * of a Chinese character (about the ratio of their lengths in translation):
 * a Chinese paragraph quoting "GDP" stays Chinese, an English one quoting
 * 碳达峰 stays English, "前言 / Preface" is mixed.
 */
export function detectLang(text: string): BlockLang {
  const { cjk, latin } = langCounts(text);
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

const MARKER_PATTERNS: Array<[RegExp, MarkerStyle, (m: RegExpExecArray) => number | undefined]> = [
  [/^第([一二三四五六七八九十百〇零\d]+)[章节条部篇编]\s*/, 'zh-chapter', (m) => smallChineseNumber(m[1])],
  [/^(?:Chapter|Section|Article|Part)\s+([IVXLC]+|\d+)\b[.:]?\s*/, 'en-chapter', (m) => romanValue(m[1]) ?? Number(m[1])],
  [/^([一二三四五六七八九十]+)[、．.]\s*/, 'zh-ordinal', (m) => smallChineseNumber(m[1])],
  [/^[（(]([一二三四五六七八九十]+)[）)]\s*/, 'zh-paren', (m) => smallChineseNumber(m[1])],
  [/^([IVXLC]+)\.\s+/, 'roman', (m) => romanValue(m[1])],
  [/^(\d{1,3})(?:[.．、](?!\d)|\))\s*/, 'arabic', (m) => Number(m[1])],
  [/^[（(](\d{1,3})[）)]\s*/, 'arabic-paren', (m) => Number(m[1])],
  [/^([①-⑳])\s*/, 'circled', (m) => m[1].charCodeAt(0) - 0x245f],
];

/** A structural marker at the start of `text` (offsets relative to `base`). */
export function parseMarker(text: string, base = 0): StructuralMarker | undefined {
  for (const [re, style, value] of MARKER_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const v = value(m);
    if (v === undefined || !Number.isFinite(v)) continue;
    return { style, value: v, start: base, end: base + m[0].length };
  }
  return undefined;
}

// ---------------------------------------------------------------- lines

interface Line {
  start: number;
  /** End without the line break. */
  end: number;
  text: string;
}

const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const SENTENCE_END = /[。！？；.!?;:：]\s*$/;
const HEADING_WORDS = /^(?:前言|序言|引言|结束语|结语|附录|Preface|Foreword|Introduction|Conclusions?|Closing Remarks|Appendix)\s*$/i;

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

function splitCells(text: string, line: Line): TableCell[] {
  const cells: TableCell[] = [];
  let i = line.start;
  const end = line.end;
  // Skip the leading pipe.
  while (i < end && /\s/.test(text[i])) i++;
  if (text[i] === '|') i++;
  let cellStart = i;
  for (; i <= end; i++) {
    const atEnd = i === end;
    if (atEnd || (text[i] === '|' && text[i - 1] !== '\\')) {
      let a = cellStart;
      let b = i;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
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

function looksLikeHeadingLine(content: string): boolean {
  const { cjk, latin } = langCounts(content);
  const short = cjk > latin / 3 ? content.length <= 40 : content.length <= 120;
  return short && !SENTENCE_END.test(content) && content.trim().length > 0;
}

/** Where a mixed one-line block splits into its Chinese and English halves, if it does. */
function bilingualSplit(text: string, start: number, end: number): Array<[number, number]> | undefined {
  const slice = text.slice(start, end);
  const trimmedPair = (a: number, b: number): [number, number] => {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    return [a, b];
  };
  const differ = (a: [number, number], b: [number, number]) => {
    const la = detectLang(text.slice(a[0], a[1]));
    const lb = detectLang(text.slice(b[0], b[1]));
    return (la === 'zh' && lb === 'en') || (la === 'en' && lb === 'zh');
  };
  const separator = /\s+[/|｜—–-]\s+|\s*[／｜]\s*|\s+\/\s*|\s*\/\s+/g;
  for (let m = separator.exec(slice); m; m = separator.exec(slice)) {
    const left = trimmedPair(start, start + m.index);
    const right = trimmedPair(start + m.index + m[0].length, end);
    if (left[1] > left[0] && right[1] > right[0] && differ(left, right)) return [left, right];
  }
  // No separator: split where the script changes ("前言 Preface").
  for (let i = start + 1; i < end; i++) {
    const prevCjk = /[\u3400-\u9fff\uf900-\ufaff）)》”」]/.test(text[i - 1]);
    const nextCjk = /[\u3400-\u9fff\uf900-\ufaff（(《“「]/.test(text[i]);
    if (/\s/.test(text[i]) || prevCjk !== nextCjk) {
      const left = trimmedPair(start, i);
      const right = trimmedPair(i, end);
      if (left[1] > left[0] && right[1] > right[0] && differ(left, right)) return [left, right];
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- blocks

/** Whether a code unit is whitespace as a regular expression's \s reads it (without building a string). */
function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function makeBlock(text: string, kind: BlockKind, start: number, end: number, contentStart: number, extras: Partial<Block> = {}): Block {
  // Trim trailing whitespace of the block.
  while (end > start && isJsSpace(text.charCodeAt(end - 1))) end--;
  while (contentStart < end && (text.charCodeAt(contentStart) === 0x20 || text.charCodeAt(contentStart) === 0x09)) contentStart++;
  let marker = extras.marker;
  if (!marker && kind !== 'table-row') {
    marker = parseMarker(text.slice(contentStart, end), contentStart);
    if (marker) contentStart = marker.end;
  }
  let contentEnd = end;
  // Closing hashes of an ATX heading.
  if (kind === 'heading') {
    const closing = /\s+#+\s*$/.exec(text.slice(contentStart, end));
    if (closing) contentEnd = contentStart + closing.index;
  }
  const content = text.slice(contentStart, contentEnd);
  return {
    kind,
    start,
    end,
    contentStart,
    contentEnd,
    text: content,
    lang: detectLang(content),
    ...extras,
    marker,
  };
}

/** Headings split into their two languages when written "中文标题 / English title". */
function splitBilingualBlock(text: string, block: Block): Block[] {
  const oneLine = !text.slice(block.contentStart, block.contentEnd).includes('\n');
  if (block.lang !== 'mixed' || !oneLine || (block.kind !== 'heading' && block.contentEnd - block.contentStart > 200)) return [block];
  const halves = bilingualSplit(text, block.contentStart, block.contentEnd);
  if (!halves) return [block];
  return halves.map(([a, b], i) => {
    const marker = parseMarker(text.slice(a, b), a);
    const contentStart = marker ? marker.end : a;
    const content = text.slice(contentStart, b);
    return {
      ...block,
      start: i === 0 ? block.start : a,
      end: i === 0 ? b : block.end,
      contentStart,
      contentEnd: b,
      text: content,
      lang: detectLang(content),
      // The first half keeps a marker written before both (一、中文 / English).
      marker: marker ?? (i === 0 ? block.marker : block.marker && { ...block.marker }),
    };
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

/** Lines of `text` from `from` on, split on demand (a re-segmentation reads only a few). */
class LineReader {
  private readonly lines: Array<Line | undefined> = [];
  private released = 0;
  private next: number;
  private done = false;

  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.next = from;
  }

  has(i: number): boolean {
    while (this.lines.length <= i && !this.done) this.read();
    return i < this.lines.length;
  }

  at(i: number): Line {
    this.has(i);
    return this.lines[i] as Line;
  }

  /** Forget the lines before `i` (the segmenter never looks back), so they die young instead of surviving to the end. */
  release(i: number): void {
    for (let k = this.released; k < i && k < this.lines.length; k++) this.lines[k] = undefined;
    if (i > this.released) this.released = Math.min(i, this.lines.length);
  }

  private read(): void {
    const text = this.text;
    const start = this.next;
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    this.lines.push({ start, end, text: text.slice(start, end) });
    if (nl >= text.length) this.done = true;
    else this.next = nl + 1;
  }
}

/** Segment the whole document (see segment). */
export function segmentDocument(text: string, format: DocumentFormat): SegmentedDocument {
  const doc: SegmentedDocument = { text, format, blocks: [], syncOffset: [], syncBlocks: [], syncTables: [] };
  runSegmenter(text, format, 0, 0, doc);
  return doc;
}

/**
 * Segment `text` reusing `previous` (the same document before an edit): the
 * blocks before the edit are kept, the segmenter restarts at the last sync
 * point whose line ends before the edit and stops at the first sync point
 * after it that the previous run also passed; the blocks after it are the
 * previous ones, moved. Same result as segmentDocument(text, format).
 */
export function resegment(previous: SegmentedDocument | undefined, text: string, format: DocumentFormat): SegmentedDocument {
  if (!previous || previous.format !== format) return segmentDocument(text, format);
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
  if (k < 0) return segmentDocument(text, format);
  const doc: SegmentedDocument = {
    text,
    format,
    blocks: previous.blocks.slice(0, previous.syncBlocks[k]),
    syncOffset: previous.syncOffset.slice(0, k),
    syncBlocks: previous.syncBlocks.slice(0, k),
    syncTables: previous.syncTables.slice(0, k),
  };
  runSegmenter(text, format, previous.syncOffset[k], previous.syncTables[k], doc, (offset, tables) => {
    // Past the change, where the old run stood in the same place: the rest is the old rest, moved.
    if (offset <= changeEndNew) return false;
    const j = lowerBound(previous.syncOffset, offset - delta);
    if (j >= previous.syncOffset.length || previous.syncOffset[j] !== offset - delta) return false;
    const tableShift = tables - previous.syncTables[j];
    const base = doc.blocks.length;
    for (let b = previous.syncBlocks[j]; b < previous.blocks.length; b++) doc.blocks.push(moveBlock(previous.blocks[b], delta, tableShift));
    for (let q = j; q < previous.syncOffset.length; q++) {
      doc.syncOffset.push(previous.syncOffset[q] + delta);
      doc.syncBlocks.push(previous.syncBlocks[q] - previous.syncBlocks[j] + base);
      doc.syncTables.push(previous.syncTables[q] + tableShift);
    }
    return true;
  });
  return doc;
}

function moveBlock(b: Block, delta: number, tableShift: number): Block {
  if (delta === 0 && tableShift === 0) return b;
  const moved: Block = { ...b, start: b.start + delta, end: b.end + delta, contentStart: b.contentStart + delta, contentEnd: b.contentEnd + delta };
  if (b.marker) moved.marker = { ...b.marker, start: b.marker.start + delta, end: b.marker.end + delta };
  if (b.cells) moved.cells = b.cells.map((c) => ({ ...c, start: c.start + delta, end: c.end + delta }));
  if (b.tableId !== undefined) moved.tableId = b.tableId + tableShift;
  return moved;
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
 */
function runSegmenter(
  text: string,
  format: DocumentFormat,
  from: number,
  firstTableId: number,
  doc: SegmentedDocument,
  stop?: (offset: number, tableId: number) => boolean,
): void {
  const reader = new LineReader(text, from);
  const markdown = format === 'markdown';
  const blocks = doc.blocks;
  let i = 0;
  let tableId = firstTableId;

  // Front matter.
  if (from === 0 && markdown && reader.has(0) && /^---\s*$/.test(reader.at(0).text)) {
    let close = -1;
    for (let k = 1; reader.has(k); k++) {
      if (/^(?:---|\.\.\.)\s*$/.test(reader.at(k).text)) {
        close = k;
        break;
      }
    }
    if (close > 0) i = close + 1;
  }

  let para: Line[] = [];
  let paraKind: BlockKind = 'paragraph';
  const flush = () => {
    if (para.length === 0) return;
    const first = para[0];
    const last = para[para.length - 1];
    let kind = paraKind;
    let contentStart = first.start;
    const extras: Partial<Block> = {};
    if (kind === 'list-item') {
      const bullet = /^\s*(?:[-*+]\s+)/.exec(first.text);
      if (bullet) contentStart = first.start + bullet[0].length;
    }
    // Blockquote markers are markup.
    const quote = /^\s*(?:>\s?)+/.exec(first.text);
    if (markdown && quote) contentStart = first.start + quote[0].length;
    const firstContent = text.slice(contentStart, first.end);
    const marker = parseMarker(firstContent.trimStart(), contentStart + (firstContent.length - firstContent.trimStart().length));
    if (kind === 'paragraph') {
      const whole = text.slice(contentStart, last.end);
      const headingish =
        (marker && marker.style !== 'arabic' && marker.style !== 'arabic-paren' && marker.style !== 'circled' && looksLikeHeadingLine(text.slice(marker.end, first.end))) ||
        (!markdown && marker && looksLikeHeadingLine(text.slice(marker.end, first.end)) && para.length === 1) ||
        HEADING_WORDS.test(firstContent.trim());
      if (headingish) {
        // In plain text a heading is followed directly by its paragraph; a heading that wraps
        // (short block, no sentence punctuation) stays whole.
        // An English heading may wrap onto a short second line; a Chinese heading or a heading
        // word (前言, Preface) is always one line.
        const wholeIsHeading =
          para.length === 1 ||
          (para.length === 2 &&
            !HEADING_WORDS.test(firstContent.trim()) &&
            detectLang(whole) === 'en' &&
            para[1].text.trim().length < 0.7 * first.text.trim().length &&
            looksLikeHeadingLine(whole.replace(/\s+/g, ' ')));
        if (!wholeIsHeading && para.length > 1) {
          const level = marker ? levelOf(marker.style) : 1;
          blocks.push(...splitBilingualBlock(text, makeBlock(text, 'heading', first.start, first.end, contentStart, { level })));
          para = para.slice(1);
          paraKind = 'paragraph';
          flush();
          return;
        }
        kind = 'heading';
        extras.level = marker ? levelOf(marker.style) : 1;
      }
    }
    blocks.push(...splitBilingualBlock(text, makeBlock(text, kind, first.start, last.end, contentStart, extras)));
    para = [];
    paraKind = 'paragraph';
  };

  let first = true;
  while (reader.has(i)) {
    reader.release(i);
    const line = reader.at(i);
    if (para.length === 0) {
      if (!first && stop && stop(line.start, tableId)) return;
      first = false;
      doc.syncOffset.push(line.start);
      doc.syncBlocks.push(blocks.length);
      doc.syncTables.push(tableId);
    }
    // The first non-space code unit: most lines start with a letter or an
    // ideograph, and then none of the patterns below can match.
    const lead = leadCode(line.text);
    if (markdown) {
      // Fenced code.
      const fence = lead === 0x60 || lead === 0x7e ? /^\s{0,3}(`{3,}|~{3,})/.exec(line.text) : null;
      if (fence) {
        flush();
        const closer = new RegExp(`^\\s{0,3}${fence[1][0]}{${fence[1].length},}\\s*$`);
        i++;
        while (reader.has(i) && !closer.test(reader.at(i).text)) i++;
        i++;
        continue;
      }
      // HTML comments.
      if (lead === 0x3c && /^\s*<!--/.test(line.text)) {
        flush();
        while (reader.has(i) && !reader.at(i).text.includes('-->')) i++;
        i++;
        continue;
      }
      // Tables: a header line followed by a separator line.
      if (line.text.includes('|') && reader.has(i + 1) && TABLE_SEPARATOR.test(reader.at(i + 1).text) && reader.at(i + 1).text.includes('-')) {
        flush();
        tableId++;
        const header = splitCells(text, line);
        blocks.push({ kind: 'table-row', start: line.start, end: line.end, contentStart: line.start, contentEnd: line.end, text: line.text, lang: detectLang(line.text), cells: header, tableId, headerRow: true });
        i += 2;
        while (reader.has(i) && reader.at(i).text.includes('|') && !isBlank(reader.at(i))) {
          const row = reader.at(i);
          blocks.push({ kind: 'table-row', start: row.start, end: row.end, contentStart: row.start, contentEnd: row.end, text: row.text, lang: detectLang(row.text), cells: splitCells(text, row), tableId, headerRow: false });
          i++;
        }
        continue;
      }
      // ATX heading.
      const atx = lead === 0x23 ? /^\s{0,3}(#{1,6})(?:\s+|$)/.exec(line.text) : null;
      if (atx) {
        flush();
        blocks.push(...splitBilingualBlock(text, makeBlock(text, 'heading', line.start, line.end, line.start + atx[0].length, { level: atx[1].length })));
        i++;
        continue;
      }
      // Setext heading underline.
      if (para.length === 1 && (lead === 0x3d || lead === 0x2d) && /^\s{0,3}(?:=+|-+)\s*$/.test(line.text) && paraKind === 'paragraph') {
        const level = line.text.trim()[0] === '=' ? 1 : 2;
        const head = para[0];
        para = [];
        blocks.push(...splitBilingualBlock(text, makeBlock(text, 'heading', head.start, head.end, head.start, { level })));
        i++;
        continue;
      }
      // Horizontal rules.
      if ((lead === 0x2d || lead === 0x2a || lead === 0x5f) && /^\s{0,3}(?:[-*_]\s*){3,}$/.test(line.text)) {
        flush();
        i++;
        continue;
      }
    }
    if (lead < 0) {
      flush();
      i++;
      continue;
    }
    const bullet = markdown && (lead === 0x2d || lead === 0x2a || lead === 0x2b) && /^\s*[-*+]\s+/.test(line.text);
    const startsMarker = mayStartMarker(lead) && /^\s*(?:\d{1,3}[.)．、](?!\d)|[（(][\d一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]+、|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条])/.test(line.text);
    if ((bullet || startsMarker) && para.length > 0) flush();
    if (para.length === 0) paraKind = bullet || (markdown && lead >= 0x30 && lead <= 0x39 && /^\s*\d{1,3}[.)]\s/.test(line.text)) ? 'list-item' : 'paragraph';
    para.push(line);
    i++;
  }
  flush();
}


/** The first code unit of `s` that is not \s whitespace, or -1 for a blank line. */
function leadCode(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isJsSpace(c)) return c;
  }
  return -1;
}

/** Whether a line whose first non-space code unit is `c` can open with a structural marker (see startsMarker). */
function mayStartMarker(c: number): boolean {
  if (c >= 0x30 && c <= 0x39) return true; // 1. 1、
  if (c === 0x28 || c === 0xff08) return true; // (1) （一）
  if (c >= 0x2460 && c <= 0x2473) return true; // ①-⑳
  return c === 0x7b2c || ZH_DIGIT_CODES.has(c); // 第 一、
}

const ZH_DIGIT_CODES = new Set(Array.from('一二三四五六七八九十', (ch) => ch.charCodeAt(0)));

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
