// "Search terms": fuzzy search over both languages, the admitted and
// deprecated forms and the definitions (fuse.js), plus pinyin, in full or by
// initials ("tandafeng", "tdf" → 碳达峰), via pinyin-pro.
import Fuse from 'fuse.js';
import { pinyin } from 'pinyin-pro';
import type { Concept } from '../../core/types';

export interface SearchHit {
  concept: Concept;
  /** 0 is a perfect match, 1 the worst kept. */
  score: number;
}

interface PinyinKey {
  /** Syllables without tones, "ü" written "v": ["tan", "da", "feng"]. */
  syllables: string[];
  full: string;
  initials: string;
}

interface Entry {
  concept: Concept;
  order: number;
  zh: string;
  en: string;
  variants: string[];
  deprecated: string[];
  definitionZh: string;
  definitionEn: string;
  id: string;
  pinyin: PinyinKey[];
  /** Lower-cased forms for exact / prefix / substring boosts. */
  forms: string[];
}

/** The best score a fuzzy hit gets: exact, prefix and substring hits score below it. */
const FUZZY_FLOOR = 0.1;

export class TermSearchIndex {
  private readonly entries: Entry[];
  private readonly fuse: Fuse<Entry>;

  constructor(concepts: Concept[]) {
    this.entries = concepts.map((concept, order) => {
      const accepted = concept.accepted ?? [];
      const deprecated = concept.deprecated ?? [];
      const zhForms = [concept.zh, ...accepted.filter((f) => f.lang === 'zh').map((f) => f.text), ...deprecated.filter((f) => f.lang === 'zh').map((f) => f.text)];
      return {
        concept,
        order,
        zh: concept.zh,
        en: concept.en,
        variants: accepted.map((f) => f.text),
        deprecated: deprecated.map((f) => f.text),
        definitionZh: concept.definition?.zh ?? '',
        definitionEn: concept.definition?.en ?? '',
        id: concept.id,
        pinyin: [...new Set(zhForms)].map(pinyinKey).filter((k) => k.full.length > 0),
        forms: [concept.zh, concept.en, ...accepted.map((f) => f.text), ...deprecated.map((f) => f.text)].map((f) => f.toLowerCase()),
      };
    });
    this.fuse = new Fuse(this.entries, {
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.35,
      keys: [
        { name: 'zh', weight: 3 },
        { name: 'en', weight: 3 },
        { name: 'variants', weight: 2 },
        { name: 'deprecated', weight: 1.5 },
        { name: 'id', weight: 1 },
        { name: 'definitionZh', weight: 0.6 },
        { name: 'definitionEn', weight: 0.6 },
      ],
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Best first; an empty query lists every concept in term-base order.
   * `alwaysFuzzy` runs the fuzzy pass even when it cannot change the result
   * (tests compare the two).
   */
  search(query: string, limit = 50, { alwaysFuzzy = false } = {}): SearchHit[] {
    const q = query.trim().toLowerCase();
    if (!q) return this.entries.slice(0, limit).map((e) => ({ concept: e.concept, score: 0 }));

    const best = new Map<Entry, number>();
    const offer = (entry: Entry, score: number) => {
      const previous = best.get(entry);
      if (previous === undefined || score < previous) best.set(entry, score);
    };

    for (const entry of this.entries) {
      for (const form of entry.forms) {
        if (form === q) offer(entry, 0);
        else if (form.startsWith(q)) offer(entry, 0.02);
        else if (form.includes(q)) offer(entry, 0.08);
      }
    }

    const letters = q.replace(/[\s'’]/g, '').replace(/ü/g, 'v');
    if (/^[a-z]+$/.test(letters)) {
      for (const entry of this.entries) {
        for (const key of entry.pinyin) {
          const score = pinyinScore(key, letters);
          if (score !== undefined) offer(entry, score);
        }
      }
    }

    // Fuzzy matching costs most by far (every key of every entry: a second per query over a
    // 100 000-entry glossary). It scores FUZZY_FLOOR or worse, so when `limit` hits already
    // score better it cannot change the result: skip it.
    let strong = 0;
    for (const score of best.values()) if (score < FUZZY_FLOOR) strong++;
    if (alwaysFuzzy || strong < limit) {
      for (const result of this.fuse.search(q)) {
        // Fuse scores start at ~0 for exact hits; keep them behind exact form and pinyin hits.
        offer(result.item, FUZZY_FLOOR + (result.score ?? 1) * 0.9);
      }
    }

    return [...best.entries()]
      .sort((a, b) => a[1] - b[1] || a[0].order - b[0].order)
      .slice(0, limit)
      .map(([entry, score]) => ({ concept: entry.concept, score }));
  }
}

function pinyinKey(text: string): PinyinKey {
  const syllables = (pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }) as string[])
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter((s) => s.length > 0);
  return { syllables, full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

/**
 * How well ASCII letters match a Chinese form's pinyin: whole pinyin or
 * initials (0.01), a prefix of either (0.04 / 0.06), or a run starting at a
 * later syllable (0.15 / 0.2, two letters or more). Undefined when no match.
 */
export function pinyinScore(key: PinyinKey, letters: string): number | undefined {
  if (letters === key.full || letters === key.initials) return 0.01;
  if (key.full.startsWith(letters) && letters.length >= 2) return 0.04;
  if (key.initials.startsWith(letters) && letters.length >= 2) return 0.06;
  if (letters.length >= 2) {
    for (let i = 1; i < key.syllables.length; i++) {
      if (key.syllables.slice(i).join('').startsWith(letters) && letters.length >= 3) return 0.15;
      if (key.initials.slice(i).startsWith(letters)) return 0.2;
    }
  }
  return undefined;
}

/** How a concept is shown in the QuickPick and returned by the API. */
export function searchItem(concept: Concept): { conceptId: string; label: string; description?: string; detail?: string } {
  return {
    conceptId: concept.id,
    label: `${concept.zh} · ${concept.en}`,
    description: [...(concept.accepted ?? []).map((f) => f.text)].slice(0, 3).join(', ') || undefined,
    detail: concept.definition?.en || concept.definition?.zh || undefined,
  };
}
