// Lookups into the bundled white paper: paragraphs and sections by id, and
// the paper's own sentence(s) for a concept, in both languages. Pure: the
// paper is passed in (the default is the bundled one) and nothing is read
// from disk.
import { paper as bundledPaper } from './data';
import type { Concept, Paper, PaperParagraph, PaperSection, TermForm } from './types';

/** Where a form was found inside a sentence (offsets into `sentence`). */
export interface SentenceHit {
  sentence: string;
  start: number;
  end: number;
  /** The form that was found, as listed in the term base. */
  form: string;
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
   */
  evidenceFor(concept: Concept): Evidence[] {
    const zhForms = formsOf(concept, 'zh');
    const enForms = formsOf(concept, 'en');
    const candidates = concept.refs && concept.refs.length > 0
      ? concept.refs.map((id) => this.paragraphs.get(id)).filter((p): p is PaperParagraph => p !== undefined)
      : this.paper.paragraphs;
    const found: Evidence[] = [];
    for (const paragraph of candidates) {
      const sentences = this.sentencesOf(paragraph);
      const zh = firstHit(sentences.zh, zhForms, findChinese);
      const en = firstHit(sentences.en, enForms, findEnglish);
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
    const both = (e: Evidence) => (e.zh && e.en ? 0 : 1);
    return found.sort((a, b) => both(a) - both(b) || (order.get(a.paragraph.id) ?? 0) - (order.get(b.paragraph.id) ?? 0));
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

export function evidenceFor(concept: Concept): Evidence[] {
  return bundledIndex().evidenceFor(concept);
}

/** Forms to look for, preferred first: canonical, admitted, then deprecated ones the paper itself uses. */
function formsOf(concept: Concept, lang: 'zh' | 'en'): string[] {
  const canonical = lang === 'zh' ? concept.zh : concept.en;
  const byLang = (forms: TermForm[] | undefined) => (forms ?? []).filter((f) => f.lang === lang);
  const forms = [
    canonical,
    ...byLang(concept.accepted).map((f) => f.text),
    ...byLang(concept.deprecated).filter((f) => f.inPaper).map((f) => f.text),
  ].filter((f) => f && f.trim().length > 0);
  return [...new Set(forms)];
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
