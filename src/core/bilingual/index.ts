// Bilingual checks: a Chinese draft and its English translation, either as a
// pair of files or in one file (interleaved paragraphs, or a Markdown table
// with a Chinese and an English column). Blocks are segmented, aligned, and
// checked by the missing-translation and number-mismatch rules. Pure: no I/O.
import type { DocumentFormat, Finding, LintConfig } from '../types';
import type { TermMatch, TermMatcher } from '../matcher';
import { parseSuppressions } from '../markdown';
import { severityFor } from '../config';
import { align, AlignUnit, Bead, lengthOf } from './align';
import { extractNumbers } from './numbers';
import { Block, BlockLang, commonPrefix, commonSuffix, hasCjk, LangCounts, langCountsIn, LetterIndex, resegment, segment, SegmentedDocument } from './segment';
import { AlignedPair, checkAlignedPairs, Direction, MAX_NUMBER_BLOCK, Piece } from './rules';

export { extractNumbers, compareNumbers } from './numbers';
export type { NumberMention, NumberKind } from './numbers';
export { segment, detectLang } from './segment';
export type { Block, BlockKind, BlockLang } from './segment';
export { align, alignRegion, estimateParams, defaultParams } from './align';
export type { AlignUnit, Bead, AlignParams } from './align';
export type { Direction } from './rules';

export interface BilingualOptions {
  matcher: TermMatcher;
  format: DocumentFormat;
  config?: LintConfig;
  /** Matches already computed for this exact text; computed when absent. */
  matches?: TermMatch[];
  /** Which side the translator writes (findings land there); default zh-to-en. */
  direction?: Direction;
}

export interface PairOptions extends Omit<BilingualOptions, 'matches'> {
  zhFile?: string;
  enFile?: string;
  zhMatches?: TermMatch[];
  enMatches?: TermMatch[];
}

/** The blocks of each side and how they align (scroll sync, tests). */
export interface DocumentAlignment {
  zhBlocks: Block[];
  enBlocks: Block[];
  beads: Bead[];
}

export type BilingualLayout = 'interleaved' | 'table' | 'interleaved+table' | 'none';

function sortedMatches(matches: TermMatch[]): TermMatch[] {
  for (let i = 1; i < matches.length; i++) {
    if (matches[i].start < matches[i - 1].start) return [...matches].sort((a, b) => a.start - b.start);
  }
  return matches;
}

function unitsOf(text: string, blocks: Block[], lang: 'zh' | 'en', matches: TermMatch[], positions?: number[]): AlignUnit[] {
  let k = 0;
  return blocks.map((block, i) => {
    const anchors = new Set<string>();
    if (block.contentEnd - block.contentStart <= MAX_NUMBER_BLOCK) {
      for (const n of extractNumbers(text, lang, block.contentStart, block.contentEnd)) {
        if (!n.soft) for (const key of n.keys) anchors.add(`n:${key}`);
      }
    }
    while (k < matches.length && matches[k].start < block.contentStart) k++;
    for (let j = k; j < matches.length && matches[j].start < block.contentEnd; j++) anchors.add(`c:${matches[j].concept.id}`);
    return {
      length: lengthOf(block.text),
      heading: block.kind === 'heading',
      level: block.level,
      marker: block.marker && { style: block.marker.style, value: block.marker.value },
      anchors,
      position: positions?.[i],
    };
  });
}

function pieceOf(block: Block): Piece {
  return { start: block.contentStart, end: block.contentEnd, kind: block.kind };
}

function alignedPairs(beads: Bead[], zhBlocks: Block[], enBlocks: Block[]): AlignedPair[] {
  return beads.map((b) => ({ zh: b.zh.map((i) => pieceOf(zhBlocks[i])), en: b.en.map((i) => pieceOf(enBlocks[i])) }));
}

// ---------------------------------------------------------------- pairs of files

/** Blocks of one side of a pair: those in that language (or mixed); tables row by row. */
function sideBlocks(text: string, format: DocumentFormat, lang: 'zh' | 'en'): Block[] {
  return segment(text, format).filter((b) => b.lang === lang || b.lang === 'mixed');
}

/** Align a Chinese document with its English translation. */
export function alignDocuments(zhText: string, enText: string, format: DocumentFormat, zhMatches: TermMatch[] = [], enMatches: TermMatch[] = []): DocumentAlignment {
  const zhBlocks = sideBlocks(zhText, format, 'zh');
  const enBlocks = sideBlocks(enText, format, 'en');
  const beads = align(unitsOf(zhText, zhBlocks, 'zh', sortedMatches(zhMatches)), unitsOf(enText, enBlocks, 'en', sortedMatches(enMatches)));
  return { zhBlocks, enBlocks, beads };
}

/**
 * Lint a pair of files: the Chinese text and its English translation.
 * Findings land on the side the translator writes (English by default), with
 * related locations in the other file (`zhFile` / `enFile`).
 */
export function lintPair(zhText: string, enText: string, options: PairOptions): { zh: Finding[]; en: Finding[] } {
  const config = options.config;
  if (severityFor('missing-translation', config) === 'off' && severityFor('number-mismatch', config) === 'off') return { zh: [], en: [] };
  const zhMatches = sortedMatches(options.zhMatches ?? options.matcher.findAll(zhText, options.format));
  const enMatches = sortedMatches(options.enMatches ?? options.matcher.findAll(enText, options.format));
  const { zhBlocks, enBlocks, beads } = alignDocuments(zhText, enText, options.format, zhMatches, enMatches);
  const result = checkAlignedPairs({
    zh: { lang: 'zh', text: zhText, file: options.zhFile ?? '(Chinese document)', matches: zhMatches },
    en: { lang: 'en', text: enText, file: options.enFile ?? '(English document)', matches: enMatches },
    beads: alignedPairs(beads, zhBlocks, enBlocks),
    config,
    direction: options.direction,
  });
  // Suppression comments apply in the file where the finding lands.
  const zhSup = parseSuppressions(zhText);
  const enSup = parseSuppressions(enText);
  return {
    zh: result.zh.filter((f) => !zhSup.isSuppressed(f.rule, f.start)),
    en: result.en.filter((f) => !enSup.isSuppressed(f.rule, f.start)),
  };
}

// ---------------------------------------------------------------- one file

/**
 * Whether the zh/en blocks of one document (table rows aside) alternate like
 * a bilingual draft: both languages, comparable amounts, and frequent
 * switches. A Chinese document quoting one English paragraph, or a Chinese
 * text followed by an English abstract, is not interleaved.
 */
function isInterleaved(blocks: Block[]): boolean {
  // A heading is not a translation of the paragraph under it: an English title over a
  // Chinese draft is monolingual. Judge by the body blocks when there are any.
  const judgesHeadings = !blocks.some((b) => b.kind !== 'heading' && b.kind !== 'table-row' && (b.lang === 'zh' || b.lang === 'en'));
  // One pass, no intermediate arrays: a large draft has tens of thousands of blocks.
  let zh = 0;
  let en = 0;
  let runs = 0;
  let previous: BlockLang | undefined;
  for (const b of blocks) {
    if (b.kind === 'table-row' || (b.kind === 'heading' && !judgesHeadings)) continue;
    if (b.lang === 'zh') zh++;
    else if (b.lang === 'en') en++;
    else continue;
    if (b.lang !== previous) runs++;
    previous = b.lang;
  }
  if (zh === 0 || en === 0) return false;
  if (Math.min(zh, en) / Math.max(zh, en) < 0.4) return false;
  return runs >= 1.2 * Math.min(zh, en) && runs >= 2;
}

interface TableColumns {
  zh: number;
  en: number;
}

/** The Chinese and English columns of a table, by the language of its cells (header as a hint). */
function tableColumns(rows: Block[]): TableColumns | undefined {
  const header = rows.find((r) => r.headerRow);
  const body = rows.filter((r) => !r.headerRow);
  const width = Math.max(0, ...rows.map((r) => r.cells?.length ?? 0));
  const score = (col: number, lang: 'zh' | 'en') => {
    let hits = 0;
    let filled = 0;
    for (const r of body) {
      const cell = r.cells?.[col];
      if (!cell || cell.lang === 'none') continue;
      filled++;
      if (cell.lang === lang) hits++;
    }
    const hint = header?.cells?.[col]?.text ?? '';
    const hinted = lang === 'zh' ? /中文|汉语|Chinese|^zh/i.test(hint) : /英文|英语|English|^en/i.test(hint);
    return filled === 0 ? (hinted ? 0.5 : 0) : hits / filled + (hinted ? 0.25 : 0);
  };
  let zh = -1;
  let en = -1;
  let zhBest = 0.5;
  let enBest = 0.5;
  for (let c = 0; c < width; c++) {
    const z = score(c, 'zh');
    if (z > zhBest) {
      zhBest = z;
      zh = c;
    }
  }
  for (let c = 0; c < width; c++) {
    const e = score(c, 'en');
    if (c !== zh && e > enBest) {
      enBest = e;
      en = c;
    }
  }
  return zh >= 0 && en >= 0 ? { zh, en } : undefined;
}

/**
 * Cheap whole-text test before segmenting: an interleaved draft has both
 * languages in substance (a Chinese text quoting a few English names has not).
 */
function balancedLanguages(text: string): boolean {
  const { cjk, latin } = documentLangCounts(text);
  const share = cjk / (cjk + latin / 3);
  return share > 0.1 && share < 0.9;
}

/**
 * The last document's segmentation and letter counts. An editor lints the
 * same document again after each keystroke: only the lines around the edit
 * are segmented again and only the changed characters counted.
 */
let lastSegmented: SegmentedDocument | undefined;
let lastCounts: { text: string; counts: LangCounts; letters?: LetterIndex } | undefined;

function segmentRemembered(text: string, format: DocumentFormat): Block[] {
  // A document counted whole just now lends its running letter totals to the segmenter.
  const letters = lastCounts?.text === text ? lastCounts.letters : undefined;
  lastSegmented = resegment(lastSegmented, text, format, letters);
  return lastSegmented.blocks;
}

function documentLangCounts(text: string): LangCounts {
  const last = lastCounts;
  if (last?.text === text) return last.counts;
  let counts: LangCounts;
  let letters: LetterIndex | undefined;
  const prefix = last ? commonPrefix(last.text, text) : 0;
  const suffix = last ? commonSuffix(last.text, text, prefix) : 0;
  if (last === undefined || 2 * (text.length - prefix - suffix) > text.length) {
    // Another document, or most of this one changed: count it whole, keeping running totals.
    letters = new LetterIndex(text);
    counts = letters.total;
  } else {
    const removed = langCountsIn(last.text, prefix, last.text.length - suffix);
    const added = langCountsIn(text, prefix, text.length - suffix);
    counts = { cjk: last.counts.cjk - removed.cjk + added.cjk, latin: last.counts.latin - removed.latin + added.latin };
  }
  lastCounts = { text, counts, letters };
  return counts;
}

/** Which bilingual layouts a document has. */
export function detectLayout(text: string, format: DocumentFormat): BilingualLayout {
  if (!hasCjk(text) || !/[A-Za-z]{2}/.test(text)) return 'none';
  return analyse(text, format).layout;
}

interface Analysis {
  layout: BilingualLayout;
  blocks: Block[];
  tables: Map<number, { rows: Block[]; columns: TableColumns }>;
}

function analyse(text: string, format: DocumentFormat): Analysis {
  const blocks = segmentRemembered(text, format);
  const tables = new Map<number, { rows: Block[]; columns: TableColumns }>();
  const byTable = new Map<number, Block[]>();
  for (const b of blocks) {
    if (b.kind === 'table-row' && b.tableId !== undefined) {
      const rows = byTable.get(b.tableId) ?? [];
      rows.push(b);
      byTable.set(b.tableId, rows);
    }
  }
  for (const [id, rows] of byTable) {
    const columns = tableColumns(rows);
    if (columns) tables.set(id, { rows, columns });
  }
  const interleaved = isInterleaved(blocks);
  const layout: BilingualLayout = interleaved && tables.size > 0 ? 'interleaved+table' : interleaved ? 'interleaved' : tables.size > 0 ? 'table' : 'none';
  return { layout, blocks, tables };
}

/**
 * Lint one document holding both languages: interleaved zh/en paragraphs
 * (either order; "中文标题 / English title" headings split), and Markdown
 * tables with a Chinese and an English column. Monolingual text returns []
 * after a cheap character test.
 */
export function lintBilingualDocument(text: string, options: BilingualOptions): Finding[] {
  // Hovers, code actions and the incremental linter ask again for the same text: answer from memory.
  const key = { text, matcher: options.matcher, format: options.format, config: JSON.stringify(options.config ?? {}), direction: options.direction };
  if (lastDocument && lastDocument.key.text === text && lastDocument.key.matcher === key.matcher && lastDocument.key.format === key.format && lastDocument.key.config === key.config && lastDocument.key.direction === key.direction) {
    return lastDocument.findings.map((f) => ({ ...f }));
  }
  const findings = lintDocumentUncached(text, options);
  lastDocument = { key, findings };
  return findings.map((f) => ({ ...f }));
}

let lastDocument: { key: { text: string; matcher: TermMatcher; format: DocumentFormat; config: string; direction?: Direction }; findings: Finding[] } | undefined;

/**
 * The bilingual layout the one-document rules work on, or undefined when they
 * have nothing to check: both rules off, one language only, or no layout.
 */
function bilingualAnalysis(text: string, format: DocumentFormat, config?: LintConfig): Analysis | undefined {
  if (severityFor('missing-translation', config) === 'off' && severityFor('number-mismatch', config) === 'off') return undefined;
  if (!hasCjk(text) || !/[A-Za-z]{2}/.test(text)) return undefined;
  if (!text.includes('|') && !balancedLanguages(text)) return undefined;
  const analysis = analyse(text, format);
  return analysis.layout === 'none' ? undefined : analysis;
}

function lintDocumentUncached(text: string, options: BilingualOptions): Finding[] {
  const config = options.config;
  const analysis = bilingualAnalysis(text, options.format, config);
  if (!analysis) return [];
  const { layout, blocks, tables } = analysis;
  const matches = sortedMatches(options.matches ?? options.matcher.findAll(text, options.format));
  const pairs: AlignedPair[] = [];

  if (layout === 'interleaved' || layout === 'interleaved+table') {
    const { zhBlocks, enBlocks, beads } = alignFlow(text, blocks, matches);
    for (const pair of alignedPairs(beads, zhBlocks, enBlocks)) pairs.push(pair);
  }
  for (const { rows, columns } of tables.values()) {
    for (const row of rows) {
      if (row.headerRow) continue;
      const zhCell = row.cells?.[columns.zh];
      const enCell = row.cells?.[columns.en];
      if (!zhCell || !enCell || zhCell.start === zhCell.end || enCell.start === enCell.end) continue;
      pairs.push({ zh: [{ start: zhCell.start, end: zhCell.end, kind: 'table-cell' }], en: [{ start: enCell.start, end: enCell.end, kind: 'table-cell' }] });
    }
  }
  const result = checkAlignedPairs({
    zh: { lang: 'zh', text, matches },
    en: { lang: 'en', text, matches },
    beads: pairs,
    config,
    direction: options.direction,
  });
  return [...result.zh, ...result.en].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** For an interleaved document, the aligned blocks (the editor reveals a block's partner). */
export function alignInterleaved(text: string, format: DocumentFormat, matches: TermMatch[] = []): DocumentAlignment | undefined {
  if (!hasCjk(text)) return undefined;
  const { layout, blocks } = analyse(text, format);
  if (layout !== 'interleaved' && layout !== 'interleaved+table') return undefined;
  return alignFlow(text, blocks, sortedMatches(matches));
}

/**
 * Align the Chinese and the English blocks of an interleaved document's flow
 * (its blocks outside tables), each unit knowing its place in the flow.
 */
function alignFlow(text: string, blocks: Block[], sorted: TermMatch[]): DocumentAlignment {
  const zhBlocks: Block[] = [];
  const enBlocks: Block[] = [];
  const zhPositions: number[] = [];
  const enPositions: number[] = [];
  let position = 0;
  for (const b of blocks) {
    if (b.kind === 'table-row') continue;
    if (b.lang === 'zh') {
      zhBlocks.push(b);
      zhPositions.push(position++);
    } else if (b.lang === 'en') {
      enBlocks.push(b);
      enPositions.push(position++);
    }
  }
  const beads = align(unitsOf(text, zhBlocks, 'zh', sorted, zhPositions), unitsOf(text, enBlocks, 'en', sorted, enPositions));
  return { zhBlocks, enBlocks, beads };
}

/**
 * For an offset on one side, the range of the aligned block(s) on the other
 * side (scroll sync). A block aligned to nothing maps to the nearest bead
 * that has a partner, so the other editor still follows.
 */
export function alignedRange(alignment: DocumentAlignment, side: 'zh' | 'en', offset: number): { start: number; end: number } | undefined {
  const blocks = side === 'zh' ? alignment.zhBlocks : alignment.enBlocks;
  const otherBlocks = side === 'zh' ? alignment.enBlocks : alignment.zhBlocks;
  const otherSide = side === 'zh' ? 'en' : 'zh';
  if (blocks.length === 0 || otherBlocks.length === 0) return undefined;
  // The first block that ends at or after the offset (the one in view at the top).
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  const beadOf = new Int32Array(blocks.length).fill(-1);
  alignment.beads.forEach((bead, k) => {
    for (const i of bead[side]) beadOf[i] = k;
  });
  const start = beadOf[lo];
  if (start < 0) return undefined;
  for (let d = 0; d < alignment.beads.length; d++) {
    for (const k of [start + d, start - d]) {
      const bead = alignment.beads[k];
      if (!bead || bead[otherSide].length === 0) continue;
      const first = otherBlocks[bead[otherSide][0]];
      const last = otherBlocks[bead[otherSide][bead[otherSide].length - 1]];
      return { start: first.start, end: last.end };
    }
  }
  return undefined;
}
