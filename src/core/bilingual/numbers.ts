// Number extraction for the number-mismatch rule: finds numbers, years,
// dates, percentages, fractions, ordinals and quantities in Chinese or
// English text and reduces each to comparable keys, so that 2020年9月22日 and
// "September 22, 2020", 14亿 and "1.4 billion", 四分之一 and "one-fourth"
// compare equal. Pure: no I/O.
import type { Lang } from '../types';

export type NumberKind = 'date' | 'year' | 'percent' | 'fraction' | 'ordinal' | 'quantity';

export interface NumberMention {
  /** Source offsets (UTF-16) of the whole expression, e.g. "2020年9月22日". */
  start: number;
  end: number;
  text: string;
  kind: NumberKind;
  /** Comparable keys; two mentions agree when they share one ("1400000000", "date:2020-9-22"). */
  keys: string[];
  /**
   * Soft mentions (lone 一 / "one", ordinal words, "a decade", idioms such as
   * 百年变局) can answer a number on the other side but are never reported as
   * missing: they are too often not numbers at all.
   */
  soft: boolean;
  /** Human-readable normalised value for messages: "1,400,000,000", "2020-09-22", "25%". */
  display: string;
}

// ---------------------------------------------------------------- keys

/** Canonical key of a numeric value: 12 significant digits, no float noise. */
export function numberKey(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}

function displayNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 10000) return value.toLocaleString('en-US');
  return numberKey(value);
}

function dateKey(year: number | undefined, month: number | undefined, day: number | undefined): string {
  return `date:${year ?? ''}-${month ?? ''}-${day ?? ''}`;
}

function dateDisplay(year: number | undefined, month: number | undefined, day: number | undefined): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return [year !== undefined ? String(year) : '', month !== undefined ? pad(month) : '', day !== undefined ? pad(day) : '']
    .filter((part) => part !== '')
    .join('-');
}

// ---------------------------------------------------------------- shared helpers

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** Full-width digits, full-width point and percent to ASCII, length-preserving. */
export function asciiDigits(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/．/g, '.')
    .replace(/％/g, '%')
    .replace(/，(?=\d{3}(?!\d))/g, ',');
}

function parseDigits(raw: string): number {
  return Number(raw.replace(/,/g, ''));
}

/** Regions masked from extraction: [start, end, softValue | undefined]. */
interface Mask {
  start: number;
  end: number;
  soft?: number;
}

/** Characters already claimed (masks, earlier mentions): O(1) overlap tests on long texts. */
class Coverage {
  private readonly bits: Uint8Array;
  constructor(length: number) {
    this.bits = new Uint8Array(length + 1);
  }
  mark(start: number, end: number): void {
    this.bits.fill(1, Math.max(0, start), Math.max(start, end));
  }
  overlaps(start: number, end: number): boolean {
    for (let i = Math.max(0, start); i < end && i < this.bits.length; i++) if (this.bits[i]) return true;
    return false;
  }
}

function collectMasks(text: string, patterns: Array<[RegExp, number | undefined]>): { masks: Mask[]; covered: Coverage } {
  const masks: Mask[] = [];
  const covered = new Coverage(text.length);
  for (const [pattern, soft] of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      masks.push({ start: m.index, end: m.index + m[0].length, soft });
      covered.mark(m.index, m.index + m[0].length);
    }
  }
  return { masks, covered };
}

function softMentionsFromMasks(text: string, masks: Mask[]): NumberMention[] {
  const kept: Mask[] = [];
  const soft = masks.filter((m) => m.soft !== undefined).sort((a, b) => a.start - b.start || b.end - a.end);
  let lastEnd = -1;
  for (const mask of soft) {
    if (mask.start < lastEnd) continue;
    kept.push(mask);
    lastEnd = mask.end;
  }
  return kept.map((mask) => ({
    start: mask.start,
    end: mask.end,
    text: text.slice(mask.start, mask.end),
    kind: 'quantity' as const,
    keys: [numberKey(mask.soft as number)],
    soft: true,
    display: numberKey(mask.soft as number),
  }));
}

/** Structural counters such as "1+N" are names, not quantities, in both languages. */
const STRUCTURAL_PATTERNS: Array<[RegExp, number | undefined]> = [
  [/\d+\s*[+＋]\s*[A-Za-z]\b/g, undefined],
  // Inline enumerators: (1) （2） ① 1) at the start of a clause.
  [/[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[ivx]{1,4}|[a-z])\s*[）)]/g, undefined],
  [/[①-⑳]/g, undefined],
  // Link targets, bare URLs, footnote markers and inline code carry no translated numbers.
  [/\]\([^)\s]*(?:\s+"[^"]*")?\)|https?:\/\/[^\s)>\]]+|\[\^[^\]]*\]|`[^`\n]*`/g, undefined],
];

// ---------------------------------------------------------------- Chinese

const ZH_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const ZH_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * Set phrases whose numerals are not quantities (十分 "very", 两手 "both
 * hands", 一盘棋 "one chessboard"), chemical names, approximate counts (数十,
 * 成千上万), and a few idioms with a soft value (百年变局 ≈ "in a century").
 */
const ZH_MASKS: Array<[RegExp, number | undefined]> = [
  [/百年未有之大变局|百年变局|百年大计|百年大党/g, 100],
  [/双碳|翻一番/g, 2],
  [/第一时间/g, 1],
  [/三位一体/g, 3],
  [/千年大计|千秋万代|万里长城/g, undefined],
  // Place names spelt with numerals.
  [/四川|三亚|三明|三门峡|三沙|九江|九寨沟|十堰|六安|六盘水|七台河|五指山|万州|万宁|千岛湖|百色|二连浩特|八达岭|九龙|三江源|三江平原/g, undefined],
  [/翻两番/g, 4],
  [/三农/g, 3],
  [
    /十分|十足|十全十美|百姓|百花齐放|百家争鸣|百货|百科|千方百计|千家万户|千千万万|成千上万|万物|万众一心|万一|亿万|五湖四海|四面八方|七上八下|三心二意|九牛一毛|一五一十|两手|两岸|两翼|一盘棋|再三|三番五次|一带一路|统一|唯一|一体化|进一步|一系列|一揽子|一流|一线|一般|一向|一直|一切|一样|一定|一致|一些|(?<!分)之一|一起|一道|一方面|一旦|一度/g,
    undefined,
  ],
  [/[二一三]氧化[碳硫氮二]|氮氧化物|六氟化硫/g, undefined],
  // Units and words spelt with numerals: 百分点 "percentage point", 百分比 "percentage".
  [/百分点|百分比|百分率|千方百计/g, undefined],
  // Approximate counts: 数十年, 几百, 上万, 十几, 三四年.
  [/[数几上近][十百千万亿]+|[十百千万][几余]/g, undefined],
];
/** Unit words that begin with a numeral character: 千瓦 is kilowatt, not 1000 瓦. */
const ZH_UNIT_AFTER_QIAN = /^千(?:瓦|克|米|焦|卡|帕|伏)/;
const ZH_UNIT_FACTORS: Array<[RegExp, number]> = [
  [/^(?:吉瓦|GW)/, 1e6],
  [/^(?:兆瓦|MW)/, 1e3],
  [/^(?:太瓦|TW)/, 1e9],
];

interface ParsedZh {
  /** One or more numbers (十四五 reads as 14 and 5). */
  values: Array<{ value: number; start: number; end: number; digitString: boolean }>;
}

/** Parse a run of Chinese numeral characters (no Arabic digits). */
function parseChineseRun(run: string, offset: number): ParsedZh {
  const values: ParsedZh['values'] = [];
  const hasUnit = /[十百千万亿]/.test(run);
  if (!hasUnit) {
    // Digit-by-digit reading (二〇二〇) when it has a zero or is long; two digits
    // without a zero (三四年) are an approximate range: no value.
    if (run.length >= 3 || /[〇零]/.test(run)) {
      if (run.length === 1) {
        values.push({ value: ZH_DIGITS[run], start: offset, end: offset + 1, digitString: false });
      } else {
        const digits = [...run].map((ch) => ZH_DIGITS[ch]).join('');
        values.push({ value: Number(digits), start: offset, end: offset + run.length, digitString: true });
      }
    } else if (run.length === 1) {
      values.push({ value: ZH_DIGITS[run], start: offset, end: offset + 1, digitString: false });
    }
    return { values };
  }
  let total = 0;
  let section = 0;
  let pending: number | undefined;
  let lastWasDigit = false;
  let segStart = 0;
  const flush = (endIndex: number) => {
    const value = total + section + (pending ?? 0);
    if (endIndex > segStart) values.push({ value, start: offset + segStart, end: offset + endIndex, digitString: false });
    total = 0;
    section = 0;
    pending = undefined;
  };
  for (let i = 0; i < run.length; i++) {
    const ch = run[i];
    if (ch in ZH_DIGITS) {
      if (lastWasDigit && ZH_DIGITS[ch] !== 0 && pending !== undefined && pending !== 0) {
        // Two digits in a row without a unit: a new number starts (十四五 → 14, 5).
        flush(i);
        segStart = i;
      }
      pending = ZH_DIGITS[ch];
      lastWasDigit = true;
    } else if (ch in ZH_SMALL_UNITS) {
      section += (pending ?? 1) * ZH_SMALL_UNITS[ch];
      pending = undefined;
      lastWasDigit = false;
    } else if (ch === '万') {
      total += (section + (pending ?? 0) || 1) * 1e4;
      section = 0;
      pending = undefined;
      lastWasDigit = false;
    } else if (ch === '亿') {
      total = (total + section + (pending ?? 0) || 1) * 1e8;
      section = 0;
      pending = undefined;
      lastWasDigit = false;
    }
  }
  flush(run.length);
  return { values };
}

interface ZhNumberToken {
  start: number;
  end: number;
  value: number;
  /** Arabic digits were written (hard even when 1). */
  arabic: boolean;
  digitString: boolean;
  /** The token is a bare 一 / 两 without units. */
  bare: string | undefined;
}

function zhTokens(text: string, covered: Coverage): ZhNumberToken[] {
  const tokens: ZhNumberToken[] = [];
  const re = /(\d+(?:,\d{3})*(?:\.\d+)?)|[零〇一二两三四五六七八九十百千万亿]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    if (m[1] !== undefined) {
      // Identifiers such as CO2, PM2.5, COP28, 5G: digits glued to Latin letters (units excepted).
      const before = text[start - 1] ?? '';
      const glued = /^[A-Za-z]/.test(text.slice(end)) && !/^(?:GW|MW|TW|kW|GWh|TWh|MWh|Mt|Gt|km|kg|t)(?![A-Za-z])/.test(text.slice(end));
      if (/[A-Za-z]/.test(before) || glued) continue;
      let value = parseDigits(m[1]);
      // Chinese multipliers after Arabic digits: 14亿, 3.5万, 1.2万亿, 3千万.
      let j = end;
      while (j < text.length && /[十百千万亿]/.test(text[j]) && !ZH_UNIT_AFTER_QIAN.test(text.slice(j))) {
        value *= ZH_SMALL_UNITS[text[j]] ?? ZH_BIG_UNITS[text[j]];
        j++;
      }
      end = j;
      re.lastIndex = j;
      if (covered.overlaps(start, end)) continue;
      tokens.push({ start, end, value, arabic: true, digitString: false, bare: undefined });
      continue;
    }
    // Chinese numeral run; stop before 千瓦 and friends.
    let run = m[0];
    for (let i = 0; i < run.length; i++) {
      if (run[i] === '千' && ZH_UNIT_AFTER_QIAN.test(text.slice(start + i))) {
        run = run.slice(0, i);
        re.lastIndex = start + i + 1;
        break;
      }
    }
    if (run.length === 0) continue;
    // Masks may cover part of the run (统一 in 统一二); cut the run at masked characters.
    let pieceStart = 0;
    const pieces: Array<[number, number]> = [];
    for (let i = 0; i <= run.length; i++) {
      const masked = i < run.length && covered.overlaps(start + i, start + i + 1);
      if (i === run.length || masked) {
        if (i > pieceStart) pieces.push([pieceStart, i]);
        pieceStart = i + 1;
      }
    }
    for (const [a, b] of pieces) {
      const piece = run.slice(a, b);
      for (const parsed of parseChineseRun(piece, start + a).values) {
        const bare = parsed.end - parsed.start === 1 ? text[parsed.start] : undefined;
        tokens.push({ start: parsed.start, end: parsed.end, value: parsed.value, arabic: false, digitString: parsed.digitString, bare });
      }
    }
    end = start + run.length;
  }
  return tokens;
}

function extractChinese(raw: string, base: number): NumberMention[] {
  const text = asciiDigits(raw);
  const { masks, covered } = collectMasks(text, [...STRUCTURAL_PATTERNS, ...ZH_MASKS]);
  const mentions: NumberMention[] = softMentionsFromMasks(text, masks);
  const tokens = zhTokens(text, covered);
  const used = new Set<ZhNumberToken>();
  const push = (mention: Omit<NumberMention, 'text'>) => mentions.push({ ...mention, text: raw.slice(mention.start, mention.end) });

  // Dates first: Y年M月D日, Y年M月, M月D日.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (used.has(t)) continue;
    const afterT = text[t.end];
    const isYear = afterT === '年' && t.value >= 1000 && t.value <= 2999 && Number.isInteger(t.value);
    const next = tokens[i + 1];
    if (isYear && next && next.start === t.end + 1 && text[next.end] === '月' && next.value >= 1 && next.value <= 12) {
      const dayTok = tokens[i + 2];
      if (dayTok && dayTok.start === next.end + 1 && /[日号]/.test(text[dayTok.end] ?? '') && dayTok.value >= 1 && dayTok.value <= 31) {
        used.add(t).add(next).add(dayTok);
        push({ start: t.start, end: dayTok.end + 1, kind: 'date', keys: [dateKey(t.value, next.value, dayTok.value)], soft: false, display: dateDisplay(t.value, next.value, dayTok.value) });
      } else {
        used.add(t).add(next);
        push({ start: t.start, end: next.end + 1, kind: 'date', keys: [dateKey(t.value, next.value, undefined)], soft: false, display: dateDisplay(t.value, next.value, undefined) });
      }
      continue;
    }
    if (afterT === '月' && t.value >= 1 && t.value <= 12 && Number.isInteger(t.value)) {
      if (next && next.start === t.end + 1 && /[日号]/.test(text[next.end] ?? '') && next.value >= 1 && next.value <= 31) {
        used.add(t).add(next);
        push({ start: t.start, end: next.end + 1, kind: 'date', keys: [dateKey(undefined, t.value, next.value)], soft: false, display: dateDisplay(undefined, t.value, next.value) });
      } else if (text[t.start - 1] !== '个' && text[t.end + 1] !== '份' && !/^个月/.test(text.slice(t.end))) {
        used.add(t);
        push({ start: t.start, end: t.end + 1, kind: 'date', keys: [dateKey(undefined, t.value, undefined)], soft: false, display: `${dateDisplay(undefined, t.value, undefined)}` });
      }
      continue;
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (used.has(t)) continue;
    const before = text.slice(Math.max(0, t.start - 3), t.start);
    const after = text.slice(t.end, t.end + 4);
    // Fractions: 四分之一, 三分之二, 百分之八十.
    if (after.startsWith('分之')) {
      const numer = tokens[i + 1];
      if (numer && numer.start === t.end + 2) {
        used.add(t).add(numer);
        if (t.value === 100 && !t.arabic) {
          const value = numer.value / 100;
          push({ start: t.start, end: numer.end, kind: 'percent', keys: [numberKey(value)], soft: false, display: `${numberKey(numer.value)}%` });
        } else if (t.value !== 0) {
          const value = numer.value / t.value;
          push({ start: t.start, end: numer.end, kind: 'fraction', keys: [numberKey(value)], soft: false, display: `${numberKey(numer.value)}/${numberKey(t.value)}` });
        }
        continue;
      }
    }
    used.add(t);
    if (after.startsWith('%')) {
      push({ start: t.start, end: t.end + 1, kind: 'percent', keys: [numberKey(t.value / 100)], soft: false, display: `${numberKey(t.value)}%` });
      continue;
    }
    if (before.endsWith('第')) {
      push({ start: t.start - 1, end: t.end, kind: 'ordinal', keys: [numberKey(t.value)], soft: false, display: numberKey(t.value) });
      continue;
    }
    if (after.startsWith('年代')) {
      // 90年代 is the 1990s; 20世纪90年代 too.
      const keys = [numberKey(t.value)];
      if (t.value < 100) keys.push(numberKey(1900 + t.value), numberKey(2000 + t.value));
      push({ start: t.start, end: t.end + 2, kind: 'year', keys, soft: false, display: `${numberKey(t.value)}年代` });
      continue;
    }
    if (after.startsWith('年') && t.value >= 1000 && t.value <= 2999 && Number.isInteger(t.value)) {
      push({ start: t.start, end: t.end + 1, kind: 'year', keys: [numberKey(t.value)], soft: false, display: numberKey(t.value) });
      continue;
    }
    // A lone 一 or 零 is a classifier or part of a word far more often than a count.
    const soft = !t.arabic && (t.bare === '一' || t.bare === '零');
    const keys = [numberKey(t.value)];
    for (const [unit, factor] of ZH_UNIT_FACTORS) {
      if (unit.test(after)) keys.push(numberKey(t.value * factor));
    }
    push({ start: t.start, end: t.end, kind: 'quantity', keys, soft, display: displayNumber(t.value) });
  }
  return shift(mentions, base);
}

// ---------------------------------------------------------------- English

const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const EN_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16,
  seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40,
  fiftieth: 50, hundredth: 100,
};
const EN_FRACTION_DENOMS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, fourth: 4, fourths: 4, quarter: 4, quarters: 4,
  fifth: 5, fifths: 5, sixth: 6, sixths: 6, eighth: 8, eighths: 8, tenth: 10, tenths: 10,
};
const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
type DateRead = (m: RegExpExecArray) => [number | undefined, number, number | undefined];
const EN_DATE_PATTERNS: Array<[RegExp, DateRead]> = [
  [new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'), (m) => [Number(m[3]), MONTHS[m[1].toLowerCase()], Number(m[2])]],
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES})\\.?,?\\s+(\\d{4})\\b`, 'gi'), (m) => [Number(m[3]), MONTHS[m[2].toLowerCase()], Number(m[1])]],
  [new RegExp(`\\b(${MONTH_NAMES})\\.?,?\\s+(?:of\\s+)?(\\d{4})\\b`, 'gi'), (m) => [Number(m[2]), MONTHS[m[1].toLowerCase()], undefined]],
  [new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![,.]?\\d)`, 'gi'), (m) => [undefined, MONTHS[m[1].toLowerCase()], Number(m[2])]],
  // A month on its own, full name and capitalised ("in September").
  [/\b(January|February|March|April|June|July|August|September|October|November|December)\b/g, (m) => [undefined, MONTHS[m[1].toLowerCase()], undefined]],
];

const EN_UNIT_FACTORS: Array<[RegExp, number]> = [
  [/^\s*(?:GW|gigawatts?)\b/, 1e6],
  [/^\s*(?:MW|megawatts?)\b/, 1e3],
  [/^\s*(?:TW|terawatts?)\b/, 1e9],
  [/^\s*GWh\b/, 1e6],
  [/^\s*TWh\b/, 1e9],
  [/^\s*MWh\b/, 1e3],
  [/^\s*Mt\b/, 1e6],
  [/^\s*Gt\b/, 1e9],
];

const EN_MASKS: Array<[RegExp, number | undefined]> = [
  [/\b(?:in|over|for|of|within)\s+(?:a|the\s+past|the\s+last)\s+century\b/gi, 100],
  [/\bcentury\b/gi, 100],
  [/\b(?:a|the\s+past|the\s+last|the\s+next|over\s+a|the)\s+decade\b/gi, 10],
  [/\bdecade\b/gi, 10],
  [/\b(?:twice|double[ds]?|doubling)\b/gi, 2],
  [/\b(?:triple[ds]?|tripling|threefold)\b/gi, 3],
  // "the 14th Five-Year Plan (2021-2025)": the years are the translator's gloss.
  [/(?<=Five-Year Plan\s*)\(\s*\d{4}\s*[-–—]\s*\d{4}\s*\)/gi, undefined],
  // Approximate or idiomatic counts.
  [/\b(?:hundreds|thousands|millions|billions|tens|dozens)\s+of\b|\bdozens?\b|\bone\s+(?:another|of|by\s+one)\b|\bno\s+one\b|\bonce\b|\bat\s+once\b|\bone-(?:off|on-one|stop|size|sided|way)\b|\bfirst-(?:hand|class|rate)\b|\bsecond-hand\b|\btwo-way\b/gi, undefined],
];

interface EnWordNumber {
  start: number;
  end: number;
  value: number;
  kind: NumberKind;
  soft: boolean;
  display?: string;
}

/** Parse number words starting at `index` (already at a letter). */
function parseEnglishWords(text: string, index: number): EnWordNumber | undefined {
  // Up to 8 words separated by single spaces or hyphens: "twenty-five", "one hundred and five million".
  const words: Array<{ word: string; start: number; end: number }> = [];
  const wordRe = /[A-Za-z]+/y;
  let i = index;
  while (words.length < 8) {
    wordRe.lastIndex = i;
    const m = wordRe.exec(text);
    if (!m) break;
    words.push({ word: m[0].toLowerCase(), start: i, end: i + m[0].length });
    i += m[0].length;
    if ((text[i] !== ' ' && text[i] !== '-') || !/[A-Za-z]/.test(text[i + 1] ?? '')) break;
    i++;
  }
  if (words.length === 0) return undefined;
  const first = words[0].word;
  // "a hundred", "a million", "a quarter", "a third of", "a half".
  if (first === 'a' || first === 'an') {
    const second = words[1]?.word;
    if (second && second in EN_SCALES) {
      return { start: words[0].start, end: words[1].end, value: EN_SCALES[second], kind: 'quantity', soft: false };
    }
    if (second === 'quarter' || (second === 'third' && words[2]?.word === 'of') || (second === 'fifth' && words[2]?.word === 'of')) {
      const value = 1 / EN_FRACTION_DENOMS[second];
      return { start: words[0].start, end: words[1].end, value, kind: 'fraction', soft: false, display: `1/${EN_FRACTION_DENOMS[second]}` };
    }
    if (second === 'half') return { start: words[0].start, end: words[1].end, value: 0.5, kind: 'fraction', soft: true, display: '1/2' };
    return undefined;
  }
  // A bare scale word ("million-kilowatt units") answers 百万 but is no count of its own.
  if (first in EN_SCALES) return { start: words[0].start, end: words[0].end, value: EN_SCALES[first], kind: 'quantity', soft: true };
  if (first === 'half') return { start: words[0].start, end: words[0].end, value: 0.5, kind: 'fraction', soft: true, display: '1/2' };
  if (first in EN_ORDINALS && !(first in EN_UNITS)) {
    return { start: words[0].start, end: words[0].end, value: EN_ORDINALS[first], kind: 'ordinal', soft: true };
  }
  if (!(first in EN_UNITS) && !(first in EN_TENS)) return undefined;
  // Cardinal: "twenty-five", "three hundred and five", "five million".
  type Step = 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'start';
  let total = 0;
  let current = 0;
  let k = 0;
  let last: Step = 'start';
  let lastEnd = words[0].end;
  const afterGroup = (step: Step) => step === 'start' || step === 'hundred' || step === 'scale';
  while (k < words.length) {
    const w = words[k].word;
    let step: Step;
    if (w in EN_UNITS && EN_UNITS[w] < 10 && (afterGroup(last) || last === 'tens')) {
      current += EN_UNITS[w];
      step = 'unit';
    } else if (w in EN_UNITS && afterGroup(last)) {
      current += EN_UNITS[w];
      step = 'teen';
    } else if (w in EN_TENS && afterGroup(last)) {
      current += EN_TENS[w];
      step = 'tens';
    } else if (w === 'hundred' && (last === 'unit' || last === 'teen')) {
      current *= 100;
      step = 'hundred';
    } else if (w in EN_SCALES && w !== 'hundred' && last !== 'start' && last !== 'scale') {
      total += current * EN_SCALES[w];
      current = 0;
      step = 'scale';
    } else if (w === 'and' && (last === 'hundred' || last === 'scale') && words[k + 1] && (words[k + 1].word in EN_UNITS || words[k + 1].word in EN_TENS)) {
      k++;
      continue;
    } else {
      break;
    }
    last = step;
    lastEnd = words[k].end;
    k++;
  }
  const value = total + current;
  const next = words[k]?.word;
  // Fractions written out: one-fourth, two-thirds, three quarters.
  if (next && next in EN_FRACTION_DENOMS && value >= 1 && value < EN_FRACTION_DENOMS[next] && !(value === 1 && next === 'second')) {
    const denom = EN_FRACTION_DENOMS[next];
    return { start: words[0].start, end: words[k].end, value: value / denom, kind: 'fraction', soft: false, display: `${value}/${denom}` };
  }
  if (next === 'percent' || (next === 'per' && words[k + 1]?.word === 'cent')) {
    const end = next === 'per' ? words[k + 1].end : words[k].end;
    return { start: words[0].start, end, value: value / 100, kind: 'percent', soft: false, display: `${value}%` };
  }
  // "one" is a pronoun or article far more often than a count.
  const soft = value <= 1 && lastEnd === words[0].end;
  return { start: words[0].start, end: lastEnd, value, kind: 'quantity', soft };
}

function extractEnglish(raw: string, base: number): NumberMention[] {
  const text = asciiDigits(raw);
  const { masks, covered } = collectMasks(text, [...STRUCTURAL_PATTERNS, ...EN_MASKS]);
  const mentions: NumberMention[] = softMentionsFromMasks(text, masks);
  const push = (mention: Omit<NumberMention, 'text'>) => mentions.push({ ...mention, text: raw.slice(mention.start, mention.end) });
  // Masks and mentions already read share one coverage map.
  const isTaken = (start: number, end: number) => covered.overlaps(start, end);
  const taken = { push: ([start, end]: [number, number]) => covered.mark(start, end) };

  // Dates: "September 22, 2020", "22 September 2020", "September 2020", "September 22", "September".
  for (const [re, read] of EN_DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // "May" and "March" are also words: accept them capitalised only.
      const month = /[A-Za-z]{3,}/.exec(m[0].replace(/^\d+(?:st|nd|rd|th)?\s+(?:of\s+)?/, ''))?.[0] ?? '';
      if ((month.toLowerCase() === 'may' || month.toLowerCase() === 'march') && month[0] !== month[0].toUpperCase()) continue;
      const [y, mo, d] = read(m);
      if (d !== undefined && (d < 1 || d > 31)) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (isTaken(start, end)) continue;
      taken.push([start, end]);
      push({ start, end, kind: 'date', keys: [dateKey(y, mo, d)], soft: false, display: dateDisplay(y, mo, d) });
    }
  }

  // Digits: 1.4 billion, 30,000, 80%, 80 percent, 75th, 1990s, 1,200 GW.
  const digitRe = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
  for (let m = digitRe.exec(text); m; m = digitRe.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    const before = text[start - 1] ?? '';
    if (/[A-Za-z_]/.test(before) || /[A-Za-z]/.test(text[end] ?? '') && !/^(?:st|nd|rd|th|s)\b/.test(text.slice(end)) && !/^(?:GW|MW|TW|GWh|TWh|MWh|Mt|Gt|kW|kWh|km|kg|t)\b/.test(text.slice(end))) {
      // CO2, PM2.5, COP28, G20, 5G: identifiers. Keep as soft so a matching count on the other side is not flagged.
      let idEnd = end;
      while (/[A-Za-z0-9.]/.test(text[idEnd] ?? '') && !/\.(?:\s|$)/.test(text.slice(idEnd, idEnd + 2))) idEnd++;
      if (!isTaken(start, end)) {
        push({ start, end, kind: 'quantity', keys: [numberKey(parseDigits(m[0]))], soft: true, display: m[0] });
      }
      digitRe.lastIndex = idEnd;
      continue;
    }
    if (isTaken(start, end)) continue;
    let value = parseDigits(m[0]);
    const rest = text.slice(end);
    let kind: NumberKind = 'quantity';
    let display = m[0];
    let keys: string[];
    let r: RegExpExecArray | null;
    if ((r = /^(?:st|nd|rd|th)\b/.exec(rest))) {
      end += r[0].length;
      kind = 'ordinal';
      keys = [numberKey(value)];
    } else if ((r = /^s\b/.exec(rest)) && /^\d{4}$/.test(m[0])) {
      end += 1;
      kind = 'year';
      keys = [numberKey(value), numberKey(value % 100)];
      display = `${m[0]}s`;
    } else if ((r = /^\s*(?:%|percent\b|per\s+cent\b)/.exec(rest))) {
      end += r[0].length;
      kind = 'percent';
      keys = [numberKey(value / 100)];
      display = `${m[0]}%`;
    } else {
      if ((r = /^\s+(thousand|million|billion|trillion)\b/i.exec(rest))) {
        value *= EN_SCALES[r[1].toLowerCase()];
        end += r[0].length;
        display = displayNumber(value);
      }
      keys = [numberKey(value)];
      const after = text.slice(end);
      for (const [unit, factor] of EN_UNIT_FACTORS) {
        if (unit.test(after)) keys.push(numberKey(value * factor));
      }
      if (/^\d{4}$/.test(m[0]) && value >= 1000 && value <= 2999) kind = 'year';
    }
    taken.push([start, end]);
    push({ start, end, kind, keys, soft: false, display });
  }

  // Number words.
  const wordStart = /\b[A-Za-z]/g;
  for (let m = wordStart.exec(text); m; m = wordStart.exec(text)) {
    const start = m.index;
    const parsed = parseEnglishWords(text, start);
    if (!parsed) {
      // Skip the rest of this word.
      const w = /[A-Za-z]+/y;
      w.lastIndex = start;
      const word = w.exec(text);
      wordStart.lastIndex = start + (word ? word[0].length : 1);
      continue;
    }
    wordStart.lastIndex = parsed.end;
    if (isTaken(parsed.start, parsed.end)) continue;
    let { value, end } = parsed;
    let kind = parsed.kind;
    // "five million tons" was consumed; "1.4 billion" (digits) is handled above.
    // Referring back to known things ("the two goals", "both") is not a count to check.
    const before = text.slice(Math.max(0, parsed.start - 12), parsed.start);
    let soft = parsed.soft || (kind === 'quantity' && /\b(?:the|these|those|its|their|our)\s+$/i.test(before) && value < 20);
    if (/^\s+goals?\b/i.test(text.slice(end)) && value === 2) soft = true;
    const keys = [numberKey(value)];
    for (const [unit, factor] of EN_UNIT_FACTORS) {
      if (unit.test(text.slice(end))) keys.push(numberKey(value * factor));
    }
    taken.push([parsed.start, end]);
    push({
      start: parsed.start,
      end,
      kind,
      keys,
      soft,
      display: parsed.display ?? (kind === 'percent' ? `${numberKey(value * 100)}%` : displayNumber(value)),
    });
  }
  return shift(mentions, base);
}

function shift(mentions: NumberMention[], base: number): NumberMention[] {
  if (base !== 0) {
    for (const mention of mentions) {
      mention.start += base;
      mention.end += base;
    }
  }
  return mentions.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Numbers in `text` (or in `text.slice(start, end)`), offsets into `text`.
 * Chinese text uses Chinese numerals, 年/月/日 dates, 亿/万 scaling, 分之 and
 * 第; English text uses digits, number words, month names and scale words.
 */
export function extractNumbers(text: string, lang: Lang, start = 0, end = text.length): NumberMention[] {
  const slice = text.slice(start, end);
  // The mentions depend on the slice alone: a block that did not change since
  // the last lint (an editor re-lints after each keystroke) is read from memory.
  const cacheKey = lang + slice;
  let relative = mentionCache.get(cacheKey);
  if (relative === undefined) {
    relative = lang === 'zh' ? extractChinese(slice, 0) : extractEnglish(slice, 0);
    for (const mention of relative) mention.text = slice.slice(mention.start, mention.end);
    if (mentionCache.size >= MENTION_CACHE_SIZE) mentionCache.clear();
    mentionCache.set(cacheKey, relative);
  }
  return relative.map((m) => ({ ...m, start: m.start + start, end: m.end + start, keys: m.keys.slice() }));
}

/** Blocks' number mentions (offsets relative to the block), by language and block text. */
const mentionCache = new Map<string, NumberMention[]>();
const MENTION_CACHE_SIZE = 50_000;

export interface NumberComparison {
  /** Hard numbers on the Chinese side with no counterpart on the English side. */
  zhOnly: NumberMention[];
  /** Hard numbers on the English side with no counterpart on the Chinese side. */
  enOnly: NumberMention[];
}

/**
 * Matches numbers across two aligned blocks as multisets of keys: each mention
 * answers at most one on the other side; hard mentions are matched first so
 * that soft ones only fill gaps.
 */
export function compareNumbers(zh: NumberMention[], en: NumberMention[]): NumberComparison {
  const usedZh = new Set<NumberMention>();
  const usedEn = new Set<NumberMention>();
  /** Candidates on one side by key, in text order (linear in the number of mentions). */
  const index = (list: NumberMention[], soft: boolean) => {
    const byKey = new Map<string, { items: NumberMention[]; next: number }>();
    for (const m of list) {
      if (m.soft !== soft) continue;
      for (const k of m.keys) {
        const bucket = byKey.get(k);
        if (bucket) bucket.items.push(m);
        else byKey.set(k, { items: [m], next: 0 });
      }
    }
    return byKey;
  };
  const tryMatch = (from: NumberMention[], to: NumberMention[], usedFrom: Set<NumberMention>, usedTo: Set<NumberMention>, toSoft: boolean) => {
    const byKey = index(to, toSoft);
    for (const a of from) {
      if (a.soft || usedFrom.has(a)) continue;
      let match: NumberMention | undefined;
      for (const k of a.keys) {
        const bucket = byKey.get(k);
        if (!bucket) continue;
        while (bucket.next < bucket.items.length && usedTo.has(bucket.items[bucket.next])) bucket.next++;
        if (bucket.next < bucket.items.length) {
          match = bucket.items[bucket.next++];
          break;
        }
      }
      if (match) {
        usedFrom.add(a);
        usedTo.add(match);
      }
    }
  };
  tryMatch(zh, en, usedZh, usedEn, false);
  tryMatch(zh, en, usedZh, usedEn, true);
  tryMatch(en, zh, usedEn, usedZh, true);
  return {
    zhOnly: zh.filter((m) => !m.soft && !usedZh.has(m)),
    enOnly: en.filter((m) => !m.soft && !usedEn.has(m)),
  };
}
