// CSV / TSV glossaries (RFC 4180: quoted fields, "" escapes, embedded line
// breaks; UTF-8 BOM; comma, semicolon or tab delimited).
//
// Two layouts, told apart by the header row:
//
// 1. Full layout (what `export --format csv` writes; round-trips a term base).
//    One row per written form:
//      id,lang,status,term,note,shared,case_sensitive,in_paper,category,definition_zh,definition_en,refs
//    status: preferred | admitted | deprecated (one preferred zh and one
//    preferred en row per id). Concept-level columns (category, definitions,
//    refs) may sit on any row of the concept; the first non-empty value wins.
//    Flags: true/yes/1/x, else false. refs: paragraph ids separated by spaces.
//    An optional `override` column (true on any row of a concept) replaces
//    the bundled concept with that id instead of extending it.
//    note and the flags describe admitted and deprecated forms; on preferred
//    rows they are ignored (a concept's canonical terms carry no note).
//
// 2. Simple layout (what translators exchange): one concept per row, a
//    Chinese and an English column, in either order, found by header
//    (zh, zh-CN, zh-Hans, Chinese, 中文, "Term (en-US)", memoQ's
//    Chinese_PRC / English_United_States, source/target, ...) or, for
//    source/target and header-less files, by script. Optional columns:
//    definition (or definition_zh / definition_en), category (domain,
//    subject). Rows get a provisional id made from the English term; the
//    merge matches them to existing concepts by canonical zh or en.
//
// csv-parse (node-csv) does the RFC 4180 work; we only locate errors.

import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { lineColumnAt } from '../lines';
import type { Concept, Lang, TermForm } from '../types';
import {
  MAX_DEFINITION_LENGTH,
  MAX_ENTRIES,
  cleanForm,
  emptyConcept,
  guessLang,
  normaliseLang,
  slugId,
  termProblem,
  uniqueSuffixed,
  type GlossaryConcept,
  type GlossaryError,
} from './common';

export const FULL_CSV_COLUMNS = [
  'id', 'lang', 'status', 'term', 'note', 'shared', 'case_sensitive', 'in_paper',
  'category', 'definition_zh', 'definition_en', 'refs',
] as const;

interface Row {
  cells: string[];
  /** 1-based line the record starts on. */
  line: number;
}

export function parseCsvGlossary(text: string, fileName: string): { concepts: GlossaryConcept[]; errors: GlossaryError[] } {
  // One line-ending convention so csv-parse's line counts hold; a line break
  // inside a quoted field becomes "\n" (terms may not contain one anyway).
  let body = text.replace(/\r\n?/g, '\n');
  if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
  const delimiter = fileName.toLowerCase().endsWith('.tsv') || fileName.toLowerCase().endsWith('.tab') ? '\t' : detectDelimiter(body);

  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true, // we check widths ourselves, to report every ragged row
      skip_empty_lines: true,
      max_record_size: 1_000_000,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    return { concepts: [], errors: [csvError(e as CsvParseError, body)] };
  }
  const rows: Row[] = records
    .map(({ record, info }) => ({
      cells: record,
      line: info.lines - record.reduce((n, cell) => n + countNewlines(cell), 0),
    }))
    // Rows of nothing but empty cells (",,,") are spreadsheet padding.
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) return { concepts: [], errors: [{ line: 1, message: 'the CSV file has no rows' }] };
  const header = rows[0].cells.map(normaliseHeader);
  const tooMany = (n: number): { concepts: GlossaryConcept[]; errors: GlossaryError[] } => ({
    concepts: [],
    errors: [{ line: 0, message: `${n} entries; glossaries are limited to ${MAX_ENTRIES} entries` }],
  });
  if (header.includes('id') && header.includes('lang') && header.includes('status') && (header.includes('term') || header.includes('text'))) {
    // One row per form: count concepts, not rows.
    const idAt = header.indexOf('id');
    const ids = new Set(rows.slice(1).map((r) => r.cells[idAt]));
    if (ids.size > MAX_ENTRIES || rows.length > MAX_ENTRIES * 40) return tooMany(ids.size);
    return readFullLayout(header, rows);
  }
  if (rows.length > MAX_ENTRIES + 1) return tooMany(rows.length - 1);
  return readSimpleLayout(header, rows);
}

// ------------------------------------------------------------------ full layout

function readFullLayout(header: string[], rows: Row[]): { concepts: GlossaryConcept[]; errors: GlossaryError[] } {
  const errors: GlossaryError[] = [];
  const col = (name: string): number => header.indexOf(name);
  const at = {
    id: col('id'), lang: col('lang'), status: col('status'), term: col('term') >= 0 ? col('term') : col('text'),
    note: col('note'), shared: col('shared'), caseSensitive: col('case_sensitive'), inPaper: col('in_paper'),
    category: col('category'), defZh: col('definition_zh'), defEn: col('definition_en'), refs: col('refs'), override: col('override'),
  };
  const byId = new Map<string, GlossaryConcept>();
  const zhSet = new Set<string>();
  const enSet = new Set<string>();
  const broken = new Set<string>();
  const cell = (row: Row, i: number): string => (i >= 0 && i < row.cells.length ? row.cells[i] : '');

  for (const row of rows.slice(1)) {
    if (!checkWidth(row, header.length, errors)) continue;
    const id = cell(row, at.id).trim();
    if (!id) {
      errors.push({ line: row.line, message: 'missing id' });
      continue;
    }
    const fail = (message: string): void => {
      errors.push({ line: row.line, message: `id "${id}": ${message}` });
      broken.add(id);
    };
    const lang = normaliseLang(cell(row, at.lang));
    if (!lang) {
      fail(`unknown language "${cell(row, at.lang)}" (expected zh or en)`);
      continue;
    }
    const status = cell(row, at.status).trim().toLowerCase();
    if (!['preferred', 'admitted', 'deprecated', 'canonical', 'accepted'].includes(status)) {
      fail(`unknown status "${cell(row, at.status)}" (expected preferred, admitted or deprecated)`);
      continue;
    }
    const text = cell(row, at.term);
    const problem = termProblem(text, 'term');
    if (problem) {
      fail(problem);
      continue;
    }
    let concept = byId.get(id);
    if (!concept) {
      concept = emptyConcept(id, '', '');
      concept.line = row.line;
      byId.set(id, concept);
    }
    if (!concept.category && cell(row, at.category)) concept.category = cell(row, at.category);
    for (const [lg, i] of [['zh', at.defZh], ['en', at.defEn]] as const) {
      const def = cell(row, i);
      if (def.length > MAX_DEFINITION_LENGTH) fail(`definition_${lg} is longer than ${MAX_DEFINITION_LENGTH} characters`);
      else if (!concept.definition[lg] && def) concept.definition[lg] = def;
    }
    if (concept.refs.length === 0 && cell(row, at.refs).trim()) concept.refs = cell(row, at.refs).trim().split(/[\s,;]+/);
    if (isTrue(cell(row, at.override))) concept.override = true;

    if (status === 'preferred' || status === 'canonical') {
      const seen = lang === 'zh' ? zhSet : enSet;
      if (seen.has(id)) {
        fail(`a second preferred ${lang} term "${text}" (list it as admitted)`);
        continue;
      }
      seen.add(id);
      concept[lang] = text;
    } else {
      const form: TermForm = { text, lang };
      const note = cell(row, at.note);
      if (note) form.note = note;
      if (isTrue(cell(row, at.shared))) form.shared = true;
      if (isTrue(cell(row, at.caseSensitive))) form.caseSensitive = true;
      const inPaper = cell(row, at.inPaper);
      if (inPaper) form.inPaper = inPaper;
      (status === 'deprecated' ? concept.deprecated : concept.accepted).push(cleanForm(form));
    }
  }

  const concepts: GlossaryConcept[] = [];
  for (const concept of byId.values()) {
    if (broken.has(concept.id)) continue;
    const missing = (['zh', 'en'] as Lang[]).filter((lg) => !concept[lg]);
    if (missing.length > 0) {
      errors.push({ line: concept.line ?? 0, message: `id "${concept.id}": missing preferred term in ${missing.join(' and ')} (one row with status "preferred" per language)` });
      continue;
    }
    concepts.push(concept);
  }
  return { concepts, errors };
}

// ------------------------------------------------------------------ simple layout

const ZH_HEADERS = new Set(['zh', 'zh-cn', 'zh-hans', 'zh-hans-cn', 'zh_cn', 'chinese', 'chinese (simplified)', 'simplified chinese', 'cn', 'chs', '中文', '汉语', '简体中文', '中文术语', '术语']);
const EN_HEADERS = new Set(['en', 'en-us', 'en-gb', 'en_us', 'en_gb', 'english', 'english (united states)', 'english (united kingdom)', '英文', '英语', '译文', '英文术语']);
const NEUTRAL_HEADERS = new Set(['source', 'target', 'source term', 'target term', 'term', 'translation', 'src', 'tgt', '原文']);

/**
 * The language a term column's header names: "zh", "Chinese", "zh-CN",
 * "Term (zh-CN)", "Source [en-US]", memoQ's "Chinese_PRC" / "English_United_States".
 * Definition and note columns ("English_United_States_Def") are not term columns.
 */
function headerLang(h: string): Lang | undefined {
  if (ZH_HEADERS.has(h)) return 'zh';
  if (EN_HEADERS.has(h)) return 'en';
  const tokens = h.split(/[^a-z0-9\-\u4e00-\u9fff]+|_/).filter(Boolean);
  if (tokens.some((t) => /^(def|definition|definitions|note|notes|comment|comments|description|example|context)$/.test(t))) return undefined;
  for (const t of tokens) {
    const lang = normaliseLang(t);
    if (lang) return lang;
  }
  return undefined;
}

function readSimpleLayout(header: string[], rows: Row[]): { concepts: GlossaryConcept[]; errors: GlossaryError[] } {
  const errors: GlossaryError[] = [];
  const headerLike = header.some((h) => NEUTRAL_HEADERS.has(h) || headerLang(h) !== undefined);
  let zhCol = header.findIndex((h) => headerLang(h) === 'zh');
  let enCol = header.findIndex((h) => headerLang(h) === 'en');
  const data = headerLike ? rows.slice(1) : rows;
  const width = headerLike ? header.length : rows[0].cells.length;

  if (zhCol < 0 || enCol < 0) {
    // source/target or no header: decide by script, on the first few rows.
    const hanShare = (i: number): number => {
      const sample = data.slice(0, 50).map((r) => r.cells[i] ?? '').filter((c) => c.trim());
      return sample.length ? sample.filter((c) => guessLang(c) === 'zh').length / sample.length : 0;
    };
    const candidates = (headerLike ? header.map((h, i) => ({ h, i })).filter(({ h }) => NEUTRAL_HEADERS.has(h) || headerLang(h) !== undefined).map(({ i }) => i) : [0, 1]).filter((i) => i < width);
    const scored = candidates.map((i) => ({ i, zh: hanShare(i) }));
    // Mostly Chinese -> the zh column; mostly not -> the en column.
    if (zhCol < 0) zhCol = scored.filter((s) => s.i !== enCol && s.zh > 0.5).sort((a, b) => b.zh - a.zh)[0]?.i ?? -1;
    if (enCol < 0) enCol = scored.filter((s) => s.i !== zhCol && s.zh < 0.5).sort((a, b) => a.zh - b.zh)[0]?.i ?? -1;
  }
  if (zhCol < 0 || enCol < 0 || zhCol === enCol) {
    return {
      concepts: [],
      errors: [{ line: rows[0].line, message: `cannot tell the Chinese and English columns apart; use a header row such as "zh,en" (or the full layout: ${FULL_CSV_COLUMNS.join(',')})` }],
    };
  }
  const colOf = (...names: string[]): number => (headerLike ? header.findIndex((h) => names.includes(h)) : -1);
  const defCol = colOf('definition', 'definitions', 'def', '定义', 'description');
  // "definition_zh", or memoQ's "Chinese_PRC_Def" / "English_United_States_Def"
  const defLangCol = (lang: Lang, ...names: string[]): number => {
    const named = colOf(...names);
    if (named >= 0 || !headerLike) return named;
    return header.findIndex((h) => /(^|[_\s(-])(def|definition)\)?$/.test(h) && headerLang(h.replace(/[_\s(-]*(def|definition)\)?$/, '')) === lang);
  };
  const defZhCol = defLangCol('zh', 'definition_zh', 'definition (zh)', 'definition-zh', '中文定义');
  const defEnCol = defLangCol('en', 'definition_en', 'definition (en)', 'definition-en', '英文定义');
  const catCol = colOf('category', 'domain', 'subject', 'subject field', 'subjectfield', '领域', '类别');

  const concepts: GlossaryConcept[] = [];
  const ids = new Set<string>();
  const nextSuffix = new Map<string, number>();
  for (const row of data) {
    if (!checkWidth(row, width, errors)) continue;
    const zh = (row.cells[zhCol] ?? '').trim();
    const en = (row.cells[enCol] ?? '').trim();
    const problem = termProblem(zh, 'Chinese term') ?? termProblem(en, 'English term');
    if (problem) {
      errors.push({ line: row.line, message: problem });
      continue;
    }
    if (guessLang(zh) !== 'zh') {
      errors.push({ line: row.line, message: `the Chinese column holds "${zh}", which has no Chinese characters` });
      continue;
    }
    const id = uniqueSuffixed(slugId(en, zh), ids, nextSuffix);
    ids.add(id);
    const concept = emptyConcept(id, zh, en);
    concept.provisionalId = true;
    concept.line = row.line;
    if (defCol >= 0 && row.cells[defCol]) concept.definition[guessLang(row.cells[defCol])] = row.cells[defCol];
    if (defZhCol >= 0 && row.cells[defZhCol]) concept.definition.zh = row.cells[defZhCol];
    if (defEnCol >= 0 && row.cells[defEnCol]) concept.definition.en = row.cells[defEnCol];
    if (catCol >= 0 && row.cells[catCol]) concept.category = row.cells[catCol].trim();
    concepts.push(concept);
  }
  return { concepts, errors };
}

// ------------------------------------------------------------------ helpers

/** Width check: missing cells are an error, extra cells only if not empty. */
function checkWidth(row: Row, width: number, errors: GlossaryError[]): boolean {
  if (row.cells.length < width) {
    errors.push({ line: row.line, message: `row has ${row.cells.length} field${row.cells.length === 1 ? '' : 's'}, the header has ${width}` });
    return false;
  }
  if (row.cells.slice(width).some((c) => c.trim() !== '')) {
    errors.push({ line: row.line, message: `row has ${row.cells.length} fields, the header has ${width} (a delimiter inside a term needs quotes)` });
    return false;
  }
  return true;
}

/** The delimiter that occurs most in the first line outside quotes (comma on a tie). */
function detectDelimiter(body: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let inQuotes = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === '\n') break;
    else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
}

function csvError(e: CsvParseError, body: string): GlossaryError {
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    // csv-parse reports where the file ended; the useful line is where the quote opened.
    const open = unclosedQuoteOffset(body);
    const { line, column } = lineColumnAt(body, open >= 0 ? open : body.length);
    return { line, column, message: 'a quoted field is never closed (missing ")' };
  }
  const line = typeof e.lines === 'number' ? e.lines : 0;
  const message = e.message.replace(/^[A-Za-z ]+: /, '').replace(/\s+at line \d+.*$/, '');
  return { line, message: `CSV syntax error: ${message}` };
}

/** Offset of the opening quote of a field that never closes, or -1. */
function unclosedQuoteOffset(body: string): number {
  let open = -1;
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '"') continue;
    if (open < 0) open = i;
    else if (body[i + 1] === '"') i++; // "" inside a quoted field
    else open = -1;
  }
  return open;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/\s+/g, ' ');
}

function isTrue(v: string): boolean {
  return /^(true|yes|y|1|x)$/i.test(v.trim());
}

// ------------------------------------------------------------------ export

/** The full layout, UTF-8 with a BOM so Excel opens the Chinese correctly, CRLF as RFC 4180 says. */
export function exportCsv(concepts: Concept[]): string {
  const records: string[][] = [[...FULL_CSV_COLUMNS]];
  for (const c of concepts) {
    const conceptCells = [c.category, c.definition.zh, c.definition.en, c.refs.join(' ')];
    const none = ['', '', '', ''];
    const formRow = (lang: Lang, status: string, f: Partial<TermForm> & { text: string }, first: boolean): string[] => [
      c.id, lang, status, f.text, f.note ?? '', f.shared ? 'true' : '', f.caseSensitive ? 'true' : '', f.inPaper ?? '',
      ...(first ? conceptCells : none),
    ];
    records.push(formRow('zh', 'preferred', { text: c.zh }, true));
    records.push(formRow('en', 'preferred', { text: c.en }, false));
    for (const f of c.accepted) records.push(formRow(f.lang, 'admitted', f, false));
    for (const f of c.deprecated) records.push(formRow(f.lang, 'deprecated', f, false));
  }
  return '\ufeff' + stringify(records, { record_delimiter: '\r\n' });
}
