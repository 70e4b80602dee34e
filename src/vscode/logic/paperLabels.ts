// How sections and paragraphs are named in trees, hovers and the reader.
import type { PaperParagraph, PaperSection } from '../../core/types';

/** "Preface" / "I. Staying Firmly…" / "1. Peak Carbon…" */
export function sectionLabelEn(section: PaperSection): string {
  return section.number ? `${section.number}. ${section.title.en}` : section.title.en;
}

/** Chinese title as printed ("一、…", "（一）…"), or the English one when the excerpt has no Chinese. */
export function sectionLabelZh(section: PaperSection): string {
  return section.title.zh ?? sectionLabelEn(section);
}

/** Both titles, for places with room for one line: "前言 · Preface". */
export function sectionLabel(section: PaperSection): string {
  return section.title.zh ? `${section.title.zh} · ${sectionLabelEn(section)}` : sectionLabelEn(section);
}

/** Opening words of a paragraph: Chinese if it has Chinese text, else English. */
export function paragraphSnippet(paragraph: PaperParagraph, max = 28): string {
  const text = paragraph.zh ?? paragraph.en[0] ?? '';
  const limit = paragraph.zh ? max : max * 2;
  return text.length > limit ? `${text.slice(0, limit).trimEnd()}…` : text;
}

/** "¶3" from "I.2.p3". */
export function paragraphNumber(paragraph: PaperParagraph): string {
  const m = /\.p(\d+)$/.exec(paragraph.id);
  return m ? `¶${m[1]}` : paragraph.id;
}
