// Lookups into the bundled white paper: paragraphs and sections by id, and
// the paper's own sentence(s) for a concept, in both languages. Pure: the
// paper is passed in (the default is the bundled one) and nothing is read
// from disk.
import { paper as bundledPaper } from './data';
import type { Concept, Paper, PaperParagraph, PaperSection, TermForm } from './types';
import { canonicalFor } from './termbase';

/** Where a form was found inside a sentence (offsets into `sentence`). */
export interface SentenceHit {
  sentence: string;
  start: number;
  end: number;
  /** The form that was found, as listed in the term base. */
  form: string;
  /** True when the matcher reads it as this concept, not as part of a longer one. */
  standalone?: boolean;
}

export interface Evidence {
  paragraph: PaperParagraph;
  section: PaperSection | undefined;
  /** The Chinese sentence that uses the concept, if the paragraph has Chinese text and uses it. */
  zhSentence: string | null;
  /** The English sentence that uses the concept's rendering, if any. */
  enSentence: string | null;
  zh: SentenceHit | null;
  en: SentenceHit | null;
}

/** What evidenceFor needs of a TermMatcher (leftmost-longest matching across all concepts). */
export interface ConceptFinder {
  findAll(text: string, format?: 'plaintext' | 'markdown'): Array<{ start: number; end: number; concept: { id: string }; status: 'canonical' | 'admitted' | 'deprecated'; form: { text: string; inPaper?: string } }>;
}

const STATUS_ORDER = ['canonical', 'admitted', 'deprecated'] as const;

export class PaperIndex {
  private readonly paragraphs = new Map<string, PaperParagraph>();
  private readonly sections = new Map<string, PaperSection>();
  private readonly sentenceCache = new Map<string, { zh: string[]; en: string[] }>();

  constructor(readonly paper: Paper = bundledPaper) {
    for (const p of paper.paragraphs) this.paragraphs.set(p.id, p);
    for (const s of paper.sections) this.sections.set(s.id, s);
  }

  paragraphById(id: string): PaperParagraph | undefined {
    return this.paragraphs.get(id);
  }

  sectionById(id: string): PaperSection | undefined {
    return this.sections.get(id);
  }

  /** Section of a paragraph, and that section's ancestors, outermost first. */
  sectionPath(sectionId: string): PaperSection[] {
    const path: PaperSection[] = [];
    let current = this.sections.get(sectionId);
    while (current && path.length < 10) {
      path.unshift(current);
      current = current.parent ? this.sections.get(current.parent) : undefined;
    }
    return path;
  }

  /**
   * The paper's own sentences for a concept, one entry per paragraph that
   * uses it (Chinese or English), paragraphs where both languages use it
   * first, then in paper order. Uses the concept's `refs` when filled in,
   * otherwise scans the whole paper.
   *
   * With a matcher, a form counts only where the matcher assigns it to this
   * concept ("peak carbon" inside "peak carbon and carbon neutrality" belongs
   * to the longer concept); canonical uses are preferred to admitted ones, and
   * deprecated forms count only where the term base says the paper uses them.
   * Without one, the forms are searched as plain strings.
   */
  evidenceFor(concept: Concept, matcher?: ConceptFinder): Evidence[] {
    const zhForms = formsOf(concept, 'zh');
    const enForms = formsOf(concept, 'en');
    const candidates = concept.refs && concept.refs.length > 0
      ? concept.refs.map((id) => this.paragraphs.get(id)).filter((p): p is PaperParagraph => p !== undefined)
      : this.paper.paragraphs;
    const found: Evidence[] = [];
    for (const paragraph of candidates) {
      const sentences = this.sentencesOf(paragraph);
      // The matcher's own reading first; the plain search also finds the term inside longer
      // concepts ("碳达峰" in "碳达峰碳中和"), which the paper uses far more often than the bare term.
      const zh = (matcher && firstMatch(sentences.zh, concept, matcher)) || firstHit(sentences.zh, zhForms, findChinese);
      const en = (matcher && firstMatch(sentences.en, concept, matcher)) || firstHit(sentences.en, enForms, findEnglish);
      if (!zh && !en) continue;
      found.push({
        paragraph,
        section: this.sections.get(paragraph.section),
        zhSentence: zh?.sentence ?? null,
        enSentence: en?.sentence ?? null,
        zh,
        en,
      });
    }
    const order = new Map(this.paper.paragraphs.map((p, i) => [p.id, i]));
    // Both languages before one; uses of the term on its own before uses inside a longer concept.
    const rank = (e: Evidence) => (e.zh && e.en ? 0 : 4) + (e.zh?.standalone ? 0 : 1) + (e.en?.standalone ? 0 : 1);
    return found.sort((a, b) => rank(a) - rank(b) || (order.get(a.paragraph.id) ?? 0) - (order.get(b.paragraph.id) ?? 0));
  }

  private sentencesOf(paragraph: PaperParagraph): { zh: string[]; en: string[] } {
    let cached = this.sentenceCache.get(paragraph.id);
    if (!cached) {
      cached = {
        zh: paragraph.zh ? splitSentences(paragraph.zh, 'zh') : [],
        en: paragraph.en.flatMap((text) => splitSentences(text, 'en')),
      };
      this.sentenceCache.set(paragraph.id, cached);
    }
    return cached;
  }
}

let defaultIndex: PaperIndex | undefined;
function bundledIndex(): PaperIndex {
  return (defaultIndex ??= new PaperIndex());
}

export function paragraphById(id: string): PaperParagraph | undefined {
  return bundledIndex().paragraphById(id);
}

export function sectionById(id: string): PaperSection | undefined {
  return bundledIndex().sectionById(id);
}

export function evidenceFor(concept: Concept, matcher?: ConceptFinder): Evidence[] {
  return bundledIndex().evidenceFor(concept, matcher);
}

/** Forms to look for, preferred first: canonical, admitted, then deprecated ones the paper itself uses. */
function formsOf(concept: Concept, lang: 'zh' | 'en'): string[] {
  const canonical = canonicalFor(concept, lang);
  const byLang = (forms: TermForm[] | undefined) => (forms ?? []).filter((f) => f.lang === lang);
  const forms = [
    canonical,
    ...byLang(concept.accepted).map((f) => f.text),
    ...byLang(concept.deprecated).filter((f) => f.inPaper).map((f) => f.text),
  ].filter((f) => f && f.trim().length > 0);
  return [...new Set(forms)];
}

/** The first sentence where the matcher finds the concept, canonical uses first. */
function firstMatch(sentences: string[], concept: Concept, matcher: ConceptFinder): SentenceHit | null {
  const hits = sentences.map((sentence) => ({
    sentence,
    matches: matcher.findAll(sentence, 'plaintext').filter((m) => m.concept.id === concept.id && (m.status !== 'deprecated' || m.form.inPaper)),
  }));
  for (const status of STATUS_ORDER) {
    for (const { sentence, matches } of hits) {
      const m = matches.find((x) => x.status === status);
      if (m) return { sentence, start: m.start, end: m.end, form: m.form.text, standalone: true };
    }
  }
  return null;
}

type Finder = (sentence: string, form: string) => { start: number; end: number } | undefined;

/** The first sentence using the most preferred form; forms are tried in order of preference. */
function firstHit(sentences: string[], forms: string[], find: Finder): SentenceHit | null {
  for (const form of forms) {
    for (const sentence of sentences) {
      const at = find(sentence, form);
      if (at) return { sentence, start: at.start, end: at.end, form };
    }
  }
  return null;
}

function findChinese(sentence: string, form: string): { start: number; end: number } | undefined {
  const at = sentence.indexOf(form);
  return at >= 0 ? { start: at, end: at + form.length } : undefined;
}

/** Case-insensitive, whole words, any run of spaces or a hyphen-less line break between words. */
function findEnglish(sentence: string, form: string): { start: number; end: number } | undefined {
  const words = form.trim().split(/\s+/).map(escapeRegExp).map(foldQuotes);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
  const m = pattern.exec(sentence);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Let a straight apostrophe or quote in a form match the paper's curly ones and vice versa. */
function foldQuotes(escaped: string): string {
  return escaped.replace(/['’‘]/g, "['’‘]").replace(/["“”]/g, '["“”]');
}

const segmenters: Partial<Record<'zh' | 'en', Intl.Segmenter>> = {};

/** Sentences of a paragraph, trimmed; ICU sentence breaking with a guard for initials like "U.S.". */
export function splitSentences(text: string, lang: 'zh' | 'en'): string[] {
  const segmenter = (segmenters[lang] ??= new Intl.Segmenter(lang === 'zh' ? 'zh-Hans' : 'en', { granularity: 'sentence' }));
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const sentence = segment.trim();
    if (!sentence) continue;
    const previous = out[out.length - 1];
    if (previous !== undefined && lang === 'en' && /(?:\b[A-Z]\.|\b(?:No|Mr|Mrs|Dr|St|e\.g|i\.e|etc|vs)\.)$/.test(previous)) {
      out[out.length - 1] = `${previous} ${sentence}`;
    } else {
      out.push(sentence);
    }
  }
  return out;
}
