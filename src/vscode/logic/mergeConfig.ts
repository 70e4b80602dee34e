// How editor settings and a project's .carbon-lexicon.json combine.
//
// The config file is the project's shared rulebook (the CLI reads it too), so
// for a rule's severity the file wins over settings; settings fill in the
// rules the file does not mention. Lists add up: ignoredConcepts is the union,
// glossaries are those of the settings followed by those of the file.
import type { LintConfig, RuleId, SeveritySetting } from '../../core/types';

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Editor settings as LintConfig; unknown severities are dropped (the package.json schema already warns). */
export function settingsAsConfig(settings: { rules?: unknown; ignoredConcepts?: unknown; glossaries?: unknown }): LintConfig {
  const config: LintConfig = {};
  if (settings.rules && typeof settings.rules === 'object') {
    const rules: Partial<Record<RuleId, SeveritySetting>> = {};
    for (const [rule, severity] of Object.entries(settings.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[rule as RuleId] = severity as SeveritySetting;
    }
    if (Object.keys(rules).length > 0) config.rules = rules;
  }
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : []);
  const ignored = strings(settings.ignoredConcepts);
  if (ignored.length > 0) config.ignoredConcepts = ignored;
  const glossaries = strings(settings.glossaries);
  if (glossaries.length > 0) config.glossaries = glossaries;
  return config;
}

export function mergeConfig(settings: LintConfig, file: LintConfig | undefined): LintConfig {
  if (!file) return { ...settings };
  const merged: LintConfig = {};
  const rules = { ...(settings.rules ?? {}), ...(file.rules ?? {}) };
  if (Object.keys(rules).length > 0) merged.rules = rules;
  const ignored = [...new Set([...(settings.ignoredConcepts ?? []), ...(file.ignoredConcepts ?? [])])];
  if (ignored.length > 0) merged.ignoredConcepts = ignored;
  const glossaries = [...new Set([...(settings.glossaries ?? []), ...(file.glossaries ?? [])])];
  if (glossaries.length > 0) merged.glossaries = glossaries;
  if (file.pairs && file.pairs.length > 0) merged.pairs = file.pairs;
  return merged;
}
