// The document rules: deprecated-term and inconsistent-variant (plus, through
// the hook below, the bilingual rules). Pure: text in, findings out.

import type { Concept, DocumentFormat, Finding, LintConfig, RuleId, Severity, TermForm } from './types';
import type { MatchEntry, PackedMatches, TermMatch, TermMatcher } from './matcher';
import { severityFor } from './config';
import { keepLineBreaks, matchCapitalisation } from './fixes';
import { normalizeTerm } from './normalize';
import { canonicalFor } from './termbase';
import { parseSuppressions } from './markdown';
import { lintBilingualDocument } from './bilingual';

export interface LintOptions {
  matcher: TermMatcher;
  format: DocumentFormat;
  config?: LintConfig;
  /** Matches already computed for this exact text (incremental re-linting); computed when absent. */
  matches?: TermMatch[];
  /** The same, packed (a whole-document lint): objects are made only for the matches a rule reads. */
  packed?: PackedMatches;
  /**
   * false when the caller shows no fixes (the CLI's text and JSON reports):
   * findings then carry none, and the check that each fix is safe (a scan
   * around every deprecated match) is skipped. Default true.
   */
  fixes?: boolean;
}

/**
 * A rule that sees the whole document and the term matches. The bilingual
 * rules are wired in below; further whole-document rules can be registered.
 */
export type DocumentRule = (
  text: string,
  options: { matcher: TermMatcher; format: DocumentFormat; config?: LintConfig; matches?: TermMatch[] },
) => Finding[];

const documentRules: DocumentRule[] = [];

/** Whether lint() runs whole-document rules (always: the bilingual rules are built in). */
export function hasDocumentRules(): boolean {
  return true;
}

/** Add a whole-document rule to every lint() call (idempotent). */
export function registerDocumentRule(rule: DocumentRule): void {
  if (!documentRules.includes(rule)) documentRules.push(rule);
}

/**
 * Lint one document: every rule, config severities, ignored concepts and
 * suppression comments applied. The bilingual rules (missing-translation,
 * number-mismatch) run on documents that hold both languages.
 */
export function lint(text: string, options: LintOptions): Finding[] {
  let findings: Finding[];
  let documentLevel: Finding[];
  const fixes = options.fixes !== false;
  if (options.matches) {
    findings = findingsFromMatches(text, options.matches, options.config, fixes);
    documentLevel = documentFindings(text, options);
  } else {
    const packed = options.packed ?? options.matcher.findAllPacked(text, options.format, 0, text.length, fixes);
    // Matches given without the fix-safety check get it now, if fixes are wanted.
    if (fixes) options.matcher.checkFixSafety(text, packed);
    // The term rules read only deprecated matches and those of concepts with admitted
    // forms; in a long document that is a small share of all matches.
    findings = findingsFromMatches(text, packed.select(readByTermRules), options.config, fixes);
    let all: TermMatch[] | undefined;
    documentLevel = documentFindings(text, options, () => (all ??= packed.toArray()));
  }
  if (documentLevel.length === 0) return findings;
  for (const f of documentLevel) findings.push(f);
  return sortFindings(findings);
}

/**
 * The whole-document rules' findings alone (the bilingual ones and any
 * registered), with config severities, ignored concepts and suppression
 * comments applied as lint() applies them. `options.matches`, when given, are
 * the term matches of this exact text (an incremental linter passes its cached
 * ones, so nothing is matched again).
 */
export function documentFindings(text: string, options: LintOptions, allMatches?: () => TermMatch[]): Finding[] {
  const rules: DocumentRule[] = [bilingualRule, ...documentRules];
  const out: Finding[] = [];
  let suppressions: ReturnType<typeof parseSuppressions> | undefined;
  const ignored = new Set(options.config?.ignoredConcepts ?? []);
  // An empty list may be a caller's shortcut (IncrementalLinter passes [] to get only these
  // rules), so the rule then finds the terms itself.
  const given = options.matches && options.matches.length > 0 ? options.matches : undefined;
  // Made only when a rule reads them (most documents are not bilingual).
  const ruleOptions = {
    matcher: options.matcher,
    format: options.format,
    config: options.config,
    get matches(): TermMatch[] | undefined {
      return given ?? allMatches?.();
    },
  };
  for (const rule of rules) {
    for (const f of rule(text, ruleOptions)) {
      const severity = severityFor(f.rule, options.config);
      if (severity === 'off') continue;
      if (f.conceptId && ignored.has(f.conceptId)) continue;
      suppressions ??= parseSuppressions(text);
      if (suppressions.isSuppressed(f.rule, f.start)) continue;
      out.push({ ...f, severity });
    }
  }
  return out;
}

/** The one-document bilingual rules (interleaved zh/en paragraphs, two-column tables). */
const bilingualRule: DocumentRule = (text, options) => lintBilingualDocument(text, options);

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** Quote text for a message: whitespace (line wraps) collapsed. */
function quote(s: string): string {
  return `"${s.replace(/\s+/g, ' ')}"`;
}

/**
 * The per-document rules over precomputed matches (what lint() runs; exposed
 * for incremental re-linting). `fixes` false: no fixes (see LintOptions.fixes).
 */
export function findingsFromMatches(text: string, matches: TermMatch[], config?: LintConfig, fixes = true): Finding[] {
  const ignored = new Set(config?.ignoredConcepts ?? []);
  const suppressions = parseSuppressions(text);
  const findings: Finding[] = [];
  const relevant = ignored.size === 0 ? matches : matches.filter((m) => !ignored.has(m.concept.id));

  const checkSuppressions = suppressions.directives.length > 0;
  const report = (rule: RuleId, severity: Severity, f: Omit<Finding, 'rule' | 'severity'>) => {
    if (checkSuppressions && suppressions.isSuppressed(rule, f.start)) return;
    const finding = f as Finding;
    finding.rule = rule;
    finding.severity = severity;
    findings.push(finding);
  };

  const deprecatedSeverity = severityFor('deprecated-term', config);
  if (deprecatedSeverity !== 'off') {
    // A long draft repeats the same few spellings: word each one once.
    const worded = new Map<TermForm, Map<string, DeprecatedWording | null>>();
    for (const m of relevant) {
      if (m.status !== 'deprecated') continue;
      let byFound = worded.get(m.form);
      if (!byFound) worded.set(m.form, (byFound = new Map()));
      let wording = byFound.get(m.found);
      if (wording === undefined) byFound.set(m.found, (wording = wordDeprecated(m)));
      if (wording === null) continue;
      const finding: Omit<Finding, 'rule' | 'severity'> = {
        start: m.start,
        end: m.end,
        message: wording.message,
        found: m.found,
        suggestion: wording.suggestion,
        conceptId: m.concept.id,
      };
      // The matcher marks a replacement that would read as another deprecated rendering in its
      // context; that stays a suggestion, not a fix.
      if (fixes && !m.unsafeFix) finding.fix = { start: m.start, end: m.end, newText: wording.newText };
      report('deprecated-term', deprecatedSeverity, finding);
    }
  }

  const variantSeverity = severityFor('inconsistent-variant', config);
  if (variantSeverity !== 'off') {
    for (const f of inconsistentVariants(relevant)) report('inconsistent-variant', variantSeverity, f);
  }
  return sortFindings(findings);
}

interface DeprecatedWording {
  suggestion: string;
  message: string;
  /** The fix's text: the suggestion with the original's line breaks. */
  newText: string;
}

/** What deprecated-term says of a match, or null when the match already reads as the canonical form. */
function wordDeprecated(m: TermMatch): DeprecatedWording | null {
  const suggestion = matchCapitalisation(canonicalFor(m.concept, m.form.lang), m.found);
  if (suggestion === m.found) return null;
  const what = m.form.lang === 'zh' ? 'term for' : 'rendering of';
  let message = `${quote(m.found)} is not the white paper's ${what} ${m.concept.zh}; use ${quote(suggestion)}.`;
  if (m.form.note) message += ` ${m.form.note}`;
  return { suggestion, message, newText: keepLineBreaks(suggestion, m.found) };
}

interface FormUse {
  key: string;
  text: string;
  canonical: boolean;
  note?: string;
  uses: TermMatch[];
}

/**
 * inconsistent-variant: within one language, a concept written in more than one
 * canonical/admitted form. The most frequent form is taken as the document's
 * choice (ties: the canonical form, then the form used first); every
 * occurrence of the other forms is reported, with the counts of all forms and
 * a pointer to the first use of the chosen one. Deprecated forms are left to
 * deprecated-term. No automatic fix: the notes say when each form fits.
 */
function inconsistentVariants(matches: TermMatch[]): Array<Omit<Finding, 'rule' | 'severity'>> {
  const groups = new Map<Concept, Array<Map<string, FormUse> | undefined>>();
  for (const m of matches) {
    if (m.status === 'deprecated') continue;
    // A concept without admitted forms in this language cannot vary (most matches end here).
    if (!mayVary(m)) continue;
    const lang = m.form.lang === 'zh' ? 0 : 1;
    let group = groups.get(m.concept);
    if (!group) groups.set(m.concept, (group = [undefined, undefined]));
    const forms = (group[lang] ??= new Map<string, FormUse>());
    const key = formKey(m.form);
    let use = forms.get(key);
    if (!use) forms.set(key, (use = { key, text: m.form.text, canonical: m.status === 'canonical', note: m.form.note, uses: [] }));
    use.uses.push(m);
  }
  const out: Array<Omit<Finding, 'rule' | 'severity'>> = [];
  for (const [concept, byLang] of groups) {
    for (const forms of byLang) {
      if (!forms || forms.size < 2) continue;
      const ranked = [...forms.values()].sort(
        (a, b) => b.uses.length - a.uses.length || Number(b.canonical) - Number(a.canonical) || a.uses[0].start - b.uses[0].start,
      );
      const counts = ranked.map((f) => `"${f.text}" (${f.uses.length}×)`);
      const list = counts.length === 2 ? counts.join(' and ') : `${counts.slice(0, -1).join(', ')} and ${counts[counts.length - 1]}`;
      const chosen = ranked[0];
      const related = [{ start: chosen.uses[0].start, end: chosen.uses[0].end, message: `"${chosen.text}" is the most frequent form here.` }];
      for (const form of ranked.slice(1)) {
        let message = `${concept.zh} is written as ${list} in this document.`;
        if (form.note) message += ` "${form.text}": ${form.note}`;
        for (const m of form.uses) {
          out.push({
            start: m.start,
            end: m.end,
            message,
            found: m.found,
            conceptId: concept.id,
            related,
          });
        }
      }
    }
  }
  return out;
}

const formKeys = new WeakMap<TermForm, string>();
/** The normalised text of a form (cached: forms are shared by every match of them). */
function formKey(form: TermForm): string {
  let key = formKeys.get(form);
  if (key === undefined) formKeys.set(form, (key = normalizeTerm(form.text)));
  return key;
}

/** Whether findingsFromMatches reads matches of this entry at all (see inconsistentVariants). */
function readByTermRules(entry: MatchEntry): boolean {
  return entry.status === 'deprecated' || mayVary(entry);
}

/** Whether the concept has admitted forms in this form's language (only then can inconsistent-variant fire). */
function mayVary(entry: MatchEntry): boolean {
  return (admittedLangs(entry.concept) & (entry.form.lang === 'zh' ? 1 : 2)) !== 0;
}

const admittedCache = new WeakMap<Concept, number>();
/** Bit 0: the concept has admitted zh forms; bit 1: admitted en forms. */
function admittedLangs(concept: Concept): number {
  let bits = admittedCache.get(concept);
  if (bits === undefined) {
    bits = 0;
    for (const f of concept.accepted ?? []) bits |= f.lang === 'zh' ? 1 : 2;
    admittedCache.set(concept, bits);
  }
  return bits;
}
