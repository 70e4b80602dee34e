import { strict as assert } from 'node:assert';
import { paper } from '../../src/core/data';
import { bundledTermBase } from '../../src/core/data';
import { createEngine } from '../../src/core/engine';
import { PaperIndex } from '../../src/core/paperIndex';
import { buildReaderHtml, escapeHtml, highlightRanges, paragraphAnchor } from '../../src/vscode/logic/readerHtml';

describe('vscode logic: bilingual reader HTML', () => {
  const base = { cspSource: 'vscode-resource:', nonce: 'abc123', styleUri: 'vscode-resource:/media/reader.css' };

  it('renders every paragraph with an anchor, Chinese and English, and every section heading', () => {
    const html = buildReaderHtml(paper, base);
    for (const p of paper.paragraphs) assert.ok(html.includes(`id="${paragraphAnchor(p.id)}"`), p.id);
    for (const s of paper.sections) assert.ok(html.includes(escapeHtml(s.title.en)), s.id);
    assert.ok(html.includes('地球是人类赖以生存的家园'));
    assert.ok(html.includes('Earth is the only home of all humanity'));
    assert.ok(html.includes('(no Chinese text in this excerpt)'), 'the English-only section says so');
  });

  it('locks the page down: a CSP with a nonce, and the script carries it', () => {
    const html = buildReaderHtml(paper, base);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src vscode-resource:; script-src 'nonce-abc123';"/);
    assert.match(html, /<script nonce="abc123">/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('focuses a paragraph and marks a concept\'s uses with its entry on top', () => {
    const concept = bundledTermBase.concepts.find((c) => c.id === 'ndcs')!;
    const html = buildReaderHtml(paper, { ...base, concept, focusParagraphId: 'preface.p2' });
    assert.match(html, /data-focus="p-preface\.p2"/);
    // What the page saves (setState) so the reader reopens here after a reload.
    assert.match(html, /data-paragraph="preface\.p2" data-concept="ndcs"/);
    assert.match(html, /vscode\.setState\(saved\)/);
    assert.ok(html.includes('<mark>Nationally Determined Contributions</mark>'));
    assert.ok(html.includes('<mark>国家自主贡献</mark>'));
    assert.ok(html.includes('<aside class="entry"'));
    assert.ok(html.includes(escapeHtml(concept.definition.en)));
  });

  it('quotes the paper\'s own sentences in the entry, term marked, linked to the paragraph', () => {
    const engine = createEngine();
    const concept = engine.concept('ndcs')!;
    const evidence = new PaperIndex().evidenceFor(concept, engine.matcher);
    const html = buildReaderHtml(paper, { ...base, concept, evidence });
    const entry = html.slice(html.indexOf('<aside'), html.indexOf('</aside>'));
    assert.ok(entry.includes('<a href="#p-preface.p2">前言 · Preface · preface.p2</a>'), entry);
    assert.ok(entry.includes('2020年12月12日，习近平总书记在气候雄心峰会上宣布了中国2030年<mark>国家自主贡献</mark>目标。'));
    assert.ok(entry.includes('he presented China’s 2030 <mark>Nationally Determined Contributions</mark> (NDCs)'));
  });

  it('escapes text and finds whole-word, case-insensitive English and exact Chinese ranges', () => {
    assert.equal(escapeHtml('<a href="x">&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    assert.deepEqual(highlightRanges('Peak carbon, peak carbonate, 碳达峰碳达峰', ['peak carbon', '碳达峰']), [[0, 11], [29, 35]]);
    assert.deepEqual(highlightRanges('carbon peak value', ['carbon peak', 'carbon peak value']), [[0, 17]]);
  });
});
