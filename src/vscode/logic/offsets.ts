// Offset <-> line/character mapping that behaves like VS Code's TextDocument
// (UTF-16 code units, "\r\n", "\n" and "\r" line breaks), for code that works
// on plain text: tree builders, suppression edits, tests. Adapters holding a
// real document use document.positionAt / offsetAt instead.

export interface LinePosition {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset at which each line starts. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[clamp(line, 0, this.starts.length - 1)];
  }

  /** Offset of the end of the line's text, before its line break. */
  lineEnd(line: number): number {
    const l = clamp(line, 0, this.starts.length - 1);
    if (l === this.starts.length - 1) return this.text.length;
    let end = this.starts[l + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** Like TextDocument.positionAt: clamps, and an offset inside "\r\n" maps to the end of that line. */
  positionAt(offset: number): LinePosition {
    const o = clamp(Math.floor(offset), 0, this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    const character = Math.min(o, this.lineEnd(lo)) - this.starts[lo];
    return { line: lo, character };
  }

  /** Like TextDocument.offsetAt: clamps line and character to the line's text. */
  offsetAt(position: LinePosition): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return clamp(start + Math.max(0, position.character), start, this.lineEnd(position.line));
  }

  /** The line break used by the text ("\r\n" if its first break is one), for inserted lines. */
  get eol(): string {
    const first = this.text.search(/\r\n|\n|\r/);
    if (first < 0) return '\n';
    return this.text.startsWith('\r\n', first) ? '\r\n' : this.text[first];
  }
}

/** Moves an offset off the middle of a surrogate pair (to the pair's start). */
export function snapToCodePoint(text: string, offset: number): number {
  const o = clamp(offset, 0, text.length);
  if (o > 0 && o < text.length && isLowSurrogate(text.charCodeAt(o)) && isHighSurrogate(text.charCodeAt(o - 1))) {
    return o - 1;
  }
  return o;
}

/**
 * A slice of `text` around `offset` cut at line boundaries, so that work on a
 * huge document (hover lookup) only looks at the neighbourhood. `base` maps
 * slice offsets back: documentOffset = base + sliceOffset.
 */
export function windowAround(text: string, offset: number, radius: number): { text: string; base: number } {
  if (text.length <= radius * 2) return { text, base: 0 };
  let start = Math.max(0, offset - radius);
  let end = Math.min(text.length, offset + radius);
  // Cut at a line start / line end so a term is never sliced in two by the window itself.
  const lineStart = text.lastIndexOf('\n', start);
  start = lineStart < 0 ? 0 : lineStart + 1;
  const lineEnd = text.indexOf('\n', end);
  end = lineEnd < 0 ? text.length : lineEnd;
  if (end - start > radius * 4) {
    // One enormous line: a hard cut is fine, terms are far shorter than the radius.
    start = Math.max(0, offset - radius);
    end = Math.min(text.length, offset + radius);
  }
  start = snapToCodePoint(text, start);
  end = snapToCodePoint(text, end);
  return { text: text.slice(start, end), base: start };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
