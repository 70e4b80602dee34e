// Shared shapes of the engine. Everything in src/core is pure: no `vscode`
// import, no file system. Offsets are UTF-16 code units into the original
// text, so they map straight onto `document.positionAt`.

export type Lang = 'zh' | 'en';

/** One written form of a concept (a Chinese variant or an English rendering). */
export interface TermForm {
  text: string;
  lang: Lang;
  /** When this form fits (admitted) or why it is off-canon (deprecated). */
  note?: string;
  /** The same string may legitimately belong to more than one concept. */
  shared?: boolean;
  /** English proper nouns that must match case exactly. */
  caseSensitive?: boolean;
  /** Deprecated only: why the paper itself nonetheless uses it (e.g. an official title). */
  inPaper?: string;
}

export type Category =
  | 'goals'
  | 'international'
  | 'institutions'
  | 'documents'
  | 'principles'
  | 'set-phrases'
  | 'policy-terms'
  | 'energy-industry';

export interface Concept {
  /** Stable kebab-case id, e.g. "peak-carbon". */
  id: string;
  /** Preferred Chinese form. */
  zh: string;
  /** Canonical English rendering, exactly as the paper writes it. */
  en: string;
  /** Admitted forms: Chinese variants (lang "zh") and English renderings the paper also uses. */
  accepted: TermForm[];
  /** Deprecated renderings in either language. */
  deprecated: TermForm[];
  definition: { zh: string; en: string };
  category: Category | string;
  /** Paragraph ids in data/paper.json where the concept occurs. */
  refs: string[];
}

export interface TermBase {
  schemaVersion: 1;
  concepts: Concept[];
}

export type FormStatus = 'canonical' | 'admitted' | 'deprecated';

// ---------------------------------------------------------------- paper

export interface PaperSection {
  /** "preface", "I", "I.1", "I.2", "I.3" */
  id: string;
  /** As printed: "", "I", "1", "2", "3" (zh: "一", "（一）" live in title.zh). */
  number: string;
  level: number;
  parent: string | null;
  title: { zh: string | null; en: string };
}

export interface PaperParagraph {
  /** `${sectionId}.p${n}`, n from 1 within the section, e.g. "I.2.p3". */
  id: string;
  section: string;
  /** Chinese paragraph, or null when the excerpt has English only (section 3). */
  zh: string | null;
  /** English paragraphs aligned to the Chinese one (one, sometimes two). */
  en: string[];
  /** 1-based line ranges in data/source/white-paper-excerpt.txt. */
  lines: { zh: [number, number] | null; en: Array<[number, number]> };
}

export interface Paper {
  title: { zh: string; en: string };
  source: string;
  sections: PaperSection[];
  paragraphs: PaperParagraph[];
}

// ---------------------------------------------------------------- engine

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export type RuleId =
  | 'deprecated-term'
  | 'inconsistent-variant'
  | 'missing-translation'
  | 'number-mismatch';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface RelatedLocation {
  /** Another file (bilingual pairs); absent means the same document. */
  file?: string;
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  /** The text at [start, end). */
  found: string;
  suggestion?: string;
  conceptId?: string;
  /** Safe automatic fix, if any. */
  fix?: TextEdit;
  related?: RelatedLocation[];
}

/** Contents of `.carbon-lexicon.json` (and the equivalent editor settings). */
export interface LintConfig {
  rules?: Partial<Record<RuleId, SeveritySetting>>;
  ignoredConcepts?: string[];
  /** Extra glossary files, relative to the config file. */
  glossaries?: string[];
  /** Bilingual file pairs, relative to the config file: [zhFile, enFile]. */
  pairs?: Array<[string, string]>;
}

export type DocumentFormat = 'markdown' | 'plaintext';
