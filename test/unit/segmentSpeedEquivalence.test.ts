// The segmenter reads lines through a cursor, counts letters on ranges and
// turns most lines and paragraphs away by their first code units before any
// regex runs. This file keeps the plain version it was derived from: a Line
// object per line, every regex tested on every line and paragraph, every
// count on a slice. Both must give exactly the same blocks, markers and sync
// points on generated documents full of the cases the shortcuts skip
// (markers that almost match, blank lines of odd spaces, CR, tables, fences).
import { strict as assert } from 'node:assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  Block,
  BlockKind,
  detectLang,
  langCounts,
  LetterIndex,
  MarkerStyle,
  resegment,
  romanValue,
  segmentDocument,
  SegmentedDocument,
  smallChineseNumber,
  StructuralMarker,
  TableCell,
} from '../../src/core/bilingual/segment';
import type { DocumentFormat } from '../../src/core/types';

// ---------------------------------------------------------------- the reference segmenter

const MARKER_PATTERNS: Array<[RegExp, MarkerStyle, (m: RegExpExecArray) => number | undefined]> = [
  [/^第([一二三四五六七八九十百〇零\d]+)[章节条部篇编]\s*/, 'zh-chapter', (m) => smallChineseNumber(m[1])],
  [/^(?:Chapter|Section|Article|Part)\s+([IVXLC]+|\d+)\b[.:]?\s*/, 'en-chapter', (m) => romanValue(m[1]) ?? Number(m[1])],
  [/^([一二三四五六七八九十]+)[、．.]\s*/, 'zh-ordinal', (m) => smallChineseNumber(m[1])],
  [/^[（(]([一二三四五六七八九十]+)[）)]\s*/, 'zh-paren', (m) => smallChineseNumber(m[1])],
  [/^([IVXLC]+)\.\s+/, 'roman', (m) => romanValue(m[1])],
  [/^(\d{1,3})(?:[.．、](?!\d)|\))\s*/, 'arabic', (m) => Number(m[1])],
  [/^[（(](\d{1,3})[）)]\s*/, 'arabic-paren', (m) => Number(m[1])],
  [/^([①-⑳])\s*/, 'circled', (m) => m[1].charCodeAt(0) - 0x245f],
];

function referenceMarker(text: string, base: number): StructuralMarker | undefined {
  for (const [re, style, value] of MARKER_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const v = value(m);
    if (v === undefined || !Number.isFinite(v)) continue;
    return { style, value: v, start: base, end: base + m[0].length };
  }
  return undefined;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesFrom(text: string, from: number): Line[] {
  const lines: Line[] = [];
  for (let start = from; ; ) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl >= text.length) return lines;
    start = nl + 1;
  }
}

const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const SENTENCE_END = /[。！？；.!?;:：]\s*$/;
const HEADING_WORDS = /^(?:前言|序言|引言|结束语|结语|附录|Preface|Foreword|Introduction|Conclusions?|Closing Remarks|Appendix)\s*$/i;

function looksLikeHeadingLine(content: string): boolean {
  const { cjk, latin } = langCounts(content);
  const short = cjk > latin / 3 ? content.length <= 40 : content.length <= 120;
  return short && !SENTENCE_END.test(content) && content.trim().length > 0;
}

function referenceCells(text: string, line: Line): TableCell[] {
  const cells: TableCell[] = [];
  let i = line.start;
  while (i < line.end && /\s/.test(text[i])) i++;
  if (text[i] === '|') i++;
  let cellStart = i;
  for (; i <= line.end; i++) {
    const atEnd = i === line.end;
    if (atEnd || (text[i] === '|' && text[i - 1] !== '\\')) {
      let a = cellStart;
      let b = i;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (!(atEnd && a === b && cells.length > 0 && text.slice(cellStart, i).trim() === '')) cells.push({ start: a, end: b, text: text.slice(a, b), lang: detectLang(text.slice(a, b)) });
      cellStart = i + 1;
    }
  }
  return cells;
}

function referenceBilingualSplit(text: string, start: number, end: number): Array<[number, number]> | undefined {
  const trimmed = (a: number, b: number): [number, number] => {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    return [a, b];
  };
  const differ = (a: [number, number], b: [number, number]) => {
    const la = detectLang(text.slice(a[0], a[1]));
    const lb = detectLang(text.slice(b[0], b[1]));
    return (la === 'zh' && lb === 'en') || (la === 'en' && lb === 'zh');
  };
  const slice = text.slice(start, end);
  const separator = /\s+[/|｜—–-]\s+|\s*[／｜]\s*|\s+\/\s*|\s*\/\s+/g;
  for (let m = separator.exec(slice); m; m = separator.exec(slice)) {
    const left = trimmed(start, start + m.index);
    const right = trimmed(start + m.index + m[0].length, end);
    if (left[1] > left[0] && right[1] > right[0] && differ(left, right)) return [left, right];
  }
  for (let i = start + 1; i < end; i++) {
    const prevCjk = /[\u3400-\u9fff\uf900-\ufaff）)》”」]/.test(text[i - 1]);
    const nextCjk = /[\u3400-\u9fff\uf900-\ufaff（(《“「]/.test(text[i]);
    if (/\s/.test(text[i]) || prevCjk !== nextCjk) {
      const left = trimmed(start, i);
      const right = trimmed(i, end);
      if (left[1] > left[0] && right[1] > right[0] && differ(left, right)) return [left, right];
    }
  }
  return undefined;
}

function referenceBlock(text: string, kind: BlockKind, start: number, end: number, contentStart: number, extras: Partial<Block> = {}): Block {
  while (end > start && /\s/.test(text[end - 1])) end--;
  while (contentStart < end && (text[contentStart] === ' ' || text[contentStart] === '\t')) contentStart++;
  const marker = referenceMarker(text.slice(contentStart, end), contentStart);
  if (marker) contentStart = marker.end;
  let contentEnd = end;
  if (kind === 'heading') {
    const closing = /\s+#+\s*$/.exec(text.slice(contentStart, end));
    if (closing) contentEnd = contentStart + closing.index;
  }
  const content = text.slice(contentStart, contentEnd);
  return { kind, start, end, contentStart, contentEnd, text: content, lang: detectLang(content), ...extras, marker };
}

function referenceSplitBilingual(text: string, block: Block): Block[] {
  const oneLine = !text.slice(block.contentStart, block.contentEnd).includes('\n');
  if (block.lang !== 'mixed' || !oneLine || (block.kind !== 'heading' && block.contentEnd - block.contentStart > 200)) return [block];
  const halves = referenceBilingualSplit(text, block.contentStart, block.contentEnd);
  if (!halves) return [block];
  return halves.map(([a, b], i) => {
    const marker = referenceMarker(text.slice(a, b), a);
    const contentStart = marker ? marker.end : a;
    const content = text.slice(contentStart, b);
    return {
      ...block,
      start: i === 0 ? block.start : a,
      end: i === 0 ? b : block.end,
      contentStart,
      contentEnd: b,
      text: content,
      lang: detectLang(content),
      marker: marker ?? (i === 0 ? block.marker : block.marker && { ...block.marker }),
    };
  });
}

function levelOf(style: MarkerStyle): number {
  return style === 'zh-chapter' || style === 'en-chapter' || style === 'zh-ordinal' || style === 'roman' ? 1 : 2;
}

/** The whole document, every line through every regex. */
function referenceSegmentation(text: string, format: DocumentFormat): SegmentedDocument {
  const doc: SegmentedDocument = { text, format, blocks: [], syncOffset: [], syncBlocks: [], syncTables: [] };
  const lines = linesFrom(text, 0);
  const markdown = format === 'markdown';
  const blocks = doc.blocks;
  let i = 0;
  let tableId = 0;
  if (markdown && /^---\s*$/.test(lines[0].text)) {
    const close = lines.findIndex((l, k) => k > 0 && /^(?:---|\.\.\.)\s*$/.test(l.text));
    if (close > 0) i = close + 1;
  }
  let para: Line[] = [];
  let paraKind: BlockKind = 'paragraph';
  const flush = (): void => {
    if (para.length === 0) return;
    const first = para[0];
    const last = para[para.length - 1];
    let kind = paraKind;
    let contentStart = first.start;
    const extras: Partial<Block> = {};
    if (kind === 'list-item') {
      const bullet = /^\s*(?:[-*+]\s+)/.exec(first.text);
      if (bullet) contentStart = first.start + bullet[0].length;
    }
    const quote = /^\s*(?:>\s?)+/.exec(first.text);
    if (markdown && quote) contentStart = first.start + quote[0].length;
    const firstContent = text.slice(contentStart, first.end);
    const marker = referenceMarker(firstContent.trimStart(), contentStart + (firstContent.length - firstContent.trimStart().length));
    if (kind === 'paragraph') {
      const whole = text.slice(contentStart, last.end);
      const headingish =
        (marker && marker.style !== 'arabic' && marker.style !== 'arabic-paren' && marker.style !== 'circled' && looksLikeHeadingLine(text.slice(marker.end, first.end))) ||
        (!markdown && marker && looksLikeHeadingLine(text.slice(marker.end, first.end)) && para.length === 1) ||
        HEADING_WORDS.test(firstContent.trim());
      if (headingish) {
        const wholeIsHeading =
          para.length === 1 ||
          (para.length === 2 &&
            !HEADING_WORDS.test(firstContent.trim()) &&
            detectLang(whole) === 'en' &&
            para[1].text.trim().length < 0.7 * first.text.trim().length &&
            looksLikeHeadingLine(whole.replace(/\s+/g, ' ')));
        if (!wholeIsHeading && para.length > 1) {
          blocks.push(...referenceSplitBilingual(text, referenceBlock(text, 'heading', first.start, first.end, contentStart, { level: marker ? levelOf(marker.style) : 1 })));
          para = para.slice(1);
          paraKind = 'paragraph';
          flush();
          return;
        }
        kind = 'heading';
        extras.level = marker ? levelOf(marker.style) : 1;
      }
    }
    blocks.push(...referenceSplitBilingual(text, referenceBlock(text, kind, first.start, last.end, contentStart, extras)));
    para = [];
    paraKind = 'paragraph';
  };
  while (i < lines.length) {
    const line = lines[i];
    if (para.length === 0) {
      doc.syncOffset.push(line.start);
      doc.syncBlocks.push(blocks.length);
      doc.syncTables.push(tableId);
    }
    if (markdown) {
      const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line.text);
      if (fence) {
        flush();
        const closer = new RegExp(`^\\s{0,3}${fence[1][0]}{${fence[1].length},}\\s*$`);
        i++;
        while (i < lines.length && !closer.test(lines[i].text)) i++;
        i++;
        continue;
      }
      if (/^\s*<!--/.test(line.text)) {
        flush();
        while (i < lines.length && !lines[i].text.includes('-->')) i++;
        i++;
        continue;
      }
      const next = lines[i + 1];
      if (line.text.includes('|') && next && TABLE_SEPARATOR.test(next.text) && next.text.includes('-')) {
        flush();
        tableId++;
        blocks.push({ kind: 'table-row', start: line.start, end: line.end, contentStart: line.start, contentEnd: line.end, text: line.text, lang: detectLang(line.text), cells: referenceCells(text, line), tableId, headerRow: true });
        i += 2;
        while (i < lines.length && lines[i].text.includes('|') && lines[i].text.trim() !== '') {
          const row = lines[i];
          blocks.push({ kind: 'table-row', start: row.start, end: row.end, contentStart: row.start, contentEnd: row.end, text: row.text, lang: detectLang(row.text), cells: referenceCells(text, row), tableId, headerRow: false });
          i++;
        }
        continue;
      }
      const atx = /^\s{0,3}(#{1,6})(?:\s+|$)/.exec(line.text);
      if (atx) {
        flush();
        blocks.push(...referenceSplitBilingual(text, referenceBlock(text, 'heading', line.start, line.end, line.start + atx[0].length, { level: atx[1].length })));
        i++;
        continue;
      }
      if (para.length === 1 && /^\s{0,3}(?:=+|-+)\s*$/.test(line.text) && paraKind === 'paragraph') {
        const head = para[0];
        para = [];
        blocks.push(...referenceSplitBilingual(text, referenceBlock(text, 'heading', head.start, head.end, head.start, { level: line.text.trim()[0] === '=' ? 1 : 2 })));
        i++;
        continue;
      }
      if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(line.text)) {
        flush();
        i++;
        continue;
      }
    }
    if (line.text.trim() === '') {
      flush();
      i++;
      continue;
    }
    const bullet = markdown && /^\s*[-*+]\s+/.test(line.text);
    const startsMarker = /^\s*(?:\d{1,3}[.)．、](?!\d)|[（(][\d一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]+、|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条])/.test(line.text);
    if ((bullet || startsMarker) && para.length > 0) flush();
    if (para.length === 0) paraKind = bullet || (markdown && /^\s*\d{1,3}[.)]\s/.test(line.text)) ? 'list-item' : 'paragraph';
    para.push(line);
    i++;
  }
  flush();
  return doc;
}

// ---------------------------------------------------------------- generated documents

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH = ['中国将碳达峰碳中和作为国家战略', '广泛深入开展碳达峰行动。', '推进能源革命', '2030年前达到峰值。', '新增绿化面积约四分之一', '（注：GDP 单位）', '《巴黎协定》'];
const EN = ['China has made peak carbon and carbon neutrality', 'a national strategy.', 'In 2030, emissions peak.', 'Advancing carbon peaking is the only way forward', 'GDP', 'the Paris Agreement: a milestone;'];
// Lines the shortcuts must not misjudge: markers and near-markers, blank lines of every kind of space, markup.
const LINES = [
  '', ' ', '\t', '\u3000', '\u00a0', '\ufeff', '   \u2003 ', '\r',
  '---', '...', '***', '___', '- - -', '* * *', '===', '---   ', '  ---', '-', '--', '=', '    ===',
  '```', '~~~', '````js', '  ```', '    ```', '```  ', '~~~~',
  '<!-- c', '-->', '<!-- one -->', ' <!--', 'a --> b',
  '| 中文 | English |', '|---|---|', '| --- | :---: |', '|:--|--:|', '| 碳达峰 | peak carbon |', '| a \\| b | 碳中和 |', '中文 | English', '---|---', '| x |', '|', '| |', '||', '| 一、总体 | I. General |',
  '# 碳达峰碳中和 / Peak Carbon and Carbon Neutrality', '## 一、总体要求 / I. General Requirements', '#', '#######', '# heading #', '### 标题 ###   ', '  ## 前言 Preface', '#no space', '# 中文 ｜ English', '# 一、中文 — English', '#\t标题',
  '一、总体要求', '二、主要进展 / II. Progress', '（一）推进碳达峰', '(二) 推进', '（3）三', '(12) twelve', '(1234) no', '1. 第一条 first', '1) one', '1、一', '1．全角', '12.5 million', '1.5', '999. big', '1000. bigger', '2020年9月', '①圈', '⑳ twenty', '第一章 总则', '第十二条 规定', '第3节', '第一百条', '第一部分', 'Chapter 1 Overview', 'Section II. Scope', 'Article 3: Terms', 'Part IV', 'Chapter X.', 'Chapters 1', 'Parts 2', 'I. General', 'IV. 进展', 'IIII. x', 'VX. y', 'I.no', 'C. point', 'CIVIL. code', 'In 2030', '十、十', '十一、', '二十三、', '零、', '一.', '一．', '一二', '（十）', '(一)标题。', '一、\n正文',
  '前言', '序言', '结束语', 'Preface', 'FOREWORD', 'Conclusion', 'Closing Remarks', 'appendix  ', '前言 Preface', '前言 / Preface', '结语：', 'Introduction.', '  Closing Remarks  ',
  '- 一项 item', '* item', '+ plus', '-no', '- ', '  - nested', '-\tTab', '1. list item', '2) list', ' 3. x', '-\u3000全角空格',
  '> quote', '>> 二级引用', '> > 三', '>', '> - quoted bullet', '> 一、引用标题', '>no space', '>\u3000一、', '> > 1. x',
  'Setext heading', 'China / 中国', '中国/China', '中国 /China', 'China— 中国', '中国 - China', '中文（English）', '碳达峰Peak carbon', 'Peak carbon碳达峰', '“引号”Quote', 'GDP增长', 'x/y', 'a | b',
  '\u00a0一、前有不换行空格', '\u3000\u3000一、全角缩进', '\t1. tab', '   （一）缩进',
  // Headings near the length limits (40 Chinese, 120 English characters).
  `I. ${'General Requirements for Peak Carbon '.repeat(3)}`,
  `II. ${'Carbon Neutrality and the Energy Transition '.repeat(2)}Plan`,
  `Chapter 4 ${'Green Finance '.repeat(8)}`,
  `一、${'推进碳达峰碳中和行动方案'.repeat(3)}`,
  `（二）${'能源结构调整与绿色转型'.repeat(4)}`,
];
const MULTILINE = [
  '| 中文 | English |\n|---|---|\n| 碳达峰 | peak carbon |\n| 碳中和 | carbon neutrality |',
  '| 术语 | Term | 备注 |\n| :-- | --- | --- |\n| 新增绿化面积 | newly added green areas | 2030年 |\n|  | empty |',
  'English | 中文\n--- | ---\npeak carbon | 碳达峰',
  '---\ntitle: draft\n---',
  '```\ncode 2030\n```',
  '<!-- a comment\n\nstill -->',
  'Setext heading\n===',
  '中文标题\n---',
  'Closing Remarks on the\nPlan',
  'I. General Requirements and\nGoals',
  '一、总体要求\n中国将碳达峰碳中和作为国家战略。',
  '前言\n这是正文。',
  'Preface\nThe text of the preface follows here.',
];

function generatedDocument(seed: number): string {
  const next = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const words = (): string => {
    const k = next();
    if (k < 0.35) return pick(ZH);
    if (k < 0.7) return pick(EN);
    if (k < 0.8) return `${pick(ZH)} ${pick(EN)}`;
    return pick(LINES);
  };
  const line = (): string => {
    const k = next();
    if (k < 0.05) return pick(MULTILINE);
    if (k < 0.45) return pick(LINES);
    if (k < 0.55) return `${pick(LINES)} ${words()}`;
    if (k < 0.6) return words().repeat(1 + Math.floor(next() * 12));
    return words();
  };
  const breaks = next() < 0.7 ? ['\n'] : ['\n', '\n', '\r\n', '\r'];
  const count = 1 + Math.floor(next() * 60);
  let text = '';
  for (let i = 0; i < count; i++) text += line() + (i < count - 1 || next() < 0.5 ? pick(breaks) : '');
  return text;
}

/** Blocks and sync points with key order and undefined members kept, so that shapes must match too. */
function exact(doc: SegmentedDocument): string {
  return JSON.stringify([doc.blocks, doc.syncOffset, doc.syncBlocks, doc.syncTables], (_key, value: unknown) => (value === undefined ? '(undefined)' : value));
}

function assertSameSegmentation(text: string, format: DocumentFormat, label: string): void {
  const reference = referenceSegmentation(text, format);
  // Counting each block's letters, and taking them from the running totals of a letter index.
  for (const fast of [segmentDocument(text, format), segmentDocument(text, format, new LetterIndex(text))]) {
    assert.deepStrictEqual(fast.blocks, reference.blocks, `${label}: blocks\n${JSON.stringify(text)}`);
    assert.deepStrictEqual([fast.syncOffset, fast.syncBlocks, fast.syncTables], [reference.syncOffset, reference.syncBlocks, reference.syncTables], `${label}: sync points`);
    assert.equal(exact(fast), exact(reference), `${label}: key order`);
  }
}

// Compiled to out/test/unit/, three levels below the project root.
const root = path.resolve(__dirname, '..', '..', '..');

describe('bilingual segmenter: the fast reading equals the plain one', () => {
  for (const format of ['markdown', 'plaintext'] as DocumentFormat[]) {
    it(`gives the same blocks and sync points on 600 generated documents (${format})`, () => {
      let blocks = 0;
      let markers = 0;
      let tables = 0;
      for (let seed = 1; seed <= 600; seed++) {
        const text = generatedDocument(seed);
        assertSameSegmentation(text, format, `seed ${seed}`);
        const doc = segmentDocument(text, format);
        blocks += doc.blocks.length;
        markers += doc.blocks.filter((b) => b.marker).length;
        tables += doc.blocks.filter((b) => b.headerRow).length;
      }
      // The documents do exercise what the shortcuts skip.
      assert.ok(blocks > 3000 && markers > 1000, `${blocks} blocks, ${markers} markers`);
      if (format === 'markdown') assert.ok(tables > 20, `${tables} tables`);
    });
  }

  it('gives the same blocks on the sample drafts and the bilingual fixtures, with LF and CRLF', () => {
    const dirs = [path.join(root, 'samples'), path.join(root, 'test', 'fixtures', 'bilingual')];
    let files = 0;
    for (const dir of dirs) {
      for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        for (const format of ['markdown', 'plaintext'] as DocumentFormat[]) {
          assertSameSegmentation(text, format, name);
          assertSameSegmentation(text.replace(/\n/g, '\r\n'), format, `${name} (CRLF)`);
        }
        files++;
      }
    }
    assert.ok(files >= 8, `${files} files`);
  });

  it('tells the language of any range from the running totals as by reading it', () => {
    const next = random(5);
    const text = Array.from({ length: 40 }, (_, i) => generatedDocument(i + 1)).join('\n');
    const letters = new LetterIndex(text);
    assert.deepStrictEqual(letters.total, langCounts(text));
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const a = Math.floor(next() * (text.length + 1));
      const b = next() < 0.3 ? Math.min(text.length, a + Math.floor(next() * 130)) : Math.floor(next() * (text.length + 1));
      const expected = b > a ? detectLang(text.slice(a, b)) : 'none';
      assert.equal(letters.langIn(a, b), expected, `[${a}, ${b})`);
      seen.add(expected);
    }
    // Every answer occurs, so a wrong count in either language shows.
    assert.deepStrictEqual([...seen].sort(), ['en', 'mixed', 'none', 'zh']);
    // Around stride boundaries and the ends.
    for (const [a, b] of [[0, 0], [0, 64], [63, 65], [64, 128], [1, text.length], [text.length, text.length], [text.length - 1, text.length]]) {
      assert.equal(letters.langIn(a, b), b > a ? detectLang(text.slice(a, b)) : 'none', `[${a}, ${b})`);
    }
  });

  it('re-segments edited generated documents to the plain segmentation of the edited text', () => {
    const next = random(99);
    const inserts = ['\n', '\n\n', '|', '```\n', '<!--', '-->', '# ', '一、', '1. ', '(1)', '- ', '> ', '中', 'a', ' ', '\r\n', ''];
    for (let seed = 1; seed <= 150; seed++) {
      const format: DocumentFormat = seed % 2 === 0 ? 'markdown' : 'plaintext';
      let text = generatedDocument(seed * 7);
      let doc = segmentDocument(text, format);
      for (let edit = 0; edit < 4; edit++) {
        const at = Math.floor(next() * (text.length + 1));
        text = text.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + text.slice(at + (next() < 0.5 ? 0 : Math.floor(next() * 8)));
        doc = resegment(doc, text, format, edit % 2 === 0 ? new LetterIndex(text) : undefined);
        const reference = referenceSegmentation(text, format);
        assert.equal(exact(doc), exact(reference), `seed ${seed}, edit ${edit}\n${JSON.stringify(text)}`);
      }
    }
  });
});
