// A fast line-based Markdown scanner that says which parts of a document hold
// prose to check. It gives source offsets directly and allocates nothing per
// character, which the big-file targets need; a full CommonMark parser (with
// an AST) would cost an order of magnitude more for the same answer.
//
// Skipped: front matter (--- YAML --- at the very top), fenced code (``` and
// ~~~, at any indentation, also inside lists and blockquotes), indented code
// blocks (4+ columns after a blank line, outside lists), inline code spans,
// HTML comments (also multi-line), HTML tags and autolinks (<...>), bare URLs
// (http://, https://, www.), link destinations ("](...)"), reference labels
// ("][...]") and reference definitions ("[x]: url").
// Checked: paragraphs, headings, list items, tables, blockquotes, emphasis,
// link text and image alt text.
//
// Known limits (documented, deliberate): code spans and inline constructs are
// recognised within one line only; HTML blocks are read as text (only their
// tags are skipped); a setext underline or a table delimiter row is just
// punctuation; a lazy continuation line is treated like any continuation.

/** Segment flag: the segment continues the previous one across a line break in the same paragraph. */
export const SEGMENT_JOIN = 1;

/**
 * Checkable segments as flat triples [start, end, flags] (`count` triples).
 * Segments are in document order and never contain a line break; a segment
 * flagged SEGMENT_JOIN continues the previous segment's paragraph (a term may
 * span the gap), any other segment starts afresh.
 */
export interface Segments {
  data: Int32Array;
  count: number;
}

const BACKTICK = 0x60;
const TILDE = 0x7e;
const LT = 0x3c;
const GT = 0x3e;
const RBRACKET = 0x5d;
const LBRACKET = 0x5b;
const LPAREN = 0x28;
const RPAREN = 0x29;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;

/**
 * Where the next inline construct to skip may start: a backtick, "<", "]",
 * or the first letter of a bare URL (http://, https://, www.). One cursor per
 * kind, kept for the whole scan: the native string search jumps over the
 * plain text between them, and a cursor only moves forward, so the scan stays
 * linear however the lines are laid out. -2: not searched yet; -1: none left.
 */
class InlineStarts {
  private backtick = -2;
  private lt = -2;
  private rbracket = -2;
  private http = -2;
  private www = -2;

  constructor(private readonly text: string) {}

  /** The first position at or after `i` where a construct may start, or -1. */
  next(i: number): number {
    const text = this.text;
    if (this.backtick !== -1 && this.backtick < i) this.backtick = text.indexOf('`', i);
    if (this.lt !== -1 && this.lt < i) this.lt = text.indexOf('<', i);
    if (this.rbracket !== -1 && this.rbracket < i) this.rbracket = text.indexOf(']', i);
    if (this.http !== -1 && this.http < i) this.http = this.httpFrom(i);
    if (this.www !== -1 && this.www < i) this.www = text.indexOf('www.', i);
    let first = -1;
    for (const at of [this.backtick, this.lt, this.rbracket, this.http, this.www]) if (at >= 0 && (first < 0 || at < first)) first = at;
    return first;
  }

  /** The first "http://" or "https://" starting at or after `i`. */
  private httpFrom(i: number): number {
    const text = this.text;
    for (let q = text.indexOf('://', i + 4); q >= 0; q = text.indexOf('://', q + 1)) {
      if (q - 5 >= i && text.startsWith('https', q - 5)) return q - 5;
      if (q - 4 >= i && text.startsWith('http', q - 4)) return q - 4;
    }
    return -1;
  }
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** First index of `code` in [from, end), or -1: searches stay within the line, so they stay linear. */
function indexInLine(text: string, code: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

function isUrlEnd(c: number): boolean {
  return c === SPACE || c === TAB || c === LT || c === GT || c === LF || c === CR || c === 0x3000 || c > 0x2e7f;
}

class SegmentWriter {
  data = new Int32Array(3 * 256);
  count = 0;
  push(start: number, end: number, flags: number): void {
    if (end <= start) return;
    let n = this.count * 3;
    if (n + 3 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[n++] = start;
    this.data[n++] = end;
    this.data[n] = flags;
    this.count++;
  }
}

/** End of the front matter block (offset after its closing line), or 0 when there is none. */
export function frontMatterEnd(text: string): number {
  let p = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', p)) return 0;
  let eol = text.indexOf('\n', p);
  if (eol < 0 || text.slice(p + 3, eol).trim() !== '') return 0;
  p = eol + 1;
  while (p < text.length) {
    eol = text.indexOf('\n', p);
    const lineEnd = eol < 0 ? text.length : eol;
    const line = text.slice(p, lineEnd).trim();
    if (line === '---' || line === '...') return eol < 0 ? text.length : eol + 1;
    if (eol < 0) break;
    p = eol + 1;
  }
  return 0;
}

/**
 * Scan [from, to) of a Markdown document. `from` must be a line start outside
 * any code block, comment or front matter (front matter is only recognised
 * when from is 0); incremental callers pass whole paragraphs.
 */
export function scanMarkdown(text: string, from = 0, to = text.length): Segments {
  const out = new SegmentWriter();
  const starts = new InlineStarts(text);
  let pos = from;
  if (from === 0) pos = frontMatterEnd(text);
  let fenceChar = 0;
  let fenceLen = 0;
  let inComment = false;
  let prevContent = false; // previous line was paragraph text that this line may continue
  let prevBlank = true;
  let inList = false;

  while (pos < to) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const next = lineEnd + 1;
    let end = lineEnd;
    if (end > pos && text.charCodeAt(end - 1) === CR) end--;
    let p = pos;

    if (inComment) {
      const close = text.indexOf('-->', p);
      if (close < 0 || close >= to) break; // the rest is comment
      if (close + 3 > end) {
        // Jump straight to the line where the comment closes.
        pos = text.lastIndexOf('\n', close) + 1;
        if (pos <= p) pos = next;
        continue;
      }
      inComment = false;
      p = close + 3;
      prevContent = false;
    }

    // Indentation and blockquote markers.
    let indent = 0;
    let quoted = false;
    for (;;) {
      const c = text.charCodeAt(p);
      if (p >= end) break;
      if (c === SPACE) {
        indent++;
        p++;
      } else if (c === TAB) {
        indent += 4 - (indent % 4);
        p++;
      } else if (c === GT && !inComment) {
        quoted = true;
        indent = 0;
        p++;
      } else break;
    }

    if (fenceChar !== 0) {
      let q = p;
      while (q < end && text.charCodeAt(q) === fenceChar) q++;
      if (q - p >= fenceLen && text.slice(q, end).trim() === '') fenceChar = 0;
      pos = next;
      continue;
    }

    if (p >= end) {
      // Blank line (possibly just ">" markers): a paragraph break.
      prevContent = false;
      prevBlank = true;
      pos = next;
      continue;
    }

    const first = text.charCodeAt(p);
    if (indent >= 4 && !inList && !prevContent && !quoted) {
      // Indented code block.
      pos = next;
      continue;
    }
    if (!quoted && indent === 0 && prevBlank && inList && !isListMarker(text, p, end)) inList = false;

    if (first === BACKTICK || first === TILDE) {
      let q = p;
      while (q < end && text.charCodeAt(q) === first) q++;
      if (q - p >= 3 && (first === TILDE || indexInLine(text, BACKTICK, q, end) < 0)) {
        fenceChar = first;
        fenceLen = q - p;
        prevContent = false;
        prevBlank = false;
        pos = next;
        continue;
      }
    }

    if (first === LBRACKET && isReferenceDefinition(text, p, end)) {
      prevContent = false;
      prevBlank = false;
      pos = next;
      continue;
    }

    let newBlock = false;
    let heading = false;
    if (first === HASH) {
      let q = p;
      while (q < end && text.charCodeAt(q) === HASH) q++;
      if (q - p <= 6 && (q === end || isSpaceOrTab(text.charCodeAt(q)))) {
        heading = true;
        newBlock = true;
        p = q;
      }
    } else {
      const afterMarker = listMarkerEnd(text, p, end);
      if (afterMarker > 0) {
        newBlock = true;
        inList = true;
        p = afterMarker;
      }
    }
    if (isThematicBreak(text, p, end)) {
      prevContent = false;
      prevBlank = false;
      pos = next;
      continue;
    }

    const closedComment = scanInline(text, p, end, prevContent && !newBlock ? SEGMENT_JOIN : 0, out, starts);
    if (closedComment) inComment = true;
    prevContent = !heading && !closedComment;
    prevBlank = false;
    pos = next;
  }
  return { data: out.data, count: out.count };
}

function isListMarker(text: string, p: number, end: number): boolean {
  return listMarkerEnd(text, p, end) > 0;
}

/** Offset after a list marker ("- ", "* ", "+ ", "1. ", "1) ", plus "[ ] " / "[x] "), or 0. */
function listMarkerEnd(text: string, p: number, end: number): number {
  const c = text.charCodeAt(p);
  let q = p;
  if (c === 0x2d || c === 0x2a || c === 0x2b) {
    q = p + 1;
  } else if (c >= 0x30 && c <= 0x39) {
    while (q < end && q - p < 9 && text.charCodeAt(q) >= 0x30 && text.charCodeAt(q) <= 0x39) q++;
    const d = text.charCodeAt(q);
    if (d !== 0x2e && d !== RPAREN) return 0;
    q++;
  } else return 0;
  if (q < end) {
    const s = text.charCodeAt(q);
    if (!isSpaceOrTab(s)) return 0;
  }
  while (q < end && isSpaceOrTab(text.charCodeAt(q))) q++;
  if (text.charCodeAt(q) === LBRACKET && text.charCodeAt(q + 2) === RBRACKET && text.charCodeAt(q + 3) === SPACE) {
    const box = text.charCodeAt(q + 1);
    if (box === SPACE || box === 0x78 || box === 0x58) q += 4;
  }
  return q;
}

/**
 * One test for space or tab everywhere: its comparisons then gather type
 * feedback from every caller, so a rare path (a list marker not followed by a
 * space) does not send the optimised document scan back to slow code.
 */
function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isThematicBreak(text: string, p: number, end: number): boolean {
  const c = text.charCodeAt(p);
  if (c !== 0x2d && c !== 0x2a && c !== 0x5f && c !== 0x3d) return false;
  let n = 0;
  for (let q = p; q < end; q++) {
    const d = text.charCodeAt(q);
    if (d === c) n++;
    else if (!isSpaceOrTab(d)) return false;
  }
  return n >= 3 || (c === 0x3d && n >= 1);
}

function isReferenceDefinition(text: string, p: number, end: number): boolean {
  const close = indexInLine(text, RBRACKET, p + 1, end);
  return close > p + 1 && close + 1 < end && text.charCodeAt(close + 1) === 0x3a;
}

/**
 * Emit the checkable pieces of one line's content [p, end). The first piece
 * carries `firstFlags`; pieces after a skipped construct start afresh.
 * Returns true when an HTML comment opens and does not close on this line.
 */
function scanInline(text: string, p: number, end: number, firstFlags: number, out: SegmentWriter, starts: InlineStarts): boolean {
  let segStart = p;
  let flags = firstFlags;
  let i = p;
  // Next ">" and "]" on the line, remembered: searches only move forward, so
  // a long line full of "<a" or "][" stays linear. -2: not searched yet; -1: none.
  let nextGt = -2;
  let nextBracket = -2;
  while (i < end) {
    i = starts.next(i);
    if (i < 0 || i >= end) break;
    const c = text.charCodeAt(i);
    let skipTo = -1;
    if (c === BACKTICK) {
      let q = i;
      while (q < end && text.charCodeAt(q) === BACKTICK) q++;
      const run = q - i;
      // Find a closing run of exactly the same length on this line.
      let r = q;
      for (;;) {
        const found = indexInLine(text, BACKTICK, r, end);
        if (found < 0) break;
        let e = found;
        while (e < end && text.charCodeAt(e) === BACKTICK) e++;
        if (e - found === run) {
          skipTo = e;
          break;
        }
        r = e;
      }
      if (skipTo < 0) {
        i = q;
        continue;
      }
    } else if (c === LT) {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close < 0 || close + 3 > end) {
          out.push(segStart, i, flags);
          return true;
        }
        skipTo = close + 3;
      } else {
        const d = text.charCodeAt(i + 1);
        if (isAsciiAlnum(d) || d === 0x2f) {
          if (nextGt === -2 || (nextGt >= 0 && nextGt <= i)) nextGt = indexInLine(text, GT, i + 1, end);
          if (nextGt >= 0) skipTo = nextGt + 1;
        }
      }
    } else if (c === RBRACKET) {
      const d = text.charCodeAt(i + 1);
      if (d === LPAREN) {
        // The destination runs to the matching ")" (or the line end: then the rest is skipped, so
        // this scan happens once per line at most).
        let depth = 0;
        let q = i + 1;
        for (; q < end; q++) {
          const e = text.charCodeAt(q);
          if (e === LPAREN) depth++;
          else if (e === RPAREN && --depth === 0) break;
        }
        skipTo = q < end ? q + 1 : end;
      } else if (d === LBRACKET) {
        if (nextBracket === -2 || (nextBracket >= 0 && nextBracket < i + 2)) nextBracket = indexInLine(text, RBRACKET, i + 2, end);
        if (nextBracket >= 0) skipTo = nextBracket + 1;
      }
    } else {
      // Bare URL: http://, https://, www. (not inside a word). 'h' and 'w' are
      // frequent in English, so reject with one character test first.
      let urlLen = 0;
      if (c === 0x68) {
        if (text.charCodeAt(i + 1) === 0x74 && text.charCodeAt(i + 2) === 0x74 && text.charCodeAt(i + 3) === 0x70) {
          if (text.startsWith('://', i + 4)) urlLen = 7;
          else if (text.startsWith('s://', i + 4)) urlLen = 8;
        }
      } else if (text.charCodeAt(i + 1) === 0x77 && text.charCodeAt(i + 2) === 0x77 && text.charCodeAt(i + 3) === 0x2e) {
        urlLen = 4;
      }
      if (urlLen > 0 && !isAsciiAlnum(i > 0 ? text.charCodeAt(i - 1) : SPACE)) {
        let q = i + urlLen;
        while (q < end && !isUrlEnd(text.charCodeAt(q))) q++;
        skipTo = q;
      }
    }
    if (skipTo < 0) {
      i++;
      continue;
    }
    out.push(segStart, c === RBRACKET ? i + 1 : i, flags);
    flags = 0;
    i = skipTo;
    segStart = i;
  }
  out.push(segStart, end, flags);
  return false;
}

/** Checkable ranges of a Markdown document, as [start, end) pairs (one or more per line). */
export function checkableRanges(text: string): Array<[number, number]> {
  const { data, count } = scanMarkdown(text);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) ranges.push([data[3 * i], data[3 * i + 1]]);
  return ranges;
}

// ---------------------------------------------------------------- suppressions

export interface SuppressionDirective {
  kind: 'disable-next-line' | 'disable' | 'enable';
  /** Rules named in the comment; empty means all rules. */
  rules: string[];
  /** Offsets of the whole comment. */
  start: number;
  end: number;
}

export interface Suppressions {
  directives: SuppressionDirective[];
  /** Whether `rule` is suppressed for a finding starting at `offset`. */
  isSuppressed(rule: string, offset: number): boolean;
}

// One line, no ">" and at most 400 characters before the closing "-->": an unclosed
// directive costs one short look, not a scan to the end of the text.
const DIRECTIVE = /<!--[ \t]*carbon-lexicon-(disable-next-line|disable|enable)\b([^>\n]{0,400}?)-->/g;

/**
 * Suppression comments: `<!-- carbon-lexicon-disable-next-line [rule ...] -->`,
 * `<!-- carbon-lexicon-disable [rule ...] -->` ... `<!-- carbon-lexicon-enable [rule ...] -->`.
 * No rule means all rules. Works in Markdown and plain text alike.
 */
export function parseSuppressions(text: string): Suppressions {
  const directives: SuppressionDirective[] = [];
  if (text.indexOf('carbon-lexicon-') >= 0) {
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
      const rules = m[2]
        .split(/[\s,]+/)
        .map((r) => r.trim())
        .filter((r) => r !== '' && r !== '--');
      directives.push({
        kind: m[1] as SuppressionDirective['kind'],
        rules,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  }
  if (directives.length === 0) return { directives, isSuppressed: () => false };

  // disable/enable become ranges; disable-next-line becomes the range of the next line.
  const ranges: Array<{ start: number; end: number; rules: string[] | null }> = [];
  const open = new Map<string, number>(); // rule ('*' for all) -> start offset
  for (const d of directives) {
    if (d.kind === 'disable-next-line') {
      const nl = text.indexOf('\n', d.end);
      if (nl < 0) continue;
      let lineEnd = text.indexOf('\n', nl + 1);
      if (lineEnd < 0) lineEnd = text.length;
      ranges.push({ start: nl + 1, end: lineEnd, rules: d.rules.length ? d.rules : null });
    } else if (d.kind === 'disable') {
      for (const r of d.rules.length ? d.rules : ['*']) if (!open.has(r)) open.set(r, d.end);
    } else {
      const names = d.rules.length ? d.rules : [...open.keys()];
      for (const r of names) {
        const start = open.get(r);
        if (start === undefined) continue;
        ranges.push({ start, end: d.start, rules: r === '*' ? null : [r] });
        open.delete(r);
      }
    }
  }
  for (const [r, start] of open) ranges.push({ start, end: text.length, rules: r === '*' ? null : [r] });

  // Merged, sorted intervals per rule ('*': all rules): a lookup is a binary search,
  // not a pass over every range for every finding.
  const byRule = new Map<string, Array<[number, number]>>();
  for (const r of ranges) {
    if (r.end <= r.start) continue;
    for (const name of r.rules ?? ['*']) {
      let list = byRule.get(name);
      if (!list) byRule.set(name, (list = []));
      list.push([r.start, r.end]);
    }
  }
  for (const [name, list] of byRule) byRule.set(name, mergeIntervals(list));
  return {
    directives,
    isSuppressed(rule: string, offset: number): boolean {
      return inIntervals(byRule.get('*'), offset) || inIntervals(byRule.get(rule), offset);
    },
  };
}

function mergeIntervals(list: Array<[number, number]>): Array<[number, number]> {
  list.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of list) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function inIntervals(list: Array<[number, number]> | undefined, offset: number): boolean {
  if (!list) return false;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid][1] <= offset) lo = mid + 1;
    else if (list[mid][0] > offset) hi = mid - 1;
    else return true;
  }
  return false;
}
