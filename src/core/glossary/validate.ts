// The term base's own validator (src/core/termbase.ts) applied to glossary
// entries, so a project glossary obeys the same rules as data/terms.json
// (forms one line without surrounding spaces, "en" without Chinese, inPaper
// only on deprecated forms, a form not repeating its own concept, one
// rendering in two concepts only when marked shared, ...).
//
// Glossaries may leave out what the bundled base requires (definition,
// category) and may use ids other tools made (TBX "c12", "_1"), so those are
// filled with placeholders before validation and the placeholders never reach
// the caller. Each error's JSON path is turned back into a line by `lineOf`.

import { validateTermBase } from '../termbase';
import type { Concept } from '../types';
import type { GlossaryConcept, GlossaryError } from './common';

/** Path segments of "concepts[3].accepted[1].lang" -> ["accepted", 1, "lang"] (after the concept). */
export function pathWithinConcept(path: string): Array<string | number> {
  const rest = path.replace(/^concepts\[\d+\]\.?/, '');
  const out: Array<string | number> = [];
  for (const m of rest.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/**
 * Validates `concepts` with validateTermBase. Returns the concepts that pass
 * (same objects, same order) and the errors, each placed by
 * `lineOf(conceptIndex, pathWithinConcept)`; `label(i)` names entry i in messages.
 */
export function validateGlossaryConcepts(
  concepts: GlossaryConcept[],
  lineOf: (index: number, path: Array<string | number>) => number,
  label: (index: number) => string,
): { concepts: GlossaryConcept[]; errors: GlossaryError[] } {
  const shadow = concepts.map((c, i) => {
    const plain: Concept = {
      id: `entry-${i}`, // ids are checked by the readers; here they only need to be unique kebab-case
      zh: c.zh,
      en: c.en,
      accepted: c.accepted,
      deprecated: c.deprecated,
      definition: { zh: c.definition.zh || '-', en: c.definition.en || '-' },
      category: c.category || 'project',
      refs: c.refs,
    };
    return plain;
  });
  const { base, errors } = validateTermBase({ schemaVersion: 1, concepts: shadow }, 'glossary');
  // The validator drops a bad form but keeps its concept: do the same.
  const kept = new Map(base.concepts.map((c) => [c.id, c]));
  const out: GlossaryError[] = [];
  for (const e of errors) {
    const m = /^concepts\[(\d+)\]/.exec(e.path);
    if (!m) {
      out.push({ line: 0, message: e.message.replace(/^glossary: /, '') });
      continue;
    }
    const index = Number(m[1]);
    const message = e.message
      .replace(/^glossary: /, '')
      // Messages name entries by the shadow index and id; give them the file's own names.
      .replace(/concepts\[(\d+)\](?: \(id "entry-\d+"\))?/g, (_all, i: string) => label(Number(i)));
    out.push({ line: lineOf(index, pathWithinConcept(e.path)), message });
  }
  const passed: GlossaryConcept[] = [];
  concepts.forEach((c, i) => {
    const valid = kept.get(`entry-${i}`);
    if (!valid) return;
    c.accepted = valid.accepted;
    c.deprecated = valid.deprecated;
    passed.push(c);
  });
  return { concepts: passed, errors: out };
}
