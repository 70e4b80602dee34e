// A project glossary listed in .carbon-lexicon.json joins the bundled term
// base: its deprecated forms are flagged, hovered and fixed like the paper's.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Concept } from '../../src/core/types';
import { activate, fixtureUri, hoverTexts, openFixture, plain, rangeOf, revertAndCloseAll, ruleOf, waitFor, waitForDiagnostics } from './helpers';

function projectConcept(): Concept {
  const file = JSON.parse(fs.readFileSync(fixtureUri('glossary/project-terms.json').fsPath, 'utf8')) as { concepts: Concept[] };
  return file.concepts[0];
}

describe('Project glossary', () => {
  before(activate);
  after(revertAndCloseAll);

  it('flags a deprecated form from the project glossary and offers its canonical rendering', async () => {
    const project = projectConcept();
    const { document } = await openFixture('glossary-draft.md');
    const term = rangeOf(document, project.deprecated[0].text);
    const diagnostics = await waitForDiagnostics(document.uri, 'the project term flagged', (all) => all.some((d) => d.range.isEqual(term)));
    const finding = diagnostics.find((d) => d.range.isEqual(term))!;
    assert.equal(ruleOf(finding), 'deprecated-term');
    assert.ok(finding.message.includes(project.en), finding.message);

    const { texts } = await hoverTexts(document.uri, term.start.translate(0, 3));
    assert.ok(texts.some((text) => plain(text).includes(plain(project.definition.en))), `no hover with the project definition: ${JSON.stringify(texts.map(plain))}`);
  });

  it('reports a glossary path naming a device, without reading it', async function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const configUri = fixtureUri('.carbon-lexicon.json');
    const original = await vscode.workspace.fs.readFile(configUri);
    const config = JSON.parse(Buffer.from(original).toString('utf8')) as { glossaries: string[] };
    config.glossaries.push('/dev/zero'); // read, it would never end
    const aboutDevice = (d: vscode.Diagnostic) => d.message.includes('/dev/zero');
    try {
      await vscode.workspace.fs.writeFile(configUri, Buffer.from(JSON.stringify(config, null, 2)));
      const diagnostic = await waitFor('a diagnostic on the device entry', () => vscode.languages.getDiagnostics(configUri).find(aboutDevice));
      assert.match(diagnostic.message, /not a regular file/);
    } finally {
      await vscode.workspace.fs.writeFile(configUri, original);
    }
    await waitFor('the device entry gone', () => (vscode.languages.getDiagnostics(configUri).some(aboutDevice) ? undefined : true));
  });

  it('lists the project concept in the Glossary view', async () => {
    const api = await activate();
    const project = projectConcept();
    const provider = api.glossaryTree as unknown as vscode.TreeDataProvider<unknown>;
    await waitFor('the project concept in the glossary tree', async () => {
      for (const category of (await provider.getChildren()) ?? []) {
        for (const node of (await provider.getChildren(category)) ?? []) {
          const item = await provider.getTreeItem(node);
          const label = typeof item.label === 'string' ? item.label : item.label?.label;
          if (label?.includes(project.zh)) return true;
        }
      }
      return undefined;
    });
  });
});
