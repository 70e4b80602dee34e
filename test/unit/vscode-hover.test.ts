// Hover content built from the real engine, term base and white paper.
import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/core/engine';
import { PaperIndex } from '../../src/core/paperIndex';
import { buildHoverMarkdown, REVEAL_PARAGRAPH_COMMAND } from '../../src/vscode/logic/hoverContent';
import { escapeMarkdown, excerpt, oneLine } from '../../src/vscode/logic/markdown';

describe('vscode logic: hover content', () => {
  const engine = createEngine();
  const paper = new PaperIndex();

  function hoverFor(text: string, offset: number): string | undefined {
    const match = engine.termAt(text, offset, 'plaintext');
    if (!match) return undefined;
    return buildHoverMarkdown(match, paper.evidenceFor(match.concept, engine.matcher));
  }

  it('describes a Chinese term wrapped across lines: both forms, status, definitions, the paper and a reveal link', () => {
    const text = '我们要实现碳达\n峰目标';
    const hover = hoverFor(text, text.indexOf('峰'));
    assert.ok(hover, 'a hover on the second half of the wrapped term');
    assert.ok(hover.startsWith('**碳达峰** · **peak carbon**'), hover.slice(0, 80));
    assert.match(hover, /Canonical form/);
    const concept = engine.concept('peak-carbon')!;
    assert.ok(hover.includes(concept.definition.zh));
    assert.ok(hover.includes(escapeMarkdown(concept.definition.en)));
    // The paper's own sentence, Chinese and English, with its section and the term in bold.
    assert.match(hover, /White paper, 前言 · Preface/);
    assert.match(hover, /> 实现\*\*碳达峰\*\*碳中和/);
    assert.match(hover, /> The major decision to achieve \*\*peak carbon\*\*/);
    const link = `command:${REVEAL_PARAGRAPH_COMMAND}?${encodeURIComponent(JSON.stringify(['preface.p2']))}`;
    assert.ok(hover.includes(link), 'reveal link for preface.p2');
  });

  it('hovers an English term wrapped across lines and shows it on one line', () => {
    const text = 'China will reach peak\ncarbon before 2030.';
    const hover = hoverFor(text, text.indexOf('carbon'));
    assert.ok(hover);
    assert.match(hover, /^\*\*碳达峰\*\* · \*\*peak carbon\*\*/);
    assert.match(hover, /Canonical form/);
  });

  it('names the canonical form and the reason for a deprecated one', () => {
    const text = 'The carbon peak target was set in 2020.';
    const hover = hoverFor(text, text.indexOf('peak'));
    assert.ok(hover);
    assert.match(hover, /Deprecated: “carbon peak”\. Use \*\*peak carbon\*\* instead\./);
    const note = engine.concept('peak-carbon')!.deprecated.find((f) => f.text === 'carbon peak')!.note!;
    assert.ok(hover.includes(escapeMarkdown(note)), 'the usage note of the deprecated form');
  });

  it('gives the Chinese canonical form for a deprecated Chinese variant', () => {
    const text = '实现碳峰值';
    const hover = hoverFor(text, text.indexOf('峰'));
    assert.ok(hover);
    assert.match(hover, /Deprecated: “碳峰值”\. Use \*\*碳达峰\*\* instead\./);
  });

  it('shows an admitted form with its usage note', () => {
    const text = 'reach peak carbon emissions by then';
    const match = engine.termAt(text, text.indexOf('emissions'), 'plaintext');
    assert.ok(match);
    const hover = buildHoverMarkdown(match, []);
    if (match.status === 'admitted') {
      assert.match(hover, /Admitted form “peak carbon emissions”; the canonical form is \*\*peak carbon\*\*\./);
      assert.ok(hover.includes('Usage: '));
    } else {
      // Another concept may claim the longer phrase; then it must be that concept's own form.
      assert.ok(hover.includes(escapeMarkdown(match.concept.en)));
    }
    assert.ok(!hover.includes('command:'), 'no reveal link without evidence');
  });

  it('hovers inside unspaced Chinese text and not outside terms', () => {
    const text = '各地积极推进碳中和工作';
    assert.ok(hoverFor(text, text.indexOf('中和'))?.includes('**碳中和**'));
    assert.equal(hoverFor(text, 1), undefined);
  });

  it('translates through the given function', () => {
    const text = '碳达峰';
    const match = engine.termAt(text, 1, 'plaintext')!;
    const hover = buildHoverMarkdown(match, [], { t: (m) => `[${m}]` });
    assert.ok(hover.includes('[✓ Canonical form, as the white paper writes it.]'));
  });

  it('escapes Markdown in found text, collapses wraps and cuts long sentences around the term', () => {
    assert.equal(escapeMarkdown('a*b_[c](d) <x>'), 'a\\*b\\_\\[c\\](d) \\<x\\>');
    assert.equal(escapeMarkdown('1. item'), '1\\. item');
    assert.equal(oneLine('碳达\n峰'), '碳达峰');
    assert.equal(oneLine('peak\r\n  carbon'), 'peak carbon');
    const sentence = `${'word '.repeat(60)}TERM${' more'.repeat(60)}`;
    const at = sentence.indexOf('TERM');
    const cut = excerpt(sentence, at, at + 4, 80);
    assert.ok(cut.text.length <= 84);
    assert.equal(cut.text.slice(cut.start, cut.end), 'TERM');
    assert.ok(cut.text.startsWith('…') && cut.text.endsWith('…'));
  });
});
