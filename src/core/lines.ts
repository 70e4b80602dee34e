// Offset <-> line/character mapping that behaves like VS Code's TextDocument
// (UTF-16 code units; "\r\n", "\n" and "\r" line breaks), shared by the CLI's
// line/column output, glossary error lines and the editor adapters that work
// on plain text (a closed partner file, tree builders, suppression edits).

export interface LinePosition {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset at which each line starts. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    // Most texts have no CR at all: then the native search for LF finds every
    // line start far faster than a loop over the code units.
    if (!text.includes('\r')) {
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) this.starts.push(nl + 1);
      return;
    }
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

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * 1-based line and column (UTF-16 code units) of an offset, for messages:
 * "\r\n", "\n" and a lone "\r" each end a line, as in the editor. Builds an
 * index for one lookup: for many, keep a LineIndex.
 */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const { line, character } = new LineIndex(text).positionAt(offset);
  return { line: line + 1, column: character + 1 };
}
