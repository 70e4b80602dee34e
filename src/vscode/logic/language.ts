// Which language is the writer typing in at the cursor? Decides whether a
// chosen term is inserted as its Chinese or its English canonical form.
import type { Lang } from '../../core/types';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uff60]/;
const LATIN = /[A-Za-z\u00c0-\u024f]/;

function classify(ch: string): Lang | undefined {
  if (HAN.test(ch)) return 'zh';
  if (LATIN.test(ch)) return 'en';
  return undefined;
}

/**
 * The language of the nearest letter before the cursor on the same line (what
 * the writer has just typed), else after it on the same line, else the
 * majority in the surrounding `radius` characters, else `fallback`.
 * Digits, spaces and ASCII punctuation say nothing; full-width punctuation counts as Chinese.
 */
export function languageAround(text: string, offset: number, fallback: Lang = 'zh', radius = 400): Lang {
  const at = Math.max(0, Math.min(offset, text.length));
  for (let i = at - 1; i >= 0 && text[i] !== '\n' && text[i] !== '\r'; i--) {
    const lang = classify(text[i]);
    if (lang) return lang;
  }
  for (let i = at; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) {
    const lang = classify(text[i]);
    if (lang) return lang;
  }
  let zh = 0;
  let en = 0;
  const from = Math.max(0, at - radius);
  const to = Math.min(text.length, at + radius);
  for (let i = from; i < to; i++) {
    const lang = classify(text[i]);
    if (lang === 'zh') zh++;
    else if (lang === 'en') en++;
  }
  // A Chinese character carries about as much text as a short English word.
  if (zh * 4 > en) return zh > 0 ? 'zh' : fallback;
  return en > 0 ? 'en' : fallback;
}
