// The document rules: deprecated-term and inconsistent-variant (plus, through
// the hook below, the bilingual rules). Pure: text in, findings out.

import type { Concept, DocumentFormat, Finding, LintConfig, RuleId, Severity } from './types';
import type { TermMatch, TermMatcher } from './matcher';
import { severityFor } from './config';
import { matchCapitalisation } from './fixes';
import { normalizeTerm } from './normalize';
import { parseSuppressions } from './markdown';

export interface LintOptions {
  matcher: TermMatcher;
  format: DocumentFormat;
  config?: LintConfig;
  /** Matches already computed for this exact text (incremental re-linting); computed when absent. */
  matches?: TermMatch[];
}

/**
 * A rule that sees the whole document (the bilingual rules plug in here).
 * HOOK(bilingual): src/core/bilingual registers `lintBilingualDocument` with
 * `registerDocumentRule` (or the coordinator does, in src/core/index.ts).
 */
export type DocumentRule = (text: string, options: { matcher: TermMatcher; format: DocumentFormat; config?: LintConfig }) => Finding[];

const documentRules: DocumentRule[] = [];

/** Add a whole-document rule to every lint() call (idempotent). */
export function registerDocumentRule(rule: DocumentRule): void {
  if (!documentRules.includes(rule)) documentRules.push(rule);
}

/** Lint one document: every rule, config severities, ignored concepts and suppression comments applied. */
export function lint(text: string, options: LintOptions): Finding[] {
  const matches = options.matches ?? options.matcher.findAll(text, options.format);
  const findings = findingsFromMatches(text, matches, options.config);
  if (documentRules.length > 0) {
    const suppressions = parseSuppressions(text);
    const ignored = new Set(options.config?.ignoredConcepts ?? []);
    for (const rule of documentRules) {
      for (const f of rule(text, { matcher: options.matcher, format: options.format, config: options.config })) {
        const severity = severityFor(f.rule, options.config);
        if (severity === 'off') continue;
        if (f.conceptId && ignored.has(f.conceptId)) continue;
        if (suppressions.isSuppressed(f.rule, f.start)) continue;
        findings.push({ ...f, severity });
      }
    }
    sortFindings(findings);
  }
  return findings;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/** Quote text for a message: whitespace (line wraps) collapsed. */
function quote(s: string): string {
  return `"${s.replace(/\s+/g, ' ')}"`;
}

/** The per-document rules over precomputed matches (what lint() runs; exposed for incremental re-linting). */
export function findingsFromMatches(text: string, matches: TermMatch[], config?: LintConfig): Finding[] {
  const ignored = new Set(config?.ignoredConcepts ?? []);
  const suppressions = parseSuppressions(text);
  const findings: Finding[] = [];
  const relevant = ignored.size === 0 ? matches : matches.filter((m) => !ignored.has(m.concept.id));

  const report = (rule: RuleId, severity: Severity, f: Omit<Finding, 'rule' | 'severity'>) => {
    if (suppressions.isSuppressed(rule, f.start)) return;
    findings.push({ rule, severity, ...f });
  };

  const deprecatedSeverity = severityFor('deprecated-term', config);
  if (deprecatedSeverity !== 'off') {
    for (const m of relevant) {
      if (m.status !== 'deprecated') continue;
      const canonical = m.form.lang === 'zh' ? m.concept.zh : m.concept.en;
      const suggestion = matchCapitalisation(canonical, m.found);
      if (suggestion === m.found) continue;
      const what = m.form.lang === 'zh' ? 'term for' : 'rendering of';
      let message = `${quote(m.found)} is not the white paper's ${what} ${m.concept.zh}; use ${quote(suggestion)}.`;
      if (m.form.note) message += ` ${m.form.note}`;
      report('deprecated-term', deprecatedSeverity, {
        start: m.start,
        end: m.end,
        message,
        found: m.found,
        suggestion,
        conceptId: m.concept.id,
        fix: { start: m.start, end: m.end, newText: suggestion },
      });
    }
  }

  const variantSeverity = severityFor('inconsistent-variant', config);
  if (variantSeverity !== 'off') {
    for (const f of inconsistentVariants(relevant)) report('inconsistent-variant', variantSeverity, f);
  }
  return sortFindings(findings);
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
  const groups = new Map<string, { concept: Concept; forms: Map<string, FormUse> }>();
  for (const m of matches) {
    if (m.status === 'deprecated') continue;
    const groupKey = `${m.concept.id}\u0000${m.form.lang}`;
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { concept: m.concept, forms: new Map() }));
    const key = normalizeTerm(m.form.text);
    let use = group.forms.get(key);
    if (!use) group.forms.set(key, (use = { key, text: m.form.text, canonical: m.status === 'canonical', note: m.form.note, uses: [] }));
    use.uses.push(m);
  }
  const out: Array<Omit<Finding, 'rule' | 'severity'>> = [];
  for (const { concept, forms } of groups.values()) {
    if (forms.size < 2) continue;
    const ranked = [...forms.values()].sort(
      (a, b) => b.uses.length - a.uses.length || Number(b.canonical) - Number(a.canonical) || a.uses[0].start - b.uses[0].start,
    );
    const counts = ranked.map((f) => `"${f.text}" (${f.uses.length}×)`);
    const list = counts.length === 2 ? counts.join(' and ') : `${counts.slice(0, -1).join(', ')} and ${counts[counts.length - 1]}`;
    const chosen = ranked[0];
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
          related: [{ start: chosen.uses[0].start, end: chosen.uses[0].end, message: `"${chosen.text}" is the most frequent form here.` }],
        });
      }
    }
  }
  return out;
}
