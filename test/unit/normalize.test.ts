import assert from 'node:assert/strict';
import { FOLD_BREAK, FOLD_IGNORE, FOLD_SPACE, foldTable, normalizeTerm, normalizeWithMap, wordTableOf, cjkTableOf } from '../../src/core/normalize';

const fold = (ch: string, foldCase = true) => foldTable(foldCase)[ch.charCodeAt(0)];

describe('normalize: folding table', () => {
  it('folds case only when asked', () => {
    assert.equal(fold('P'), 'p'.charCodeAt(0));
    assert.equal(fold('P', false), 'P'.charCodeAt(0));
    assert.equal(fold('É'), 'é'.charCodeAt(0));
  });

  it('folds full-width letters, digits, punctuation and space', () => {
    assert.equal(fold('Ｎ'), 'n'.charCodeAt(0));
    assert.equal(fold('Ｎ', false), 'N'.charCodeAt(0));
    assert.equal(fold('９'), '9'.charCodeAt(0));
    assert.equal(fold('＋'), '+'.charCodeAt(0));
    assert.equal(fold('\u3000'), FOLD_SPACE);
  });

  it('folds quotes and apostrophes', () => {
    for (const q of ['\u2018', '\u2019', '\u201b', '\u02bc', '＇']) assert.equal(fold(q), 0x27, q);
    for (const q of ['\u201c', '\u201d', '\u201e', '＂']) assert.equal(fold(q), 0x22, q);
  });

  it('folds hyphen variants and drops the soft hyphen and zero-width characters', () => {
    for (const h of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '－']) assert.equal(fold(h), 0x2d, h);
    assert.notEqual(fold('\u2014'), 0x2d, 'an em dash is punctuation, not a hyphen');
    for (const z of ['\u00ad', '\u200b', '\u200d', '\ufeff']) assert.equal(fold(z), FOLD_IGNORE);
  });

  it('marks whitespace and line breaks', () => {
    for (const s of [' ', '\t', '\u00a0', '\u2009', '\u202f']) assert.equal(fold(s), FOLD_SPACE);
    for (const b of ['\n', '\r', '\u2028', '\u2029']) assert.equal(fold(b), FOLD_BREAK);
  });

  it('leaves Chinese characters alone', () => {
    assert.equal(fold('碳'), '碳'.charCodeAt(0));
  });

  it('classifies word and CJK characters', () => {
    const word = wordTableOf();
    const cjk = cjkTableOf();
    assert.equal(word['a'.charCodeAt(0)], 1);
    assert.equal(word['7'.charCodeAt(0)], 1);
    assert.equal(word['é'.charCodeAt(0)], 1);
    assert.equal(word['碳'.charCodeAt(0)], 0);
    assert.equal(word['-'.charCodeAt(0)], 0);
    assert.equal(cjk['碳'.charCodeAt(0)], 1);
    assert.equal(cjk['，'.charCodeAt(0)], 1);
    assert.equal(cjk['a'.charCodeAt(0)], 0);
  });
});

describe('normalize: terms and text', () => {
  it('normalises a term: case, width, quotes, hyphens, spaces', () => {
    assert.equal(normalizeTerm('  China’s  Low‑Carbon\tＰlans '), "china's low-carbon plans");
    assert.equal(normalizeTerm('Peak Carbon', false), 'Peak Carbon');
    assert.equal(normalizeTerm('碳\n达峰'), '碳达峰');
    assert.equal(normalizeTerm('peak\ncarbon'), 'peak carbon');
  });

  it('maps every normalised character back to its source offset', () => {
    const text = 'A  peak\n  carbon，碳\n达峰\n\nend';
    const { text: norm, offsets } = normalizeWithMap(text);
    assert.equal(norm, 'a peak carbon,碳达峰\n\nend');
    assert.equal(offsets.length, norm.length + 1);
    assert.equal(offsets[norm.length], text.length);
    for (let i = 0; i < norm.length; i++) {
      const ch: string = norm[i];
      if (ch === ' ' || ch === '\n') assert.match(text[offsets[i]], /\s/);
      else assert.equal(normalizeTerm(text[offsets[i]]), ch);
    }
    assert.equal(offsets[norm.indexOf('达')], text.indexOf('达'));
  });
});
