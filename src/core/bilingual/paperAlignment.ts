// Alignment accuracy against the white paper: builds a Chinese and an English
// document from data/paper.json (section headings, then paragraphs) and scores
// an alignment of the two against the paper's own paragraph alignment. Used by
// the accuracy test and scripts/alignment-accuracy.ts. Pure: no I/O.
import type { DocumentFormat, Paper, PaperParagraph } from '../types';
import type { Bead } from './align';
import type { Block } from './segment';

export interface PaperDocument {
  text: string;
  /** For each paragraph id, the ranges of its blocks in `text` (one zh block; one or two en blocks). */
  paragraphs: Map<string, Array<[number, number]>>;
}

export interface PaperVariant {
  /** Reorder the English paragraphs of each section (seeded, deterministic). */
  shuffleEnglish?: number;
  /** Leave these paragraph ids out of the English document. */
  dropEnglish?: string[];
  /** Leave these paragraph ids out of the Chinese document. */
  dropChinese?: string[];
  /** Write the English of each of these paragraphs and of the next one as one paragraph (a 2:1 bead). */
  mergeEnglish?: string[];
  /** Write the English of each of these paragraphs as three paragraphs, split between sentences (a 1:3 bead). */
  splitEnglishInThree?: string[];
  format?: DocumentFormat;
}

function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

function heading(level: number, title: string, format: DocumentFormat): string {
  return format === 'markdown' ? `${'#'.repeat(level + 2)} ${title}` : title;
}

/** The Chinese and English documents of the paper, per section with headings. */
export function buildPaperDocuments(paper: Paper, variant: PaperVariant = {}): { zh: PaperDocument; en: PaperDocument } {
  const format = variant.format ?? 'markdown';
  const build = (lang: 'zh' | 'en'): PaperDocument => {
    const parts: string[] = [];
    let offset = 0;
    const paragraphs = new Map<string, Array<[number, number]>>();
    const add = (s: string) => {
      const start = offset;
      parts.push(s);
      offset += s.length + 2;
      return [start, start + s.length] as [number, number];
    };
    const random = seededRandom(variant.shuffleEnglish ?? 0);
    let pendingMerge: { id: string; text: string } | undefined;
    for (const section of paper.sections) {
      let paras: PaperParagraph[] = paper.paragraphs.filter((p) => p.section === section.id);
      const title = lang === 'zh' ? section.title.zh : (section.number ? `${section.number}. ` : '') + section.title.en;
      if (title) add(heading(section.level, title, format));
      if (lang === 'en' && variant.shuffleEnglish) {
        paras = [...paras];
        for (let i = paras.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [paras[i], paras[j]] = [paras[j], paras[i]];
        }
      }
      for (const p of paras) {
        if (lang === 'zh') {
          if (!p.zh || variant.dropChinese?.includes(p.id)) continue;
          paragraphs.set(p.id, [add(p.zh)]);
        } else {
          if (variant.dropEnglish?.includes(p.id)) continue;
          if (pendingMerge) {
            // Joined to the previous paragraph's English: both ids own the one block.
            const merged = add(`${pendingMerge.text} ${p.en.join(' ')}`);
            paragraphs.set(pendingMerge.id, [merged]);
            paragraphs.set(p.id, [merged]);
            pendingMerge = undefined;
            continue;
          }
          if (variant.mergeEnglish?.includes(p.id)) {
            pendingMerge = { id: p.id, text: p.en.join(' ') };
            continue;
          }
          if (variant.splitEnglishInThree?.includes(p.id)) {
            const sentences = p.en.join(' ').match(/[^.!?]+[.!?]+(?:\s+|$)/g) ?? [p.en.join(' ')];
            const size = Math.ceil(sentences.length / 3);
            const parts = [0, 1, 2].map((k) => sentences.slice(k * size, (k + 1) * size).join('').trim()).filter((t) => t !== '');
            paragraphs.set(p.id, parts.map((t) => add(t)));
            continue;
          }
          paragraphs.set(p.id, p.en.map((e) => add(e)));
        }
      }
      if (pendingMerge) {
        paragraphs.set(pendingMerge.id, [add(pendingMerge.text)]);
        pendingMerge = undefined;
      }
    }
    return { text: parts.join('\n\n') + '\n', paragraphs };
  };
  return { zh: build('zh'), en: build('en') };
}

export interface AccuracyReport {
  /** Paragraphs scored: every paper paragraph present in either document. */
  total: number;
  correct: number;
  accuracy: number;
  /** Ids of paragraphs aligned wrongly. */
  wrong: string[];
}

/**
 * A paragraph is aligned correctly when its Chinese block sits in one bead
 * with exactly its English blocks (one or two; with a merged English
 * paragraph, both Chinese paragraphs and the one English block) and nothing else; a paragraph
 * present in one language only is correct when its blocks are aligned to
 * nothing. Headings are not scored (they are the anchors).
 */
export function scoreAlignment(
  docs: { zh: PaperDocument; en: PaperDocument },
  zhBlocks: Block[],
  enBlocks: Block[],
  beads: Bead[],
): AccuracyReport {
  const blockAt = (blocks: Block[], range: [number, number]) => blocks.findIndex((b) => b.contentStart <= range[0] && range[1] <= b.end + 1 && b.end >= range[0]);
  const zhBead = new Map<number, number>();
  const enBead = new Map<number, number>();
  beads.forEach((bead, k) => {
    bead.zh.forEach((i) => zhBead.set(i, k));
    bead.en.forEach((i) => enBead.set(i, k));
  });
  const ids = new Set([...docs.zh.paragraphs.keys(), ...docs.en.paragraphs.keys()]);
  const wrong: string[] = [];
  // Paragraphs whose English was merged share a block: they form one expected bead.
  const sameEnglish = (a: string, b: string) =>
    (docs.en.paragraphs.get(a) ?? []).some(([s]) => (docs.en.paragraphs.get(b) ?? []).some(([t]) => s === t));
  for (const id of ids) {
    const group = [...ids].filter((other) => other === id || sameEnglish(id, other));
    const zhRanges = group.flatMap((g) => docs.zh.paragraphs.get(g) ?? []);
    const enRanges = [...new Map(group.flatMap((g) => docs.en.paragraphs.get(g) ?? []).map((r) => [r[0], r] as const)).values()];
    const zi = zhRanges.map((r) => blockAt(zhBlocks, r));
    const ei = enRanges.map((r) => blockAt(enBlocks, r));
    if (zi.includes(-1) || ei.includes(-1)) {
      wrong.push(id);
      continue;
    }
    let ok: boolean;
    if (zi.length > 0 && ei.length > 0) {
      const k = zhBead.get(zi[0]);
      const bead = k === undefined ? undefined : beads[k];
      ok = !!bead && bead.zh.length === zi.length && bead.en.length === ei.length && ei.every((e) => bead.en.includes(e)) && zi.every((z) => bead.zh.includes(z));
    } else {
      const side = zi.length > 0 ? zi.map((z) => beads[zhBead.get(z) ?? -1]) : ei.map((e) => beads[enBead.get(e) ?? -1]);
      ok = side.every((bead) => !!bead && (zi.length > 0 ? bead.en.length === 0 : bead.zh.length === 0));
    }
    if (!ok) wrong.push(id);
  }
  const total = ids.size;
  return { total, correct: total - wrong.length, accuracy: total === 0 ? 0 : (total - wrong.length) / total, wrong };
}
