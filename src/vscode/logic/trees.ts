// Contents of the three sidebar trees, as plain data. The adapters in
// src/vscode/views turn these nodes into TreeItems.
import type { Concept, FormStatus, Lang, Paper, PaperParagraph, PaperSection, TermForm } from '../../core/types';
import { paragraphNumber, paragraphSnippet, sectionLabelEn, sectionLabelZh } from './paperLabels';
import { english, type Translate } from './translate';

// ---------------------------------------------------------------- White Paper

export interface PaperSectionNode {
  kind: 'section';
  id: string;
  section: PaperSection;
  label: string;
  description: string;
  parentId: string | undefined;
  children: Array<PaperSectionNode | PaperParagraphNode>;
}

export interface PaperParagraphNode {
  kind: 'paragraph';
  id: string;
  paragraph: PaperParagraph;
  label: string;
  description: string;
  parentId: string;
  children: PaperConceptNode[];
}

export interface PaperConceptNode {
  kind: 'concept';
  /** `${paragraphId}/${conceptId}`: unique within the tree. */
  id: string;
  conceptId: string;
  paragraphId: string;
  label: string;
  description: string;
  parentId: string;
}

export type PaperNode = PaperSectionNode | PaperParagraphNode | PaperConceptNode;

/** Finds the concepts used in a text, in order of first use, without repeats. */
export type ConceptFinder = (text: string) => Concept[];

/**
 * Sections (nested by `parent`) → paragraphs → the concepts each paragraph
 * uses in either language. Paragraphs of a section come before its subsections,
 * as in the paper.
 */
export function buildPaperTree(paper: Paper, findConcepts: ConceptFinder): PaperSectionNode[] {
  const sectionNodes = new Map<string, PaperSectionNode>();
  const roots: PaperSectionNode[] = [];
  for (const section of paper.sections) {
    const node: PaperSectionNode = {
      kind: 'section',
      id: section.id,
      section,
      label: sectionLabelZh(section),
      description: section.title.zh ? sectionLabelEn(section) : '',
      parentId: section.parent ?? undefined,
      children: [],
    };
    sectionNodes.set(section.id, node);
  }
  for (const paragraph of paper.paragraphs) {
    const parent = sectionNodes.get(paragraph.section);
    if (!parent) continue;
    const seen = new Set<string>();
    const concepts: PaperConceptNode[] = [];
    for (const text of [paragraph.zh ?? '', ...paragraph.en]) {
      for (const concept of findConcepts(text)) {
        if (seen.has(concept.id)) continue;
        seen.add(concept.id);
        concepts.push({
          kind: 'concept',
          id: `${paragraph.id}/${concept.id}`,
          conceptId: concept.id,
          paragraphId: paragraph.id,
          label: concept.zh,
          description: concept.en,
          parentId: paragraph.id,
        });
      }
    }
    parent.children.push({
      kind: 'paragraph',
      id: paragraph.id,
      paragraph,
      label: `${paragraphNumber(paragraph)} ${paragraphSnippet(paragraph)}`,
      description: concepts.length > 0 ? String(concepts.length) : '',
      parentId: paragraph.section,
      children: concepts,
    });
  }
  // Subsections after the parent's own paragraphs, in paper order.
  for (const section of paper.sections) {
    const node = sectionNodes.get(section.id)!;
    const parent = section.parent ? sectionNodes.get(section.parent) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Every node of the paper tree by id, for getParent and reveal. */
export function indexPaperTree(roots: PaperSectionNode[]): Map<string, PaperNode> {
  const index = new Map<string, PaperNode>();
  const visit = (node: PaperNode) => {
    index.set(node.id, node);
    if (node.kind !== 'concept') node.children.forEach(visit);
  };
  roots.forEach(visit);
  return index;
}

// ---------------------------------------------------------------- Glossary

export interface GlossaryCategoryNode {
  kind: 'category';
  id: string;
  label: string;
  description: string;
  children: Array<GlossaryConceptNode | GlossaryMoreNode>;
}

export interface GlossaryConceptNode {
  kind: 'concept';
  id: string;
  concept: Concept;
  label: string;
  description: string;
  parentId: string;
}

/** The last child of a category with more concepts than a tree shows: how many are left out. */
export interface GlossaryMoreNode {
  kind: 'more';
  id: string;
  label: string;
  hidden: number;
  parentId: string;
}

export type GlossaryNode = GlossaryCategoryNode | GlossaryConceptNode | GlossaryMoreNode;

/**
 * Concepts a category lists before its "more" node. A project glossary of
 * 100 000 terms put them all in one category, and expanding it took 8 s in
 * the editor; the filter (fuzzy, pinyin) finds any of them.
 */
export const GLOSSARY_CATEGORY_LIMIT = 1000;

const CATEGORY_ORDER = ['goals', 'international', 'institutions', 'documents', 'principles', 'set-phrases', 'policy-terms', 'energy-industry'];

export function categoryLabel(category: string, t: Translate = english): string {
  switch (category) {
    case 'goals': return t('Goals');
    case 'international': return t('International cooperation');
    case 'institutions': return t('Institutions');
    case 'documents': return t('Documents and plans');
    case 'principles': return t('Principles');
    case 'set-phrases': return t('Set phrases');
    case 'policy-terms': return t('Policy terms');
    case 'energy-industry': return t('Energy and industry');
    case 'other': return t('Other');
    default: return category;
  }
}

/**
 * Concepts grouped by category (known categories in a fixed order, others
 * after them alphabetically); `include` filters concepts and empty
 * categories are dropped.
 */
export function buildGlossaryTree(
  concepts: Concept[],
  options: { t?: Translate; include?: (concept: Concept) => boolean; limit?: number } = {},
): GlossaryCategoryNode[] {
  const t = options.t ?? english;
  const limit = options.limit ?? GLOSSARY_CATEGORY_LIMIT;
  const groups = new Map<string, Concept[]>();
  for (const concept of concepts) {
    if (options.include && !options.include(concept)) continue;
    const key = concept.category || 'other';
    const list = groups.get(key) ?? [];
    list.push(concept);
    groups.set(key, list);
  }
  const rank = (c: string) => {
    const i = CATEGORY_ORDER.indexOf(c);
    return i < 0 ? CATEGORY_ORDER.length : i;
  };
  return [...groups.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((category) => {
      const members = groups.get(category)!;
      const parentId = `category:${category}`;
      const children: Array<GlossaryConceptNode | GlossaryMoreNode> = members.slice(0, limit).map((concept) => ({
        kind: 'concept' as const,
        id: concept.id,
        concept,
        label: concept.zh,
        description: concept.en,
        parentId,
      }));
      const hidden = members.length - children.length;
      if (hidden > 0) {
        children.push({ kind: 'more', id: `more:${category}`, label: t('{0} more: filter the glossary to find them', hidden), hidden, parentId });
      }
      return { kind: 'category' as const, id: parentId, label: categoryLabel(category, t), description: String(members.length), children };
    });
}

// ---------------------------------------------------------------- In This Draft

/** The parts of a TermMatch the draft summary needs. */
export interface DraftMatch {
  start: number;
  end: number;
  concept: Concept;
  form: TermForm;
  status: FormStatus;
}

export interface Occurrence {
  start: number;
  end: number;
}

export interface DraftRendering {
  kind: 'rendering';
  /** `${conceptId}|${status}|${lang}|${text}` */
  id: string;
  conceptId: string;
  text: string;
  lang: Lang;
  status: FormStatus;
  note?: string;
  occurrences: Occurrence[];
}

export interface DraftConcept {
  kind: 'draftConcept';
  id: string;
  concept: Concept;
  /** The least canonical status among its renderings (deprecated > admitted > canonical). */
  worst: FormStatus;
  occurrences: Occurrence[];
  renderings: DraftRendering[];
}

export type DraftNode = DraftConcept | DraftRendering;

const STATUS_RANK: Record<FormStatus, number> = { canonical: 0, admitted: 1, deprecated: 2 };

/** Concepts in order of first use; each with its renderings (canonical first) and their counts. */
export function buildDraftSummary(matches: DraftMatch[]): DraftConcept[] {
  const concepts = new Map<string, DraftConcept>();
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  for (const match of sorted) {
    let entry = concepts.get(match.concept.id);
    if (!entry) {
      entry = { kind: 'draftConcept', id: match.concept.id, concept: match.concept, worst: match.status, occurrences: [], renderings: [] };
      concepts.set(match.concept.id, entry);
    }
    entry.occurrences.push({ start: match.start, end: match.end });
    if (STATUS_RANK[match.status] > STATUS_RANK[entry.worst]) entry.worst = match.status;
    const text = match.form.text;
    const id = `${match.concept.id}|${match.status}|${match.form.lang}|${text}`;
    let rendering = entry.renderings.find((r) => r.id === id);
    if (!rendering) {
      rendering = { kind: 'rendering', id, conceptId: match.concept.id, text, lang: match.form.lang, status: match.status, note: match.form.note, occurrences: [] };
      entry.renderings.push(rendering);
    }
    rendering.occurrences.push({ start: match.start, end: match.end });
  }
  for (const entry of concepts.values()) {
    entry.renderings.sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.occurrences.length - a.occurrences.length || a.text.localeCompare(b.text));
  }
  return [...concepts.values()];
}

export function statusLabel(status: FormStatus, t: Translate = english): string {
  switch (status) {
    case 'canonical': return t('canonical');
    case 'admitted': return t('admitted');
    case 'deprecated': return t('deprecated');
  }
}

/** "peak carbon ×3 · canonical" */
export function renderingLabel(rendering: DraftRendering, t: Translate = english): { label: string; description: string } {
  return { label: `${rendering.text} ×${rendering.occurrences.length}`, description: statusLabel(rendering.status, t) };
}

/**
 * The occurrence after the one at or around `offset` (the cursor or the start
 * of the selection), wrapping to the first; undefined when there are none.
 */
export function nextOccurrence(occurrences: Occurrence[], offset: number): Occurrence | undefined {
  if (occurrences.length === 0) return undefined;
  const sorted = [...occurrences].sort((a, b) => a.start - b.start);
  return sorted.find((o) => o.start > offset) ?? sorted[0];
}
