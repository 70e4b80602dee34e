// The JSON output is put together from pieces for speed; it must read exactly
// as JSON.stringify would write each finding, one per line.
import assert from 'node:assert/strict';
import { formatJson, formatJsonPieces, ReportedFinding } from '../../src/cli/formats';

function finding(overrides: Partial<ReportedFinding>): ReportedFinding {
  return {
    rule: 'deprecated-term',
    severity: 'warning',
    start: 0,
    end: 14,
    message: '"carbon peaking" is not the white paper\'s rendering of 碳达峰; use "peak carbon".',
    found: 'carbon peaking',
    suggestion: 'peak carbon',
    file: 'drafts/a.md',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 15,
    term: { id: 'peak-carbon', zh: '碳达峰', en: 'peak carbon' },
    ...overrides,
  };
}

/** The plain definition: each finding's fields in a fixed order through JSON.stringify. */
function expected(findings: ReportedFinding[]): string {
  const lines = findings.map((f) =>
    JSON.stringify({
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
    }),
  );
  return `[\n${lines.join(',\n')}\n]\n`;
}

describe('CLI JSON output', () => {
  it('writes each finding as JSON.stringify does, escapes included', () => {
    const findings = [
      finding({}),
      finding({ line: 2, found: 'carbon\r\n  peaking', message: 'tab\there, quote " and backslash \\ and \u2028 and \u0000' }),
      finding({ rule: 'inconsistent-variant', severity: 'information', suggestion: undefined, file: 'dir with space/文件.md' }),
      finding({ term: undefined, suggestion: undefined, message: 'lone surrogate \ud800 here' }),
      finding({}),
    ];
    const text = formatJson(findings);
    assert.equal(text, expected(findings));
    assert.equal(JSON.parse(text).length, findings.length);
  });

  it('writes an empty list as []', () => {
    assert.equal(formatJson([]), '[]\n');
    assert.deepEqual([...formatJsonPieces([])], ['[]\n']);
  });

  it('writes the same text in pieces of any batch size, one batch of findings per piece but the last', () => {
    for (const count of [1, 2, 3, 4, 7, 9]) {
      const findings = Array.from({ length: count }, (_, i) => finding({ line: i + 1, message: `finding ${i}, "quoted"` }));
      for (const batch of [1, 2, 3, 5000]) {
        const pieces = [...formatJsonPieces(findings, batch)];
        assert.equal(pieces.join(''), expected(findings), `${count} findings in batches of ${batch}`);
        assert.equal(pieces.length, Math.ceil(count / batch) + 1);
      }
    }
  });
});
