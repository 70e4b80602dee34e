// JSON glossaries: the term base's own format
//   { "schemaVersion": 1, "concepts": [ { "id", "zh", "en", ... } ] }
// or a bare array of concepts. Published schema: data/schema/terms.schema.json.
//
// Values come from JSON.parse (fast); only when something is wrong (or a
// caller asks for an entry's line) does jsonc-parser build a tree with
// offsets (./jsonText), so every problem is reported at the line of the
// offending entry or field. Building a tree every time cost 1.2-1.8 s for a
// 10,000-entry file against 0.1-0.3 s for JSON.parse.

import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { Lang, TermForm } from '../types';
import {
  MAX_DEFINITION_LENGTH,
  MAX_ENTRIES,
  cleanForm,
  guessLang,
  normaliseLang,
  termProblem,
  type GlossaryConcept,
  type GlossaryError,
} from './common';
import { firstSyntaxError, nodeStart, parseJsonTree } from './jsonText';
import { validateGlossaryConcepts } from './validate';
import { copyConcept } from './merge';
import { LineIndex, lineColumnAt } from '../lines';

const CONCEPT_KEYS = new Set([
  'id', 'zh', 'en', 'accepted', 'deprecated', 'definition', 'category', 'refs', 'override', '$comment',
]);
const FORM_KEYS = new Set(['text', 'lang', 'note', 'shared', 'caseSensitive', 'inPaper', '$comment']);
const ID_PATTERN = /^[\p{L}\p{N}_][\p{L}\p{N}_.:-]*$/u;

type Path = Array<string | number>;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Maps JSON paths to 1-based lines, building the offset tree on first use. */
class Locator {
  private root: Node | undefined;
  private lines: LineIndex | undefined;
  constructor(private readonly body: string) {}
  lineOf(path: Path): number {
    if (!this.lines) {
      this.root = parseJsonTree(this.body).root;
      this.lines = new LineIndex(this.body);
    }
    if (!this.root) return 1;
    // Shorthand forms have no "text"/"lang" node: fall back on the nearest node that exists.
    const p = [...path];
    let node = findNodeAtLocation(this.root, p);
    while (!node && p.length > 0) {
      p.pop();
      node = findNodeAtLocation(this.root, p);
    }
    return this.lines.positionAt(nodeStart(node ?? this.root)).line + 1;
  }
}

export function parseJsonGlossary(text: string): { concepts: GlossaryConcept[]; errors: GlossaryError[] } {
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text; // keep offsets
  let value: Json;
  try {
    value = JSON.parse(body) as Json;
  } catch {
    return { concepts: [], errors: [syntaxError(body)] };
  }
  const locator = new Locator(body);
  const pending: Array<{ path: Path; message: string }> = [];
  const located = (): GlossaryError[] => pending.map((e) => ({ line: locator.lineOf(e.path), message: e.message }));

  let entries: Json[];
  let prefix: Path = [];
  if (Array.isArray(value)) {
    entries = value;
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      if (key !== 'schemaVersion' && key !== 'concepts' && key !== '$schema' && key !== '$comment') {
        pending.push({ path: [key], message: `unknown top-level field "${key}" (expected "schemaVersion" and "concepts")` });
      }
    }
    if (value.schemaVersion !== undefined && value.schemaVersion !== 1) {
      pending.push({ path: ['schemaVersion'], message: `unsupported schemaVersion ${JSON.stringify(value.schemaVersion)} (this version reads 1)` });
      return { concepts: [], errors: located() };
    }
    const list = value.concepts;
    prefix = ['concepts'];
    if (!Array.isArray(list)) {
      pending.push({ path: list === undefined ? [] : ['concepts'], message: '"concepts" must be an array of concepts' });
      return { concepts: [], errors: located() };
    }
    entries = list;
  } else {
    pending.push({ path: [], message: 'a JSON glossary is an object { "schemaVersion": 1, "concepts": [...] } or an array of concepts' });
    return { concepts: [], errors: located() };
  }
  if (entries.length > MAX_ENTRIES) {
    pending.push({ path: prefix, message: `${entries.length} entries; glossaries are limited to ${MAX_ENTRIES}` });
    return { concepts: [], errors: located() };
  }

  const concepts: GlossaryConcept[] = [];
  const entryIndex: number[] = []; // concepts[i] came from entries[entryIndex[i]]
  const seenIds = new Map<string, number>();
  entries.forEach((entry, index) => {
    const path = [...prefix, index];
    const before = pending.length;
    const concept = readConcept(entry, path, (at, message) => pending.push({ path: at, message }));
    if (concept) {
      const earlier = seenIds.get(concept.id);
      if (earlier !== undefined) {
        pending.push({ path: [...path, 'id'], message: `duplicate id "${concept.id}" (first used on line ${locator.lineOf([...prefix, earlier])})` });
      } else {
        seenIds.set(concept.id, index);
      }
    }
    if (concept && pending.length === before) {
      // The line is worked out only if someone asks (messages, tests).
      Object.defineProperty(concept, 'line', { get: () => locator.lineOf(path), enumerable: false, configurable: true });
      concepts.push(concept);
      entryIndex.push(index);
    }
  });

  // The term base's own rules, placed at the line of the field at fault.
  const checked = validateGlossaryConcepts(
    concepts,
    (i, within) => locator.lineOf([...prefix, entryIndex[i], ...within]),
    (i) => `${label([...prefix, entryIndex[i]])} (id "${concepts[i].id}")`,
  );
  return { concepts: checked.concepts, errors: [...located(), ...checked.errors] };
}

function readConcept(raw: Json, path: Path, report: (at: Path, message: string) => void): GlossaryConcept | undefined {
  if (!isObject(raw)) {
    report(path, `${label(path)}: a concept must be an object`);
    return undefined;
  }
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  const where = id ? `${label(path)} (id "${id}")` : label(path);
  const fail = (field: Path, message: string): void => report([...path, ...field], `${where}: ${message}`);

  for (const key of Object.keys(raw)) {
    if (!CONCEPT_KEYS.has(key)) fail([key], `unknown field "${key}"`);
  }
  if (id === undefined) {
    fail(raw.id !== undefined ? ['id'] : [], raw.id !== undefined ? '"id" must be a string' : 'missing "id"');
  } else if (!ID_PATTERN.test(id) || id.length > 200) {
    fail(['id'], `id "${id.slice(0, 60)}" must be letters, digits, "-", "_", "." or ":" (kebab-case recommended)`);
  }

  const term = (key: 'zh' | 'en'): string | undefined => {
    const v = raw[key];
    if (v === undefined) {
      fail([], `missing preferred ${key === 'zh' ? 'Chinese' : 'English'} term "${key}"`);
      return undefined;
    }
    if (typeof v !== 'string') {
      fail([key], `"${key}" must be a string`);
      return undefined;
    }
    const problem = termProblem(v, `"${key}"`);
    if (problem) {
      fail([key], problem);
      return undefined;
    }
    if (key === 'zh' && guessLang(v) !== 'zh') {
      fail([key], `"zh" has no Chinese characters: "${v}"`);
      return undefined;
    }
    return v;
  };
  const zh = term('zh');
  const en = term('en');

  const forms = (key: 'accepted' | 'deprecated'): TermForm[] => {
    const v = raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      fail([key], `"${key}" must be an array of forms`);
      return [];
    }
    const out: TermForm[] = [];
    v.forEach((formValue, i) => {
      const form = readForm(formValue, (sub, message) => fail([key, i, ...sub], `${key}[${i}]: ${message}`));
      if (form) out.push(form);
    });
    return out;
  };
  const accepted = forms('accepted');
  const deprecated = forms('deprecated');

  const definition = { zh: '', en: '' };
  const def = raw.definition;
  if (typeof def === 'string') {
    // A bare string is a definition in the language it is written in.
    definition[guessLang(def)] = def;
  } else if (isObject(def)) {
    for (const [k, v] of Object.entries(def)) {
      if (k !== 'zh' && k !== 'en') fail(['definition', k], `definition has languages "zh" and "en", not "${k}"`);
      else if (typeof v !== 'string') fail(['definition', k], `definition.${k} must be a string`);
      else if (v.length > MAX_DEFINITION_LENGTH) fail(['definition', k], `definition.${k} is longer than ${MAX_DEFINITION_LENGTH} characters`);
      else definition[k] = v;
    }
  } else if (def !== undefined) {
    fail(['definition'], '"definition" must be { "zh": "...", "en": "..." } or a string');
  }

  let category = '';
  if (raw.category !== undefined) {
    if (typeof raw.category !== 'string' || raw.category.length > 100) fail(['category'], '"category" must be a short string');
    else category = raw.category;
  }

  const refs: string[] = [];
  if (raw.refs !== undefined) {
    if (!Array.isArray(raw.refs) || raw.refs.some((r) => typeof r !== 'string')) fail(['refs'], '"refs" must be an array of paragraph ids (strings)');
    else refs.push(...(raw.refs as string[]));
  }

  let override: boolean | undefined;
  if (raw.override !== undefined) {
    if (typeof raw.override !== 'boolean') fail(['override'], '"override" must be true or false');
    else override = raw.override;
  }

  if (id === undefined || zh === undefined || en === undefined) return undefined;
  const concept: GlossaryConcept = { id, zh, en, accepted, deprecated, definition, category, refs };
  if (override) concept.override = true;
  return concept;
}

function readForm(raw: Json, fail: (sub: Path, message: string) => void): TermForm | undefined {
  if (typeof raw === 'string') {
    // Shorthand: a bare string, its language read off its script.
    const problem = termProblem(raw, 'form');
    if (problem) {
      fail([], problem);
      return undefined;
    }
    return { text: raw, lang: guessLang(raw) };
  }
  if (!isObject(raw)) {
    fail([], 'a form is an object { "text": "...", "lang": "zh" | "en" } or a string');
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (!FORM_KEYS.has(key)) {
      fail([key], `unknown field "${key}"`);
      ok = false;
    }
  }
  const text = raw.text;
  if (typeof text !== 'string') {
    fail(text !== undefined ? ['text'] : [], 'missing "text" (a string)');
    return undefined;
  }
  const problem = termProblem(text, '"text"');
  if (problem) {
    fail(['text'], problem);
    return undefined;
  }
  let lang: Lang = guessLang(text);
  if (raw.lang !== undefined) {
    const mapped = typeof raw.lang === 'string' ? normaliseLang(raw.lang) : undefined;
    if (!mapped) {
      fail(['lang'], `unknown language ${JSON.stringify(raw.lang)} (expected "zh" or "en")`);
      return undefined;
    }
    lang = mapped;
  }
  const form: TermForm = { text, lang };
  for (const key of ['note', 'inPaper'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') {
      fail([key], `"${key}" must be a string`);
      ok = false;
    } else {
      form[key] = v;
    }
  }
  for (const key of ['shared', 'caseSensitive'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') {
      fail([key], `"${key}" must be true or false`);
      ok = false;
    } else {
      form[key] = v;
    }
  }
  return ok ? cleanForm(form) : undefined;
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON.parse failed: jsonc-parser says where and why, in words a translator can act on. */
function syntaxError(body: string): GlossaryError {
  const error = firstSyntaxError(body);
  if (!error) return { line: 1, message: 'JSON syntax error' };
  const { line, column } = lineColumnAt(body, error.offset);
  return { line, column, message: `JSON syntax error: ${error.message}` };
}

function label(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('').replace(/^\[/, 'entry [');
}

/** Serialises a term base in the JSON format (stable key order, 2-space indent). */
export function exportJson(concepts: GlossaryConcept[] | import('../types').Concept[]): string {
  const plain = concepts.map((c) => copyConcept(c));
  return JSON.stringify({ schemaVersion: 1, concepts: plain }, null, 2) + '\n';
}
