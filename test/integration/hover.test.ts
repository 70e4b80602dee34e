// Hovers through VS Code's own hover command: what a writer sees when the
// pointer rests on a term.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, concept, formatRange, hoverTexts, openFixture, plain, rangeOf, revertAndCloseAll } from './helpers';

describe('Hover', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activate();
    document = (await openFixture('hover.md')).document;
  });
  after(revertAndCloseAll);

  /** Our hover among all providers' hovers: the one naming the concept in both languages. */
  async function ourHover(position: vscode.Position, conceptId: string): Promise<{ text: string; hover: vscode.Hover }> {
    const { zh, en } = concept(conceptId);
    const { texts, hovers } = await hoverTexts(document.uri, position);
    const index = texts.findIndex((text) => plain(text).includes(zh) && plain(text).includes(en));
    assert.ok(index >= 0, `no hover naming ${zh} / ${en} at ${position.line}:${position.character}; got ${JSON.stringify(texts.map(plain))}`);
    return { text: plain(texts[index]), hover: hovers[index] };
  }

  it('shows the definition of a Chinese term, over the whole term', async () => {
    const peak = concept('peak-carbon');
    // The second 碳达峰 stands alone (the first is part of 碳达峰碳中和目标).
    const term = rangeOf(document, peak.zh, 1);
    const { text, hover } = await ourHover(term.start.translate(0, 1), 'peak-carbon');
    assert.ok(text.includes(plain(peak.definition.en)) || text.includes(plain(peak.definition.zh)), `definition missing from: ${text}`);
    assert.match(text, /Canonical/i);
    assert.ok(hover.range, 'hover has a range');
    assert.equal(formatRange(hover.range), formatRange(term));
  });

  it('recognises an English term hard-wrapped across two lines', async () => {
    const neutrality = concept('carbon-neutrality');
    const wrapped = rangeOf(document, 'carbon\nneutrality');
    // Pointer on "neutrality", on the line after the one where the term starts.
    const { text, hover } = await ourHover(new vscode.Position(wrapped.end.line, 3), 'carbon-neutrality');
    assert.ok(text.includes(plain(neutrality.definition.en)), `definition missing from: ${text}`);
    assert.ok(hover.range);
    assert.equal(formatRange(hover.range), formatRange(wrapped), 'the hover range spans the line break');
  });

  it('flags a deprecated rendering and names the canonical one', async () => {
    const peak = concept('peak-carbon');
    const term = rangeOf(document, 'carbon peaking');
    const { text } = await ourHover(term.start.translate(0, 2), 'peak-carbon');
    assert.match(text, /Deprecated/i);
    assert.ok(text.includes(`Use ${peak.en} instead`), `no "Use ${peak.en} instead" in: ${text}`);
  });

  it('shows nothing of ours on ordinary words', async () => {
    const word = rangeOf(document, 'drafts');
    const { texts } = await hoverTexts(document.uri, word.start.translate(0, 2));
    const ours = texts.filter((text) => plain(text).includes(concept('peak-carbon').zh));
    assert.deepEqual(ours, []);
  });
});
