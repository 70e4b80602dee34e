// Fill every concept's `refs` in data/terms.json from data/paper.json: the ids
// of the paragraphs whose Chinese contains one of the concept's Chinese forms
// or whose English contains its canonical or an admitted English rendering.
// Deprecated forms never count. Rewrites the file deterministically (fixed key
// order, two-space indent, refs in paper order), so `npm run build:refs` on an
// unchanged tree is a no-op and the unit tests can insist refs never drift.
//
//   npm run build:refs            rewrite data/terms.json
//   node out/scripts/fill-refs.js --check   exit 1 if the file is out of date

import * as fs from 'fs';
import * as path from 'path';
import type { Concept, Lang, Paper, TermBase, TermForm } from '../src/core/types';
import { validateTermBase } from '../src/core/termbase';

/** Fold for searching: quote styles, hyphen variants, full-width ASCII, whitespace runs; case unless asked not to. */
export function foldForSearch(text: string, foldCase: boolean): string {
  let s = text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2212\ufe63]/g, '-')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ');
  if (foldCase) s = s.toLowerCase();
  return s;
}

const WORD = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch) && !HAN.test(ch);
}

/**
 * Whether `form` occurs in `text` the way the matcher would find it: folded as
 * above, and for English at word boundaries (so "carbon peak" is not found in
 * "carbon peaking").
 */
export function containsForm(text: string, form: Pick<TermForm, 'text' | 'lang' | 'caseSensitive'>): boolean {
  const foldCase = form.caseSensitive !== true;
  const hay = foldForSearch(text, foldCase);
  const needle = foldForSearch(form.text, foldCase).trim();
  if (needle.length === 0) return false;
  const checkBounds = form.lang === 'en';
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (!checkBounds) return true;
    const startsWord = isWordChar(needle[0]);
    const endsWord = isWordChar(needle[needle.length - 1]);
    if (startsWord && isWordChar(hay[at - 1])) continue;
    if (endsWord && isWordChar(hay[at + needle.length])) continue;
    return true;
  }
  return false;
}

/** The forms that put a paragraph into a concept's refs: every zh form, the canonical and admitted en forms. */
export function refForms(concept: Concept): TermForm[] {
  const forms: TermForm[] = [
    { text: concept.zh, lang: 'zh' },
    { text: concept.en, lang: 'en' },
    ...concept.accepted,
  ];
  return forms;
}

export function formInParagraph(form: Pick<TermForm, 'text' | 'lang' | 'caseSensitive'>, paragraph: Paper['paragraphs'][number]): boolean {
  const texts: string[] = form.lang === 'zh' ? (paragraph.zh === null ? [] : [paragraph.zh]) : paragraph.en;
  return texts.some((t) => containsForm(t, form));
}

export function computeRefs(concept: Concept, paper: Paper): string[] {
  const forms = refForms(concept);
  return paper.paragraphs.filter((p) => forms.some((f) => formInParagraph(f, p))).map((p) => p.id);
}

function orderedForm(form: TermForm): TermForm {
  const out: TermForm = { text: form.text, lang: form.lang as Lang };
  if (form.note !== undefined) out.note = form.note;
  if (form.shared !== undefined) out.shared = form.shared;
  if (form.caseSensitive !== undefined) out.caseSensitive = form.caseSensitive;
  if (form.inPaper !== undefined) out.inPaper = form.inPaper;
  return out;
}

/** A copy of `base` with refs recomputed and keys in the file's fixed order. */
export function fillRefs(base: TermBase, paper: Paper): TermBase {
  return {
    schemaVersion: 1,
    concepts: base.concepts.map((c) => ({
      id: c.id,
      zh: c.zh,
      en: c.en,
      accepted: c.accepted.map(orderedForm),
      deprecated: c.deprecated.map(orderedForm),
      definition: { zh: c.definition.zh, en: c.definition.en },
      category: c.category,
      refs: computeRefs(c, paper),
    })),
  };
}

export function serializeTermBase(base: TermBase): string {
  return JSON.stringify(base, null, 2) + '\n';
}

function main(argv: string[]): number {
  const root = path.resolve(__dirname, '..', '..');
  const termsPath = path.join(root, 'data', 'terms.json');
  const paperPath = path.join(root, 'data', 'paper.json');
  const before = fs.readFileSync(termsPath, 'utf8');
  const paper = JSON.parse(fs.readFileSync(paperPath, 'utf8')) as Paper;
  const { base, errors } = validateTermBase(JSON.parse(before), 'data/terms.json');
  if (errors.length > 0) {
    for (const e of errors) console.error(e.message);
    console.error(`fill-refs: ${errors.length} problem(s) in data/terms.json; nothing written`);
    return 1;
  }
  const after = serializeTermBase(fillRefs(base, paper));
  const unreferenced = JSON.parse(after).concepts.filter((c: Concept) => c.refs.length === 0).map((c: Concept) => c.id);
  if (argv.includes('--check')) {
    if (after !== before) {
      console.error('fill-refs: data/terms.json is out of date; run npm run build:refs');
      return 1;
    }
    console.log(`fill-refs: data/terms.json is up to date (${base.concepts.length} concepts)`);
    return 0;
  }
  if (after !== before) fs.writeFileSync(termsPath, after);
  console.log(
    `fill-refs: ${base.concepts.length} concepts, ${after === before ? 'unchanged' : 'rewritten'}` +
      (unreferenced.length ? `; no paragraph for: ${unreferenced.join(', ')}` : ''),
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
