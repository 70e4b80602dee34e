// Aligns Chinese blocks with English blocks: structure first (headings and
// numbered items: 一、↔ I., （一）↔ 1.), then, between those anchors, paragraph
// order by a length-based dynamic programme in the manner of Gale and Church
// (1:1, 1:2, 2:1, 2:2, 1:0, 0:1 beads), with shared numbers and concepts
// lowering a bead's cost. The length ratio and its variance are estimated
// from the white paper's own aligned paragraphs. Pure: no I/O.
import { paper } from '../data';
import type { MarkerStyle } from './segment';

export interface AlignUnit {
  /** Length in the unit of `lengthOf` (non-space characters). */
  length: number;
  heading: boolean;
  level?: number;
  marker?: { style: MarkerStyle; value: number };
  /** Keys shared by translations: number keys ("n:2020"), concept ids ("c:peak-carbon"). */
  anchors: ReadonlySet<string>;
  /** Position in the whole document (interleaved layout): adjacent blocks are likely translations. */
  position?: number;
}

/** One alignment bead: indices into the zh and en unit lists (either may be empty). */
export interface Bead {
  zh: number[];
  en: number[];
}

export interface AlignParams {
  /** Expected English length per Chinese length unit. */
  ratio: number;
  /** Variance of the English length per Chinese length unit. */
  variance: number;
}

/** Length used for alignment: non-whitespace code units. */
export function lengthOf(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0x3000) n++;
  }
  return n;
}

/**
 * Gale–Church parameters from aligned (zh, en) text pairs: c = Σen / Σzh and
 * s² = mean over pairs of (en − c·zh)² / zh.
 */
export function estimateParams(pairs: Array<[string, string]>): AlignParams {
  const lens = pairs.map(([zh, en]) => [lengthOf(zh), lengthOf(en)]).filter(([z, e]) => z > 0 && e > 0);
  if (lens.length < 2) return { ratio: 3.4, variance: 10 };
  const ratio = lens.reduce((s, [, e]) => s + e, 0) / lens.reduce((s, [z]) => s + z, 0);
  const variance = lens.reduce((s, [z, e]) => s + (e - ratio * z) ** 2 / z, 0) / lens.length;
  return { ratio, variance: Math.max(variance, 1) };
}

let paperParams: AlignParams | undefined;

/** Parameters estimated from data/paper.json (paragraph pairs and section titles). */
export function defaultParams(): AlignParams {
  if (!paperParams) {
    const pairs: Array<[string, string]> = [];
    for (const p of paper.paragraphs ?? []) {
      if (p.zh && p.en.length > 0) pairs.push([p.zh, p.en.join(' ')]);
    }
    for (const s of paper.sections ?? []) {
      if (s.title.zh && s.title.en) pairs.push([s.title.zh.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/, ''), s.title.en]);
    }
    paperParams = estimateParams(pairs);
  }
  return paperParams;
}

// ---------------------------------------------------------------- costs

/** Standard normal upper tail, Abramowitz–Stegun 26.2.17. */
function normalTail(z: number): number {
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI) * poly;
}

const PRIOR: Record<string, number> = {
  '1:1': 0.89,
  '1:0': 0.0099,
  '0:1': 0.0099,
  '2:1': 0.089 / 2,
  '1:2': 0.089 / 2,
  '2:2': 0.011,
  // Not in Gale and Church's table: a paragraph rendered as three (or three as one) is rarer still.
  '3:1': 0.004,
  '1:3': 0.004,
};

/** Cost of a length pair; capped so that a poor 1:1 pair stays cheaper than a deletion plus an insertion. */
const MAX_LENGTH_COST = 12;
/** Cost of leaving one block unaligned beyond its prior (Gale–Church's length term is meaningless for 0 lengths). */
const INDEL_LENGTH_COST = 3;

export function lengthCost(zhLen: number, enLen: number, params: AlignParams): number {
  return lengthCostIn(smallCostsOf(params), zhLen, enLen, params);
}

/** lengthCost with the parameter set's table of short pairs already looked up (the programmes ask millions of times). */
function lengthCostIn(small: Float64Array, zhLen: number, enLen: number, params: AlignParams): number {
  if (zhLen === 0 && enLen === 0) return 0;
  // Short blocks (headings, list items) repeat the same few length pairs thousands of times.
  if (zhLen < SMALL_ZH && enLen < SMALL_EN) {
    const at = zhLen * SMALL_EN + enLen;
    const known = small[at];
    if (known === known) return known; // not NaN: computed before
    return (small[at] = computeLengthCost(zhLen, enLen, params));
  }
  return computeLengthCost(zhLen, enLen, params);
}

function smallCostsOf(params: AlignParams): Float64Array {
  let table = smallCosts.get(params);
  if (!table) smallCosts.set(params, (table = new Float64Array(SMALL_ZH * SMALL_EN).fill(NaN)));
  return table;
}

/** Length pairs below these bounds have their cost kept per parameter set (128 KB each). */
const SMALL_ZH = 64;
const SMALL_EN = 256;
const smallCosts = new WeakMap<AlignParams, Float64Array>();

function computeLengthCost(zhLen: number, enLen: number, params: AlignParams): number {
  const expected = zhLen * params.ratio;
  const z = Math.abs((enLen - expected) / Math.sqrt(Math.max(zhLen, 1) * params.variance));
  // Most pairs the programme weighs are far from a translation's length: at the cap already.
  if (z >= CAPPED_Z) return MAX_LENGTH_COST;
  return uncappedLengthCost(z);
}

function uncappedLengthCost(z: number): number {
  const p = Math.max(2 * normalTail(z), 1e-12);
  return Math.min(-Math.log(p), MAX_LENGTH_COST);
}

/**
 * The least deviation z at which the length cost reaches its cap (about
 * 4.5), found once by bisection on the cost itself: the cost grows with z,
 * so from here on it is the cap, without an exp and a log per pair.
 */
const CAPPED_Z = (() => {
  let below = 0;
  let at = 64;
  while (at - below > 1e-12) {
    const mid = (below + at) / 2;
    if (uncappedLengthCost(mid) >= MAX_LENGTH_COST) at = mid;
    else below = mid;
  }
  return at;
})();

/**
 * Each unit's anchor keys as ascending ids (interned per alignment): the
 * dynamic programme asks for the shared keys of every candidate bead, and
 * merging short sorted integer arrays is much cheaper than probing string sets.
 */
function anchorIds(units: AlignUnit[], intern: Map<string, number>): Int32Array[] {
  return units.map((u) => {
    const ids = new Int32Array(u.anchors.size);
    writeAnchorIds(u, intern, ids, 0);
    return ids;
  });
}

/** Write a unit's anchor ids, ascending, into `out` from `at` on; returns where they end. */
function writeAnchorIds(unit: AlignUnit, intern: Map<string, number>, out: Int32Array, at: number): number {
  let end = at;
  for (const key of unit.anchors) {
    let id = intern.get(key);
    if (id === undefined) intern.set(key, (id = intern.size));
    out[end++] = id;
  }
  out.subarray(at, end).sort();
  return end;
}

/** Union of two ascending id lists. */
function unite(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x < y) {
      out[n++] = x;
      i++;
    } else if (y < x) {
      out[n++] = y;
      j++;
    } else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out.subarray(0, n);
}

/** Longest run of units on one side of a bead (MOVES). */
const MAX_BEAD_UNITS = 3;

/**
 * What the bead costs of one region need, computed once per unit rather than
 * once per candidate bead (the programme weighs eight beads at each cell of
 * its band): running totals of lengths and headings, and the united anchor
 * ids of every run of one to three units.
 */
interface Side {
  lengthBefore: Float64Array;
  headingsBefore: Int32Array;
  /** idsOfRun[count][i]: the ids of units [i, i + count), united. */
  idsOfRun: Int32Array[][];
  /** Each unit's place in the document's flow (AlignUnit.position), -1 when it has none. */
  position: Float64Array;
}

function sideOf(units: AlignUnit[], intern: Map<string, number>): Side {
  const n = units.length;
  const lengthBefore = new Float64Array(n + 1);
  const headingsBefore = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    lengthBefore[k + 1] = lengthBefore[k] + units[k].length;
    headingsBefore[k + 1] = headingsBefore[k] + (units[k].heading ? 1 : 0);
  }
  const ids = anchorIds(units, intern);
  const idsOfRun: Int32Array[][] = [[], ids];
  for (let count = 2; count <= MAX_BEAD_UNITS; count++) {
    const runs: Int32Array[] = [];
    for (let i = 0; i + count <= n; i++) runs.push(unite(idsOfRun[count - 1][i], ids[i + count - 1]));
    idsOfRun.push(runs);
  }
  const position = Float64Array.from(units, (u) => u.position ?? -1);
  return { lengthBefore, headingsBefore, idsOfRun, position };
}

/** How many ids two ascending lists (or runs of them, [aFrom, aTo) and [bFrom, bTo)) share. */
function sharedCount(a: Int32Array, b: Int32Array, aFrom = 0, aTo = a.length, bFrom = 0, bTo = b.length): number {
  let shared = 0;
  let i = aFrom;
  let j = bFrom;
  while (i < aTo && j < bTo) {
    if (a[i] < b[j]) i++;
    else if (b[j] < a[i]) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared;
}

const LOG_PRIOR: number[][] = [
  [0, -Math.log(PRIOR['0:1'])],
  [-Math.log(PRIOR['1:0']), -Math.log(PRIOR['1:1']), -Math.log(PRIOR['1:2']), -Math.log(PRIOR['1:3'])],
  [0, -Math.log(PRIOR['2:1']), -Math.log(PRIOR['2:2'])],
  [0, -Math.log(PRIOR['3:1'])],
];

/** Cost of the bead zh[zi, zi+zn) ↔ en[ei, ei+en_) (lower is better). */
function beadCost(zh: Side, zi: number, zn: number, en: Side, ei: number, en_: number, params: AlignParams, small: Float64Array): number {
  if (zn === 0 || en_ === 0) return LOG_PRIOR[zn][en_] + INDEL_LENGTH_COST;
  const zhLen = zh.lengthBefore[zi + zn] - zh.lengthBefore[zi];
  const enLen = en.lengthBefore[ei + en_] - en.lengthBefore[ei];
  const zhHeadings = zh.headingsBefore[zi + zn] - zh.headingsBefore[zi];
  const enHeadings = en.headingsBefore[ei + en_] - en.headingsBefore[ei];
  // Headings pair one to one, with headings.
  if ((zhHeadings > 0 || enHeadings > 0) && (zn > 1 || en_ > 1)) return Infinity;
  let cost = LOG_PRIOR[zn][en_] + lengthCostIn(small, zhLen, enLen, params);
  if (zhHeadings !== enHeadings) cost += 8;
  const a = zh.idsOfRun[zn][zi];
  const b = en.idsOfRun[en_][ei];
  const shared = sharedCount(a, b);
  const onlyOne = a.length + b.length - 2 * shared;
  cost -= 1.5 * Math.min(shared, 6);
  cost += 0.8 * Math.min(onlyOne, 6);
  // Interleaved layout: a translation sits next to its original.
  const zFirst = zh.position[zi];
  const eFirst = en.position[ei];
  if (zFirst >= 0 && eFirst >= 0) {
    const zLastAt = zh.position[zi + zn - 1];
    const eLastAt = en.position[ei + en_ - 1];
    const zLast = zLastAt >= 0 ? zLastAt : zFirst;
    const eLast = eLastAt >= 0 ? eLastAt : eFirst;
    const gap = Math.min(Math.abs(zLast - eFirst), Math.abs(eLast - zFirst));
    cost += gap <= 1 ? -2 : 0.5 * Math.min(gap, 8);
  }
  return cost;
}

const MOVES: Array<[number, number]> = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [2, 2],
  [3, 1],
  [1, 3],
];

const MOVE_ZH = Int8Array.from(MOVES, (move) => move[0]);
const MOVE_EN = Int8Array.from(MOVES, (move) => move[1]);

/**
 * Cells a dynamic programme over one region may fill beyond its narrowest
 * band: the alignments below cost about a microsecond per cell, and a lint
 * runs after every typing pause.
 */
const BAND_CELLS = 400_000;

/**
 * Half-width of the band around the diagonal (row i centred on column
 * i·m/n) that a dynamic programme over an n × m table searches: `wanted`
 * when that fits in BAND_CELLS, else as much of it as fits, but never less
 * than `least` or than what keeps consecutive rows' bands overlapping (every
 * path then stays possible). Before the cap, two long regions of different
 * lengths made the band as wide as the difference: quadratic time (a 512 KB
 * interleaved draft with every third translation missing took 8 s).
 */
function bandHalfWidth(n: number, m: number, wanted: number, least: number): number {
  const connected = Math.ceil(m / Math.max(n, 1)) + 4;
  const affordable = Math.floor(BAND_CELLS / (2 * (n + 1)));
  return Math.max(least, connected, Math.min(wanted, affordable));
}

/**
 * The cells of an (n + 1) × (m + 1) table that a banded programme keeps:
 * row i holds columns [first(i), last(i)], centred on round(i·m/n), stored
 * row by row in `width` slots. Both alignment programmes index their tables
 * through it.
 */
class Band {
  readonly width: number;
  /** Each row's diagonal column, once (the programmes ask for it several times per cell). */
  private readonly centers: Int32Array;

  constructor(
    n: number,
    m: number,
    readonly half: number,
  ) {
    this.width = 2 * half + 1;
    this.centers = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) this.centers[i] = Math.round((i * m) / n);
  }

  /** Slots for rows 0..n. */
  get size(): number {
    return this.centers.length * this.width;
  }

  first(i: number): number {
    return this.centers[i] - this.half;
  }

  last(i: number): number {
    return this.centers[i] + this.half;
  }

  /** Slot of (i, j), or -1 outside the band. */
  cell(i: number, j: number): number {
    const k = j - this.centers[i] + this.half;
    return k < 0 || k >= this.width ? -1 : i * this.width + k;
  }
}

/**
 * The last region's programme. The editor lints a draft again after each
 * typing pause, and a cell's cost depends only on the units before it, so
 * the next alignment of a region of the same size keeps the rows before the
 * first unit that changed and recomputes the rest, in the same order: the
 * same beads as a programme run afresh.
 */
interface RegionProgramme {
  params: AlignParams;
  zh: AlignUnit[];
  en: AlignUnit[];
  half: number;
  cost: Float64Array;
  back: Int8Array;
}

let lastProgramme: RegionProgramme | undefined;
/**
 * Tables above this many cells are not kept (about 20 MB with both arrays):
 * the editor would hold them after the draft is closed, and regions that
 * large cost a lot per keystroke anyway.
 */
const KEPT_TABLE_CELLS = 2_500_000;
/** Rows the last alignRegion call kept from the one before (tests check that reuse happens). */
let keptRows = 0;

export function rowsKeptByLastAlignment(): number {
  return keptRows;
}

function sameUnit(a: AlignUnit, b: AlignUnit): boolean {
  if (a.length !== b.length || a.heading !== b.heading || a.level !== b.level || a.position !== b.position) return false;
  if (a.marker?.style !== b.marker?.style || a.marker?.value !== b.marker?.value) return false;
  if (a.anchors.size !== b.anchors.size) return false;
  for (const key of a.anchors) if (!b.anchors.has(key)) return false;
  return true;
}

/** Index of the first unit that differs between two lists of the same length (the length when none does). */
function firstChange(now: AlignUnit[], before: AlignUnit[]): number {
  let k = 0;
  while (k < now.length && sameUnit(now[k], before[k])) k++;
  return k;
}

/**
 * Gale–Church dynamic programme over one region (no anchors inside). Long
 * regions are searched in a band around the diagonal, so memory and time stay
 * linear (a 10 MB draft must not stall the editor).
 */
export function alignRegion(zh: AlignUnit[], en: AlignUnit[], params: AlignParams = defaultParams()): Bead[] {
  const n = zh.length;
  const m = en.length;
  if (n === 0 || m === 0) {
    return [...zh.map((_, i) => ({ zh: [i], en: [] })), ...en.map((_, j) => ({ zh: [], en: [j] }))];
  }
  // Band half-width: the whole table for small regions; wide enough for the difference in
  // length (the paragraphs one side lacks) while that stays affordable.
  const half = n * m <= 40000 ? Math.max(n, m) + 2 : bandHalfWidth(n, m, Math.abs(n - m) + 20, 40);
  const band = new Band(n, m, half);
  const intern = new Map<string, number>();
  const zhSide = sideOf(zh, intern);
  const enSide = sideOf(en, intern);
  const small = smallCostsOf(params);
  // Rows before firstRow are kept from the last programme: every cell in them lies before
  // the first changed unit on both sides.
  const last = lastProgramme;
  const reusable = last !== undefined && last.params === params && last.zh.length === n && last.en.length === m && last.half === half;
  let firstRow = 0;
  let cost: Float64Array;
  let back: Int8Array;
  if (reusable) {
    const zhChange = firstChange(zh, last.zh);
    const enChange = firstChange(en, last.en);
    while (firstRow <= n && firstRow <= zhChange && Math.min(m, band.last(firstRow)) <= enChange) firstRow++;
    cost = last.cost;
    back = last.back;
    cost.fill(Infinity, firstRow * band.width);
    back.fill(-1, firstRow * band.width);
  } else {
    cost = new Float64Array(band.size).fill(Infinity);
    back = new Int8Array(band.size).fill(-1);
  }
  keptRows = firstRow;
  // Half-updated tables must never be reused (an exception below would leave them so).
  lastProgramme = undefined;
  if (firstRow === 0) cost[band.cell(0, 0)] = 0;
  // A bead spans at most MAX_BEAD_UNITS rows: the kept rows just before firstRow are relaxed
  // again into the recomputed rows, as the whole programme would relax them.
  for (let i = Math.max(0, firstRow - MAX_BEAD_UNITS); i <= n; i++) {
    const jFrom = Math.max(0, band.first(i));
    const jTo = Math.min(m, band.last(i));
    for (let j = jFrom; j <= jTo; j++) {
      const here = cost[band.cell(i, j)];
      if (!Number.isFinite(here)) continue;
      for (let k = 0; k < MOVES.length; k++) {
        const di = MOVE_ZH[k];
        const dj = MOVE_EN[k];
        if (i + di < firstRow || i + di > n || j + dj > m) continue;
        const target = band.cell(i + di, j + dj);
        if (target < 0) continue;
        const c = here + beadCost(zhSide, i, di, enSide, j, dj, params, small);
        if (c < cost[target]) {
          cost[target] = c;
          back[target] = k;
        }
      }
    }
  }
  // Copies of the units: a caller that changed one in place must not find it "unchanged".
  if (band.size <= KEPT_TABLE_CELLS) lastProgramme = { params, zh: zh.map((u) => ({ ...u })), en: en.map((u) => ({ ...u })), half, cost, back };
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const at = band.cell(i, j);
    const move = at >= 0 ? back[at] : -1;
    // Not reached (cannot happen: consecutive rows' bands overlap): fall back to single steps.
    const [di, dj] = move >= 0 ? MOVES[move] : i > 0 ? [1, 0] : [0, 1];
    const bead: Bead = { zh: [], en: [] };
    for (let a = i - di; a < i; a++) bead.zh.push(a);
    for (let b = j - dj; b < j; b++) bead.en.push(b);
    beads.push(bead);
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

// ---------------------------------------------------------------- anchors

/** Rank of each marker style by first appearance in a document (一、 before （一）; I. before 1.). */
function styleRanks(units: AlignUnit[]): Map<MarkerStyle, number> {
  const ranks = new Map<MarkerStyle, number>();
  for (const u of units) if (u.marker && !ranks.has(u.marker.style)) ranks.set(u.marker.style, ranks.size);
  return ranks;
}

/**
 * What anchorScore needs of each anchor candidate on one side, as numbers:
 * the anchor programme scores some 65 candidate pairs per anchor, and a
 * draft of one-line headings has hundreds of thousands of anchors.
 */
interface AnchorFeatures {
  heading: Uint8Array;
  hasMarker: Uint8Array;
  markerValue: Float64Array;
  /** Rank of the marker's style (styleRanks). */
  styleRank: Int32Array;
  hasLevel: Uint8Array;
  level: Float64Array;
  length: Float64Array;
  /** Interned anchor keys of candidate k, ascending: ids[idStart[k], idStart[k + 1]) (one array, not one per candidate). */
  idStart: Int32Array;
  ids: Int32Array;
}

function anchorFeatures(units: AlignUnit[], intern: Map<string, number>): AnchorFeatures {
  const n = units.length;
  const ranks = styleRanks(units);
  const f: AnchorFeatures = {
    heading: new Uint8Array(n),
    hasMarker: new Uint8Array(n),
    markerValue: new Float64Array(n),
    styleRank: new Int32Array(n),
    hasLevel: new Uint8Array(n),
    level: new Float64Array(n),
    length: new Float64Array(n),
    idStart: new Int32Array(n + 1),
    ids: new Int32Array(units.reduce((total, u) => total + u.anchors.size, 0)),
  };
  let at = 0;
  for (let k = 0; k < n; k++) {
    const u = units[k];
    at = writeAnchorIds(u, intern, f.ids, at);
    f.idStart[k + 1] = at;
    f.heading[k] = u.heading ? 1 : 0;
    if (u.marker) {
      f.hasMarker[k] = 1;
      f.markerValue[k] = u.marker.value;
      f.styleRank[k] = ranks.get(u.marker.style) ?? -1;
    }
    if (u.level !== undefined) {
      f.hasLevel[k] = 1;
      f.level[k] = u.level;
    }
    f.length[k] = u.length;
  }
  return f;
}

/** How well zh anchor candidate a and en candidate b match (-Infinity: they cannot). */
function anchorScore(z: AnchorFeatures, a: number, e: AnchorFeatures, b: number, params: AlignParams, small: Float64Array): number {
  if (z.heading[a] !== e.heading[b]) return -Infinity;
  let score = z.heading[a] === 1 ? 2 : 0;
  if (z.hasMarker[a] === 1 && e.hasMarker[b] === 1) {
    if (z.markerValue[a] !== e.markerValue[b]) return -Infinity;
    score += z.styleRank[a] === e.styleRank[b] ? 3 : 1;
  } else if (z.hasMarker[a] === 1 || e.hasMarker[b] === 1) {
    score -= 1;
  }
  if (z.hasLevel[a] === 1 && e.hasLevel[b] === 1) score += z.level[a] === e.level[b] ? 1 : -1;
  const lc = lengthCostIn(small, z.length[a], e.length[b], params);
  score += lc < 2 ? 1 : lc > 6 ? -2 : 0;
  return score + 0.5 * sharedCount(z.ids, e.ids, z.idStart[a], z.idStart[a + 1], e.idStart[b], e.idStart[b + 1]);
}

/** Least score of a pair the anchor programme matches. */
const MIN_ANCHOR_SCORE = 2;

/**
 * Structural anchors: headings and numbered items matched in order by a
 * global alignment that maximises their similarity (unmatched ones are left
 * to the paragraph stage).
 */
function matchAnchors(zh: AlignUnit[], en: AlignUnit[], params: AlignParams): Array<[number, number]> {
  const za = zh.map((u, i) => i).filter((i) => zh[i].heading || zh[i].marker);
  const ea = en.map((u, i) => i).filter((i) => en[i].heading || en[i].marker);
  if (za.length === 0 || ea.length === 0) return [];
  const intern = new Map<string, number>();
  const zf = anchorFeatures(za.map((i) => zh[i]), intern);
  const ef = anchorFeatures(ea.map((i) => en[i]), intern);
  const n = za.length;
  const m = ea.length;
  // The whole table when it is small, else a band around the diagonal (see bandHalfWidth):
  // thousands of headings on each side made this quadratic in time and memory.
  const band = new Band(n, m, n * m <= BAND_CELLS ? Math.max(n, m) + 1 : bandHalfWidth(n, m, 0, 32));
  const width = band.width;
  const small = smallCostsOf(params);
  // Which move reached each cell (1 up, 2 left, 3 a match) for the trace back; the best
  // scores only for this row and the one before (a full table took 8 bytes a cell).
  const took = new Int8Array(band.size);
  let previous = new Float64Array(width);
  let current = new Float64Array(width);
  // Best score at (i, j): 0 on row or column 0 (nothing matched yet), -Infinity outside the band.
  const scoreIn = (row: Float64Array, first: number, i: number, j: number): number => {
    if (i === 0 || j === 0) return 0;
    const k = j - first;
    return k < 0 || k >= width ? -Infinity : row[k];
  };
  for (let i = 1; i <= n; i++) {
    const first = band.first(i);
    const previousFirst = band.first(i - 1);
    current.fill(-Infinity);
    const from = Math.max(1, first);
    const to = Math.min(m, band.last(i));
    for (let j = from; j <= to; j++) {
      let v = scoreIn(previous, previousFirst, i - 1, j);
      let t = 1;
      const left = scoreIn(current, first, i, j - 1);
      if (left > v) {
        v = left;
        t = 2;
      }
      const diagonal = scoreIn(previous, previousFirst, i - 1, j - 1);
      if (diagonal > -Infinity) {
        const s = anchorScore(zf, i - 1, ef, j - 1, params, small);
        if (s >= MIN_ANCHOR_SCORE && diagonal + s > v) {
          v = diagonal + s;
          t = 3;
        }
      }
      current[j - first] = v;
      took[i * width + j - first] = t;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  const pairs: Array<[number, number]> = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const c = band.cell(i, j);
    // Outside the band (not on any path the programme filled): step back along the longer side.
    const t = c >= 0 ? took[c] : i * m > j * n ? 1 : 2;
    if (t === 3) {
      pairs.push([za[i - 1], ea[j - 1]]);
      i--;
      j--;
    } else if (t === 1) i--;
    else j--;
  }
  return pairs.reverse();
}

/** Align two documents' units: anchors first, then each region between anchors. */
export function align(zh: AlignUnit[], en: AlignUnit[], params: AlignParams = defaultParams()): Bead[] {
  const anchors = matchAnchors(zh, en, params);
  const beads: Bead[] = [];
  let zi = 0;
  let ei = 0;
  const region = (zEnd: number, eEnd: number) => {
    const sub = alignRegion(zh.slice(zi, zEnd), en.slice(ei, eEnd), params);
    for (const b of sub) beads.push({ zh: b.zh.map((k) => k + zi), en: b.en.map((k) => k + ei) });
  };
  for (const [a, b] of anchors) {
    region(a, b);
    beads.push({ zh: [a], en: [b] });
    zi = a + 1;
    ei = b + 1;
  }
  region(zh.length, en.length);
  return beads;
}

/** For each unit on one side, the bead that holds it (scroll sync, related locations). */
export function beadIndex(beads: Bead[], side: 'zh' | 'en', count: number): Int32Array {
  const index = new Int32Array(count).fill(-1);
  beads.forEach((bead, k) => {
    for (const i of bead[side]) index[i] = k;
  });
  return index;
}
