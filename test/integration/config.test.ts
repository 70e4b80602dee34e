// A malformed .carbon-lexicon.json: a clear, located error on the file, and
// the drafts under it are still checked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, fixtureUri, openFixture, rangeOf, revertAndCloseAll, ruleOf, waitFor, waitForDiagnostics } from './helpers';

describe('Configuration file', () => {
  before(activate);
  after(revertAndCloseAll);

  it('a malformed .carbon-lexicon.json gets a clear error and linting goes on', async () => {
    const { document } = await openFixture('broken/draft.md');
    const term = rangeOf(document, 'carbon peaking');
    const findings = await waitForDiagnostics(document.uri, 'the draft still checked', (all) => all.some((d) => ruleOf(d) === 'deprecated-term'));
    assert.equal(findings.filter((d) => d.range.isEqual(term)).length, 1);
    // Not the workspace root's "error": the nearest config is the broken one, read as far as it goes.
    assert.equal(findings.find((d) => d.range.isEqual(term))?.severity, vscode.DiagnosticSeverity.Warning);

    const configUri = fixtureUri('broken/.carbon-lexicon.json');
    const errors = await waitFor('an error diagnostic on broken/.carbon-lexicon.json', () => {
      const found = vscode.languages.getDiagnostics(configUri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      return found.length > 0 ? found : undefined;
    });
    const message = errors.map((d) => d.message).join('\n');
    assert.match(message, /\.carbon-lexicon\.json/, `the message should name the file: ${message}`);
    assert.match(message, /:\d+:\d+|line \d+/i, `the message should give a position: ${message}`);
    assert.ok(errors[0].range.start.line >= 3, `the error should point at the faulty spot (line 4-5), got line ${errors[0].range.start.line + 1}`);
  });

  it('a valid config applies: its severity override reaches the diagnostics', async () => {
    const { document } = await openFixture('quickfix.md');
    const term = rangeOf(document, '碳峰值');
    const finding = (await waitForDiagnostics(document.uri, 'a finding on 碳峰值', (all) => all.some((d) => d.range.isEqual(term)))).find((d) => d.range.isEqual(term))!;
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error, 'the workspace config sets deprecated-term to error');
    const configUri = fixtureUri('.carbon-lexicon.json');
    assert.deepEqual(vscode.languages.getDiagnostics(configUri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error), []);
  });
});
