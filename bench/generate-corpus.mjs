#!/usr/bin/env node
// Deterministic generator of mixed Chinese/English Markdown drafts for the
// benchmark. Paragraphs are recombined sentences of the white paper
// (data/paper.json), with headings, lists, block quotes, links, code blocks and
// hard-wrapped lines, and a known set of planted deprecated renderings whose
// exact UTF-16 offsets are written next to each draft so the benchmark can
// check every one is found. Deprecated renderings are also put where a linter
// must NOT report them (fenced code, inline code, URLs): the "decoys".
//
//   node bench/generate-corpus.mjs [--sizes 100k,1m,10m] [--out .cache/bench]
//                                  [--seed 20251128] [--terms data/terms.json]
//
// Writes <out>/corpus-<size>.md and <out>/corpus-<size>.planted.json.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Markers around planted spans while a block is built and wrapped; removed
// before the block is written. Private-use code points never occur in the paper.
const PLANT_OPEN = '\uE000';
const PLANT_CLOSE = '\uE001';
const NO_BREAK_SPACE_MARK = '\uE002';
// Same for decoys: deprecated renderings inside code or URLs that must not be reported.
const DECOY_OPEN = '\uE003';
const DECOY_CLOSE = '\uE004';

/** mulberry32: small, fast, good enough and fully deterministic. */
export function makeRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (array) => array[Math.floor(next() * array.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

export function parseSize(label) {
  const match = /^(\d+(?:\.\d+)?)\s*(k|m)b?$/i.exec(label.trim());
  if (!match) throw new Error(`bad size "${label}" (use e.g. 100k, 1m, 10m)`);
  const unit = match[2].toLowerCase() === 'k' ? 1024 : 1024 * 1024;
  return Math.round(Number(match[1]) * unit);
}

function splitZhSentences(text) {
  return text.split(/(?<=[。；！？])/u).map((s) => s.trim()).filter((s) => s.length > 1);
}

function splitEnSentences(text) {
  return text
    .split(/(?<=[.;!?])\s+(?=[A-Z“"(])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

const lower = (s) => s.toLowerCase();

/**
 * Deprecated renderings that are safe to plant: a linter following the term
 * base must report each of them. Forms that are also a canonical or admitted
 * form of some concept (the same string legitimately used elsewhere) are left
 * out, as are shared forms.
 */
export function plantableForms(termBase) {
  const legitimate = new Set();
  for (const concept of termBase.concepts) {
    legitimate.add(lower(concept.zh));
    legitimate.add(lower(concept.en));
    for (const form of concept.accepted ?? []) legitimate.add(lower(form.text));
  }
  const forms = [];
  const seen = new Set();
  for (const concept of termBase.concepts) {
    for (const form of concept.deprecated ?? []) {
      const key = lower(form.text);
      if (form.shared || legitimate.has(key) || seen.has(key)) continue;
      if (!form.text.trim() || /[\r\n`<>[\]]/.test(form.text)) continue;
      seen.add(key);
      forms.push({
        text: form.text,
        lang: form.lang,
        conceptId: concept.id,
        caseSensitive: Boolean(form.caseSensitive),
        canonical: form.lang === 'zh' ? concept.zh : concept.en,
      });
    }
  }
  return forms;
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const mark = (text) => PLANT_OPEN + text + PLANT_CLOSE;
const decoy = (text) => DECOY_OPEN + text + DECOY_CLOSE;

// Frames around a planted form. Each puts punctuation or a word boundary on
// both sides so the form cannot merge with its neighbours into a longer term.
const ZH_FRAMES = [
  (f) => `有的译稿写作“${mark(f)}”，宜按白皮书统一。`,
  (f) => `此处不宜写成“${mark(f)}”。`,
  (f) => `（旧稿曾用：${mark(f)}）`,
  (f) => `校对意见：「${mark(f)}」一词需要修改。`,
];
const EN_FRAMES = [
  (f) => `Some drafts still write "${mark(f)}" here.`,
  (f) => `Avoid the phrase ${mark(f)}, which the paper does not use.`,
  (f, form) => `${mark(form.caseSensitive ? f : capitalise(f))} appears in older drafts.`,
  (f) => `(earlier wording: ${mark(f)})`,
  (f) => `The reviewer flagged “${mark(f)}” twice.`,
];

/** Greedy wrap at spaces; a marked span is never split. */
function wrapEnglish(text, width) {
  const protectedText = text.replace(/\uE000[^\uE001]*\uE001|\uE003[^\uE004]*\uE004|`[^`]*`/gu, (span) => span.replaceAll(' ', NO_BREAK_SPACE_MARK));
  const words = protectedText.split(' ');
  const lines = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n').replaceAll(NO_BREAK_SPACE_MARK, ' ');
}

/** Hard wrap every `width` characters like the paper's PDF lines; never inside a marked span. */
function wrapChinese(text, width) {
  let out = '';
  let column = 0;
  let insideMark = false;
  for (const char of text) {
    if (char === PLANT_OPEN) insideMark = true;
    if (char === PLANT_CLOSE) insideMark = false;
    out += char;
    if (char !== PLANT_OPEN && char !== PLANT_CLOSE) column++;
    if (column >= width && !insideMark) {
      out += '\n';
      column = 0;
    }
  }
  return out.replace(/\n$/u, '');
}

/**
 * Builds one draft of at least `targetBytes` UTF-8 bytes.
 * Returns { text, planted: [{start, end, found, conceptId, lang, canonical}], decoys }.
 */
export function generateCorpus({ targetBytes, seed, termBase, paper }) {
  const random = makeRandom(seed);
  const zhSentences = [];
  const enSentences = [];
  for (const paragraph of paper.paragraphs) {
    if (paragraph.zh) zhSentences.push(...splitZhSentences(paragraph.zh));
    for (const en of paragraph.en) enSentences.push(...splitEnSentences(en));
  }
  if (zhSentences.length === 0 || enSentences.length === 0) {
    throw new Error('data/paper.json has no paragraphs: run the paper build first');
  }
  const headings = paper.sections.map((s) => s.title);
  const forms = plantableForms(termBase);
  const zhForms = forms.filter((f) => f.lang === 'zh');
  const enForms = forms.filter((f) => f.lang === 'en');
  const decoyForms = forms.length > 0 ? forms : [{ text: 'carbon peak' }];

  const chunks = [];
  const planted = [];
  const decoys = [];
  let length = 0; // UTF-16 code units written so far
  let bytes = 0;

  // Roughly one planted form per 1.5 KB of paragraph text.
  const plantProbability = 0.45;

  const plantZh = () => (zhForms.length ? random.pick(ZH_FRAMES)(random.pick(zhForms).text) : null);
  const plantEn = () => {
    if (!enForms.length) return null;
    const form = random.pick(enForms);
    return random.pick(EN_FRAMES)(form.text, form);
  };
  const formByText = new Map(forms.map((f) => [f.text, f]));
  const formByLowerText = new Map(forms.map((f) => [lower(f.text), f]));

  /** Appends a block (may contain marked spans) followed by a blank line. */
  function emit(block) {
    let clean = '';
    let cursor = 0;
    for (;;) {
      const open = block.slice(cursor).search(/[\uE000\uE003]/u);
      if (open < 0) break;
      const isDecoy = block[cursor + open] === DECOY_OPEN;
      const close = block.indexOf(isDecoy ? DECOY_CLOSE : PLANT_CLOSE, cursor + open);
      clean += block.slice(cursor, cursor + open);
      const found = block.slice(cursor + open + 1, close);
      const start = length + clean.length;
      if (isDecoy) {
        decoys.push({ start, end: start + found.length, found });
        clean += found;
        cursor = close + 1;
        continue;
      }
      const form = formByText.get(found) ?? formByLowerText.get(lower(found));
      planted.push({
        start,
        end: start + found.length,
        found,
        conceptId: form.conceptId,
        lang: form.lang,
        canonical: form.canonical,
      });
      clean += found;
      cursor = close + 1;
    }
    clean += block.slice(cursor);
    const piece = `${clean}\n\n`;
    chunks.push(piece);
    length += piece.length;
    bytes += Buffer.byteLength(piece, 'utf8');
  }

  function zhParagraph() {
    const sentences = [];
    const count = random.int(2, 6);
    for (let i = 0; i < count; i++) sentences.push(random.pick(zhSentences));
    if (random.chance(plantProbability)) {
      const frame = plantZh();
      if (frame) sentences.splice(random.int(0, sentences.length), 0, frame);
    }
    const text = sentences.join('');
    return random.chance(0.7) ? wrapChinese(text, random.int(18, 40)) : text;
  }

  function enParagraph() {
    const sentences = [];
    const count = random.int(2, 5);
    for (let i = 0; i < count; i++) sentences.push(random.pick(enSentences));
    if (random.chance(plantProbability)) {
      const frame = plantEn();
      if (frame) sentences.splice(random.int(0, sentences.length), 0, frame);
    }
    if (random.chance(0.15)) {
      sentences.push(`Compare \`${decoy(random.pick(decoyForms).text)}\` in the style sheet.`);
    }
    if (random.chance(0.1)) {
      const slug = random.pick(decoyForms).text.replaceAll(' ', '-');
      sentences.push(`See [the glossary](https://example.org/glossary/${decoy(slug)}) for details.`);
    }
    const text = sentences.join(' ');
    return random.chance(0.8) ? wrapEnglish(text, random.int(60, 80)) : text;
  }

  function mixedParagraph() {
    const zh = random.pick(zhSentences);
    const en = random.pick(enSentences);
    const text = random.chance(0.5) ? `${zh}${en}` : `${en} ${zh}`;
    return random.chance(0.5) ? wrapEnglish(text, 72) : text;
  }

  function list() {
    const ordered = random.chance(0.4);
    const items = [];
    const count = random.int(2, 6);
    for (let i = 0; i < count; i++) {
      let item = random.chance(0.5) ? random.pick(zhSentences) : random.pick(enSentences);
      if (random.chance(0.15)) {
        const frame = random.chance(0.5) ? plantZh() : plantEn();
        if (frame) item = `${item} ${frame}`;
      }
      items.push(`${ordered ? `${i + 1}.` : '-'} ${item}`);
    }
    return items.join('\n');
  }

  function codeBlock() {
    const lines = [];
    const count = random.int(2, 8);
    for (let i = 0; i < count; i++) {
      lines.push(`term_${i} = "${decoy(random.pick(decoyForms).text)}"  # ${random.pick(['old', 'legacy', '旧译'])}`);
    }
    const fence = random.chance(0.8) ? '```' : '~~~';
    return `${fence}${random.pick(['', 'python', 'yaml', 'text'])}\n${lines.join('\n')}\n${fence}`;
  }

  function quote() {
    return `> ${random.pick(enSentences)}\n> ${random.pick(zhSentences)}`;
  }

  function heading(level) {
    const title = random.pick(headings);
    const text = random.chance(0.5) && title.zh ? title.zh : title.en;
    return `${'#'.repeat(level)} ${text}`;
  }

  emit(`# ${paper.title.zh}\n\n${paper.title.en}`);
  while (bytes < targetBytes) {
    const roll = random.next();
    if (roll < 0.06) emit(heading(random.int(2, 3)));
    else if (roll < 0.38) emit(zhParagraph());
    else if (roll < 0.7) emit(enParagraph());
    else if (roll < 0.78) emit(mixedParagraph());
    else if (roll < 0.88) emit(list());
    else if (roll < 0.94) emit(codeBlock());
    else emit(quote());
  }
  return { text: chunks.join(''), planted, decoys, plantableForms: forms.length };
}

function parseArgs(argv) {
  const args = { sizes: '100k,1m,10m', out: '.cache/bench', seed: '20251128', terms: 'data/terms.json', paper: 'data/paper.json' };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args)) throw new Error(`unknown option ${argv[i]}`);
    args[key] = argv[++i];
  }
  return args;
}

export function writeCorpora({ sizes, out, seed, terms, paper }) {
  const termBase = JSON.parse(readFileSync(resolve(ROOT, terms), 'utf8'));
  const paperJson = JSON.parse(readFileSync(resolve(ROOT, paper), 'utf8'));
  const outDir = resolve(ROOT, out);
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const label of sizes.split(',')) {
    const targetBytes = parseSize(label);
    // The seed is mixed with the size so each draft differs, yet stays reproducible.
    const corpus = generateCorpus({ targetBytes, seed: Number(seed) ^ targetBytes, termBase, paper: paperJson });
    const file = join(outDir, `corpus-${label.toLowerCase()}.md`);
    writeFileSync(file, corpus.text);
    const manifest = {
      file,
      label,
      seed: Number(seed),
      bytes: Buffer.byteLength(corpus.text, 'utf8'),
      utf16Length: corpus.text.length,
      decoys: corpus.decoys,
      plantableForms: corpus.plantableForms,
      planted: corpus.planted,
    };
    writeFileSync(join(outDir, `corpus-${label.toLowerCase()}.planted.json`), JSON.stringify(manifest));
    written.push(manifest);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  for (const m of writeCorpora(args)) {
    console.log(`${m.file}: ${(m.bytes / 1024).toFixed(0)} KB, ${m.planted.length} planted, ${m.decoys.length} decoys`);
  }
}
