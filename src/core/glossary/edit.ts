// Edits of a project's JSON glossary and of `.carbon-lexicon.json` as text,
// for the "Add selection to project glossary" and "Mark selection as a
// deprecated rendering" commands. jsonc-parser's `modify` (./jsonText) makes
// minimal insertions, so the user's formatting, key order and comments survive.

import { findNodeAtLocation } from 'jsonc-parser';
import type { Concept, TermForm } from '../types';
import { cleanForm } from './common';
import { firstSyntaxError, insertIntoJson, parseJsonTree } from './jsonText';

/** A new, empty JSON glossary. */
export function newGlossaryText(): string {
  return JSON.stringify({ schemaVersion: 1, concepts: [] }, null, 2) + '\n';
}

/** A new configuration naming one glossary. */
export function newConfigText(glossary: string): string {
  return JSON.stringify({ glossaries: [glossary] }, null, 2) + '\n';
}

/** Adds `glossary` to the config's "glossaries" (creating the key); unchanged if listed already. */
export function addGlossaryToConfigText(configText: string, glossary: string): string {
  const { root, error } = parseJsonTree(configText, true);
  if (!root) throw new Error(`the configuration is not valid JSON (${error?.message ?? 'empty'})`);
  if (root.type !== 'object') throw new Error('the configuration is not a JSON object');
  const list = findNodeAtLocation(root, ['glossaries']);
  if (list && list.type === 'array') {
    if ((list.children ?? []).some((c) => c.value === glossary)) return configText;
    return insertIntoJson(configText, ['glossaries', -1], glossary);
  }
  if (list) throw new Error('"glossaries" is not an array');
  return insertIntoJson(configText, ['glossaries'], [glossary]);
}

/** The first JSON glossary a config lists, if any. */
export function firstJsonGlossary(glossaries: string[] | undefined): string | undefined {
  return (glossaries ?? []).find((g) => g.toLowerCase().endsWith('.json'));
}

/**
 * Adds a concept to a glossary's text, or, when an entry with its id is
 * there, adds the concept's accepted and deprecated forms to that entry
 * (skipping forms it already lists).
 */
export function addConceptToGlossaryText(text: string, concept: Concept): string {
  let result = text.trim() === '' ? newGlossaryText() : text;
  // What is there comes from JSON.parse (fast) and is kept in step with each
  // edit; jsonc-parser's `modify` (one offset tree per edit) places the text.
  let value: unknown;
  try {
    value = JSON.parse(result.charCodeAt(0) === 0xfeff ? result.slice(1) : result);
  } catch {
    throw new Error(`the glossary is not valid JSON (${firstSyntaxError(result)?.message ?? 'syntax error'})`);
  }
  if (typeof value !== 'object' || value === null) throw new Error('the glossary is not a JSON object or array');
  const prefix: Array<string | number> = Array.isArray(value) ? [] : ['concepts'];
  let list: unknown = Array.isArray(value) ? value : (value as Record<string, unknown>).concepts;
  if (list === undefined) {
    result = insertIntoJson(result, ['concepts'], []);
    list = [];
  }
  if (!Array.isArray(list)) throw new Error('"concepts" is not an array');
  const index = list.findIndex((c) => isObject(c) && c.id === concept.id);
  if (index < 0) return insertIntoJson(result, [...prefix, -1], entryValue(concept));
  const entry = list[index] as Record<string, unknown>;
  for (const key of ['accepted', 'deprecated'] as const) {
    for (const form of concept[key]) {
      const forms = entry[key];
      if (Array.isArray(forms)) {
        if (forms.some((f) => formText(f) === form.text)) continue;
        result = insertIntoJson(result, [...prefix, index, key, -1], cleanForm(form));
        forms.push(cleanForm(form));
      } else if (forms === undefined) {
        result = insertIntoJson(result, [...prefix, index, key], [cleanForm(form)]);
        entry[key] = [cleanForm(form)];
      } else {
        throw new Error(`"${key}" of "${concept.id}" is not an array`);
      }
    }
  }
  return result;
}

/** The project entry that marks `form` deprecated for `concept` (extends it; no override). */
export function deprecationEntry(concept: Concept, form: TermForm): Concept {
  return {
    id: concept.id,
    zh: concept.zh,
    en: concept.en,
    accepted: [],
    deprecated: [cleanForm(form)],
    definition: { zh: '', en: '' },
    category: '',
    refs: [],
  };
}

function entryValue(c: Concept): Record<string, unknown> {
  const value: Record<string, unknown> = { id: c.id, zh: c.zh, en: c.en };
  if (c.accepted.length) value.accepted = c.accepted.map(cleanForm);
  if (c.deprecated.length) value.deprecated = c.deprecated.map(cleanForm);
  if (c.definition.zh || c.definition.en) {
    const def: Record<string, string> = {};
    if (c.definition.zh) def.zh = c.definition.zh;
    if (c.definition.en) def.en = c.definition.en;
    value.definition = def;
  }
  if (c.category) value.category = c.category;
  if (c.refs.length) value.refs = [...c.refs];
  return value;
}

function formText(form: unknown): unknown {
  return isObject(form) ? form.text : form;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Concepts ordered for the "Mark as deprecated rendering of …" picker: those
 * sharing the most words (English) or characters (Chinese) with the selected
 * rendering first, then the rest in their own order.
 */
export function rankConceptsFor(text: string, concepts: Concept[]): Concept[] {
  const han = /[\u3400-\u9fff]/.test(text);
  const units = (s: string): Set<string> =>
    new Set(han ? Array.from(s).filter((c) => /[\u3400-\u9fff]/.test(c)) : s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2));
  const wanted = units(text);
  const score = (c: Concept): number => {
    let best = 0;
    for (const form of [c.zh, c.en, ...c.accepted.map((f) => f.text), ...c.deprecated.map((f) => f.text)]) {
      const have = units(form);
      let shared = 0;
      for (const u of wanted) if (have.has(u)) shared++;
      best = Math.max(best, shared);
    }
    return best;
  };
  return concepts
    .map((c, i) => ({ c, i, s: score(c) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.c);
}
