// Shared pieces of the glossary readers: limits, error shape, the extended
// concept type a glossary entry may carry, and small text helpers.
//
// Glossary entries are literal strings: nothing here compiles, escapes or
// interprets them, so no glossary can make the matcher hang.

import { LineIndex, lineColumnAt } from '../lines';
import type { Concept, Lang, TermForm } from '../types';

/** A problem in a glossary file. `line` is 1-based (0 when it concerns the whole file). */
export interface GlossaryError {
  line: number;
  column?: number;
  message: string;
}

/**
 * A concept as read from a project glossary. Extends the shared `Concept`
 * (types.ts stays untouched) with what only glossaries need.
 */
export interface GlossaryConcept extends Concept {
  /**
   * With the id of a bundled concept: replace it (canonical forms, accepted,
   * deprecated, definition, category) instead of extending it.
   */
  override?: boolean;
  /**
   * The file gave no id (e.g. a two-column zh,en CSV); the reader made one up.
   * The merge then matches the entry to an existing concept by its canonical
   * zh or en before adding it as new.
   */
  provisionalId?: boolean;
  /** 1-based line of the entry in its file, for messages. */
  line?: number;
}

export const MAX_TERM_LENGTH = 200;
export const MAX_ENTRIES = 100_000;
/** Larger files are refused before parsing (our own TBX export of 100k entries is ~100 M characters). */
export const MAX_FILE_CHARS = 128 * 1024 * 1024;
/** Larger files cannot hold MAX_FILE_CHARS characters of UTF-8 and are refused before reading. */
export const MAX_FILE_BYTES = 4 * MAX_FILE_CHARS;
export const MAX_DEFINITION_LENGTH = 10_000;

/** Errors for a whole file that cannot be a glossary, or undefined. */
export function checkWholeFile(text: string): GlossaryError | undefined {
  if (text.length > MAX_FILE_CHARS) {
    return { line: 0, message: `file is ${text.length} characters; glossaries are limited to ${MAX_FILE_CHARS}` };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const { line, column } = lineColumnAt(text, nul);
    return { line, column, message: 'file contains NUL characters: it looks like a binary file, not a glossary' };
  }
  return undefined;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

/** Language of a bare string form: any Han character makes it Chinese. */
export function guessLang(text: string): Lang {
  return HAN.test(text) ? 'zh' : 'en';
}

/**
 * Maps a language tag from a glossary (BCP 47 as TBX/CSV tools write it) to
 * our two languages: zh, zh-CN, zh-Hans, zh-Hans-CN, zh-SG, cmn -> zh;
 * en, en-US, en-GB, ... -> en. Traditional Chinese (zh-TW, zh-HK, zh-Hant)
 * is not the paper's script and is refused, like any other language.
 */
export function normaliseLang(tag: string): Lang | undefined {
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (t === 'zh' || t === 'cmn' || t === 'zho' || t === 'chi' || t === 'chinese' || t === 'zh-cn' || t === 'zh-sg' ||
      t.startsWith('zh-hans') || t.startsWith('cmn-hans') || t === 'zh-chs') {
    return 'zh';
  }
  if (t === 'en' || t === 'eng' || t === 'english' || /^en-[a-z0-9-]+$/.test(t)) return 'en';
  return undefined;
}

/** Checks one term string; returns a message or undefined. */
export function termProblem(text: string, what: string): string | undefined {
  if (text.trim() === '') return `${what} is empty`;
  if (text.length > MAX_TERM_LENGTH) {
    return `${what} is ${text.length} characters long (limit ${MAX_TERM_LENGTH}): "${text.slice(0, 40)}…"`;
  }
  if (/[\r\n]/.test(text)) return `${what} contains a line break: "${text.slice(0, 40)}"`;
  return undefined;
}

/** Makes a kebab-case id out of a term (for entries that come without one). */
export function slugId(en: string, zh: string): string {
  const slug = en
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  if (slug) return slug;
  // No Latin letters at all: fall back on the code points of the Chinese form.
  return 'zh-' + Array.from(zh).map((c) => c.codePointAt(0)!.toString(16)).join('-').slice(0, 60);
}

/**
 * `base` if `taken` lacks it, else `${base}-${n}` with the least n >= 2 not
 * taken. `next` remembers, per base, where the search for a free n starts:
 * ids are only ever added, so every n below it is still taken, and a
 * glossary with thousands of rows for one term stays linear.
 */
export function uniqueSuffixed(base: string, taken: { has(id: string): boolean }, next: Map<string, number>): string {
  if (!taken.has(base)) return base;
  let n = next.get(base) ?? 2;
  while (taken.has(`${base}-${n}`)) n++;
  next.set(base, n + 1);
  return `${base}-${n}`;
}

export function emptyConcept(id: string, zh: string, en: string): GlossaryConcept {
  return { id, zh, en, accepted: [], deprecated: [], definition: { zh: '', en: '' }, category: '', refs: [] };
}

/** Copies a form without undefined-valued keys (so deepEqual round trips hold). */
export function cleanForm(form: TermForm): TermForm {
  const out: TermForm = { text: form.text, lang: form.lang };
  if (form.note !== undefined && form.note !== '') out.note = form.note;
  if (form.shared) out.shared = true;
  if (form.caseSensitive) out.caseSensitive = true;
  if (form.inPaper !== undefined && form.inPaper !== '') out.inPaper = form.inPaper;
  return out;
}

/**
 * Bytes of a glossary file -> text. UTF-8 (with or without BOM) and UTF-16
 * with a BOM (Excel's "Unicode Text" export) are read; anything else gets a
 * message instead of mojibake.
 */
export function decodeGlossaryBytes(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: 'not valid UTF-8; save the glossary as UTF-8 (in Excel: "CSV UTF-8"), not GBK/ANSI' };
  }
}

/** 1-based line of the first occurrence of `needle` in `text` (literal search), or 0. */
export function firstLineContaining(text: string, needle: string): number {
  if (!needle) return 0;
  const at = text.indexOf(needle);
  return at < 0 ? 0 : lineColumnAt(text, at).line;
}

/** What separates values in JSON, CSV, TSV and TBX text: quotes, commas, tabs, tags, line breaks. */
const VALUE_DELIMITERS = new Set(Array.from('"\',;\t<>|\r\n', (ch) => ch.charCodeAt(0)));

/**
 * Lines of many renderings or ids in one glossary's text, for placing
 * conflict and merge messages: the first line where the needle stands as a
 * whole value (between delimiters, surrounding spaces aside), else the first
 * line containing it, else 0. One scan of the text serves every whole-value
 * lookup: a search of the whole text per message took minutes for two
 * glossaries sharing 10 000 renderings.
 */
export class GlossaryLineFinder {
  private lines: LineIndex | undefined;
  private values: Map<string, number> | undefined;
  private readonly searched = new Map<string, number>();

  constructor(private readonly text: string) {}

  lineOf(needle: string): number {
    if (!needle) return 0;
    const values = (this.values ??= this.indexValues());
    let at = values.get(needle);
    if (at === undefined) {
      // Not a whole value (it holds a delimiter, or only occurs inside a longer text).
      at = this.searched.get(needle);
      if (at === undefined) this.searched.set(needle, (at = this.text.indexOf(needle)));
    }
    if (at < 0) return 0;
    this.lines ??= new LineIndex(this.text);
    return this.lines.positionAt(at).line + 1;
  }

  /** Each value's first offset, as written and trimmed. */
  private indexValues(): Map<string, number> {
    const values = new Map<string, number>();
    const text = this.text;
    let start = 0;
    const add = (from: number, to: number) => {
      if (to <= from) return;
      const raw = text.slice(from, to);
      if (!values.has(raw)) values.set(raw, from);
      const trimmed = raw.trim();
      if (trimmed !== raw && trimmed !== '' && !values.has(trimmed)) values.set(trimmed, from + raw.indexOf(trimmed));
    };
    for (let i = 0; i < text.length; i++) {
      if (VALUE_DELIMITERS.has(text.charCodeAt(i))) {
        add(start, i);
        start = i + 1;
      }
    }
    add(start, text.length);
    return values;
  }
}
