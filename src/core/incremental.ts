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
// - Matches and deprecated-term findings outside the region are shifted.
//   Document-level rules are recomputed from the cached matches:
//   inconsistent-variant from the groups (concept, language) that have more
//   than one form, and registered whole-document rules through lint() itself.
// - Suppression comments reach across paragraphs: when a change touches one,
//   every deprecated-term finding is rebuilt from the cached matches.

import type { DocumentFormat, Finding, LintConfig, RuleId, SeveritySetting } from './types';
import type { TermMatch, TermMatcher } from './matcher';
import type { Engine } from './engine';
import { findingsFromMatches, lint, sortFindings } from './lint';
import { Segments, parseSuppressions, scanMarkdown } from './markdown';
import { normalizeTerm } from './normalize';

export interface IncrementalLinterOptions {
  format?: DocumentFormat;
  config?: LintConfig;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;

interface GroupInfo {
  group: string;
  form: string;
}

function withRule(config: LintConfig | undefined, rule: RuleId, setting: SeveritySetting): LintConfig {
  return { ...(config ?? {}), rules: { ...(config?.rules ?? {}), [rule]: setting } };
}

function shiftFinding(f: Finding, delta: number): Finding {
  const shifted: Finding = { ...f, start: f.start + delta, end: f.end + delta };
  if (f.fix) shifted.fix = { ...f.fix, start: f.fix.start + delta, end: f.fix.end + delta };
  if (f.related) {
    shifted.related = f.related.map((r) => (r.file === undefined ? { ...r, start: r.start + delta, end: r.end + delta } : r));
  }
  return shifted;
}

/** First index in a sorted-by-start array whose start is >= offset. */
function lowerBound<T extends { start: number }>(items: T[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  /** Non-deprecated matches per (concept, language) group and normalised form. */
  private readonly formCounts = new Map<string, Map<string, number>>();
  private readonly groupOfForm = new WeakMap<object, GroupInfo>();
  private readonly ignored: Set<string>;
  private readonly deprecatedOnly: LintConfig;
  private readonly variantOnly: LintConfig;
  private readonly variantsOn: boolean;

  constructor(engineOrMatcher: Engine | TermMatcher, options: IncrementalLinterOptions = {}) {
    this.matcher = 'findAll' in engineOrMatcher ? engineOrMatcher : engineOrMatcher.matcher;
    this.format = options.format ?? 'markdown';
    this.config = options.config;
    this.ignored = new Set(this.config?.ignoredConcepts ?? []);
    this.deprecatedOnly = withRule(this.config, 'inconsistent-variant', 'off');
    this.variantOnly = withRule(this.config, 'deprecated-term', 'off');
    this.variantsOn = (this.config?.rules?.['inconsistent-variant'] ?? 'information') !== 'off';
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
    if (this.format === 'markdown') {
      const segments = scanMarkdown(text);
      this.seg = segments.data;
      this.segCount = segments.count;
      this.matches = this.matcher.findInSegments(text, segments);
    } else {
      this.matches = this.matcher.findAll(text, 'plaintext');
    }
    this.formCounts.clear();
    for (const m of this.matches) this.count(m, 1);
    this.deprecated = this.deprecatedFindingsOf(text, this.matches);
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

    // 1. The region to re-match, in old offsets: [from, to).
    const from = this.syncPointAtOrBefore(old, start);
    let to = this.syncPointAfter(old, end, end);
    let regionSegments: Segments | undefined;
    let newSegCount = 0;
    if (this.format === 'markdown') {
      // Grow the region until the new scan agrees with the old one at its end.
      for (;;) {
        if (to >= old.length) {
          to = old.length;
          regionSegments = scanMarkdown(text, from, text.length);
          newSegCount = regionSegments.count;
          break;
        }
        const lineEnd = this.lineEndAfter(old, to);
        const scanned = scanMarkdown(text, from, lineEnd + delta);
        const firstAtTo = this.firstSegmentAtOrAfter(scanned.data, scanned.count, to + delta);
        if (this.sameSegmentsOnLine(scanned, firstAtTo, to, lineEnd, delta)) {
          regionSegments = scanned;
          newSegCount = firstAtTo;
          break;
        }
        to = this.syncPointAfter(old, to + Math.max(to - from, 1024), to + 1);
      }
    } else {
      // Plain text has no block state: the blank line before `to` is enough.
      regionSegments = { data: Int32Array.of(from, to + delta, 0), count: 1 };
      newSegCount = 1;
    }
    const region: Segments = { data: regionSegments.data, count: newSegCount };
    const regionMatches = this.matcher.findInSegments(text, region);

    // 2. Patch the caches: segments, matches, form counts, deprecated findings.
    if (this.format === 'markdown') this.patchSegments(from, to, delta, region);
    const m0 = lowerBound(this.matches, from);
    const m1 = lowerBound(this.matches, to);
    for (let i = m0; i < m1; i++) this.count(this.matches[i], -1);
    for (const m of regionMatches) this.count(m, 1);
    for (let i = m1; i < this.matches.length; i++) {
      const m = this.matches[i];
      // Cached matches are ours alone: shift them in place.
      m.start += delta;
      m.end += delta;
    }
    this.matches.splice(m0, m1 - m0, ...regionMatches);
    this.current = text;

    if (this.suppressionsMayChange(old, text, start, end, newText)) {
      this.deprecated = this.deprecatedFindingsOf(text, this.matches);
    } else {
      const d0 = lowerBound(this.deprecated, from);
      const d1 = lowerBound(this.deprecated, to);
      const tail = this.deprecated.slice(d1).map((f) => shiftFinding(f, delta));
      const fresh = regionMatches.some((m) => m.status === 'deprecated') ? this.deprecatedFindingsOf(text, regionMatches) : [];
      this.deprecated = this.deprecated.slice(0, d0).concat(fresh, tail);
    }
    this.findings = this.assemble(text);
    return this.findings;
  }

  // ------------------------------------------------------------ findings

  private deprecatedFindingsOf(text: string, matches: TermMatch[]): Finding[] {
    return findingsFromMatches(text, matches, this.deprecatedOnly);
  }

  private assemble(text: string): Finding[] {
    let variants: Finding[] = [];
    if (this.variantsOn) {
      const groups = new Set<string>();
      for (const [group, forms] of this.formCounts) if (forms.size >= 2) groups.add(group);
      if (groups.size > 0) {
        const involved = this.matches.filter((m) => {
          const info = this.infoOf(m);
          return info !== undefined && groups.has(info.group);
        });
        variants = findingsFromMatches(text, involved, this.variantOnly);
      }
    }
    // Whole-document rules (e.g. the bilingual ones) as lint() runs them: with
    // no matches, lint() returns just those, with severities and suppressions applied.
    const documentLevel = lint(text, { matcher: this.matcher, format: this.format, config: this.config, matches: [] });
    if (variants.length === 0 && documentLevel.length === 0) return this.deprecated;
    return sortFindings(this.deprecated.concat(variants, documentLevel));
  }

  private infoOf(m: TermMatch): GroupInfo | undefined {
    if (m.status === 'deprecated' || this.ignored.has(m.concept.id)) return undefined;
    let info = this.groupOfForm.get(m.form);
    if (info === undefined || info.group !== `${m.concept.id}\u0000${m.form.lang}`) {
      // A form object shared by two concepts keys by the concept too.
      info = { group: `${m.concept.id}\u0000${m.form.lang}`, form: normalizeTerm(m.form.text) };
      this.groupOfForm.set(m.form, info);
    }
    return info;
  }

  private count(m: TermMatch, by: 1 | -1): void {
    const info = this.infoOf(m);
    if (info === undefined) return;
    let forms = this.formCounts.get(info.group);
    if (forms === undefined) this.formCounts.set(info.group, (forms = new Map()));
    const n = (forms.get(info.form) ?? 0) + by;
    if (n > 0) forms.set(info.form, n);
    else forms.delete(info.form);
    if (forms.size === 0) this.formCounts.delete(info.group);
  }

  /**
   * Whether the change can alter which findings a suppression comment covers
   * outside the re-matched region: it touches a directive (or text that could
   * complete one), or the line a disable-next-line directive points at.
   */
  private suppressionsMayChange(old: string, text: string, start: number, end: number, newText: string): boolean {
    const marker = 'carbon-lexicon-';
    const near = (s: string, a: number, b: number) => s.slice(Math.max(0, a - 200), Math.min(s.length, b + 200));
    const oldNear = near(old, start, end);
    const newNear = near(text, start, start + newText.length);
    if (!oldNear.includes(marker) && !newNear.includes(marker) && old.indexOf(marker) < 0) return false;
    if (oldNear.includes('<!--') || oldNear.includes('-->') || oldNear.includes(marker)) return true;
    if (newNear.includes('<!--') || newNear.includes('-->') || newNear.includes(marker)) return true;
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

  /** Whether the line ending just before `lineStart` (exclusive) is blank: only spaces, tabs and a final CR. */
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
    return text.indexOf('-->', lineStart) < 0 || text.indexOf('-->', lineStart) >= segStart;
  }

  private syncPointAtOrBefore(text: string, offset: number): number {
    let line = this.lineStart(text, offset);
    while (line > 0 && !this.isSyncPoint(text, line)) line = this.lineStart(text, line - 1);
    return line;
  }

  /**
   * First sync point at or after `atLeast` whose preceding blank line begins
   * after `changeEnd` (so that blank line is unchanged), or the text length.
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

  /** Whether the new scan's segments on the line [to, lineEnd) (old offsets) equal the old ones, shifted. */
  private sameSegmentsOnLine(scanned: Segments, firstNew: number, to: number, lineEnd: number, delta: number): boolean {
    let j = this.firstSegmentAtOrAfter(this.seg, this.segCount, to);
    let i = firstNew;
    for (;;) {
      const oldIn = j < this.segCount && this.seg[3 * j] < lineEnd;
      const newIn = i < scanned.count && scanned.data[3 * i] < lineEnd + delta;
      if (!oldIn || !newIn) return oldIn === newIn;
      if (
        scanned.data[3 * i] !== this.seg[3 * j] + delta ||
        scanned.data[3 * i + 1] !== this.seg[3 * j + 1] + delta ||
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
