// Public surface of the pure engine (no vscode, no fs).
export * from './types';
export { bundledTermBase, paper } from './data';
export { TermMatcher } from './matcher';
export type { TermMatch } from './matcher';
export { lint, findingsFromMatches, registerDocumentRule, hasDocumentRules, sortFindings } from './lint';
export type { LintOptions, DocumentRule } from './lint';
export { applyEdits, fixAll, safeEdits, matchCapitalisation } from './fixes';
export { parseConfig, severityFor, RULE_IDS, DEFAULT_SEVERITIES } from './config';
export { lineColumnAt } from './lines';
export { createEngine } from './engine';
export type { Engine } from './engine';
export { checkableRanges, scanMarkdown, parseSuppressions, frontMatterEnd, SEGMENT_JOIN } from './markdown';
export type { Segments, Suppressions, SuppressionDirective } from './markdown';
export { normalizeTerm, normalizeWithMap, foldTable } from './normalize';
