import * as assert from 'node:assert/strict';
import { detectLang, parseMarker, segment } from '../../src/core/bilingual/segment';

function shape(text: string, format: 'markdown' | 'plaintext' = 'markdown') {
  return segment(text, format).map((b) => ({
    kind: b.kind,
    lang: b.lang,
    text: b.text,
    marker: b.marker ? `${b.marker.style}:${b.marker.value}` : undefined,
    level: b.level,
  }));
}

describe('bilingual segment: language', () => {
  it('tells Chinese, English and mixed text apart by the share of CJK characters', () => {
    assert.equal(detectLang('实现碳达峰碳中和，是中国的重大决策部署。'), 'zh');
    assert.equal(detectLang('中国的GDP和NDCs目标持续推进，碳排放强度下降。'), 'zh');
    assert.equal(detectLang('China will strive to reach peak carbon (碳达峰) before 2030.'), 'en');
    assert.equal(detectLang('前言 / Preface'), 'mixed');
    assert.equal(detectLang('2030 — 2060'), 'none');
  });
});

describe('bilingual segment: markers', () => {
  it('reads the paper\'s and common structural markers', () => {
    const cases: Array<[string, string]> = [
      ['一、坚定不移', 'zh-ordinal:1'],
      ['十二、结语', 'zh-ordinal:12'],
      ['（二）系统推进', 'zh-paren:2'],
      ['I. Staying Firmly', 'roman:1'],
      ['IV. Four', 'roman:4'],
      ['3. A Policy Framework', 'arabic:3'],
      ['(2) second', 'arabic-paren:2'],
      ['第三章 总则', 'zh-chapter:3'],
      ['Chapter II Scope', 'en-chapter:2'],
      ['② 第二', 'circled:2'],
    ];
    for (const [text, expected] of cases) {
      const m = parseMarker(text);
      assert.equal(m ? `${m.style}:${m.value}` : undefined, expected, text);
    }
    assert.equal(parseMarker('1.4 billion people'), undefined);
    assert.equal(parseMarker('2025年是'), undefined);
  });
});

describe('bilingual segment: blocks', () => {
  it('splits Markdown into headings, paragraphs, list items and table rows with offsets', () => {
    const text = '# 前言 / Preface\n\n地球是人类赖以生存的家园，\n应对气候变化。\n\nEarth is our only home.\n\n- 列表项\n- list item\n';
    assert.deepEqual(shape(text), [
      { kind: 'heading', lang: 'zh', text: '前言', marker: undefined, level: 1 },
      { kind: 'heading', lang: 'en', text: 'Preface', marker: undefined, level: 1 },
      { kind: 'paragraph', lang: 'zh', text: '地球是人类赖以生存的家园，\n应对气候变化。', marker: undefined, level: undefined },
      { kind: 'paragraph', lang: 'en', text: 'Earth is our only home.', marker: undefined, level: undefined },
      { kind: 'list-item', lang: 'zh', text: '列表项', marker: undefined, level: undefined },
      { kind: 'list-item', lang: 'en', text: 'list item', marker: undefined, level: undefined },
    ]);
    for (const b of segment(text, 'markdown')) assert.equal(text.slice(b.contentStart, b.contentEnd), b.text);
  });

  it('splits a bilingual heading with its markers: "一、中文 / I. English"', () => {
    assert.deepEqual(shape('## 一、坚定不移推进碳达峰碳中和 / I. Staying Firmly Committed\n'), [
      { kind: 'heading', lang: 'zh', text: '坚定不移推进碳达峰碳中和', marker: 'zh-ordinal:1', level: 2 },
      { kind: 'heading', lang: 'en', text: 'Staying Firmly Committed', marker: 'roman:1', level: 2 },
    ]);
    // Without a separator, at the change of script.
    assert.deepEqual(shape('前言 Preface\n', 'plaintext').map((b) => b.text), ['前言', 'Preface']);
  });

  it('reads table cells with their offsets and skips code, front matter and comments', () => {
    const text = '---\ntitle: 碳达峰 x\n---\n\n```\n碳达峰 code\n```\n\n<!-- 注释 comment -->\n\n| 中文 | English |\n|---|---|\n| 碳达峰 | peak carbon |\n';
    const blocks = segment(text, 'markdown');
    assert.deepEqual(blocks.map((b) => b.kind), ['table-row', 'table-row']);
    const row = blocks[1];
    assert.equal(row.headerRow, false);
    assert.deepEqual(row.cells?.map((c) => [text.slice(c.start, c.end), c.lang]), [
      ['碳达峰', 'zh'],
      ['peak carbon', 'en'],
    ]);
  });

  it('in plain text, takes a marked short line followed by text as a heading and its paragraph', () => {
    assert.deepEqual(shape('（一）推进碳达峰碳中和是必由之路\n实现碳达峰碳中和，是中国的内在要求。\n', 'plaintext'), [
      { kind: 'heading', lang: 'zh', text: '推进碳达峰碳中和是必由之路', marker: 'zh-paren:1', level: 2 },
      { kind: 'paragraph', lang: 'zh', text: '实现碳达峰碳中和，是中国的内在要求。', marker: undefined, level: undefined },
    ]);
    assert.deepEqual(shape('I. Staying Firmly Committed to Advancing Peak Car-\nbon and Carbon Neutrality\n', 'plaintext').map((b) => b.kind), ['heading']);
  });
});
