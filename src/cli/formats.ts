// Output formats of `carbon-lexicon lint`: text (one line per finding and a
// summary), JSON (an array of findings) and SARIF 2.1.0 (GitHub code scanning).

import type { Finding, RuleId, Severity } from '../core/types';
import { DEFAULT_SEVERITIES, RULE_IDS } from '../core/config';

export type OutputFormat = 'text' | 'json' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

/** A finding placed in a file: 1-based lines and columns in UTF-16 code units, end exclusive. */
export interface ReportedFinding extends Finding {
  /** Relative to the working folder, forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  term?: { id: string; zh: string; en: string };
}

export interface RunSummary {
  filesChecked: number;
  filesSkipped: number;
  /** Fixes applied with --fix. */
  fixesApplied: number;
  fix: boolean;
}

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

const RULE_DESCRIPTIONS: Record<RuleId, string> = {
  'deprecated-term': 'A rendering the white paper does not use; replace it with the canonical term.',
  'inconsistent-variant': 'One concept written in more than one accepted form in the same document.',
  'missing-translation': 'A concept in one language block has no rendering in the aligned block.',
  'number-mismatch': 'Numbers, dates or percentages differ between aligned language blocks.',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatText(findings: ReportedFinding[], summary: RunSummary, quiet: boolean): string {
  const lines = findings.map(
    (f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message.replace(/[\r\n]+/g, ' ')}`,
  );
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts = [
    plural(count('error'), 'error'),
    plural(count('warning'), 'warning'),
    `${count('information')} information`,
    plural(count('hint'), 'hint'),
  ];
  let line = `${plural(summary.filesChecked, 'file')} checked: ${parts.join(', ')}`;
  if (summary.fix) line += `; ${plural(summary.fixesApplied, 'fix', 'fixes')} applied`;
  if (summary.filesSkipped > 0) line += `; ${plural(summary.filesSkipped, 'file')} skipped`;
  if (!(quiet && findings.length === 0)) lines.push(line + '.');
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function formatJson(findings: ReportedFinding[]): string {
  return [...formatJsonPieces(findings)].join('');
}

/**
 * formatJson in pieces of `batch` findings, for writing as they are made: a
 * draft with half a million findings would otherwise hold its whole report
 * (hundreds of MB) as one string, and again as the bytes written.
 */
export function* formatJsonPieces(findings: ReportedFinding[], batch = 5000): Generator<string> {
  if (findings.length === 0) {
    yield '[]\n';
    return;
  }
  for (let from = 0; from < findings.length; from += batch) {
    const body = jsonLines(findings.slice(from, from + batch));
    yield from === 0 ? `[\n${body}` : `,\n${body}`;
  }
  yield '\n]\n';
}

/** The findings as JSON objects, one per line, separated by ",\n" (no brackets). */
function jsonLines(findings: ReportedFinding[]): string {
  const out = findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    found: f.found,
    suggestion: f.suggestion ?? null,
    term: f.term ?? null,
  }));
  // One finding per line: readable, diff-friendly, and much cheaper than full indentation.
  // One JSON.stringify of many findings is about twice as fast as one per finding; the
  // line breaks then go between the elements. `},{"file":` occurs only there: inside a
  // string every quote is escaped, and the only other objects (term) start with "id".
  const compact = JSON.stringify(out);
  return compact.slice(1, -1).replaceAll('},{"file":', '},\n{"file":');
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** SARIF 2.1.0 log with one run; locations relative to the working folder (%SRCROOT%). */
export function formatSarif(findings: ReportedFinding[], tool: ToolInfo, cwdUri?: string): string {
  const rules = RULE_IDS.map((id) => ({
    id,
    name: id.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: RULE_DESCRIPTIONS[id] },
    helpUri: `${tool.informationUri}#${id}`,
    defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITIES[id]] },
  }));
  const results = findings.map((f) => {
    const uri = encodeUri(f.file);
    const artifactLocation = uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
    const region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
    const result: Record<string, unknown> = {
      ruleId: f.rule,
      ruleIndex: RULE_IDS.indexOf(f.rule),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation, region } }],
    };
    if (f.fix && f.suggestion !== undefined) {
      result.fixes = [
        {
          description: { text: `Replace with "${f.fix.newText}"` },
          artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region, insertedContent: { text: f.fix.newText } }] }],
        },
      ];
    }
    return result;
  });
  const run: Record<string, unknown> = {
    tool: { driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, informationUri: tool.informationUri, rules } },
    columnKind: 'utf16CodeUnits',
    results,
  };
  if (cwdUri) run.originalUriBaseIds = { '%SRCROOT%': { uri: cwdUri.endsWith('/') ? cwdUri : cwdUri + '/' } };
  return JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2) + '\n';
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function encodeUri(file: string): string {
  if (/^[a-zA-Z]:\//.test(file) || file.startsWith('/')) {
    return 'file://' + (file.startsWith('/') ? '' : '/') + file.split('/').map(encodeURIComponent).join('/').replace(/^\/?([a-zA-Z])%3A/, '/$1:');
  }
  return file.split('/').map(encodeURIComponent).join('/');
}
