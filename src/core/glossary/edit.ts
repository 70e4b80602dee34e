// Edits of a project's JSON glossary and of `.carbon-lexicon.json` as text,
// for the "Add selection to project glossary" and "Mark selection as a
// deprecated rendering" commands. Minimal insertions (./jsonText), so the
// user's formatting, key order and comments survive.

import type { Concept, TermForm } from '../types';
import { cleanForm } from './common';
import { addJsonProperty, appendToJsonArray, findJsonNode, parseJsonTree, type JsonNode } from './jsonText';

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
  const { root } = parseJsonTree(configText, true);
  if (!root || root.type !== 'object') throw new Error('the configuration is not a JSON object');
  const list = findJsonNode(root, ['glossaries']);
  if (list && list.type === 'array') {
    if ((list.children ?? []).some((c) => c.value === glossary)) return configText;
    return appendToJsonArray(configText, list, glossary);
  }
  if (list) throw new Error('"glossaries" is not an array');
  return addJsonProperty(configText, root, 'glossaries', [glossary]);
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
  const parsed = parseJsonTree(result);
  if (!parsed.root) throw new Error(`the glossary is not valid JSON (${parsed.error?.message ?? 'empty'})`);
  if (parsed.root.type !== 'object' && parsed.root.type !== 'array') throw new Error('the glossary is not a JSON object or array');
  const prefix: Array<string | number> = parsed.root.type === 'array' ? [] : ['concepts'];
  const tree = (): JsonNode => parseJsonTree(result).root!;
  if (parsed.root.type === 'object' && !findJsonNode(parsed.root, ['concepts'])) {
    result = addJsonProperty(result, parsed.root, 'concepts', []);
  }
  const list = findJsonNode(tree(), prefix);
  if (!list || list.type !== 'array') throw new Error('"concepts" is not an array');
  const index = (list.children ?? []).findIndex((c) => c.type === 'object' && findJsonNode(c, ['id'])?.value === concept.id);
  if (index < 0) return appendToJsonArray(result, list, entryValue(concept));
  for (const key of ['accepted', 'deprecated'] as const) {
    for (const form of concept[key]) {
      const entry = findJsonNode(tree(), [...prefix, index])!;
      const forms = findJsonNode(entry, [key]);
      if (forms && forms.type === 'array') {
        if ((forms.children ?? []).some((f) => formText(f) === form.text)) continue;
        result = appendToJsonArray(result, forms, cleanForm(form));
      } else if (!forms) {
        result = addJsonProperty(result, entry, key, [cleanForm(form)]);
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

function formText(node: JsonNode): string | undefined {
  if (node.type === 'string') return node.value as string;
  if (node.type === 'object') return findJsonNode(node, ['text'])?.value as string | undefined;
  return undefined;
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
