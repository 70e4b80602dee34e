// `.carbon-lexicon.json`: parsing with precise, file-named errors, and the
// severity each rule runs at.

import { lineColumnAt } from './lines';
import type { LintConfig, RuleId, Severity, SeveritySetting } from './types';

export const RULE_IDS: readonly RuleId[] = ['deprecated-term', 'inconsistent-variant', 'missing-translation', 'number-mismatch'];

export const DEFAULT_SEVERITIES: Readonly<Record<RuleId, Severity>> = {
  'deprecated-term': 'warning',
  'inconsistent-variant': 'information',
  'missing-translation': 'warning',
  'number-mismatch': 'warning',
};

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const CONFIG_KEYS = ['$schema', 'rules', 'ignoredConcepts', 'glossaries', 'pairs'];

/** The severity a rule runs at under `config` ('off' when disabled). */
export function severityFor(rule: RuleId, config?: LintConfig): SeveritySetting {
  return config?.rules?.[rule] ?? DEFAULT_SEVERITIES[rule];
}

/** Replace // and /* *\/ comments with spaces (offsets unchanged), so JSONC configs parse. */
function blankComments(text: string): string {
  let out = '';
  let i = 0;
  let last = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      let e = text.indexOf('\n', i);
      if (e < 0) e = text.length;
      out += text.slice(last, i) + ' '.repeat(e - i);
      i = last = e;
    } else if (c === '/' && text[i + 1] === '*') {
      let e = text.indexOf('*/', i + 2);
      e = e < 0 ? text.length : e + 2;
      out += text.slice(last, i) + text.slice(i, e).replace(/[^\n]/g, ' ');
      i = last = e;
    } else i++;
  }
  return out + text.slice(last);
}

/** Offset of the first `"key"` in the text (to point errors at it), or 0. */
function keyOffset(text: string, key: string): number {
  const i = text.indexOf(JSON.stringify(key));
  return i < 0 ? 0 : i;
}

/**
 * Parse a config file. Errors name the file and, where known, the line and
 * column: `path/.carbon-lexicon.json:3:5: unknown key "rulez"`. Comments are
 * allowed. Invalid entries are dropped from the returned config.
 */
export function parseConfig(jsonText: string, fileName: string): { config: LintConfig; errors: string[] } {
  const errors: string[] = [];
  const at = (offset: number, message: string) => {
    const { line, column } = lineColumnAt(jsonText, offset);
    errors.push(`${fileName}:${line}:${column}: ${message}`);
  };
  const source = jsonText.charCodeAt(0) === 0xfeff ? ' ' + jsonText.slice(1) : jsonText;
  let json: unknown;
  try {
    json = JSON.parse(blankComments(source));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) : source.length;
    at(offset, `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
    return { config: {}, errors };
  }
  const config: LintConfig = {};
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    at(0, 'the configuration must be a JSON object');
    return { config, errors };
  }
  const obj = json as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!CONFIG_KEYS.includes(key)) at(keyOffset(jsonText, key), `unknown key "${key}" (known keys: ${CONFIG_KEYS.slice(1).join(', ')})`);
  }
  if (obj.rules !== undefined) {
    if (obj.rules === null || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      at(keyOffset(jsonText, 'rules'), '"rules" must be an object mapping rule ids to a severity or "off"');
    } else {
      const rules: Partial<Record<RuleId, SeveritySetting>> = {};
      for (const [rule, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!RULE_IDS.includes(rule as RuleId)) {
          at(keyOffset(jsonText, rule), `unknown rule "${rule}" (known rules: ${RULE_IDS.join(', ')})`);
        } else if (typeof value !== 'string' || !SEVERITY_SETTINGS.includes(value as SeveritySetting)) {
          at(keyOffset(jsonText, rule), `rule "${rule}": severity must be one of ${SEVERITY_SETTINGS.map((s) => `"${s}"`).join(', ')}, not ${JSON.stringify(value)}`);
        } else rules[rule as RuleId] = value as SeveritySetting;
      }
      config.rules = rules;
    }
  }
  const stringList = (key: 'ignoredConcepts' | 'glossaries') => {
    const value = obj[key];
    if (value === undefined) return;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      at(keyOffset(jsonText, key), `"${key}" must be an array of strings`);
      return;
    }
    config[key] = value as string[];
  };
  stringList('ignoredConcepts');
  stringList('glossaries');
  if (obj.pairs !== undefined) {
    const value = obj.pairs;
    if (!Array.isArray(value) || !value.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => typeof v === 'string'))) {
      at(keyOffset(jsonText, 'pairs'), '"pairs" must be an array of [zhFile, enFile] pairs of strings');
    } else config.pairs = value as Array<[string, string]>;
  }
  return { config, errors };
}
