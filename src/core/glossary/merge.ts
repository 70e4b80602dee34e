// Merging project glossaries into the bundled term base.
//
// For each project entry, in the order the glossaries are listed:
// - a new id adds a concept;
// - the id of an existing concept EXTENDS it: the entry's zh/en, when they
//   differ from the existing canonical forms, become accepted forms; its
//   accepted and deprecated forms are added; a definition or category the
//   existing concept lacks is filled in; refs are united. A form the project
//   lists with a different status than the base (e.g. accepted here,
//   deprecated there) takes the project's status and is reported in
//   `problems`, so a house style can deliberately differ from the paper;
// - with `"override": true`, the entry REPLACES the existing concept's
//   canonical forms, accepted and deprecated lists (definition, category and
//   refs fall back on the existing ones when the entry leaves them empty);
// - an entry without an id (provisionalId, e.g. from a two-column CSV)
//   extends the concept whose canonical zh or en it shares, else it is added
//   under an id made from its English form.
// A rendering claimed by two concepts is reported as a conflict unless every
// claim marks it `shared`. Both concepts keep the form; the report says which
// file brought which claim.

import { renderingKey } from '../termbase';
import type { Concept, TermBase, TermForm } from '../types';
import { cleanForm, uniqueSuffixed, type GlossaryConcept } from './common';

export const BUNDLED_SOURCE = 'bundled';

export interface MergeConflict {
  /** The rendering as first written. */
  text: string;
  /** Every concept claiming it (at least two). */
  conceptIds: string[];
  /** sources[i] is the file (or "bundled") that gave conceptIds[i] its claim. */
  sources: string[];
}

export interface MergeProblem {
  source: string;
  conceptId: string;
  message: string;
}

export interface MergeResult {
  base: TermBase;
  conflicts: MergeConflict[];
  /** Status changes and similar notes; the merge went ahead. */
  problems: MergeProblem[];
}

type FormKey = string;
/** Two forms are the same rendering when the term base's validator would call them repeats. */
const keyOf = (lang: string, text: string): FormKey => `${lang}\u0000${renderingKey(text)}`;
/** Case folded even for caseSensitive forms: "NDC" (exact) and "ndc" (any case) both match "NDC", as the validator reckons. */
const claimKey = (form: TermForm): string => renderingKey(form.text);

export function mergeTermBases(
  base: TermBase,
  extras: Array<{ source: string; concepts: Concept[] }>,
): MergeResult {
  const concepts: Concept[] = base.concepts.map(copyConcept);
  const index = new Map<string, number>(concepts.map((c, i) => [c.id, i]));
  const canonical = new CanonicalLookup();
  concepts.forEach((c, i) => canonical.add(c, i));
  // Which source gave each form of each concept (canonical forms included).
  const origins = new Map<string, Map<FormKey, string>>();
  for (const c of concepts) origins.set(c.id, originsOf(c, BUNDLED_SOURCE));
  const problems: MergeProblem[] = [];
  const nextSuffix = new Map<string, number>();

  for (const { source, concepts: entries } of extras) {
    for (const raw of entries) {
      const entry = raw as GlossaryConcept;
      let id = entry.id;
      if (entry.provisionalId) {
        const match = canonical.first(entry.zh, entry.en);
        if (match !== undefined) id = concepts[match].id;
        else id = uniqueSuffixed(id, index, nextSuffix);
      }
      const at = index.get(id);
      if (at === undefined) {
        const added = { ...copyConcept(entry), id };
        index.set(id, concepts.length);
        canonical.add(added, concepts.length);
        concepts.push(added);
        origins.set(id, originsOf(added, source));
      } else if (entry.override) {
        const old = concepts[at];
        const replaced: Concept = {
          id,
          zh: entry.zh,
          en: entry.en,
          accepted: entry.accepted.map(cleanForm),
          deprecated: entry.deprecated.map(cleanForm),
          definition: {
            zh: entry.definition.zh || old.definition.zh,
            en: entry.definition.en || old.definition.en,
          },
          category: entry.category || old.category,
          refs: entry.refs.length > 0 ? [...entry.refs] : [...old.refs],
        };
        canonical.remove(old, at);
        canonical.add(replaced, at);
        concepts[at] = replaced;
        origins.set(id, originsOf(replaced, source));
      } else {
        extend(concepts[at], entry, source, origins.get(id)!, problems);
      }
    }
  }

  return { base: { schemaVersion: 1, concepts }, conflicts: findConflicts(concepts, origins), problems };
}

/**
 * The first concept (in term-base order) whose canonical zh is `zh` or whose
 * canonical en is `en` in any case, found through maps: scanning every
 * concept for each entry of a two-column glossary was quadratic (a
 * 100 000-line CSV took minutes).
 */
class CanonicalLookup {
  /** Concept positions, ascending, per canonical zh and per lower-cased canonical en. */
  private readonly byZh = new Map<string, number[]>();
  private readonly byEn = new Map<string, number[]>();

  add(c: Concept, at: number): void {
    insertSorted(this.byZh, c.zh, at);
    insertSorted(this.byEn, c.en.toLowerCase(), at);
  }

  remove(c: Concept, at: number): void {
    removeFrom(this.byZh, c.zh, at);
    removeFrom(this.byEn, c.en.toLowerCase(), at);
  }

  first(zh: string, en: string): number | undefined {
    const a = this.byZh.get(zh)?.[0];
    const b = this.byEn.get(en.toLowerCase())?.[0];
    if (a === undefined) return b;
    if (b === undefined) return a;
    return Math.min(a, b);
  }
}

function insertSorted(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (!list) {
    map.set(key, [at]);
    return;
  }
  let i = list.length;
  while (i > 0 && list[i - 1] > at) i--;
  list.splice(i, 0, at);
}

function removeFrom(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  const i = list ? list.indexOf(at) : -1;
  if (i < 0) return;
  list!.splice(i, 1);
  if (list!.length === 0) map.delete(key);
}

function extend(
  target: Concept,
  entry: Concept,
  source: string,
  origin: Map<FormKey, string>,
  problems: MergeProblem[],
): void {
  const canonical = new Set([keyOf('zh', target.zh), keyOf('en', target.en)]);
  const listOf = formLists(target);
  const add = (form: TermForm, list: 'accepted' | 'deprecated'): void => {
    const key = keyOf(form.lang, form.text);
    if (canonical.has(key)) {
      if (list === 'deprecated') {
        problems.push({ source, conceptId: target.id, message: `"${form.text}" is the canonical ${form.lang} form of "${target.id}" and cannot be deprecated without "override": true` });
      }
      return;
    }
    const other = list === 'accepted' ? 'deprecated' : 'accepted';
    const held = listOf.get(key);
    if (held?.list === other) {
      target[other].splice(target[other].indexOf(held.form), 1);
      listOf.delete(key);
      problems.push({ source, conceptId: target.id, message: `"${form.text}" was ${other === 'accepted' ? 'admitted' : 'deprecated'} in ${origin.get(key) ?? BUNDLED_SOURCE}; ${source} makes it ${list === 'accepted' ? 'admitted' : 'deprecated'}` });
    }
    if (held?.list === list) {
      // Already there: keep it, but take a note the existing form lacks.
      if (!held.form.note && form.note) held.form.note = form.note;
      return;
    }
    const added = cleanForm(form);
    target[list].push(added);
    listOf.set(key, { list, form: added });
    origin.set(key, source);
  };
  if (entry.zh !== target.zh) add({ text: entry.zh, lang: 'zh' }, 'accepted');
  if (entry.en !== target.en) add({ text: entry.en, lang: 'en' }, 'accepted');
  for (const f of entry.accepted) add(f, 'accepted');
  for (const f of entry.deprecated) add(f, 'deprecated');
  if (!target.definition.zh && entry.definition.zh) target.definition.zh = entry.definition.zh;
  if (!target.definition.en && entry.definition.en) target.definition.en = entry.definition.en;
  if (!target.category && entry.category) target.category = entry.category;
  for (const r of entry.refs) if (!target.refs.includes(r)) target.refs.push(r);
}

/**
 * Each form of a concept and the list holding it, by form key, kept up to
 * date by extend: searching the lists for every form added was quadratic
 * (thousands of glossary rows adding renderings to one concept). A concept's
 * forms are unique by key (validated bases; extend adds none twice); on a
 * repeat the first form counts, as the search found it.
 */
interface HeldForm {
  list: 'accepted' | 'deprecated';
  form: TermForm;
}
const formListIndex = new WeakMap<Concept, Map<FormKey, HeldForm>>();

function formLists(concept: Concept): Map<FormKey, HeldForm> {
  let index = formListIndex.get(concept);
  if (!index) {
    index = new Map();
    for (const list of ['accepted', 'deprecated'] as const) {
      for (const form of concept[list]) {
        const key = keyOf(form.lang, form.text);
        if (!index.has(key)) index.set(key, { list, form });
      }
    }
    formListIndex.set(concept, index);
  }
  return index;
}

function findConflicts(concepts: Concept[], origins: Map<string, Map<FormKey, string>>): MergeConflict[] {
  interface Claim { conceptId: string; form: TermForm; origin: Map<FormKey, string> }
  // Most renderings have one owner: keep the first claim alone, lists only on a collision.
  const first = new Map<string, Claim>();
  const shared = new Map<string, Claim[]>();
  for (const c of concepts) {
    const origin = origins.get(c.id)!;
    const visit = (form: TermForm): void => {
      const key = claimKey(form);
      const owner = first.get(key);
      if (!owner) {
        first.set(key, { conceptId: c.id, form, origin });
        return;
      }
      const list = shared.get(key) ?? [owner];
      if (list[list.length - 1].conceptId === c.id) return; // the same concept lists it twice
      list.push({ conceptId: c.id, form, origin });
      shared.set(key, list);
    };
    visit({ text: c.zh, lang: 'zh' });
    visit({ text: c.en, lang: 'en' });
    for (const f of c.accepted) visit(f);
    for (const f of c.deprecated) visit(f);
  }
  const conflicts: MergeConflict[] = [];
  for (const list of shared.values()) {
    if (list.every((c) => c.form.shared)) continue;
    const sources = list.map((c) => c.origin.get(keyOf(c.form.lang, c.form.text)) ?? BUNDLED_SOURCE);
    // Overlaps inside the bundled base are the curators' business, not a project's.
    if (sources.every((s) => s === BUNDLED_SOURCE)) continue;
    conflicts.push({ text: list[0].form.text, conceptIds: list.map((c) => c.conceptId), sources });
  }
  return conflicts;
}

function originsOf(c: Concept, source: string): Map<FormKey, string> {
  const m = new Map<FormKey, string>();
  m.set(keyOf('zh', c.zh), source);
  m.set(keyOf('en', c.en), source);
  for (const f of [...c.accepted, ...c.deprecated]) m.set(keyOf(f.lang, f.text), source);
  return m;
}

/** A plain Concept (drops glossary-only fields such as override or line). */
export function copyConcept(c: Concept): Concept {
  return {
    id: c.id,
    zh: c.zh,
    en: c.en,
    accepted: c.accepted.map(cleanForm),
    deprecated: c.deprecated.map(cleanForm),
    definition: { zh: c.definition.zh, en: c.definition.en },
    category: c.category,
    refs: [...c.refs],
  };
}
