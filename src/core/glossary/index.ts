// Project glossaries: import (JSON, CSV/TSV, TBX), merge with the bundled
// term base, export. Pure: callers read and write the files.

import type { Concept, TermBase } from '../types';
import { checkWholeFile, type GlossaryConcept, type GlossaryError } from './common';
import { exportCsv, parseCsvGlossary } from './csv';
import { exportJson, parseJsonGlossary } from './json';
import { exportTbx, parseTbxGlossary } from './tbx';
import { copyConcept } from './merge';
import { validateGlossaryConcepts } from './validate';

export type { GlossaryConcept, GlossaryError } from './common';
export { MAX_ENTRIES, MAX_FILE_BYTES, MAX_TERM_LENGTH, decodeGlossaryBytes, firstLineContaining, GlossaryLineFinder, guessLang, slugId, termProblem } from './common';
export { FULL_CSV_COLUMNS } from './csv';
export { mergeTermBases, BUNDLED_SOURCE, type MergeConflict, type MergeProblem, type MergeResult } from './merge';
export {
  addConceptToGlossaryText,
  addGlossaryToConfigText,
  deprecationEntry,
  firstJsonGlossary,
  newConfigText,
  newGlossaryText,
  rankConceptsFor,
} from './edit';

export type GlossaryFormat = 'json' | 'csv' | 'tsv' | 'tbx';
export type ExportFormat = 'json' | 'csv' | 'tbx';

/** The reader a file name calls for, or undefined for an unknown extension. */
export function glossaryFormatOf(fileName: string): GlossaryFormat | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.tbx') || name.endsWith('.tbx.xml') || name.endsWith('.xml')) return 'tbx';
  return undefined;
}

/**
 * Reads a glossary. Entries with errors are left out and reported; the rest
 * load. Never throws on bad input.
 */
export function parseGlossary(text: string, fileName: string): { concepts: GlossaryConcept[]; errors: GlossaryError[] } {
  const format = glossaryFormatOf(fileName);
  if (!format) {
    return { concepts: [], errors: [{ line: 0, message: `${fileName}: unknown glossary format (use .json, .csv, .tsv, .tbx or .xml)` }] };
  }
  const whole = checkWholeFile(text);
  if (whole) return { concepts: [], errors: [whole] };
  try {
    switch (format) {
      case 'json':
        return parseJsonGlossary(text);
      case 'csv':
      case 'tsv':
        return checked(parseCsvGlossary(text, fileName));
      case 'tbx':
        return checked(parseTbxGlossary(text));
    }
  } catch (e) {
    // A reader bug must not take the editor down with it.
    return { concepts: [], errors: [{ line: 0, message: `could not read ${fileName}: ${(e as Error).message}` }] };
  }
}

/** The term base's own rules for CSV and TBX entries (JSON applies them field by field). */
function checked(read: { concepts: GlossaryConcept[]; errors: GlossaryError[] }): { concepts: GlossaryConcept[]; errors: GlossaryError[] } {
  const result = validateGlossaryConcepts(
    read.concepts,
    (i) => read.concepts[i].line ?? 0,
    (i) => `id "${read.concepts[i].id}"`,
  );
  return { concepts: result.concepts, errors: [...read.errors, ...result.errors] };
}

/** Glossary entries as a plain term base (drops override, provisionalId, line). */
export function glossaryToTermBase(concepts: Concept[]): TermBase {
  return { schemaVersion: 1, concepts: concepts.map(copyConcept) };
}

/** Writes a term base as JSON (our format), CSV (full layout) or TBX-Basic 2019. */
export function exportGlossary(base: TermBase, format: ExportFormat): string {
  switch (format) {
    case 'json':
      return exportJson(base.concepts);
    case 'csv':
      return exportCsv(base.concepts);
    case 'tbx':
      return exportTbx(base.concepts);
  }
}
