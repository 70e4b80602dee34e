// Text edits and the safe automatic fixes of findings.

import type { Finding, TextEdit } from './types';

/**
 * Apply edits to text. Edits are applied in order of position and must not
 * overlap (two insertions at the same offset are allowed and keep their
 * order); an overlap throws, because applying it would corrupt the text.
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map((x) => x.e);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (!(Number.isInteger(e.start) && Number.isInteger(e.end)) || e.start < 0 || e.end < e.start || e.end > text.length) {
      throw new RangeError(`Edit [${e.start}, ${e.end}) is outside the text (length ${text.length}).`);
    }
    if (e.start < pos) throw new RangeError(`Edits overlap at offset ${e.start}.`);
    parts.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/**
 * Apply every fix carried by the findings. Where fixes overlap, the first
 * (by position) wins and the others are left for a later run, so the result
 * is always well-formed.
 */
export function fixAll(text: string, findings: Finding[]): string {
  return applyEdits(text, safeEdits(findings));
}

/** The non-overlapping subset of the findings' fixes, in document order. */
export function safeEdits(findings: Finding[]): TextEdit[] {
  const edits = findings
    .map((f) => f.fix)
    .filter((e): e is TextEdit => e !== undefined)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let pos = -1;
  for (const e of edits) {
    if (e.start < pos || (e.start === pos && kept.length > 0 && kept[kept.length - 1].start === e.start)) continue;
    kept.push(e);
    pos = e.end;
  }
  return kept;
}

const SMALL_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'the', 'to', 'via', 'with',
]);

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isUpper(ch: string): boolean {
  return isCased(ch) && ch === ch.toUpperCase() && ch !== ch.toLowerCase();
}

function hasUpper(s: string): boolean {
  for (const ch of s) if (isUpper(ch)) return true;
  return false;
}

function capitaliseFirst(word: string): string {
  for (let i = 0; i < word.length; i++) {
    if (isCased(word[i])) return word.slice(0, i) + word[i].toUpperCase() + word.slice(i + 1);
  }
  return word;
}

/**
 * Give `replacement` the capitalisation pattern of `original`:
 * ALL CAPS stays all caps ("CARBON PEAKING" -> "PEAK CARBON"; a one-word
 * acronym is left to the canonical's own case), Title Case becomes title case
 * ("Carbon Peaking" -> "Peak Carbon", small words stay lower), a capital first
 * letter (sentence start) capitalises the first letter ("Carbon peaking" ->
 * "Peak carbon"), and lower case keeps the replacement as it is written.
 * Words the replacement already capitalises (proper nouns, acronyms) keep their case.
 */
export function matchCapitalisation(replacement: string, original: string): string {
  // Lower case (and Chinese): the canonical as written. The common case, so decide it cheaply.
  if (original === original.toLowerCase()) return replacement;
  const cased = [...original].filter(isCased);
  if (cased.length === 0) return replacement;
  const words = original.split(/\s+/).filter((w) => [...w].some(isCased));
  const allCaps = cased.every(isUpper);
  if (allCaps && cased.length >= 2 && (words.length >= 2 || !hasUpper(replacement))) return replacement.toUpperCase();

  const firstUpper = isUpper(cased[0]);
  if (!firstUpper) return replacement;
  // An acronym first ("CO2 peaking") says nothing about the sentence: keep the canonical's case.
  const firstWordCased = [...(words[0] ?? '')].filter(isCased);
  if (firstWordCased.length >= 2 && firstWordCased.every(isUpper)) return replacement;

  const significant = words.filter((w, i) => i === 0 || !SMALL_WORDS.has(w.toLowerCase()));
  const titleCase =
    words.length >= 2 &&
    significant.length >= 2 &&
    significant.every((w) => {
      const first = [...w].find(isCased);
      return first !== undefined && isUpper(first);
    });
  if (titleCase) {
    let index = 0;
    return replacement.replace(/[^\s-]+/g, (w) => {
      const i = index++;
      if (hasUpper(w)) return w;
      if (i > 0 && SMALL_WORDS.has(w.toLowerCase())) return w;
      return capitaliseFirst(w);
    });
  }
  return capitaliseFirst(replacement);
}

/** A line break inside a match, with the indentation or blockquote marker that continues the line. */
const WRAP = /[ \t]*(?:\r\n|\n|\r)[ \t>]*/g;

/**
 * Puts the line breaks of a hard-wrapped original back into its one-line
 * replacement, at the spaces nearest their relative positions, so a fix keeps
 * the draft's wrapping ("Paris\nAccord" -> "Paris\nAgreement") instead of
 * joining lines and moving text off a suppressed line.
 */
export function keepLineBreaks(replacement: string, original: string): string {
  const breaks: Array<{ at: number; text: string }> = [];
  for (const m of original.matchAll(WRAP)) breaks.push({ at: (m.index ?? 0) / Math.max(1, original.length), text: m[0] });
  if (breaks.length === 0) return replacement;
  const spaces: number[] = [];
  for (let i = 0; i < replacement.length; i++) if (replacement[i] === ' ') spaces.push(i);
  if (spaces.length === 0) return replacement;
  const chosen = new Map<number, string>();
  for (const b of breaks) {
    let best = -1;
    for (const s of spaces) {
      if (chosen.has(s)) continue;
      if (best < 0 || Math.abs(s / replacement.length - b.at) < Math.abs(best / replacement.length - b.at)) best = s;
    }
    if (best < 0) break;
    chosen.set(best, b.text);
  }
  let out = '';
  for (let i = 0; i < replacement.length; i++) out += chosen.get(i) ?? replacement[i];
  return out;
}
