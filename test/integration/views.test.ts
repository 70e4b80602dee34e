// The three sidebar views, read through the providers activate() exposes
// (getChildren/getTreeItem are exactly what VS Code calls to draw them).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CarbonLexiconApi } from '../../src/vscode/api';
import type { Paper } from '../../src/core/types';
import { activate, bundledTerms, concept, fixtureUri, openFixture, projectData, revertAndCloseAll, waitFor } from './helpers';

type Provider<T> = vscode.TreeDataProvider<T>;

async function children<T>(provider: Provider<T>, element?: T): Promise<T[]> {
  return ((await provider.getChildren(element)) ?? []) as T[];
}

async function itemText<T>(provider: Provider<T>, element: T): Promise<string> {
  const item = await provider.getTreeItem(element);
  const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
  return `${label} ${typeof item.description === 'string' ? item.description : ''}`;
}

function bundledPaper(): Paper {
  return projectData<Paper>('paper.json');
}

describe('Views', () => {
  let api: CarbonLexiconApi;
  before(async () => {
    api = await activate();
  });
  after(revertAndCloseAll);

  it('White Paper lists the top-level sections in order, with subsections under Part I', async () => {
    const paper = bundledPaper();
    const provider = api.paperTree as unknown as Provider<unknown>;
    const roots = await children(provider);
    const topLevel = paper.sections.filter((s) => s.parent === null);
    assert.equal(roots.length, topLevel.length);
    for (const [index, section] of topLevel.entries()) {
      const text = await itemText(provider, roots[index]);
      assert.ok(text.includes(section.title.zh ?? section.title.en), `root ${index} "${text}" is not section ${section.id}`);
    }
    const partI = roots[topLevel.findIndex((s) => s.id === 'I')];
    const underI = await Promise.all((await children(provider, partI)).map((node) => itemText(provider, node)));
    for (const sub of paper.sections.filter((s) => s.parent === 'I')) {
      assert.ok(underI.some((text) => text.includes(sub.title.zh ?? sub.title.en)), `subsection ${sub.id} missing under Part I: ${JSON.stringify(underI)}`);
    }
  });

  it('White Paper shows the concepts each paragraph uses (碳达峰 in the Preface)', async () => {
    const provider = api.paperTree as unknown as Provider<unknown>;
    const [preface] = await children(provider);
    const paragraphs = await children(provider, preface);
    const conceptLabels: string[] = [];
    for (const paragraph of paragraphs) {
      for (const node of await children(provider, paragraph)) conceptLabels.push(await itemText(provider, node));
    }
    const peak = concept('peak-carbon-and-carbon-neutrality');
    assert.ok(conceptLabels.some((text) => text.includes(peak.zh)), `no ${peak.zh} under the Preface's paragraphs`);
  });

  it('Glossary holds every concept of the term base and the project glossary exactly once', async () => {
    const provider = api.glossaryTree as unknown as Provider<unknown>;
    const shown: string[] = [];
    for (const category of await children(provider)) {
      for (const node of await children(provider, category)) shown.push(await itemText(provider, node));
    }
    // The bundled concepts plus the fixture workspace's project glossary (glossary/project-terms.json).
    const project = JSON.parse(fs.readFileSync(fixtureUri('glossary/project-terms.json').fsPath, 'utf8')) as { concepts: Array<{ id: string; zh: string }> };
    const concepts = [...bundledTerms().concepts, ...project.concepts];
    assert.equal(shown.length, concepts.length);
    for (const c of concepts) {
      assert.ok(shown.some((text) => text.includes(c.zh)), `glossary lacks ${c.id} (${c.zh})`);
    }
  });

  it('In This Draft lists the active draft’s concepts with their renderings and status', async () => {
    const { document } = await openFixture('fixall.md');
    const provider = api.draftTree as unknown as Provider<unknown>;
    const peak = concept('peak-carbon');
    const peakNode = await waitFor('the draft view to show 碳达峰', async () => {
      for (const node of await children(provider)) if ((await itemText(provider, node)).includes(peak.zh)) return node;
      return undefined;
    });
    assert.equal(api.draftTree.document?.uri.toString(), document.uri.toString());
    const renderings = await Promise.all((await children(provider, peakNode)).map((node) => itemText(provider, node)));
    assert.ok(renderings.some((text) => text.includes('carbon peaking') && /deprecated/i.test(text)), JSON.stringify(renderings));
    assert.ok(renderings.some((text) => text.includes('碳峰值') && /deprecated/i.test(text)), JSON.stringify(renderings));
  });
});
