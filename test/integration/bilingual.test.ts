// A zh/en pair declared in .carbon-lexicon.json ("pairs"): numbers that
// differ between aligned paragraphs are reported on the translation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activate, fixtureUri, openFixture, rangeOf, revertAndCloseAll, ruleOf, waitForDiagnostics } from './helpers';

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

  it('never reads a partner that is a device (name.en.md linked to /dev/zero)', async function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const zh = fixtureUri('pair/device.zh.md');
    const en = fixtureUri('pair/device.en.md');
    fs.writeFileSync(zh.fsPath, '中国力争2030年前实现碳达峰。\n');
    try {
      fs.symlinkSync('/dev/zero', en.fsPath);
    } catch {
      fs.rmSync(zh.fsPath);
      this.skip(); // no symbolic links here
    }
    try {
      await openFixture('pair/device.zh.md');
      // Give the pair check time to run; reading the partner would never end and would take
      // the file service (and the memory) with it.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const bytes = await vscode.workspace.fs.readFile(fixtureUri('pair/briefing.zh.md'));
      assert.ok(bytes.byteLength > 0, 'the file service still answers');
      assert.deepEqual(vscode.languages.getDiagnostics(en).filter((d) => d.source === 'Carbon Lexicon'), []);
    } finally {
      fs.rmSync(en.fsPath);
      fs.rmSync(zh.fsPath);
    }
  });
});
