// Turns the white paper excerpt (a two-column PDF extraction, see
// data/source/README.md) into sections and aligned zh/en paragraphs.
// Pure: the caller reads the file; this module only sees its text.

import type { Paper, PaperParagraph, PaperSection } from './types';

export const PAPER_TITLE = {
  zh: '碳达峰碳中和的中国行动',
  en: "Carbon Peaking and Carbon Neutrality: China's Plans and Solutions",
} as const;

export const PAPER_SOURCE = 'data/source/white-paper-excerpt.txt';

type Language = 'zh' | 'en';

/** One non-blank source line, trimmed, with its 1-based line number. */
interface SourceLine {
  lineNumber: number;
  text: string;
}

/** A stream item: a text line, a blank line, or the end of a same-language run (page break). */
type StreamItem =
  | { kind: 'line'; line: SourceLine }
  | { kind: 'blank' }
  | { kind: 'runEnd' };

interface RawParagraph {
  section: string;
  lines: SourceLine[];
}

interface RawHeading {
  number: string;
  sectionId: string;
  level: number;
  parent: string | null;
  title: string;
}

interface LanguageStream {
  headings: RawHeading[];
  paragraphs: RawParagraph[];
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** A Chinese line that closes a sentence can close a paragraph. */
const ZH_SENTENCE_END = /[。！？；：…][”’」』）]*$/;
/** An English line that closes a sentence (or introduces a list with ":") can close a paragraph. */
const EN_SENTENCE_END = /[.!?:;][”’")\]]*$/;

const ZH_NUMERALS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10,
};
const ROMAN_NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

const ZH_PART_HEADING = /^([一二三四五六七八九十]+)、\S/;
const ZH_SUBSECTION_HEADING = /^（([一二三四五六七八九十]+)）\S/;
const EN_HEADING = /^([IVX]+|\d+)\.\s+[A-Z]/;

/**
 * Line-end hyphens that belong to the word even though the paper never
 * writes the compound unbroken inside a line, so the evidence rule below
 * cannot see them. "high-quality" (高质量) is one of the paper's set phrases
 * ("high-quality development") and only ever appears hyphenated at a line
 * end in this excerpt; "low-carbon" is listed because it is a key term and
 * must never degrade to "lowcarbon" should the evidence change.
 */
const KNOWN_COMPOUNDS: ReadonlySet<string> = new Set(['high-quality', 'low-carbon']);

// ------------------------------------------------------------------ lines

function classify(text: string): Language | null {
  if (text.trim() === '') return null;
  return CJK.test(text) ? 'zh' : 'en';
}

/** Splits the source into one stream per language, keeping blank lines and page breaks. */
function splitStreams(sourceText: string): Record<Language, StreamItem[]> {
  const rawLines = sourceText.replace(/\r\n?/g, '\n').split('\n');
  const streams: Record<Language, StreamItem[]> = { zh: [], en: [] };
  let current: Language | null = null;
  for (let index = 0; index < rawLines.length; index++) {
    const raw = rawLines[index];
    const language = classify(raw);
    if (language === null) {
      if (current) streams[current].push({ kind: 'blank' });
      continue;
    }
    if (current !== language) {
      if (current) streams[current].push({ kind: 'runEnd' });
      current = language;
    }
    streams[language].push({ kind: 'line', line: { lineNumber: index + 1, text: raw.trim() } });
  }
  if (current) streams[current].push({ kind: 'runEnd' });
  return streams;
}

// --------------------------------------------------------------- headings

function zhHeading(text: string, currentPart: string | null): Omit<RawHeading, 'title'> | null {
  if (text === '前言') return { number: '', sectionId: 'preface', level: 0, parent: null };
  let match = ZH_PART_HEADING.exec(text);
  if (match) {
    const roman = ROMAN_NUMERALS[ZH_NUMERALS[match[1]] - 1];
    if (roman) return { number: roman, sectionId: roman, level: 0, parent: null };
  }
  match = ZH_SUBSECTION_HEADING.exec(text);
  if (match && currentPart) {
    const number = String(ZH_NUMERALS[match[1]]);
    return { number, sectionId: `${currentPart}.${number}`, level: 1, parent: currentPart };
  }
  return null;
}

function enHeading(text: string, currentPart: string | null): Omit<RawHeading, 'title'> | null {
  if (text === 'Preface') return { number: '', sectionId: 'preface', level: 0, parent: null };
  const match = EN_HEADING.exec(text);
  if (!match) return null;
  const number = match[1];
  if (/^\d+$/.test(number)) {
    if (!currentPart) return null;
    return { number, sectionId: `${currentPart}.${number}`, level: 1, parent: currentPart };
  }
  if (!ROMAN_NUMERALS.includes(number)) return null;
  return { number, sectionId: number, level: 0, parent: null };
}

/** Drops the printed number from an English heading ("I. Staying ..." -> "Staying ..."); it lives in `number`. */
function stripEnNumber(title: string): string {
  return title.replace(/^([IVX]+|\d+)\.\s+/, '');
}

// ----------------------------------------------------------- paragraphing

/**
 * English headings may wrap onto a second (rarely a third) line, and are
 * followed by a blank line. The lines after a heading are its continuation
 * only if they are short of a sentence end and a blank line or page break
 * follows them; otherwise the heading is one line and body text follows.
 */
function headingContinuation(items: StreamItem[], from: number, sentenceEnd: RegExp): string[] {
  const MAX_CONTINUATION_LINES = 2;
  const block: string[] = [];
  let k = from;
  for (; k < items.length; k++) {
    const item = items[k];
    if (item.kind !== 'line') break;
    block.push(item.line.text);
  }
  if (block.length === 0 || block.length > MAX_CONTINUATION_LINES) return [];
  if (block.some((line) => sentenceEnd.test(line))) return [];
  return block;
}

/**
 * Groups one language's stream into headings and paragraphs. A paragraph
 * ends where a line closing a sentence is followed by a blank line, a
 * heading or a page break; a blank line after an unfinished sentence is
 * a layout artefact and is skipped, and a run that stops mid-sentence is
 * continued by the next run of the same language.
 */
function paragraphize(
  items: StreamItem[],
  language: Language,
  joinHeading: (lines: string[]) => string,
): LanguageStream {
  const sentenceEnd = language === 'zh' ? ZH_SENTENCE_END : EN_SENTENCE_END;
  const detectHeading = language === 'zh' ? zhHeading : enHeading;
  const headings: RawHeading[] = [];
  const paragraphs: RawParagraph[] = [];
  let section: string | null = null;
  let currentPart: string | null = null;
  let open: SourceLine[] = [];
  let atSentenceEnd = true;

  const close = (): void => {
    if (open.length > 0) {
      if (section === null) {
        throw new Error(`paper: line ${open[0].lineNumber}: text before the first heading`);
      }
      paragraphs.push({ section, lines: open });
    }
    open = [];
    atSentenceEnd = true;
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind !== 'line') {
      if (atSentenceEnd) close();
      continue;
    }
    const text = item.line.text;
    const heading: Omit<RawHeading, 'title'> | null =
      open.length === 0 || atSentenceEnd ? detectHeading(text, currentPart) : null;
    if (heading) {
      close();
      const titleLines = [text];
      if (language === 'en' && heading.sectionId !== 'preface') {
        const wrapped = headingContinuation(items, i + 1, sentenceEnd);
        titleLines.push(...wrapped);
        i += wrapped.length;
      }
      headings.push({ ...heading, title: joinHeading(titleLines) });
      section = heading.sectionId;
      if (heading.level === 0) currentPart = heading.sectionId === 'preface' ? null : heading.sectionId;
      continue;
    }
    open.push(item.line);
    atSentenceEnd = sentenceEnd.test(text);
  }
  close();
  return { headings, paragraphs };
}

// ------------------------------------------------------------ joining text

function joinChinese(lines: string[]): string {
  let previous = '';
  const pieces = lines.map((line) => {
    // Only a Latin word wrapped against another Latin word needs a space back.
    const piece = /[A-Za-z]$/.test(previous) && /^[A-Za-z]/.test(line) ? ` ${line}` : line;
    previous = line;
    return piece;
  });
  return pieces.join('');
}

/** Whole-word, case-insensitive occurrence counts of in-line words, the evidence for hyphen decisions. */
function buildEvidence(enLines: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of enLines) {
    const words = line.split(/[^A-Za-z-]+/).filter(Boolean);
    // A line's last word, if it ends with "-", and a line's first word are fragments, not evidence.
    words.forEach((word, index) => {
      if (index === words.length - 1 && word.endsWith('-')) return;
      if (index === 0) return;
      const key = word.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
  }
  return counts;
}

export type HyphenDecision = 'join' | 'keep';

/**
 * Decides whether "head-" at a line end followed by "tail" is a typesetting
 * break ("Revolu-" "tion" -> "Revolution") or a real compound ("low-"
 * "carbon" -> "low-carbon"). Deterministic: known compounds, then a capital
 * or digit after the hyphen, then whichever form the paper writes more
 * often inside a line, then join (most line-end hyphens are breaks).
 */
export function decideHyphen(head: string, tail: string, evidence: Map<string, number>): HyphenDecision {
  const hyphenated = `${head}-${tail}`.toLowerCase();
  if (KNOWN_COMPOUNDS.has(hyphenated)) return 'keep';
  if (/^[A-Z0-9]/.test(tail)) return 'keep';
  const joinedCount = evidence.get(`${head}${tail}`.toLowerCase()) ?? 0;
  const hyphenatedCount = evidence.get(hyphenated) ?? 0;
  return hyphenatedCount > joinedCount ? 'keep' : 'join';
}

/** Joins wrapped English lines with single spaces, resolving line-end hyphens; NBSP (a PDF artefact after run-in leads) becomes a space. */
function joinEnglish(lines: string[], evidence: Map<string, number>): string {
  // Pieces are collected and joined once, so long paragraphs stay linear.
  const pieces: string[] = [];
  let previous = '';
  for (const raw of lines) {
    let line = raw.replace(/\u00a0/g, ' ').trim();
    if (pieces.length > 0) {
      // Only the previous line's last word matters; a short tail keeps a huge line cheap.
      const broken = /(?:^|[^A-Za-z])([A-Za-z]+)-$/.exec(previous.slice(-200));
      const next = /^[A-Za-z]+/.exec(line);
      if (broken && next) {
        if (decideHyphen(broken[1], next[0], evidence) === 'join') {
          pieces[pieces.length - 1] = pieces[pieces.length - 1].slice(0, -1);
        }
      } else if (/[A-Za-z0-9]-$/.test(previous) && /^[A-Za-z0-9]/.test(line)) {
        // "mid-" + "2030": a hyphen before a number is never a syllable break.
      } else if (!previous.endsWith('—')) {
        line = ` ${line}`;
      }
    }
    pieces.push(line);
    previous = line.trimStart();
  }
  return pieces.join('');
}

// --------------------------------------------------------------- alignment

function yearsIn(text: string): string[] {
  return text.match(/(?<!\d)(19|20)\d\d(?!\d)/g) ?? [];
}

function multisetDifference(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let missing = 0;
  for (const x of b) {
    const c = counts.get(x) ?? 0;
    if (c > 0) counts.set(x, c - 1);
    else missing++;
  }
  for (const c of counts.values()) missing += c;
  return missing;
}

interface AlignmentBead {
  zh: number | null;
  en: number[];
}

/**
 * Aligns one section's Chinese and English paragraphs (dynamic programming
 * over beads 1:1, 1:2, 1:0 and 0:1). Cost: squared log deviation of the
 * length ratio from the paper's overall ratio, plus a penalty per year that
 * occurs on only one side (years are written alike in both languages).
 */
function alignSection(zh: string[], en: string[], expectedRatio: number): AlignmentBead[] {
  const zhYears = zh.map(yearsIn);
  const enYears = en.map(yearsIn);
  /** Cost of pairing zh[i] with en[j .. j + count). */
  const beadCost = (i: number, j: number, count: 1 | 2): number => {
    const enLength = en[j].length + (count === 2 ? en[j + 1].length : 0);
    const deviation = Math.log(Math.max(enLength, 1) / (Math.max(zh[i].length, 1) * expectedRatio));
    const years = count === 2 ? enYears[j].concat(enYears[j + 1]) : enYears[j];
    const yearCost = zhYears[i].length + years.length === 0 ? 0 : multisetDifference(zhYears[i], years) * 2;
    return deviation * deviation * 4 + yearCost;
  };
  const ONE_TO_TWO = 1;
  const UNMATCHED = 6;
  const m = zh.length;
  const n = en.length;
  const width = n + 1;
  // Flat typed arrays: a long malformed input must not drown in per-cell allocations.
  const cost = new Float64Array((m + 1) * width).fill(Infinity);
  const back = new Uint8Array((m + 1) * width); // step code: zh count * 4 + en count
  cost[0] = 0;
  const relax = (from: number, di: number, dj: number, step: number): void => {
    const to = from + di * width + dj;
    if (cost[from] + step < cost[to]) {
      cost[to] = cost[from] + step;
      back[to] = di * 4 + dj;
    }
  };
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      const here = i * width + j;
      if (cost[here] === Infinity) continue;
      if (i < m && j < n) relax(here, 1, 1, beadCost(i, j, 1));
      if (i < m && j + 1 < n) relax(here, 1, 2, beadCost(i, j, 2) + ONE_TO_TWO);
      if (i < m) relax(here, 1, 0, UNMATCHED);
      if (j < n) relax(here, 0, 1, UNMATCHED);
    }
  }
  const beads: AlignmentBead[] = [];
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    const step = back[i * width + j];
    if (step === 0) throw new Error(`paper: alignment failed at zh ${i}, en ${j}`);
    const di = step >> 2;
    const dj = step & 3;
    beads.push({
      zh: di === 1 ? i - 1 : null,
      en: Array.from({ length: dj }, (_, k) => j - dj + k),
    });
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

// ------------------------------------------------------------------- parse

function lineRange(lines: SourceLine[]): [number, number] {
  return [lines[0].lineNumber, lines[lines.length - 1].lineNumber];
}

/**
 * Parses the excerpt. `lines` ranges are [first, last] source line of the
 * paragraph; a paragraph continued across a page break spans the other
 * language's run in between, whose lines are not part of it.
 */
export function parsePaper(sourceText: string): Paper {
  const streams = splitStreams(sourceText);
  const enTexts = streams.en.flatMap((item) => (item.kind === 'line' ? [item.line.text.replace(/\u00a0/g, ' ')] : []));
  const evidence = buildEvidence(enTexts);
  const joinEn = (lines: string[]): string => joinEnglish(lines, evidence);

  const zhStream = paragraphize(streams.zh, 'zh', joinChinese);
  const enStream = paragraphize(streams.en, 'en', (lines) => stripEnNumber(joinEn(lines)));

  const sections: PaperSection[] = [];
  for (const heading of enStream.headings) {
    if (sections.some((s) => s.id === heading.sectionId)) {
      throw new Error(`paper: section ${heading.sectionId} appears twice`);
    }
    const zhHeadingMatch = zhStream.headings.find((h) => h.sectionId === heading.sectionId);
    sections.push({
      id: heading.sectionId,
      number: heading.number,
      level: heading.level,
      parent: heading.parent,
      title: { zh: zhHeadingMatch ? zhHeadingMatch.title : null, en: heading.title },
    });
  }
  for (const heading of zhStream.headings) {
    if (!sections.some((s) => s.id === heading.sectionId)) {
      throw new Error(`paper: Chinese section ${heading.title} has no English heading`);
    }
  }

  const zhTexts = zhStream.paragraphs.map((p) => joinChinese(p.lines.map((l) => l.text)));
  const enParagraphTexts = enStream.paragraphs.map((p) => joinEn(p.lines.map((l) => l.text)));

  // The expected en/zh length ratio, measured over the sections that have both languages.
  const bilingual = new Set(zhStream.paragraphs.map((p) => p.section));
  const zhTotal = zhTexts.reduce((sum, t) => sum + t.length, 0);
  const enTotal = enStream.paragraphs.reduce(
    (sum, p, k) => sum + (bilingual.has(p.section) ? enParagraphTexts[k].length : 0),
    0,
  );
  const expectedRatio = zhTotal > 0 ? enTotal / zhTotal : 1;

  const paragraphs: PaperParagraph[] = [];
  for (const section of sections) {
    const zhIndexes = zhStream.paragraphs.flatMap((p, k) => (p.section === section.id ? [k] : []));
    const enIndexes = enStream.paragraphs.flatMap((p, k) => (p.section === section.id ? [k] : []));
    const beads = alignSection(
      zhIndexes.map((k) => zhTexts[k]),
      enIndexes.map((k) => enParagraphTexts[k]),
      expectedRatio,
    );
    beads.forEach((bead, n) => {
      const zhIndex = bead.zh === null ? null : zhIndexes[bead.zh];
      const enGroup = bead.en.map((k) => enIndexes[k]);
      paragraphs.push({
        id: `${section.id}.p${n + 1}`,
        section: section.id,
        zh: zhIndex === null ? null : zhTexts[zhIndex],
        en: enGroup.map((k) => enParagraphTexts[k]),
        lines: {
          zh: zhIndex === null ? null : lineRange(zhStream.paragraphs[zhIndex].lines),
          en: enGroup.map((k) => lineRange(enStream.paragraphs[k].lines)),
        },
      });
    });
  }

  return { title: { ...PAPER_TITLE }, source: PAPER_SOURCE, sections, paragraphs };
}
