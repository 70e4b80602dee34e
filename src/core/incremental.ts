// Incremental re-linting for an editor: after a keystroke, re-match only the
// paragraph(s) the change touches and reuse everything else.
//
// Correctness contract: `applyChange` returns exactly what a full `lint()` of
// the new text would (test/unit/incremental.test.ts checks this on random
// edit sequences). How:
// - Term matches never span a blank line, and the Markdown scanner's state at
//   a line start that follows a blank line is the initial one, provided that
//   line is ordinary text (not indented, not quoted, and not inside code or a
//   comment: the previous scan produced a text segment on it with no "-->"
//   before it). Such line starts are "sync points". The changed range is
//   widened to the sync point before it and the one after it, and only that
//   region is scanned and matched again.
// - The region's end is verified: the new scan must give the same segments on
//   the sync point's line as the old scan did. If it does not (a code fence or
//   comment was opened or closed), the region grows (doubling) until it does,
//   or to the end of the text.
// - When the region's matches are the same terms as before (the usual
//   keystroke between words), every finding is kept and only its offsets move.
//   Otherwise deprecated-term findings are rebuilt for the region, and
//   inconsistent-variant findings for the (concept, language) groups the
//   region's matches belong to; other groups only shift.
// - Suppression comments reach across paragraphs: when a change can alter
//   what one covers, every finding is rebuilt from the cached matches.
// - Whole-document rules registered with lint.ts (the bilingual ones) run
//   through lint() itself on every change, as a full lint would.
//
// lint.ts reads the text only for its suppression comments, so when the text
// holds none the rules run over the region's matches with an empty text and
// the full new string is never scanned (or even flattened) here.

import type { DocumentFormat, Finding, LintConfig, RuleId, SeveritySetting } from './types';
import type { TermMatch, TermMatcher } from './matcher';
import type { Engine } from './engine';
import * as lintModule from './lint';
import { findingsFromMatches, lint, sortFindings } from './lint';
import { Segments, parseSuppressions, scanMarkdown } from './markdown';
import { normalizeTerm } from './normalize';

export interface IncrementalLinterOptions {
  format?: DocumentFormat;
  config?: LintConfig;
  /**
   * Run lint()'s whole-document rules (the bilingual ones) on every change,
   * so results equal lint() (default). false: term rules only, for an editor
   * that runs the whole-document rules itself when typing pauses.
   */
  documentRules?: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;
const DIRECTIVE_MARKER = 'carbon-lexicon-';

interface FormInfo {
  conceptId: string;
  group: string;
  form: string;
}

interface Group {
  /** Non-deprecated matches of one concept in one language, in document order (shared with `matches`). */
  matches: TermMatch[];
  /** Uses per normalised form. */
  forms: Map<string, number>;
  /** This group's inconsistent-variant findings (empty unless forms.size >= 2). */
  findings: Finding[];
}

function withRule(config: LintConfig | undefined, rule: RuleId, setting: SeveritySetting): LintConfig {
  return { ...(config ?? {}), rules: { ...(config?.rules ?? {}), [rule]: setting } };
}

/** First index in a sorted-by-start array whose start is >= offset. */
function lowerBound(items: ReadonlyArray<{ start: number }>, offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Maps an old offset to the new text: region offsets through the matched terms, later ones by delta. */
type OffsetMap = (start: number, end: number) => [number, number];

/** The finding at its new offsets (the same object when nothing about it moves). */
function moveFinding(f: Finding, move: OffsetMap): Finding {
  const [start, end] = move(f.start, f.end);
  if (start === f.start && end === f.end && !f.fix && !f.related) return f;
  if (start === f.start && end === f.end && f.fix && !f.related) {
    const [fs, fe] = move(f.fix.start, f.fix.end);
    if (fs === f.fix.start && fe === f.fix.end) return f;
  }
  const moved: Finding = { ...f, start, end };
  if (f.fix) {
    const [fs, fe] = move(f.fix.start, f.fix.end);
    moved.fix = { ...f.fix, start: fs, end: fe };
  }
  if (f.related) {
    moved.related = f.related.map((r) => {
      if (r.file !== undefined) return r;
      const [rs, re] = move(r.start, r.end);
      return { ...r, start: rs, end: re };
    });
  }
  return moved;
}

export class IncrementalLinter {
  readonly matcher: TermMatcher;
  readonly format: DocumentFormat;
  readonly config: LintConfig | undefined;

  private current = '';
  /** Markdown only: segments of the last full or patched scan, as triples. */
  private seg: Int32Array = new Int32Array(0);
  private segCount = 0;
  private matches: TermMatch[] = [];
  private deprecated: Finding[] = [];
  private findings: Finding[] = [];
  private readonly groups = new Map<string, Group>();
  private readonly formInfo = new WeakMap<object, FormInfo>();
  private hasDirectives = false;
  private readonly ignored: Set<string>;
  private readonly deprecatedOnly: LintConfig;
  private readonly variantOnly: LintConfig;
  private readonly variantsOn: boolean;
  private readonly documentRules: boolean;

  constructor(engineOrMatcher: Engine | TermMatcher, options: IncrementalLinterOptions = {}) {
    this.matcher = 'findAll' in engineOrMatcher ? engineOrMatcher : engineOrMatcher.matcher;
    this.format = options.format ?? 'markdown';
    this.config = options.config;
    this.ignored = new Set(this.config?.ignoredConcepts ?? []);
    this.deprecatedOnly = withRule(this.config, 'inconsistent-variant', 'off');
    this.variantOnly = withRule(this.config, 'deprecated-term', 'off');
    this.variantsOn = (this.config?.rules?.['inconsistent-variant'] ?? 'information') !== 'off';
    this.documentRules = options.documentRules ?? true;
    this.setText('');
  }

  /** The text the cached findings belong to. */
  get text(): string {
    return this.current;
  }

  /** The findings for the current text (the array is not modified later). */
  get results(): Finding[] {
    return this.findings;
  }

  /** Every term occurrence in the current text, in document order (for hovers; do not modify). */
  get termMatches(): readonly TermMatch[] {
    return this.matches;
  }

  /** Lint a whole new text and cache what later changes reuse. */
  setText(text: string): Finding[] {
    this.current = text;
    this.hasDirectives = text.indexOf(DIRECTIVE_MARKER) >= 0;
    if (this.format === 'markdown') {
      const segments = scanMarkdown(text);
      this.seg = segments.data;
      this.segCount = segments.count;
      this.matches = this.matcher.findInSegments(text, segments);
    } else {
      this.matches = this.matcher.findAll(text, 'plaintext');
    }
    this.rebuildAll(text);
    this.findings = this.assemble(text);
    return this.findings;
  }

  /**
   * Replace [start, end) of the current text with newText (offsets in the text
   * before the change, UTF-16) and return the findings for the new text.
   */
  applyChange(start: number, end: number, newText: string): Finding[] {
    const old = this.current;
    if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end < start || end > old.length) {
      throw new RangeError(`Change [${start}, ${end}) is outside the text (length ${old.length}).`);
    }
    if (start === end && newText === '') return this.findings;
    const text = old.slice(0, start) + newText + old.slice(end);
    const delta = newText.length - (end - start);
    const hadDirectives = this.hasDirectives;
    this.hasDirectives = this.directivesAfterChange(old, start, end, newText);

    // 1. The region to re-match, [from, to) in old offsets, and its new matches.
    const from = this.syncPointAtOrBefore(old, start);
    const { to, regionMatches, region } = this.rematch(old, text, from, start, end, newText, delta);

    // 2. Patch the segments and the matches.
    if (this.format === 'markdown' && region) this.patchSegments(from, to, delta, region);
    const m0 = lowerBound(this.matches, from);
    const m1 = lowerBound(this.matches, to);
    const same = this.sameTerms(m0, m1, regionMatches);
    // Old offsets inside the region map through the (same) terms; after it, by delta.
    const regionMoves = new Map<number, TermMatch>();
    if (same) for (let i = m0; i < m1; i++) regionMoves.set(this.matches[i].start, regionMatches[i - m0]);
    const move: OffsetMap = (s, e) => {
      if (s >= to) return [s + delta, e + delta];
      if (s < from) return [s, e];
      const m = regionMoves.get(s);
      return m ? [m.start, m.end] : [s, e];
    };
    const touched = new Set<string>();
    if (same) {
      // Keep the cached match objects (the groups share them); move them.
      for (let i = m0; i < m1; i++) {
        this.matches[i].start = regionMatches[i - m0].start;
        this.matches[i].end = regionMatches[i - m0].end;
      }
    } else {
      for (let i = m0; i < m1; i++) this.removeFromGroup(this.matches[i], touched);
    }
    for (let i = m1; i < this.matches.length; i++) {
      // Cached matches are ours alone: shift them in place.
      this.matches[i].start += delta;
      this.matches[i].end += delta;
    }
    if (!same) {
      this.matches.splice(m0, m1 - m0, ...regionMatches);
      for (const m of regionMatches) this.addToGroup(m, touched);
    }
    this.current = text;

    // 3. Findings.
    if ((hadDirectives || this.hasDirectives) && this.suppressionsMayChange(old, text, start, end, newText)) {
      this.rebuildFindings(text);
    } else {
      const suppressionText = this.hasDirectives ? text : '';
      const d0 = lowerBound(this.deprecated, from);
      const d1 = lowerBound(this.deprecated, to);
      let middle: Finding[];
      if (same) middle = this.deprecated.slice(d0, d1).map((f) => moveFinding(f, move));
      else if (regionMatches.some((m) => m.status === 'deprecated')) middle = findingsFromMatches(suppressionText, regionMatches, this.deprecatedOnly);
      else middle = [];
      const tail = this.deprecated.slice(d1).map((f) => moveFinding(f, move));
      this.deprecated = this.deprecated.slice(0, d0).concat(middle, tail);
      for (const [key, group] of this.groups) {
        if (touched.has(key)) this.recomputeGroup(group, suppressionText);
        else if (group.findings.length > 0 && (delta !== 0 || same)) {
          // Only findings (or their related first use) at or after the region start can move.
          const moves = (f: Finding) => f.start >= from || (f.related !== undefined && f.related.some((r) => r.file === undefined && r.start >= from));
          if (group.findings.some(moves)) group.findings = group.findings.map((f) => moveFinding(f, move));
        }
      }
    }
    this.findings = this.assemble(text);
    return this.findings;
  }

  // ------------------------------------------------------------ matching

  /** Scan and match the region from `from`, growing it until the scan agrees with the old one at its end. */
  private rematch(
    old: string,
    text: string,
    from: number,
    start: number,
    end: number,
    newText: string,
    delta: number,
  ): { to: number; regionMatches: TermMatch[]; region?: Segments } {
    let to = this.syncPointAfter(old, end, end);
    if (this.format !== 'markdown') {
      // Plain text has no block state: the blank line before `to` is enough.
      const local = this.regionText(old, from, start, end, newText, to);
      const matches = this.matcher.findInSegments(local.text, { data: Int32Array.of(local.first, local.text.length, 0), count: 1 });
      return { to, regionMatches: this.offsetMatches(matches, local.base) };
    }
    for (;;) {
      const last = to >= old.length;
      if (last) to = old.length;
      const lineEnd = last ? old.length : this.lineEndAfter(old, to);
      let scanned: Segments;
      let base = 0;
      let scanText = text;
      if (from === 0) {
        // Front matter is recognised only from offset 0, against the whole text.
        scanned = scanMarkdown(text, 0, lineEnd + delta);
      } else {
        const local = this.regionText(old, from, start, end, newText, lineEnd);
        scanned = scanMarkdown(local.text, local.first, local.text.length);
        base = local.base;
        scanText = local.text;
      }
      const firstAtTo = last ? scanned.count : this.firstSegmentAtOrAfter(scanned.data, scanned.count, to + delta - base);
      if (last || this.sameSegmentsOnLine(scanned, base, firstAtTo, to, lineEnd, delta)) {
        const local: Segments = { data: scanned.data, count: firstAtTo };
        const matches = this.offsetMatches(this.matcher.findInSegments(scanText, local), base);
        const absolute = new Int32Array(3 * firstAtTo);
        for (let i = 0; i < 3 * firstAtTo; i += 3) {
          absolute[i] = scanned.data[i] + base;
          absolute[i + 1] = scanned.data[i + 1] + base;
          absolute[i + 2] = scanned.data[i + 2];
        }
        return { to, regionMatches: matches, region: { data: absolute, count: firstAtTo } };
      }
      to = this.syncPointAfter(old, to + Math.max(to - from, 1024), to + 1);
    }
  }

  /**
   * The new text of the region [from, regionEnd) (old offsets), as a small
   * string: `base` is the new-text offset of its index 0 and `first` the
   * index where the region starts. A leading "\n" keeps Markdown from
   * reading front matter and word edges from seeing anything before it.
   */
  private regionText(old: string, from: number, start: number, end: number, newText: string, regionEnd: number) {
    const lead = from > 0 ? '\n' : '';
    const text = lead + old.slice(from, start) + newText + old.slice(end, Math.max(end, regionEnd));
    return { text, first: lead.length, base: from - lead.length };
  }

  private offsetMatches(matches: TermMatch[], base: number): TermMatch[] {
    if (base !== 0) {
      for (const m of matches) {
        m.start += base;
        m.end += base;
      }
    }
    return matches;
  }

  /**
   * Whether the region's new matches are the old ones, possibly moved: every
   * field but the offsets is the same (concept, form, status, found, and
   * whatever else the matcher records about a match, such as fix safety).
   */
  private sameTerms(m0: number, m1: number, regionMatches: TermMatch[]): boolean {
    if (m1 - m0 !== regionMatches.length) return false;
    for (let i = m0; i < m1; i++) {
      const a = this.matches[i] as unknown as Record<string, unknown>;
      const b = regionMatches[i - m0] as unknown as Record<string, unknown>;
      const keys = Object.keys(a);
      if (keys.length !== Object.keys(b).length) return false;
      for (const k of keys) if (k !== 'start' && k !== 'end' && a[k] !== b[k]) return false;
    }
    return true;
  }

  // ------------------------------------------------------------ findings

  private rebuildAll(text: string): void {
    this.groups.clear();
    for (const m of this.matches) this.addToGroup(m, undefined);
    this.rebuildFindings(text);
  }

  private rebuildFindings(text: string): void {
    const suppressionText = this.hasDirectives ? text : '';
    this.deprecated = this.matches.some((m) => m.status === 'deprecated')
      ? findingsFromMatches(suppressionText, this.matches, this.deprecatedOnly)
      : [];
    for (const group of this.groups.values()) this.recomputeGroup(group, suppressionText);
  }

  private recomputeGroup(group: Group, suppressionText: string): void {
    group.findings = this.variantsOn && group.forms.size >= 2 ? findingsFromMatches(suppressionText, group.matches, this.variantOnly) : [];
  }

  private assemble(text: string): Finding[] {
    let all = this.deprecated;
    let merged = false;
    for (const group of this.groups.values()) {
      if (group.findings.length === 0) continue;
      all = all.concat(group.findings);
      merged = true;
    }
    if (this.documentRules && this.documentRulesMayExist()) {
      const documentLevel = this.documentLevelFindings(text);
      if (documentLevel.length > 0) {
        all = all.concat(documentLevel);
        merged = true;
      }
    }
    return merged ? sortFindings(all === this.deprecated ? all.slice() : all) : all;
  }

  /**
   * The whole-document rules' findings, with severities and suppressions
   * applied as lint() applies them. lint.ts may export them on their own
   * (`documentFindings`, given the cached matches); otherwise lint() with no
   * matches returns just those.
   */
  private documentLevelFindings(text: string): Finding[] {
    const direct: unknown = Reflect.get(lintModule, 'documentFindings');
    if (typeof direct === 'function') {
      return (direct as (t: string, o: lintModule.LintOptions) => Finding[])(text, {
        matcher: this.matcher,
        format: this.format,
        config: this.config,
        matches: this.matches,
      });
    }
    return lint(text, { matcher: this.matcher, format: this.format, config: this.config, matches: [] });
  }

  /** lint.ts may tell whether any whole-document rule is registered; without that, assume one is. */
  private documentRulesMayExist(): boolean {
    const probe: unknown = Reflect.get(lintModule, 'hasDocumentRules');
    return typeof probe === 'function' ? Boolean(probe()) : true;
  }

  private infoOf(m: TermMatch): FormInfo | undefined {
    if (m.status === 'deprecated' || this.ignored.has(m.concept.id)) return undefined;
    let info = this.formInfo.get(m.form);
    if (info === undefined || info.conceptId !== m.concept.id) {
      info = { conceptId: m.concept.id, group: `${m.concept.id}\u0000${m.form.lang}`, form: normalizeTerm(m.form.text) };
      this.formInfo.set(m.form, info);
    }
    return info;
  }

  private addToGroup(m: TermMatch, touched: Set<string> | undefined): void {
    const info = this.infoOf(m);
    if (info === undefined) return;
    let group = this.groups.get(info.group);
    if (group === undefined) this.groups.set(info.group, (group = { matches: [], forms: new Map(), findings: [] }));
    const list = group.matches;
    if (list.length === 0 || list[list.length - 1].start < m.start) list.push(m);
    else list.splice(lowerBound(list, m.start), 0, m);
    group.forms.set(info.form, (group.forms.get(info.form) ?? 0) + 1);
    touched?.add(info.group);
  }

  /** Remove a match (still at its old offsets) from its group. */
  private removeFromGroup(m: TermMatch, touched: Set<string>): void {
    const info = this.infoOf(m);
    if (info === undefined) return;
    const group = this.groups.get(info.group);
    if (group === undefined) return;
    const at = lowerBound(group.matches, m.start);
    if (group.matches[at] === m) group.matches.splice(at, 1);
    const n = (group.forms.get(info.form) ?? 0) - 1;
    if (n > 0) group.forms.set(info.form, n);
    else group.forms.delete(info.form);
    touched.add(info.group);
  }

  /** Whether the new text holds a suppression directive marker, without rescanning it when the change is far from any. */
  private directivesAfterChange(old: string, start: number, end: number, newText: string): boolean {
    const reach = DIRECTIVE_MARKER.length;
    const oldNear = old.slice(Math.max(0, start - reach), Math.min(old.length, end + reach));
    // Built from the old text's pieces: reading `text` would flatten the whole new string.
    const newNear = old.slice(Math.max(0, start - reach), start) + newText + old.slice(end, Math.min(old.length, end + reach));
    if (newNear.includes(DIRECTIVE_MARKER)) return true;
    if (!this.hasDirectives) return false;
    if (!oldNear.includes(DIRECTIVE_MARKER)) return true;
    const text = old.slice(0, start) + newText + old.slice(end);
    return text.indexOf(DIRECTIVE_MARKER) >= 0;
  }

  /**
   * Whether the change can alter which findings a suppression comment covers
   * outside the re-matched region: it touches a directive (or text that could
   * complete one), or the line a disable-next-line directive points at.
   */
  private suppressionsMayChange(old: string, text: string, start: number, end: number, newText: string): boolean {
    const near = (s: string, a: number, b: number) => s.slice(Math.max(0, a - 200), Math.min(s.length, b + 200));
    const oldNear = near(old, start, end);
    const newNear = near(text, start, start + newText.length);
    for (const s of [oldNear, newNear]) if (s.includes('<!--') || s.includes('-->') || s.includes(DIRECTIVE_MARKER)) return true;
    // Directives elsewhere: compare them (shifted) and the lines that disable-next-line targets.
    const before = parseSuppressions(old).directives;
    const after = parseSuppressions(text).directives;
    if (before.length !== after.length) return true;
    const delta = text.length - old.length;
    for (let i = 0; i < before.length; i++) {
      const b = before[i];
      const a = after[i];
      const shift = b.start >= end ? delta : 0;
      if (a.kind !== b.kind || a.start !== b.start + shift || a.end !== b.end + shift || a.rules.join() !== b.rules.join()) return true;
      if (b.kind === 'disable-next-line') {
        const nl = old.indexOf('\n', b.end);
        const nextLineEnd = nl < 0 ? old.length : old.indexOf('\n', nl + 1);
        if (start <= (nextLineEnd < 0 ? old.length : nextLineEnd) && end >= b.start) return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------ sync points

  /** Start of the line holding `offset`. */
  private lineStart(text: string, offset: number): number {
    return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Offset just after the line starting at `lineStart` (after its '\n', or the text end). */
  private lineEndAfter(text: string, lineStart: number): number {
    const nl = text.indexOf('\n', lineStart);
    return nl < 0 ? text.length : nl + 1;
  }

  /** Whether the line ending just before `lineStart` is blank (only spaces, tabs and a final CR), and where it starts. */
  private previousLineBlank(text: string, lineStart: number): { blank: boolean; blankStart: number } {
    if (lineStart === 0 || text.charCodeAt(lineStart - 1) !== LF) return { blank: false, blankStart: 0 };
    const blankStart = this.lineStart(text, lineStart - 1);
    for (let i = blankStart; i < lineStart - 1; i++) {
      const c = text.charCodeAt(i);
      if (c !== SPACE && c !== TAB && !(c === CR && i === lineStart - 2)) return { blank: false, blankStart };
    }
    return { blank: true, blankStart };
  }

  /** Whether a line start (in the cached, old text) is a sync point: see the header comment. */
  private isSyncPoint(text: string, lineStart: number): boolean {
    if (lineStart === 0) return true;
    if (lineStart >= text.length) return false;
    if (!this.previousLineBlank(text, lineStart).blank) return false;
    if (this.format !== 'markdown') return true;
    const c = text.charCodeAt(lineStart);
    if (c === SPACE || c === TAB || c === GT || c === LF || c === CR) return false;
    const lineEnd = this.lineEndAfter(text, lineStart);
    const i = this.firstSegmentAtOrAfter(this.seg, this.segCount, lineStart);
    if (i >= this.segCount) return false;
    const segStart = this.seg[3 * i];
    if (segStart >= lineEnd) return false;
    // A comment closing before the segment means the line began inside one.
    for (let p = lineStart; p + 3 <= segStart; p++) {
      if (text.charCodeAt(p) === 0x2d && text.startsWith('-->', p)) return false;
    }
    return true;
  }

  private syncPointAtOrBefore(text: string, offset: number): number {
    let line = this.lineStart(text, offset);
    while (line > 0 && !this.isSyncPoint(text, line)) line = this.lineStart(text, line - 1);
    return line;
  }

  /**
   * First sync point after the line holding max(atLeast, changeEnd) whose
   * preceding blank line begins after `changeEnd` (so that blank line is
   * unchanged), or the text length.
   */
  private syncPointAfter(text: string, changeEnd: number, atLeast: number): number {
    let line = this.lineEndAfter(text, this.lineStart(text, Math.max(atLeast, changeEnd)));
    while (line < text.length) {
      if (this.isSyncPoint(text, line) && this.previousLineBlank(text, line).blankStart > changeEnd) return line;
      line = this.lineEndAfter(text, line);
    }
    return text.length;
  }

  // ------------------------------------------------------------ segments

  private firstSegmentAtOrAfter(data: Int32Array, count: number, offset: number): number {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (data[3 * mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Whether the new scan's segments (offsets + base give new-text offsets) on
   * the line [to, lineEnd) (old offsets) equal the old ones, shifted by delta.
   */
  private sameSegmentsOnLine(scanned: Segments, base: number, firstNew: number, to: number, lineEnd: number, delta: number): boolean {
    let j = this.firstSegmentAtOrAfter(this.seg, this.segCount, to);
    let i = firstNew;
    for (;;) {
      const oldIn = j < this.segCount && this.seg[3 * j] < lineEnd;
      const newIn = i < scanned.count && scanned.data[3 * i] + base < lineEnd + delta;
      if (!oldIn || !newIn) return oldIn === newIn;
      if (
        scanned.data[3 * i] + base !== this.seg[3 * j] + delta ||
        scanned.data[3 * i + 1] + base !== this.seg[3 * j + 1] + delta ||
        scanned.data[3 * i + 2] !== this.seg[3 * j + 2]
      ) {
        return false;
      }
      i++;
      j++;
    }
  }

  /** Replace the cached segments in [from, to) (old offsets) by the region's, shifting the rest. */
  private patchSegments(from: number, to: number, delta: number, region: Segments): void {
    const s0 = this.firstSegmentAtOrAfter(this.seg, this.segCount, from);
    const s1 = this.firstSegmentAtOrAfter(this.seg, this.segCount, to);
    const count = s0 + region.count + (this.segCount - s1);
    if (region.count === s1 - s0 && this.seg.length >= 3 * count) {
      // Same number of segments: patch in place.
      this.seg.set(region.data.subarray(0, 3 * region.count), 3 * s0);
      if (delta !== 0) {
        for (let r = 3 * s1; r < 3 * this.segCount; r += 3) {
          this.seg[r] += delta;
          this.seg[r + 1] += delta;
        }
      }
      return;
    }
    const data = new Int32Array(Math.max(3 * count, 3));
    data.set(this.seg.subarray(0, 3 * s0));
    data.set(region.data.subarray(0, 3 * region.count), 3 * s0);
    let w = 3 * (s0 + region.count);
    for (let r = 3 * s1; r < 3 * this.segCount; r += 3) {
      data[w++] = this.seg[r] + delta;
      data[w++] = this.seg[r + 1] + delta;
      data[w++] = this.seg[r + 2];
    }
    this.seg = data;
    this.segCount = count;
  }
}
