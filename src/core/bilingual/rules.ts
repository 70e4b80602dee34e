// The two bilingual rules over aligned beads: missing-translation (a concept
// in one block without any rendering in its aligned block) and
// number-mismatch (numbers, dates, percentages that differ). Findings land on
// the target side (English by default: where the translator acts), with
// related locations pointing at the source side. Pure: no I/O.
import type { Concept, Finding, Lang, LintConfig, RelatedLocation, Severity } from '../types';
import type { TermMatch } from '../matcher';
import { severityFor } from '../config';
import { canonicalFor } from '../termbase';
import { compareNumbers, extractNumbers, NumberMention } from './numbers';
import type { BlockKind } from './segment';

/** One side of a bead: the content ranges of its blocks (or table cells). */
export interface Piece {
  start: number;
  end: number;
  kind: BlockKind | 'table-cell';
}

export interface SideInput {
  lang: Lang;
  text: string;
  /** The file, for related locations across a pair; absent for a single document. */
  file?: string;
  /** All term matches of `text`, sorted by start. */
  matches: TermMatch[];
}

export interface AlignedPair {
  zh: Piece[];
  en: Piece[];
}

/** Which side the translator writes: findings land there. */
export type Direction = 'zh-to-en' | 'en-to-zh';

export interface RuleContext {
  zh: SideInput;
  en: SideInput;
  beads: AlignedPair[];
  config?: LintConfig;
  direction?: Direction;
}

const LANG_NAME: Record<Lang, string> = { zh: 'Chinese', en: 'English' };

function noun(kind: Piece['kind']): string {
  switch (kind) {
    case 'heading':
      return 'heading';
    case 'list-item':
      return 'list item';
    case 'table-row':
    case 'table-cell':
      return 'table cell';
    default:
      return 'paragraph';
  }
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Matches inside any of the pieces (matches sorted by start). */
function matchesIn(matches: TermMatch[], pieces: Piece[]): TermMatch[] {
  const out: TermMatch[] = [];
  for (const piece of pieces) {
    let lo = 0;
    let hi = matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (matches[mid].start < piece.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < matches.length && matches[k].start < piece.end; k++) {
      if (matches[k].end <= piece.end) out.push(matches[k]);
    }
  }
  return out;
}

/**
 * Whether a concept is rendered on the other side: the concept itself, a
 * larger concept containing it (碳达峰 inside "peak carbon and carbon
 * neutrality"), or smaller concepts that together make it up (碳达峰碳中和 as
 * "peak carbon … carbon neutrality"). Any status counts, deprecated included:
 * a deprecated rendering is still a rendering, and deprecated-term reports it.
 */
function rendered(concept: Concept, other: Map<string, TermMatch>): boolean {
  if (other.has(concept.id)) return true;
  const target = concept.zh;
  // The English names show containment the Chinese ones may not: the pledge
  // 二氧化碳排放力争于2030年前达到峰值 ("peak carbon dioxide emissions before 2030") holds 碳达峰 ("peak carbon").
  const targetEn = concept.en ? looseForm(concept.en) : '';
  const parts: string[] = [];
  for (const m of other.values()) {
    if (targetEn.trim() !== '' && m.concept.en && looseForm(m.concept.en).includes(targetEn)) return true;
    const zh = m.concept.zh;
    if (!zh) continue;
    if (zh.includes(target)) return true;
    if (target.includes(zh)) parts.push(zh);
  }
  if (parts.length === 0) return false;
  let rest = target;
  for (const part of parts.sort((a, b) => b.length - a.length)) rest = rest.split(part).join('');
  // Connecting words left over (和 与 及 的 、) do not make a concept.
  return rest.replace(/[和与及的、，,\s《》“”"]/g, '').length === 0;
}

/**
 * A concept whose wording holds a number ("carbon neutrality before 2060")
 * written with another number counts as rendered: number-mismatch reports the
 * number, and one mistake should make one finding.
 */
function renderedModuloNumbers(concept: Concept, lang: Lang, text: string): boolean {
  const forms = [canonicalFor(concept, lang), ...concept.accepted.filter((f) => f.lang === lang).map((f) => f.text)];
  for (const form of forms) {
    if (!form || !/\d/.test(form)) continue;
    const pattern = form
      .split(/(\d+(?:[.,]\d+)*)/)
      .map((part, i) => (i % 2 === 1 ? '\\d+(?:[.,]\\d+)*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')))
      .join('');
    if (new RegExp(pattern, 'i').test(text)) return true;
  }
  return false;
}

/** English words folded for a loose comparison: case, hyphens, plural endings ("new energy vehicle" ≈ "New-Energy Vehicles"). */
function looseEnglish(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => (w.length > 3 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return ` ${words.join(' ')} `;
}

/** looseEnglish of a term form, remembered: forms are few and asked about for every aligned pair. */
const looseForms = new Map<string, string>();
function looseForm(form: string): string {
  let loose = looseForms.get(form);
  if (loose === undefined) {
    loose = looseEnglish(form);
    looseForms.set(form, loose);
  }
  return loose;
}

/**
 * An English rendering written with another inflection ("new energy vehicle
 * production" for "new energy vehicles") still renders the concept: the
 * matcher looks for the forms as written, this rule only asks whether the
 * concept was translated.
 */
function renderedLoosely(concept: Concept, looseText: string): boolean {
  const forms = [concept.en, ...concept.accepted, ...concept.deprecated].map((f) => (typeof f === 'string' ? f : f.lang === 'en' ? f.text : ''));
  return forms.some((form) => form !== '' && looseText.includes(looseForm(form)));
}

function textOf(side: SideInput, pieces: Piece[]): string {
  return pieces.map((p) => side.text.slice(p.start, p.end)).join('\n');
}

function firstByConcept(matches: TermMatch[], ignored: Set<string>): Map<string, TermMatch> {
  const byId = new Map<string, TermMatch>();
  for (const m of matches) {
    if (ignored.has(m.concept.id)) continue;
    if (!byId.has(m.concept.id)) byId.set(m.concept.id, m);
  }
  return byId;
}

/** Where a finding about a whole target block goes: its first line, trimmed. */
function blockAnchor(text: string, pieces: Piece[]): { start: number; end: number } {
  const piece = pieces[0];
  let start = piece.start;
  let end = piece.end;
  const nl = text.indexOf('\n', start);
  if (nl >= 0 && nl < end) end = nl;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end === start) end = Math.min(piece.end, start + 1);
  return { start, end };
}

function piecesRange(pieces: Piece[]): { start: number; end: number } {
  return { start: Math.min(...pieces.map((p) => p.start)), end: Math.max(...pieces.map((p) => p.end)) };
}

/** Blocks longer than this are not paragraphs (a whole file on one line): numbers are not compared. */
export const MAX_NUMBER_BLOCK = 100_000;

function numbersIn(side: SideInput, pieces: Piece[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (const piece of pieces) {
    if (piece.end - piece.start > MAX_NUMBER_BLOCK) return [];
    for (const found of extractNumbers(side.text, side.lang, piece.start, piece.end)) out.push(found); // no spread: a huge block can exceed the argument limit
  }
  return out;
}

function describe(m: NumberMention): string {
  const shown = collapse(m.text);
  return shown === m.display ? shown : `${shown} (${m.display})`;
}

/** Run both rules over every bead; findings keyed by the side they land on. */
export function checkAlignedPairs(ctx: RuleContext): { zh: Finding[]; en: Finding[] } {
  const out = { zh: [] as Finding[], en: [] as Finding[] };
  const direction = ctx.direction ?? 'zh-to-en';
  const source = direction === 'zh-to-en' ? ctx.zh : ctx.en;
  const target = direction === 'zh-to-en' ? ctx.en : ctx.zh;
  const missingSeverity = severityFor('missing-translation', ctx.config);
  const numberSeverity = severityFor('number-mismatch', ctx.config);
  const ignored = new Set(ctx.config?.ignoredConcepts ?? []);
  const push = (f: Finding) => out[target.lang].push(f);

  const related = (side: SideInput, start: number, end: number, message: string): RelatedLocation => {
    const loc: RelatedLocation = { start, end, message };
    // A pair of files: point into the other one.
    if (side.file !== undefined && side.file !== target.file) loc.file = side.file;
    return loc;
  };

  for (const bead of ctx.beads) {
    if (bead.zh.length === 0 || bead.en.length === 0) continue;
    const srcPieces = direction === 'zh-to-en' ? bead.zh : bead.en;
    const tgtPieces = direction === 'zh-to-en' ? bead.en : bead.zh;
    const srcNoun = noun(srcPieces[0].kind);
    const tgtNoun = noun(tgtPieces[0].kind);
    const anchor = blockAnchor(target.text, tgtPieces);
    const srcRange = piecesRange(srcPieces);

    if (missingSeverity !== 'off') {
      const srcConcepts = firstByConcept(matchesIn(source.matches, srcPieces), ignored);
      const tgtConcepts = firstByConcept(matchesIn(target.matches, tgtPieces), ignored);
      // Source concept without a rendering in the target block: reported on the target block.
      const tgtText = textOf(target, tgtPieces);
      const srcText = textOf(source, srcPieces);
      let looseTarget: string | undefined;
      for (const m of srcConcepts.values()) {
        if (rendered(m.concept, tgtConcepts) || renderedModuloNumbers(m.concept, target.lang, tgtText)) continue;
        if (target.lang === 'en' && renderedLoosely(m.concept, (looseTarget ??= looseEnglish(tgtText)))) continue;
        const srcForm = canonicalFor(m.concept, source.lang);
        const tgtForm = canonicalFor(m.concept, target.lang);
        push({
          rule: 'missing-translation',
          severity: missingSeverity as Severity,
          start: anchor.start,
          end: anchor.end,
          found: target.text.slice(anchor.start, anchor.end),
          message: `${srcForm} (${tgtForm}) in the ${LANG_NAME[source.lang]} ${srcNoun} has no ${LANG_NAME[target.lang]} rendering in the aligned ${tgtNoun}.`,
          suggestion: tgtForm,
          conceptId: m.concept.id,
          related: [related(source, m.start, m.end, `${collapse(m.found)}: the ${LANG_NAME[source.lang]} term`)],
        });
      }
      // Target concept without a counterpart in the source block: reported at the term itself.
      for (const m of tgtConcepts.values()) {
        if (rendered(m.concept, srcConcepts) || renderedModuloNumbers(m.concept, source.lang, srcText)) continue;
        const srcForm = canonicalFor(m.concept, source.lang);
        push({
          rule: 'missing-translation',
          severity: missingSeverity as Severity,
          start: m.start,
          end: m.end,
          found: m.found,
          message: `${collapse(m.found)} (${srcForm}) in the ${LANG_NAME[target.lang]} ${tgtNoun} has no ${LANG_NAME[source.lang]} counterpart in the aligned ${srcNoun}.`,
          conceptId: m.concept.id,
          related: [related(source, srcRange.start, srcRange.end, `The aligned ${LANG_NAME[source.lang]} ${srcNoun}`)],
        });
      }
    }

    if (numberSeverity !== 'off') {
      const srcNumbers = numbersIn(source, srcPieces);
      const tgtNumbers = numbersIn(target, tgtPieces);
      const cmp = source.lang === 'zh' ? compareNumbers(srcNumbers, tgtNumbers) : compareNumbers(tgtNumbers, srcNumbers);
      const srcOnly = source.lang === 'zh' ? cmp.zhOnly : cmp.enOnly;
      const tgtOnly = source.lang === 'zh' ? cmp.enOnly : cmp.zhOnly;
      const severity = numberSeverity as Severity;
      const mismatch = (f: Omit<Finding, 'rule' | 'severity'>) => push({ rule: 'number-mismatch', severity, ...f });
      // Pair leftovers of the same kind in order: most likely one number mistranslated.
      const unpairedTgt = [...tgtOnly];
      for (const s of srcOnly) {
        const k = unpairedTgt.findIndex((t) => t.kind === s.kind);
        if (k >= 0) {
          const t = unpairedTgt.splice(k, 1)[0];
          mismatch({
            start: t.start,
            end: t.end,
            found: t.text,
            message: `${describe(t)} does not match the ${LANG_NAME[source.lang]} ${srcNoun}'s ${describe(s)}.`,
            related: [related(source, s.start, s.end, `${collapse(s.text)}: the ${LANG_NAME[source.lang]} number`)],
          });
        } else {
          mismatch({
            start: anchor.start,
            end: anchor.end,
            found: target.text.slice(anchor.start, anchor.end),
            message: `${describe(s)} in the ${LANG_NAME[source.lang]} ${srcNoun} has no counterpart in the aligned ${LANG_NAME[target.lang]} ${tgtNoun}.`,
            related: [related(source, s.start, s.end, `${collapse(s.text)}: the ${LANG_NAME[source.lang]} number`)],
          });
        }
      }
      for (const t of unpairedTgt) {
        mismatch({
          start: t.start,
          end: t.end,
          found: t.text,
          message: `${describe(t)} in the ${LANG_NAME[target.lang]} ${tgtNoun} has no counterpart in the aligned ${LANG_NAME[source.lang]} ${srcNoun}.`,
          related: [related(source, srcRange.start, srcRange.end, `The aligned ${LANG_NAME[source.lang]} ${srcNoun}`)],
        });
      }
    }
  }
  return out;
}
