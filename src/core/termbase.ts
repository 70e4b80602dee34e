// Validation of a term base (the bundled data/terms.json or a user's file in
// the same shape). Hand-written rather than JSON Schema so every message can
// name the entry a translator has to fix: `concepts[12] (id "peak-carbon"): ...`.
// Broken entries are dropped from the returned base, the rest stays usable.

import type { Concept, Lang, TermBase, TermForm } from './types';

/** A concept's canonical rendering in one language: the form every fix and suggestion uses. */
export function canonicalFor(concept: Pick<Concept, 'zh' | 'en'>, lang: Lang): string {
  return lang === 'zh' ? concept.zh : concept.en;
}

export interface TermBaseError {
  /** JSON path of the offending value, e.g. `concepts[12].accepted[1].lang`. */
  path: string;
  conceptId?: string;
  message: string;
}

export const KNOWN_CATEGORIES = [
  'goals',
  'international',
  'institutions',
  'documents',
  'principles',
  'set-phrases',
  'policy-terms',
  'energy-industry',
] as const;

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CONCEPT_KEYS = new Set(['id', 'zh', 'en', 'accepted', 'deprecated', 'definition', 'category', 'refs', '$comment']);
const FORM_KEYS = new Set(['text', 'lang', 'note', 'shared', 'caseSensitive', 'inPaper', '$comment']);
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length === 0 ? 'an empty string' : `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** What renderingKey folds: curly or prime quotes, dash variants, and any whitespace but a single space. */
const RENDERING_VARIANTS = /[\u2018\u2019\u201a\u201b\u2032\u02bc\uff07\u201c\u201d\u201e\u201f\u2033\uff02\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d]|[^\S ]|  /;

/**
 * Key under which two renderings count as the same string for the matcher:
 * case (unless caseSensitive), quote style, hyphen variants and whitespace
 * runs do not distinguish renderings.
 */
export function renderingKey(text: string, caseSensitive = false): string {
  // Most renderings have none of the variants below: one test instead of four replacements
  // (this runs several times per form of every glossary entry).
  if (!RENDERING_VARIANTS.test(text)) {
    const s = text.trim();
    return caseSensitive ? s : s.toLowerCase();
  }
  let s = text
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc\uff07]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\uff02]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  if (!caseSensitive) s = s.toLowerCase();
  return s;
}

export function validateTermBase(json: unknown, sourceName: string): { base: TermBase; errors: TermBaseError[] } {
  const errors: TermBaseError[] = [];
  const concepts: Concept[] = [];
  const report = (path: string, entry: string, message: string, conceptId?: string): void => {
    errors.push({ path, conceptId, message: `${sourceName}: ${entry}${entry ? ': ' : ''}${message}` });
  };

  if (!isRecord(json)) {
    report('', '', `a term base must be an object { "schemaVersion": 1, "concepts": [...] }, got ${describe(json)}`);
    return { base: { schemaVersion: 1, concepts }, errors };
  }
  if (json.schemaVersion !== 1) {
    report('schemaVersion', '', `schemaVersion must be 1, got ${describe(json.schemaVersion)}`);
    return { base: { schemaVersion: 1, concepts }, errors };
  }
  for (const key of Object.keys(json)) {
    if (key !== 'schemaVersion' && key !== 'concepts' && key !== '$schema' && key !== '$comment') {
      report(key, '', `unknown top-level field "${key}"`);
    }
  }
  if (!Array.isArray(json.concepts)) {
    report('concepts', '', `"concepts" must be an array, got ${describe(json.concepts)}`);
    return { base: { schemaVersion: 1, concepts }, errors };
  }

  const seenIds = new Map<string, number>();
  // Rendering key -> its claims, to find one rendering claimed by two concepts. Most renderings
  // have one claim: it is stored alone, and a list is made only on a second claim. A claim's
  // description ("concepts[3] (id "x") accepted[0]") is spelt out only for a message.
  interface Claim {
    index: number;
    id: string;
    shared: boolean;
    field: string;
  }
  const owners = new Map<string, Claim | Claim[]>();
  const entryOf = (index: number, id: string | undefined) => (id !== undefined ? `concepts[${index}] (id "${id}")` : `concepts[${index}]`);
  const describeClaim = (c: Claim) => `${entryOf(c.index, c.id)} ${c.field}`;

  json.concepts.forEach((raw: unknown, index: number) => {
    if (!isRecord(raw)) {
      const at = `concepts[${index}]`;
      report(at, at, `a concept must be an object, got ${describe(raw)}`);
      return;
    }
    const rawId = raw.id;
    const id = isNonEmptyString(rawId) ? rawId : undefined;
    const before = errors.length;
    const fail = (field: string, message: string): void => report(`concepts[${index}]${field ? '.' + field : ''}`, entryOf(index, id), message, id);

    if (rawId === undefined) fail('id', 'missing "id"');
    else if (id === undefined) fail('id', `"id" must be a non-empty string, got ${describe(rawId)}`);
    else if (!KEBAB_ID.test(id)) fail('id', `"id" must be kebab-case (lower-case letters, digits and single hyphens), got "${id}"`);
    else if (seenIds.has(id)) fail('id', `duplicate id "${id}" (first used by concepts[${seenIds.get(id)}])`);
    if (id !== undefined && !seenIds.has(id)) seenIds.set(id, index);

    for (const key of Object.keys(raw)) {
      if (!CONCEPT_KEYS.has(key)) fail(key, `unknown field "${key}"`);
    }
    for (const lang of ['zh', 'en'] as const) {
      const value = raw[lang];
      if (value === undefined) fail(lang, `missing "${lang}"`);
      else if (!isNonEmptyString(value)) fail(lang, `"${lang}" must be a non-empty string, got ${describe(value)}`);
      else if (value !== value.trim() || /[\r\n]/.test(value)) fail(lang, `"${lang}" must be one line without surrounding spaces`);
      else if (lang === 'zh' && !HAN.test(value)) fail(lang, `"zh" must contain Chinese characters, got "${value}"`);
      else if (lang === 'en' && HAN.test(value)) fail(lang, `"en" must not contain Chinese characters, got "${value}"`);
    }
    const definition = raw.definition;
    if (definition === undefined) fail('definition', 'missing "definition" ({ "zh": ..., "en": ... })');
    else if (!isRecord(definition)) fail('definition', `"definition" must be an object { "zh", "en" }, got ${describe(definition)}`);
    else {
      for (const lang of ['zh', 'en'] as const) {
        if (!isNonEmptyString(definition[lang])) fail(`definition.${lang}`, `definition.${lang} must be a non-empty string, got ${describe(definition[lang])}`);
      }
    }
    if (raw.category === undefined) fail('category', 'missing "category"');
    else if (!isNonEmptyString(raw.category)) fail('category', `"category" must be a non-empty string, got ${describe(raw.category)}`);
    let refs: string[] = [];
    if (raw.refs !== undefined) {
      if (!Array.isArray(raw.refs)) fail('refs', `"refs" must be an array of paragraph ids, got ${describe(raw.refs)}`);
      else {
        raw.refs.forEach((ref: unknown, i: number) => {
          if (!isNonEmptyString(ref)) fail(`refs[${i}]`, `refs[${i}] must be a paragraph id string, got ${describe(ref)}`);
        });
        refs = raw.refs.filter(isNonEmptyString);
      }
    }
    if (errors.length > before) return; // the concept itself is unusable

    const zhKey = renderingKey(raw.zh as string);
    const enKey = renderingKey(raw.en as string);
    const forms: Record<'accepted' | 'deprecated', TermForm[]> = { accepted: [], deprecated: [] };
    let seenInConcept: Map<string, string> | undefined; // made when the concept has forms
    for (const list of ['accepted', 'deprecated'] as const) {
      const value = raw[list];
      if (value === undefined) continue;
      const seen = (seenInConcept ??= new Map([
        [zhKey, 'zh'],
        [enKey, 'en'],
      ]));
      if (!Array.isArray(value)) {
        fail(list, `"${list}" must be an array of forms, got ${describe(value)}`);
        continue;
      }
      value.forEach((rawForm: unknown, i: number) => {
        const where = `${list}[${i}]`;
        const form = checkForm(rawForm, where, list === 'deprecated', (field, message) => fail(field, message));
        if (!form) return;
        const key = renderingKey(form.text, form.caseSensitive);
        const clash = seen.get(key) ?? seen.get(renderingKey(form.text));
        if (clash !== undefined) {
          fail(`${where}.text`, `${where}.text "${form.text}" repeats ${clash === 'zh' || clash === 'en' ? `the canonical "${clash}"` : clash} of the same concept`);
          return;
        }
        seen.set(key, where);
        forms[list].push(form);
      });
    }

    const concept: Concept = {
      id: id as string,
      zh: raw.zh as string,
      en: raw.en as string,
      accepted: forms.accepted,
      deprecated: forms.deprecated,
      definition: { zh: (definition as Record<string, string>).zh, en: (definition as Record<string, string>).en },
      category: raw.category as string,
      refs,
    };
    concepts.push(concept);
    const claim = (key: string, shared: boolean, field: string): void => {
      const c: Claim = { index, id: concept.id, shared, field };
      const held = owners.get(key);
      if (held === undefined) owners.set(key, c);
      else if (Array.isArray(held)) held.push(c);
      else owners.set(key, [held, c]);
    };
    claim(zhKey, false, 'zh');
    claim(enKey, false, 'en');
    for (const list of ['accepted', 'deprecated'] as const) {
      concept[list].forEach((f, i) => claim(renderingKey(f.text), f.shared === true, `${list}[${i}]`));
    }
  });

  // One rendering in two concepts makes a match ambiguous; allowed only when
  // every claim says `shared: true`.
  for (const [key, list] of owners) {
    if (!Array.isArray(list)) continue; // one claim
    const ids = new Set(list.map((o) => o.id));
    if (ids.size < 2 || list.every((o) => o.shared)) continue;
    const first = list[0];
    for (const other of list.slice(1)) {
      if (other.id === first.id) continue;
      errors.push({
        // Where the id first appears (seenIds; a search through every concept per conflict was quadratic).
        path: `concepts[${seenIds.get(other.id) ?? -1}]`,
        conceptId: other.id,
        message: `${sourceName}: ${describeClaim(other)}: "${key}" also belongs to ${describeClaim(first)}; mark both forms "shared": true if it really renders both concepts`,
      });
    }
  }
  return { base: { schemaVersion: 1, concepts }, errors };
}

function checkForm(
  raw: unknown,
  where: string,
  deprecated: boolean,
  fail: (field: string, message: string) => void,
): TermForm | undefined {
  if (!isRecord(raw)) {
    fail(where, `${where} must be an object { "text", "lang" }, got ${describe(raw)}`);
    return undefined;
  }
  let ok = true;
  const bad = (field: string, message: string): void => {
    ok = false;
    fail(`${where}.${field}`, message);
  };
  for (const key of Object.keys(raw)) {
    if (!FORM_KEYS.has(key)) bad(key, `${where} has unknown field "${key}"`);
  }
  const { text, lang } = raw;
  if (!isNonEmptyString(text)) bad('text', `${where}.text must be a non-empty string, got ${describe(text)}`);
  else if (text !== text.trim() || /[\r\n]/.test(text)) bad('text', `${where}.text must be one line without surrounding spaces`);
  if (lang !== 'zh' && lang !== 'en') bad('lang', `${where}.lang must be "zh" or "en", got ${describe(lang)}`);
  else if (isNonEmptyString(text)) {
    if (lang === 'en' && HAN.test(text)) bad('lang', `${where}.lang is "en" but "${text}" is Chinese`);
    if (lang === 'zh' && !HAN.test(text) && LATIN.test(text)) bad('lang', `${where}.lang is "zh" but "${text}" has no Chinese characters`);
  }
  for (const flag of ['shared', 'caseSensitive'] as const) {
    if (raw[flag] !== undefined && typeof raw[flag] !== 'boolean') bad(flag, `${where}.${flag} must be true or false, got ${describe(raw[flag])}`);
  }
  for (const field of ['note', 'inPaper'] as const) {
    if (raw[field] !== undefined && !isNonEmptyString(raw[field])) bad(field, `${where}.${field} must be a non-empty string, got ${describe(raw[field])}`);
  }
  if (raw.inPaper !== undefined && !deprecated) bad('inPaper', `${where}.inPaper only applies to deprecated forms`);
  if (!ok) return undefined;
  const form: TermForm = { text: text as string, lang: lang as Lang };
  if (raw.note !== undefined) form.note = raw.note as string;
  if (raw.shared === true) form.shared = true;
  if (raw.caseSensitive === true) form.caseSensitive = true;
  if (raw.inPaper !== undefined) form.inPaper = raw.inPaper as string;
  return form;
}
