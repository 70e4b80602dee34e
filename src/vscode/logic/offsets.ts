// Offset helpers for the editor adapters. The line index lives in the core
// (src/core/lines.ts) so the CLI and glossary errors count lines the same way.

export { LineIndex, type LinePosition } from '../../core/lines';

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
