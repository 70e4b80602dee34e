// Escaping for text that goes into hover Markdown. Terms and sentences come
// from data and from the user's document, so they must never turn into
// links, emphasis or HTML.
// Only characters that act inside a line are escaped (hyphens, dots and
// brackets stay readable in the raw string); a line-start marker is escaped
// separately.
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~&|]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#+\-=>])/gm, (_m, space: string, marker: string) => `${space}\\${marker}`)
    .replace(/^(\s*\d+)([.)])/gm, (_m, number: string, marker: string) => `${number}\\${marker}`);
}

/** Collapses line breaks and runs of spaces (a wrapped term reads as one line in a hover). */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, (m, offset: number, whole: string) => {
    // Between two Chinese characters a line wrap is no space at all.
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + m.length] ?? '';
    return /[\u3000-\u9fff\uff00-\uffef]/.test(before) && /[\u3000-\u9fff\uff00-\uffef]/.test(after) ? '' : ' ';
  }).replace(/[ \t]{2,}/g, ' ');
}

/** Shortens a long sentence around [start, end), keeping whole words where it can. */
export function excerpt(sentence: string, start: number, end: number, max: number): { text: string; start: number; end: number } {
  if (sentence.length <= max) return { text: sentence, start, end };
  const room = Math.max(0, max - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(sentence.length, from + (end - start) + room);
  from = Math.max(0, Math.min(from, to - max));
  const space = sentence.lastIndexOf(' ', from);
  if (space > 0 && from - space < 20) from = space + 1;
  const prefix = from > 0 ? '…' : '';
  const suffix = to < sentence.length ? '…' : '';
  return {
    text: prefix + sentence.slice(from, to) + suffix,
    start: start - from + prefix.length,
    end: end - from + prefix.length,
  };
}
