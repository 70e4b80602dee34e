// A zh/en pair declared in .carbon-lexicon.json ("pairs"): numbers that
// differ between aligned paragraphs are reported on the translation.
import * as assert from 'node:assert/strict';
import { activate, openFixture, rangeOf, revertAndCloseAll, ruleOf, waitForDiagnostics } from './helpers';

describe('Bilingual pair', () => {
  before(activate);
  after(revertAndCloseAll);

  it('reports a year that differs between the Chinese and the English file (number-mismatch)', async () => {
    await openFixture('pair/briefing.zh.md');
    const { document } = await openFixture('pair/briefing.en.md');
    const wrongYear = rangeOf(document, '2065');
    const diagnostics = await waitForDiagnostics(document.uri, 'a number-mismatch on 2065', (all) => all.some((d) => ruleOf(d) === 'number-mismatch'));
    const mismatch = diagnostics.filter((d) => ruleOf(d) === 'number-mismatch');
    assert.equal(mismatch.length, 1, JSON.stringify(mismatch.map((d) => d.message)));
    assert.ok(mismatch[0].range.contains(wrongYear), `the finding should cover "2065", got line ${mismatch[0].range.start.line + 1}`);
    assert.ok(mismatch[0].message.includes('2060'), mismatch[0].message);
  });
});
