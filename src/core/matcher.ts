// Finds every form of every concept, both languages, in one pass over the text.
//
// Design (speed is a requirement: 10 MB in well under half a second):
// - Each UTF-16 code unit is folded (case, width, quotes, hyphens; see
//   normalize.ts) and mapped to a small alphabet class through one Int32Array
//   lookup. Code units that occur in no pattern are class 0 and send the
//   automaton back to its root.
// - All patterns live in one Aho-Corasick automaton whose failure links are
//   resolved in advance into a full DFA: a flat Int32Array of rows, one per
//   state, one column per class. A transition is one array read. Column 0 of
//   each row (class 0 never reaches the table) holds the state's number.
// - The scan loop handles whitespace itself: a run of whitespace is fed as one
//   space, only while a match is in progress; a single line break between two
//   CJK characters is dropped; a blank line ends any match. Source offsets of
//   the fed characters go into a small ring buffer so a match maps back to
//   exact source offsets without a normalised copy of the text.
// - Word boundaries (English) and case (caseSensitive forms) are checked only
//   on candidate matches. Candidates are resolved leftmost-longest,
//   non-overlapping, as soon as no longer or earlier match can still appear.

import type { Concept, DocumentFormat, FormStatus, TermForm } from './types';
import { FOLD_BREAK, FOLD_IGNORE, FOLD_SPACE, cjkTableOf, compactFold, foldCode, normalizeTerm, wordTableOf } from './normalize';
import { SEGMENT_JOIN, Segments, scanMarkdown } from './markdown';
import { canonicalFor } from './termbase';

export interface TermMatch {
  /** Source offsets (a wrapped term spans the line break). */
  start: number;
  end: number;
  /** text.slice(start, end) */
  found: string;
  concept: Concept;
  /** For canonical matches: { text: concept.en | concept.zh, lang }. */
  form: TermForm;
  status: FormStatus;
  /**
   * Deprecated matches only: replacing the text with the canonical rendering
   * would read as a deprecated rendering together with its neighbours
   * ("emission carbon peaking" -> "emission peak carbon", where "emission
   * peak" is deprecated), so it is no safe automatic fix.
   */
  unsafeFix?: true;
}

/**
 * text.slice(start, end), but the form's own string when the text spells the
 * form exactly (most matches): no new string per match, so a long document's
 * hundreds of thousands of matches cost the garbage collector much less.
 */
function foundText(text: string, start: number, end: number, formText: string): string {
  return end - start === formText.length && text.startsWith(formText, start) ? formText : text.slice(start, end);
}

/** What a pattern stands for: one form of one concept (a pattern can stand for several). */
export interface MatchEntry {
  concept: Concept;
  form: TermForm;
  status: FormStatus;
}

/**
 * Matches in parallel arrays, one slot per match and no object per match: a
 * long document holds hundreds of thousands of term occurrences, most of which
 * no rule reports. Objects (TermMatch) are made on request.
 */
export class PackedMatches {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  /** Index into `entries`. */
  entry: Int32Array;
  /** 1 where the match is deprecated and its replacement is no safe fix (TermMatch.unsafeFix). */
  unsafe: Uint8Array;
  /** Whether `unsafe` has been filled in (TermMatcher.checkFixSafety). */
  fixSafetyChecked = false;

  constructor(
    readonly text: string,
    readonly entries: readonly MatchEntry[],
    capacity = 64,
  ) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.entry = new Int32Array(capacity);
    this.unsafe = new Uint8Array(capacity);
  }

  push(start: number, end: number, entry: number): void {
    if (this.count === this.start.length) this.grow();
    const j = this.count++;
    this.start[j] = start;
    this.end[j] = end;
    this.entry[j] = entry;
  }

  status(i: number): FormStatus {
    return this.entries[this.entry[i]].status;
  }

  /** The match at slot i as an object. */
  at(i: number): TermMatch {
    const e = this.entries[this.entry[i]];
    const start = this.start[i];
    const end = this.end[i];
    const m: TermMatch = { start, end, found: foundText(this.text, start, end, e.form.text), concept: e.concept, form: e.form, status: e.status };
    if (this.unsafe[i] === 1) m.unsafeFix = true;
    return m;
  }

  /** Every match as an object, in document order. */
  toArray(): TermMatch[] {
    const out: TermMatch[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.at(i);
    return out;
  }

  /** The matches whose entry passes `keep` (asked once per entry), as objects in document order. */
  select(keep: (entry: MatchEntry) => boolean): TermMatch[] {
    const verdict = new Int8Array(this.entries.length);
    const out: TermMatch[] = [];
    for (let i = 0; i < this.count; i++) {
      const e = this.entry[i];
      if (verdict[e] === 0) verdict[e] = keep(this.entries[e]) ? 1 : -1;
      if (verdict[e] === 1) out.push(this.at(i));
    }
    return out;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.start = grow(this.start, new Int32Array(size));
    this.end = grow(this.end, new Int32Array(size));
    this.entry = grow(this.entry, new Int32Array(size));
    this.unsafe = grow(this.unsafe, new Uint8Array(size));
  }
}

interface PatternEntry extends MatchEntry {
  /** Normalised without case folding, for caseSensitive forms; null otherwise. */
  exact: string | null;
}

const STATUS_RANK: Record<FormStatus, number> = { canonical: 0, admitted: 1, deprecated: 2 };

/**
 * States shallower than this get a full, resolved transition row; deeper ones
 * (inside long forms, visited rarely) use their few goto edges and failure
 * links. Keeps the tables small (cache-friendly, fast to build) at the cost of
 * an occasional failure-link walk.
 */
const DENSE_DEPTH = 3;

/**
 * At most this many cells in the dense rows (8 to 16 MB). The bundled term
 * base needs about 80 000; a glossary of 100 000 Chinese terms brings an
 * alphabet of ~20 000 code units and ~100 000 states above DENSE_DEPTH, which
 * unbounded came to ~10 GB and minutes of building. Beyond the budget the
 * shallowest states stay dense and the rest go through their child lists.
 */
const DENSE_CELLS = 1 << 22;

/**
 * A fix-safety window holds this many normalised characters beyond the
 * longest deprecated form that could overlap the replacement, and at most
 * WORD_SLACK more to finish the word it ends in.
 */
const WINDOW_SLACK = 4;
const WORD_SLACK = 64;

/** How a deprecated form could overlap a replacement (see TermMatcher.replacementReach). */
interface ReplacementReach {
  risky: boolean;
  /** Normalised characters such a form can have before the replacement's start, and after its end. */
  before: number;
  after: number;
}

/** Whether a[aStart, aStart + length) and b[bStart, bStart + length) hold the same code units (no substrings made). */
function sameUnits(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a.charCodeAt(aStart + i) !== b.charCodeAt(bStart + i)) return false;
  return true;
}

/** Whitespace as the matcher folds it (a run of it reads as one space). */
function isSpaceCode(c: number): boolean {
  const f = foldCode(c);
  return f === FOLD_SPACE || f === FOLD_BREAK;
}

/** Segments per scan() call in a long document (see scanInChunks). */
const CHUNK_SEGMENTS = 1024;

/** Texts at least this long get the scan loop warmed up first (see warmUp). */
const WARM_UP_MIN_LENGTH = 64 * 1024;

/**
 * "No candidate" for positions in normalised characters: above any position a
 * text within the size limits reaches, and still a small integer for V8 (a
 * double here made the optimised scan loop fall back to slow code mid-scan).
 */
const NO_CANDIDATE = 0x3fffffff;

/** Candidate buffer, reused across scans (typed arrays, grown on demand). */
class Candidates {
  startK = new Int32Array(64);
  endK = new Int32Array(64);
  startSrc = new Int32Array(64);
  endSrc = new Int32Array(64);
  pattern = new Int32Array(64);
  entry = new Int32Array(64);
  n = 0;
  lastEndK = 0;
  /** Smallest startK among the candidates (NO_CANDIDATE when none). */
  minStartK = NO_CANDIDATE;

  push(startK: number, endK: number, startSrc: number, endSrc: number, pattern: number, entry: number): void {
    if (this.n === this.startK.length) this.grow();
    const j = this.n++;
    if (startK < this.minStartK) this.minStartK = startK;
    this.startK[j] = startK;
    this.endK[j] = endK;
    this.startSrc[j] = startSrc;
    this.endSrc[j] = endSrc;
    this.pattern[j] = pattern;
    this.entry[j] = entry;
  }

  private grow(): void {
    const size = this.startK.length * 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.startK = grow(this.startK);
    this.endK = grow(this.endK);
    this.startSrc = grow(this.startSrc);
    this.endSrc = grow(this.endSrc);
    this.pattern = grow(this.pattern);
    this.entry = grow(this.entry);
  }
}

export class TermMatcher {
  readonly concepts: Concept[];
  private readonly byId = new Map<string, Concept>();

  /** Normalised pattern keys and, per pattern, the concept forms they stand for (best status first). */
  private readonly keys: string[] = [];
  private readonly entries: PatternEntry[][] = [];
  /** All entries of all patterns, pattern by pattern; entryBase[p] is where pattern p's start. */
  private readonly entryTable: PatternEntry[] = [];
  private readonly entryBase: Int32Array;
  private readonly patLen: Int32Array;
  private readonly patWordStart: Uint8Array;
  private readonly patWordEnd: Uint8Array;
  /** 1 when the pattern's best entry is case-sensitive (needs checking on each candidate). */
  private readonly patCaseFirst: Uint8Array;

  private readonly classOf: Int16Array | Int32Array;
  private readonly width: number;
  private readonly spaceClass: number;
  /** Fully resolved transitions of the shallow states (ids < nDense), one row of `width` per state. */
  private readonly dense: Int16Array | Int32Array;
  private readonly nDense: number;
  /** Goto edges of every state (deeper states use these plus failure links). */
  private readonly childStart: Int32Array;
  private readonly childClass: Int32Array;
  private readonly childTarget: Int32Array;
  private readonly fail: Int32Array;
  private readonly depth: Int32Array;
  /** Pattern ending at each state (-1 none), and the next state down the failure chain that ends one (0 none). */
  private readonly own: Int32Array;
  private readonly dict: Int32Array;
  /** 1 when some pattern ends at the state (itself or down its failure chain). */
  private readonly hasOutput: Uint8Array;

  private readonly mask: number;
  private readonly maxLen: number;
  private readonly ringSrc: Int32Array;
  private readonly ringChar: Uint16Array;
  private readonly cands = new Candidates();
  private warmedUp = false;

  private readonly word = wordTableOf();
  private readonly cjk = cjkTableOf();

  constructor(concepts: Concept[]) {
    this.concepts = concepts;
    for (const c of concepts) if (!this.byId.has(c.id)) this.byId.set(c.id, c);

    // 1. Patterns: one per distinct normalised form.
    const index = new Map<string, number>();
    const add = (concept: Concept, form: TermForm, status: FormStatus) => {
      if (typeof form.text !== 'string') return;
      const key = normalizeTerm(form.text);
      if (key === '') return;
      let p = index.get(key);
      if (p === undefined) {
        p = this.keys.length;
        index.set(key, p);
        this.keys.push(key);
        this.entries.push([]);
      }
      const list = this.entries[p];
      const same = list.findIndex((e) => e.concept === concept && !!e.form.caseSensitive === !!form.caseSensitive);
      const entry: PatternEntry = {
        concept,
        form,
        status,
        exact: form.caseSensitive ? normalizeTerm(form.text, false) : null,
      };
      if (same >= 0) {
        if (STATUS_RANK[status] < STATUS_RANK[list[same].status]) list[same] = entry;
        return;
      }
      list.push(entry);
    };
    for (const concept of concepts) {
      if (typeof concept.zh === 'string') add(concept, { text: concept.zh, lang: 'zh' }, 'canonical');
      if (typeof concept.en === 'string') add(concept, { text: concept.en, lang: 'en' }, 'canonical');
      for (const f of concept.accepted ?? []) add(concept, f, 'admitted');
      for (const f of concept.deprecated ?? []) add(concept, f, 'deprecated');
    }
    for (const list of this.entries) {
      // Case-sensitive entries are more specific: try them first within a status.
      list.sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || (a.exact ? 0 : 1) - (b.exact ? 0 : 1));
    }

    const nPat = this.keys.length;
    // One table of every pattern's entries: packed matches name their entry by its index here.
    this.entryBase = new Int32Array(nPat);
    for (let p = 0; p < nPat; p++) {
      this.entryBase[p] = this.entryTable.length;
      for (const e of this.entries[p]) this.entryTable.push(e);
    }
    this.patLen = new Int32Array(nPat);
    this.patWordStart = new Uint8Array(nPat);
    this.patWordEnd = new Uint8Array(nPat);
    this.patCaseFirst = new Uint8Array(nPat);
    for (let p = 0; p < nPat; p++) this.patCaseFirst[p] = this.entries[p][0].exact === null ? 0 : 1;

    // 2. Alphabet: one class per folded code unit used by some pattern. The
    // most frequent code units get the lowest class numbers, so the columns a
    // scan touches most sit together at the start of each row (cache lines).
    const classMap = new Int32Array(65536);
    const frequency = new Int32Array(65536);
    const used: number[] = [];
    let maxLen = 1;
    for (let p = 0; p < nPat; p++) {
      const key = this.keys[p];
      this.patLen[p] = key.length;
      if (key.length > maxLen) maxLen = key.length;
      this.patWordStart[p] = this.word[key.charCodeAt(0)];
      this.patWordEnd[p] = this.word[key.charCodeAt(key.length - 1)];
      for (let i = 0; i < key.length; i++) {
        const ch = key.charCodeAt(i);
        if (frequency[ch]++ === 0) used.push(ch);
      }
    }
    used.sort((a, b) => frequency[b] - frequency[a] || a - b);
    let nClasses = 1;
    for (const ch of used) classMap[ch] = nClasses++;
    this.width = nClasses;
    this.spaceClass = classMap[0x20];
    // classOf[c] = the class of c folded. Filled sparsely (a loop over all
    // 65 536 code units is a noticeable part of start-up): where c folds to
    // itself only the used code units have a class; the rest of the dense low
    // part and the few exceptions above it are set one by one.
    // 16-bit entries when they fit: half the cache footprint for the scan's two lookups per character.
    const classOf = nClasses < 0x8000 ? new Int16Array(65536) : new Int32Array(65536);
    const { lowDelta, high, lowChanged } = compactFold(true);
    for (const ch of used) classOf[ch] = classMap[ch];
    for (const c of lowChanged) {
      const f = c + lowDelta[c];
      classOf[c] = f < 0 ? f : classMap[f];
    }
    for (const [c, f] of high) classOf[c] = f < 0 ? f : classMap[f];
    this.classOf = classOf;

    // 3. Trie, as first-child / next-sibling lists in flat arrays (most nodes
    // have one child; Maps per node cost more to build than the rest together).
    const firstChild: number[] = [-1];
    const nextSibling: number[] = [-1];
    const edgeClass: number[] = [0];
    const ownPattern: number[] = [-1];
    const depthList: number[] = [0];
    // The root's children by class: the root has one child per first character, thousands for
    // a large Chinese glossary, and walking its sibling list for every pattern was quadratic.
    const rootChild = new Int32Array(nClasses).fill(-1);
    for (let p = 0; p < nPat; p++) {
      const key = this.keys[p];
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const cl = classMap[key.charCodeAt(i)];
        let child = node === 0 ? rootChild[cl] : firstChild[node];
        if (node !== 0) while (child !== -1 && edgeClass[child] !== cl) child = nextSibling[child];
        if (child === -1) {
          child = firstChild.length;
          firstChild.push(-1);
          nextSibling.push(firstChild[node]);
          edgeClass.push(cl);
          ownPattern.push(-1);
          depthList.push(depthList[node] + 1);
          firstChild[node] = child;
          if (node === 0) rootChild[cl] = child;
        }
        node = child;
      }
      ownPattern[node] = p;
    }

    // 4. Renumber states breadth-first, so the shallow (dense) states come first.
    const nStates = firstChild.length;
    const W = this.width;
    const order = new Int32Array(nStates); // new id -> trie node
    const newId = new Int32Array(nStates);
    {
      let head = 0;
      let tail = 0;
      order[tail++] = 0;
      while (head < tail) {
        for (let v = firstChild[order[head++]]; v !== -1; v = nextSibling[v]) order[tail++] = v;
      }
      for (let i = 0; i < nStates; i++) newId[order[i]] = i;
    }
    // The shallow states, within DENSE_CELLS: the root always (the failure walks end there).
    const maxDense = Math.max(1, Math.floor(DENSE_CELLS / W));
    let nDense = 0;
    while (nDense < nStates && nDense < maxDense && depthList[order[nDense]] < DENSE_DEPTH) nDense++;
    const depth = new Int32Array(nStates);
    const own = new Int32Array(nStates);
    const childStart = new Int32Array(nStates + 1);
    const childClass = new Int32Array(nStates - 1);
    const childTarget = new Int32Array(nStates - 1);
    let edges = 0;
    for (let i = 0; i < nStates; i++) {
      const u = order[i];
      depth[i] = depthList[u];
      own[i] = ownPattern[u];
      childStart[i] = edges;
      for (let v = firstChild[u]; v !== -1; v = nextSibling[v]) {
        childClass[edges] = edgeClass[v];
        childTarget[edges++] = newId[v];
      }
    }
    childStart[nStates] = edges;
    this.childStart = childStart;
    this.childClass = childClass;
    this.childTarget = childTarget;

    // 5. Failure links, dictionary links (the nearest state down the failure
    // chain that ends a pattern) and the dense rows (fully resolved
    // transitions of the shallow states), in breadth-first order so every
    // state a link points to is complete before it is used.
    const dense = nStates < 0x8000 ? new Int16Array(Math.max(1, nDense) * W) : new Int32Array(Math.max(1, nDense) * W);
    const fail = new Int32Array(nStates);
    const dict = new Int32Array(nStates);
    const next = (from: number, cl: number): number => {
      let t = from;
      for (;;) {
        if (t < nDense) return dense[t * W + cl];
        for (let j = childStart[t]; j < childStart[t + 1]; j++) if (childClass[j] === cl) return childTarget[j];
        t = fail[t];
      }
    };
    for (let u = 0; u < nStates; u++) {
      if (u < nDense && u !== 0) dense.copyWithin(u * W, fail[u] * W, fail[u] * W + W);
      if (u !== 0) dict[u] = own[fail[u]] >= 0 ? fail[u] : dict[fail[u]];
      for (let j = childStart[u]; j < childStart[u + 1]; j++) {
        const cl = childClass[j];
        const v = childTarget[j];
        fail[v] = u === 0 ? 0 : next(fail[u], cl);
        if (u < nDense) dense[u * W + cl] = v;
      }
    }
    this.dense = dense;
    this.nDense = nDense;
    this.fail = fail;
    this.depth = depth;
    this.own = own;
    this.dict = dict;
    this.hasOutput = new Uint8Array(nStates);
    for (let st = 1; st < nStates; st++) this.hasOutput[st] = own[st] >= 0 || dict[st] !== 0 ? 1 : 0;

    let ring = 16;
    while (ring <= maxLen + 1) ring *= 2;
    this.mask = ring - 1;
    this.maxLen = maxLen;
    this.ringSrc = new Int32Array(ring);
    this.ringChar = new Uint16Array(ring);
  }

  /** Length of the longest form, normalised (an upper bound on how far a match reaches). */
  get maxFormLength(): number {
    return this.maxLen;
  }

  concept(id: string): Concept | undefined {
    return this.byId.get(id);
  }

  /** Number of automaton states and alphabet classes (for benchmarks and diagnostics). */
  get stats(): { patterns: number; states: number; classes: number; tableBytes: number } {
    return {
      patterns: this.keys.length,
      states: this.depth.length,
      classes: this.width,
      tableBytes: this.dense.byteLength + this.childClass.byteLength * 2 + this.fail.byteLength * 3,
    };
  }

  /**
   * All term occurrences in [fromOffset, toOffset), leftmost-longest and
   * non-overlapping, in document order. For Markdown, code, URLs, comments and
   * front matter are skipped; a range must start at a line start outside any
   * code block (incremental callers pass whole paragraphs).
   */
  findAll(text: string, format: DocumentFormat = 'plaintext', fromOffset = 0, toOffset = text.length): TermMatch[] {
    return this.findAllPacked(text, format, fromOffset, toOffset).toArray();
  }

  /**
   * findAll, packed: no object per match (long documents; see PackedMatches).
   * `checkFixes` false skips the fix-safety check (see checkFixSafety), for
   * callers that show no fixes.
   */
  findAllPacked(text: string, format: DocumentFormat = 'plaintext', fromOffset = 0, toOffset = text.length, checkFixes = true): PackedMatches {
    const from = Math.max(0, Math.min(fromOffset, text.length));
    const to = Math.max(from, Math.min(toOffset, text.length));
    const segments: Segments =
      format === 'markdown' ? scanMarkdown(text, from, to) : { data: Int32Array.of(from, to, 0), count: 1 };
    return this.findPackedInSegments(text, segments, checkFixes);
  }

  /** Matches within precomputed checkable segments (see markdown.ts). */
  findInSegments(text: string, segments: Segments): TermMatch[] {
    return this.findPackedInSegments(text, segments).toArray();
  }

  /** findInSegments, packed. */
  findPackedInSegments(text: string, segments: Segments, checkFixes = true): PackedMatches {
    this.prepare(text.length);
    const out = this.scanInChunks(text, segments);
    if (checkFixes) this.checkFixSafety(text, out);
    return out;
  }

  /**
   * Mark the deprecated matches of `text` whose replacement is no safe fix
   * (TermMatch.unsafeFix), once per match list: a list found with
   * `checkFixes` false gets the check when a caller needs fixes after all.
   */
  checkFixSafety(text: string, matches: PackedMatches): void {
    if (matches.fixSafetyChecked) return;
    this.markUnsafeFixes(text, matches);
    matches.fixSafetyChecked = true;
  }

  /**
   * Get ready to scan a text of this length: a long one gets the scan loop
   * warmed up (see warmUp), once. Short scans (activation, a hover, an
   * incremental paragraph) finish before V8 would optimise anyway. A caller
   * that knows the length before it has the text (the CLI, from the file's
   * size) calls this first: V8 then compiles the scan loop in the background
   * while the file is read, and the scan starts in optimised code.
   */
  prepare(length: number, checkFixes = true): void {
    if (this.warmedUp || length < WARM_UP_MIN_LENGTH) return;
    this.warmedUp = true;
    this.warmUp(checkFixes);
  }

  /**
   * scan(), one call per run of about CHUNK_SEGMENTS segments, cut where a
   * segment starts afresh (the scan starts afresh there anyway, so the matches
   * are the same). Why: V8 first optimises a long-running loop in place (OSR),
   * and the code it then compiles for the whole function, often better, only
   * serves new calls. Measured on the first scan of a 10 MB draft in a fresh
   * process: 265 ms -> 232 ms (median of 15).
   */
  private scanInChunks(text: string, segments: Segments): PackedMatches {
    const out = new PackedMatches(text, this.entryTable);
    const data = segments.data;
    let first = 0;
    for (let g = CHUNK_SEGMENTS; g < segments.count; g++) {
      if ((data[3 * g + 2] & SEGMENT_JOIN) !== 0) continue;
      this.scan(text, segments, out, first, g);
      first = g;
      g += CHUNK_SEGMENTS - 1;
    }
    return this.scan(text, segments, out, first, segments.count);
  }

  /** The matches in all of a short text (a replacement, a fix-safety window). */
  private plainScan(text: string): PackedMatches {
    return this.scan(text, { data: Int32Array.of(0, text.length, 0), count: 1 });
  }

  /**
   * Mark the deprecated matches whose canonical replacement would not read as
   * that canonical term: with all the deprecated matches around it replaced
   * too (as fixing all does), a deprecated rendering overlaps it. Each
   * replacement gets a window just wide enough for the deprecated forms that
   * could overlap it (see replacementReach); matches whose windows touch are
   * checked together, replaced and scanned once. Only the paragraph matters
   * (matches never cross a blank line), so the answer is stable under
   * incremental re-matching.
   */
  private markUnsafeFixes(text: string, matches: PackedMatches): void {
    const entries = this.entryTable;
    let i = 0;
    while (i < matches.count) {
      const entry = entries[matches.entry[i]];
      const reach = entry.status === 'deprecated' ? this.replacementReach(entry) : undefined;
      if (reach === undefined || !reach.risky) {
        i++;
        continue;
      }
      const from = this.windowStart(text, matches.start[i], reach.before);
      let to = this.windowEnd(text, matches.end[i], reach.after);
      let last = i;
      // Later deprecated matches whose windows overlap this one are replaced in the same window.
      for (let j = i + 1; j < matches.count && matches.start[j] < to; j++) {
        const next = entries[matches.entry[j]];
        if (next.status !== 'deprecated') continue;
        last = j;
        to = Math.max(to, this.windowEnd(text, matches.end[j], this.replacementReach(next).after));
      }
      this.checkCluster(text, matches, i, last, from, to);
      i = last + 1;
    }
  }

  private readonly reachCache = new Map<string, ReplacementReach>();
  private boundaryIndex?: Map<number, Array<{ key: string; at: number; pattern: number }>>;

  /**
   * How a deprecated form could overlap this match's replacement: contain it,
   * lie inside it, or cross one of its ends (its tail begins the replacement,
   * or its head ends it), and how many normalised characters of such a form
   * can lie before and after the replacement. Most replacements can be
   * overlapped by none and need no window scan at all. Cached per replacement.
   */
  private replacementReach(entry: MatchEntry): ReplacementReach {
    const replacement = canonicalFor(entry.concept, entry.form.lang);
    let reach = this.reachCache.get(replacement);
    if (reach !== undefined) return reach;
    const r = normalizeTerm(replacement);
    let risky = false;
    let before = 0;
    let after = 0;
    const inside = this.plainScan(r);
    for (let j = 0; j < inside.count; j++) if (inside.status(j) === 'deprecated') risky = true;
    if (r.length > 0) {
      const index = this.deprecatedBoundaryIndex();
      const word = this.word;
      // A deprecated form whose tail (from position at) and the replacement start alike: `at` characters before it.
      // A form that must end at a word boundary can only end inside the replacement where the replacement has one.
      for (const { key, at, pattern } of index.get(r.charCodeAt(0)) ?? []) {
        const tailLength = key.length - at;
        const endsInside = tailLength < r.length;
        if (endsInside && this.patWordEnd[pattern] === 1 && word[r.charCodeAt(tailLength)] === 1) continue;
        // The tail starts the replacement, or the replacement starts the tail.
        if (sameUnits(key, at, r, 0, Math.min(tailLength, r.length))) {
          risky = true;
          before = Math.max(before, at);
        }
      }
      // A deprecated form whose head (up to position at) and the replacement end alike: the rest of it after.
      // Likewise a form that must start at a word boundary starts inside the replacement only at one.
      for (const { key, at, pattern } of index.get(r.charCodeAt(r.length - 1)) ?? []) {
        const headLength = at + 1;
        const startsInside = headLength < r.length;
        if (startsInside && this.patWordStart[pattern] === 1 && word[r.charCodeAt(r.length - headLength - 1)] === 1) continue;
        // The head ends the replacement, or the replacement ends the head.
        const n = Math.min(headLength, r.length);
        if (sameUnits(key, headLength - n, r, r.length - n, n)) {
          risky = true;
          after = Math.max(after, key.length - at - 1);
        }
      }
    }
    reach = { risky, before, after };
    this.reachCache.set(replacement, reach);
    return reach;
  }

  /** For each code unit, the deprecated forms (normalised) holding it and where. */
  private deprecatedBoundaryIndex(): Map<number, Array<{ key: string; at: number; pattern: number }>> {
    if (this.boundaryIndex) return this.boundaryIndex;
    const index = new Map<number, Array<{ key: string; at: number; pattern: number }>>();
    for (let p = 0; p < this.keys.length; p++) {
      if (!this.entries[p].some((e) => e.status === 'deprecated')) continue;
      const key = this.keys[p];
      for (let at = 0; at < key.length; at++) {
        const code = key.charCodeAt(at);
        let list = index.get(code);
        if (!list) index.set(code, (list = []));
        list.push({ key, at, pattern: p });
      }
    }
    return (this.boundaryIndex = index);
  }

  /**
   * Where a window must start to hold `chars` normalised characters before
   * `pos` (a run of whitespace counts as one, ignorable characters as none),
   * plus a few more and the rest of the word it lands in: the window's edge
   * then reads as a word boundary only where the text has one.
   */
  private windowStart(text: string, pos: number, chars: number): number {
    let need = chars + WINDOW_SLACK;
    let i = pos;
    while (i > 0 && need > 0) {
      i--;
      const f = foldCode(text.charCodeAt(i));
      if (f === FOLD_IGNORE) continue;
      if ((f === FOLD_SPACE || f === FOLD_BREAK) && i + 1 < pos && isSpaceCode(text.charCodeAt(i + 1))) continue;
      need--;
    }
    for (let extra = 0; i > 0 && extra < WORD_SLACK && this.word[text.charCodeAt(i - 1)] === 1; extra++) i--;
    return i;
  }

  /** The mirror of windowStart: where a window must end to hold `chars` normalised characters after `pos`. */
  private windowEnd(text: string, pos: number, chars: number): number {
    let need = chars + WINDOW_SLACK;
    let i = pos;
    while (i < text.length && need > 0) {
      const f = foldCode(text.charCodeAt(i));
      i++;
      if (f === FOLD_IGNORE) continue;
      if ((f === FOLD_SPACE || f === FOLD_BREAK) && i - 1 > pos && isSpaceCode(text.charCodeAt(i - 2))) continue;
      need--;
    }
    for (let extra = 0; i < text.length && extra < WORD_SLACK && this.word[text.charCodeAt(i)] === 1; extra++) i++;
    return i;
  }

  private checkCluster(text: string, matches: PackedMatches, first: number, last: number, from: number, to: number): void {
    const parts: string[] = [];
    const repIndex: number[] = [];
    const repStart: number[] = [];
    const repEnd: number[] = [];
    let length = 0;
    let pos = from;
    for (let j = first; j <= last; j++) {
      const entry = this.entryTable[matches.entry[j]];
      if (entry.status !== 'deprecated') continue;
      const replacement = canonicalFor(entry.concept, entry.form.lang);
      const before = text.slice(pos, matches.start[j]);
      parts.push(before, replacement);
      length += before.length;
      repIndex.push(j);
      repStart.push(length);
      length += replacement.length;
      repEnd.push(length);
      pos = matches.end[j];
    }
    parts.push(text.slice(pos, to));
    const window = parts.join('');
    let r = 0;
    const found = this.plainScan(window);
    for (let n = 0; n < found.count; n++) {
      if (found.status(n) !== 'deprecated') continue;
      while (r < repEnd.length && repEnd[r] <= found.start[n]) r++;
      for (let q = r; q < repEnd.length && repStart[q] < found.end[n]; q++) matches.unsafe[repIndex[q]] = 1;
    }
  }

  private scan(text: string, segments: Segments, out = new PackedMatches(text, this.entryTable), firstSegment = 0, endSegment = segments.count): PackedMatches {
    const seg = segments.data;
    const segCount = endSegment;
    const dense = this.dense;
    const nDense = this.nDense;
    const W = this.width;
    const classOf = this.classOf;
    const depth = this.depth;
    const hasOutput = this.hasOutput;
    const cjk = this.cjk;
    const spaceClass = this.spaceClass;
    const ringSrc = this.ringSrc;
    const ringChar = this.ringChar;
    const mask = this.mask;
    const cands = this.cands;
    cands.n = 0;
    cands.lastEndK = 0;
    cands.minStartK = NO_CANDIDATE;
    // Mirror of cands.minStartK, reloaded after emit/resolve: one compare per character.
    let pendingMin = NO_CANDIDATE;

    let s = 0; // current state
    let k = 0; // normalised characters fed so far
    let pendingWs = false;
    let wsStart = 0;
    let wsBreaks = 0;
    let prevEnd = 0;

    for (let g = firstSegment; g < segCount; g++) {
      const from = seg[3 * g];
      const to = seg[3 * g + 1];
      if (s !== 0) {
        if ((seg[3 * g + 2] & SEGMENT_JOIN) !== 0) {
          if (!pendingWs) {
            pendingWs = true;
            wsStart = prevEnd;
            wsBreaks = 0;
          }
          wsBreaks++;
        } else {
          s = 0;
          pendingWs = false;
          if (cands.n !== 0) {
            this.resolve(k, out);
            pendingMin = cands.minStartK;
          }
        }
      }
      prevEnd = to;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        const cl = classOf[c];
        if (cl > 0) {
          if (pendingWs) {
            pendingWs = false;
            if (wsBreaks >= 2) {
              s = 0;
              if (cands.n !== 0) {
                this.resolve(k, out);
                pendingMin = cands.minStartK;
              }
            } else if (!(wsBreaks === 1 && cjk[c] === 1 && cjk[text.charCodeAt(wsStart - 1)] === 1)) {
              const r = k & mask;
              ringSrc[r] = wsStart;
              ringChar[r] = 0x20;
              k++;
              if (spaceClass === 0) s = 0;
              else s = s < nDense ? dense[s * W + spaceClass] : this.deepNext(s, spaceClass);
              if (pendingMin < k && k - depth[s] > pendingMin) {
                this.resolve(k - depth[s], out);
                pendingMin = cands.minStartK;
              }
            }
          }
          const r = k & mask;
          ringSrc[r] = i;
          ringChar[r] = c;
          k++;
          s = s < nDense ? dense[s * W + cl] : this.deepNext(s, cl);
          if (hasOutput[s] !== 0) {
            this.emit(s, k, i + 1, text);
            pendingMin = cands.minStartK;
          }
          if (pendingMin < k && k - depth[s] > pendingMin) {
            this.resolve(k - depth[s], out);
            pendingMin = cands.minStartK;
          }
        } else if (cl === 0) {
          if (s !== 0) {
            s = 0;
            pendingWs = false;
            if (cands.n !== 0) {
              this.resolve(k, out);
              pendingMin = cands.minStartK;
            }
          }
        } else if (s !== 0) {
          if (cl === FOLD_SPACE) {
            if (!pendingWs) {
              pendingWs = true;
              wsStart = i;
              wsBreaks = 0;
            }
          } else if (cl === FOLD_BREAK) {
            // \r\n counts once.
            if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
            if (!pendingWs) {
              pendingWs = true;
              wsStart = i;
              wsBreaks = 0;
            }
            if (++wsBreaks >= 2) {
              s = 0;
              pendingWs = false;
              if (cands.n !== 0) {
                this.resolve(k, out);
                pendingMin = cands.minStartK;
              }
            }
          }
          // FOLD_IGNORE: dropped.
        }
      }
    }
    this.finish(out);
    return out;
  }

  /** Transition from a deep (sparse) state: its goto edges, else down its failure links. */
  private deepNext(state: number, cl: number): number {
    const childStart = this.childStart;
    const childClass = this.childClass;
    for (let t = state; ; ) {
      const e = childStart[t + 1];
      for (let j = childStart[t]; j < e; j++) if (childClass[j] === cl) return this.childTarget[j];
      t = this.fail[t];
      if (t < this.nDense) return this.dense[t * this.width + cl];
    }
  }

  /** Commit what is left at the end of a scan (a call, so the scan loop has no code that runs only after it). */
  private finish(out: PackedMatches): void {
    if (this.cands.n !== 0) this.resolve(NO_CANDIDATE, out);
  }

  /**
   * Run the scanner once over a small text that takes every branch
   * (whitespace, line breaks, CRLF, blank lines, ignorables, CJK wraps, joined
   * segments, matches). V8 then optimises the scan loop with feedback for all
   * of them; otherwise a branch first taken after optimisation (such as a
   * line break in a fix check after a Markdown scan) deoptimises it again and
   * again.
   */
  /** `checkFixes` false: the caller will not check fixes, so neither does the warm-up (less to compile). */
  private warmUp(checkFixes: boolean): void {
    // Some forms of each status; deprecated ones side by side too, so the fix-safety check
    // meets clusters of them.
    const deprecated = this.keys.filter((_, p) => this.entries[p].some((e) => e.status === 'deprecated')).slice(0, 12);
    // Case-sensitive forms in the wrong case and in the right one: both ends of the case check.
    const caseSensitive = this.keys.flatMap((key, p) => (this.patCaseFirst[p] === 1 ? [key, ...this.entries[p].map((e) => e.exact ?? key)] : [])).slice(0, 6);
    const sample = [...this.keys.slice(0, 12), ...caseSensitive, ...this.innerFormPrefix(), ...deprecated];
    if (sample.length === 0) return;
    // A character in no form (class 0), to take the reset branch too.
    let other = 0xe000;
    while (this.classOf[other] !== 0) other++;
    const none = String.fromCharCode(other);
    const pieces = ['x ', '  ', '\n', none, '\r\n', '\n\n', '\u00ad', '\t', '碳\n', none + ' ', '，', 'a\u3000'];
    // Every branch early, before V8 decides to optimise on the feedback so far.
    let text = sample[0] + pieces.join(sample[0]) + sample[0];
    for (let i = 0; i < sample.length; i++) {
      const key = sample[i];
      const cut = key.length >> 1;
      text += key + pieces[i % pieces.length] + key.slice(0, cut) + pieces[(i + 3) % pieces.length] + key.slice(cut) + ' ';
    }
    for (let i = 1; i < deprecated.length; i++) text += deprecated[i - 1] + ' ' + deprecated[i] + '\n';
    // Short segments, alternately joined and not, so boundaries fall inside matches. Scanned
    // first: code optimised inside the loop over one segment's characters would otherwise have
    // no feedback for moving on to the next segment, and fall back to slow code there.
    const cuts: number[] = [];
    for (let at = 0, n = 0; at < text.length; at += 5, n++) cuts.push(at, Math.min(text.length, at + 5), n % 3 === 1 ? 0 : SEGMENT_JOIN);
    const segments = { data: Int32Array.from(cuts), count: cuts.length / 3 };
    for (let round = 0; round < 3; round++) {
      this.scan(text, segments);
      this.findPackedInSegments(text, { data: Int32Array.of(0, text.length, 0), count: 1 }, checkFixes);
    }
  }

  /**
   * A prefix of some form that ends in a shorter form but is not a form
   * itself ("low-carbon" of "low-carbon development", ending in "carbon"),
   * so the warm-up reaches a state whose output is only a dictionary link.
   */
  private innerFormPrefix(): string[] {
    for (const key of this.keys) {
      let s = 0;
      for (let i = 0; i < key.length; i++) {
        const cl = this.classOf[key.charCodeAt(i)];
        if (cl <= 0) break;
        s = s < this.nDense ? this.dense[s * this.width + cl] : this.deepNext(s, cl);
        if (this.own[s] < 0 && this.dict[s] !== 0) return [key.slice(0, i + 1)];
      }
    }
    return [];
  }

  /** Record the verified candidates ending at state `st` (k chars fed, source end `endSrc`). */
  private emit(st: number, k: number, endSrc: number, text: string): void {
    const cands = this.cands;
    const word = this.word;
    // Own pattern first (the longest), then down the dictionary links.
    for (let t = this.own[st] >= 0 ? st : this.dict[st]; t !== 0; t = this.dict[t]) {
      const p = this.own[t];
      const startK = k - this.patLen[p];
      if (startK < cands.lastEndK) continue;
      const startSrc = this.ringSrc[startK & this.mask];
      if (this.patWordStart[p] === 1 && startSrc > 0 && word[text.charCodeAt(startSrc - 1)] === 1) continue;
      if (this.patWordEnd[p] === 1 && endSrc < text.length && word[text.charCodeAt(endSrc)] === 1) continue;
      const entry = this.patCaseFirst[p] === 0 ? 0 : this.pickEntry(p, startK);
      if (entry < 0) continue;
      cands.push(startK, k, startSrc, endSrc, p, entry);
    }
  }

  /** Index of the best entry of pattern p whose case requirement the text meets, or -1. */
  private pickEntry(p: number, startK: number): number {
    const list = this.entries[p];
    for (let e = 0; e < list.length; e++) {
      const exact = list[e].exact;
      if (exact === null) return e;
      let ok = true;
      for (let j = 0; j < exact.length; j++) {
        const ch = this.ringChar[(startK + j) & this.mask];
        const f = ch === 0x20 ? 0x20 : foldCode(ch, false);
        if (f !== exact.charCodeAt(j)) {
          ok = false;
          break;
        }
      }
      if (ok) return e;
    }
    return -1;
  }

  /** Commit candidates that no later match can beat (start before `frontier`). */
  private resolve(frontier: number, out: PackedMatches): void {
    const c = this.cands;
    if (c.n === 1) {
      // The common case: one candidate, and it starts before the frontier.
      out.push(c.startSrc[0], c.endSrc[0], this.entryBase[c.pattern[0]] + c.entry[0]);
      c.lastEndK = c.endK[0];
      c.n = 0;
      c.minStartK = NO_CANDIDATE;
      return;
    }
    while (c.n > 0) {
      let b = 0;
      for (let j = 1; j < c.n; j++) {
        if (c.startK[j] < c.startK[b] || (c.startK[j] === c.startK[b] && c.endK[j] > c.endK[b])) b = j;
      }
      if (c.startK[b] >= frontier) return;
      out.push(c.startSrc[b], c.endSrc[b], this.entryBase[c.pattern[b]] + c.entry[b]);
      const lastEndK = (c.lastEndK = c.endK[b]);
      let w = 0;
      for (let j = 0; j < c.n; j++) {
        if (c.startK[j] >= lastEndK) {
          c.startK[w] = c.startK[j];
          c.endK[w] = c.endK[j];
          c.startSrc[w] = c.startSrc[j];
          c.endSrc[w] = c.endSrc[j];
          c.pattern[w] = c.pattern[j];
          c.entry[w] = c.entry[j];
          w++;
        }
      }
      c.n = w;
      let min = NO_CANDIDATE;
      for (let j = 0; j < w; j++) if (c.startK[j] < min) min = c.startK[j];
      c.minStartK = min;
    }
  }
}
