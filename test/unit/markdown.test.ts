import assert from 'node:assert/strict';
import { checkableRanges, frontMatterEnd, parseSuppressions, scanMarkdown, SEGMENT_JOIN } from '../../src/core/markdown';

/** The checkable text, pieces joined with "|". */
function checked(md: string): string {
  return checkableRanges(md)
    .map(([s, e]) => md.slice(s, e))
    .join('|');
}

describe('markdown: checkable ranges', () => {
  it('checks paragraphs and headings', () => {
    assert.equal(checked('# Title\n\nSome text.'), ' Title|Some text.');
  });

  it('skips fenced code blocks (backticks and tildes, any info string)', () => {
    assert.equal(checked('a\n```js\ncode\n```\nb\n~~~~\ncode ```\n~~~~\nc'), 'a|b|c');
    assert.equal(checked('- item\n  ```\n  code\n  ```\n- next'), 'item|next');
  });

  it('treats an unclosed fence as code to the end', () => {
    assert.equal(checked('a\n```\ncode\nmore'), 'a');
  });

  it('skips indented code blocks after a blank line, not list continuations', () => {
    assert.equal(checked('para\n\n    code line\n\nafter'), 'para|after');
    assert.equal(checked('- item\n\n    continued'), 'item|continued');
    assert.equal(checked('para\n    lazy continuation'), 'para|lazy continuation');
  });

  it('skips inline code but checks the text around it', () => {
    assert.equal(checked('use `carbon peaking` here and ``a ` b`` there'), 'use | here and | there');
  });

  it('keeps unmatched backticks as text', () => {
    assert.equal(checked('a ` b'), 'a ` b');
  });

  it('skips autolinks, HTML tags and bare URLs', () => {
    assert.equal(checked('see <https://example.org/peak-carbon> and https://x.org/a_b now'), 'see | and | now');
    assert.equal(checked('visit www.example.com today'), 'visit | today');
    assert.equal(checked('a <span class="x">b</span> c'), 'a |b| c');
  });

  it('checks link text but skips link destinations and reference labels', () => {
    assert.equal(checked('[peak carbon](https://e.org/(x)) and [text][ref]'), '[peak carbon]| and [text]');
    assert.equal(checked('![alt text](img.png)'), '![alt text]');
  });

  it('skips reference definitions', () => {
    assert.equal(checked('text\n\n[ref]: https://example.org "Title"\n'), 'text');
  });

  it('skips HTML comments, also across lines', () => {
    assert.equal(checked('a <!-- hidden --> b'), 'a | b');
    assert.equal(checked('a <!-- hidden\nstill hidden\n--> b'), 'a |b');
  });

  it('treats an unclosed comment as running to the end, and a lone < or ` as text', () => {
    assert.equal(checked('a\n<!-- open\nhidden\nhidden'), 'a');
    assert.equal(checked('x <b and c\nnext `d'), 'x <b and c|next `d');
    assert.equal(checked('<!-- a\n-->\nshown\n<!-- b\nc -->d'), 'shown|d');
    assert.equal(checked('<a <b <c> d <e'), ' d <e');
    assert.equal(checked('[a](unclosed dest\nnext'), '[a]|next');
  });

  it('skips front matter at the top only', () => {
    const md = '---\ntitle: carbon peaking\n---\nbody';
    assert.equal(frontMatterEnd(md), md.indexOf('body'));
    assert.equal(checked(md), 'body');
    assert.equal(frontMatterEnd('text\n---\nx\n---\n'), 0);
    assert.equal(frontMatterEnd('---\nnever closed'), 0);
  });

  it('checks tables, blockquotes, lists and emphasis', () => {
    assert.equal(checked('| a | b |\n|---|---|\n| c | d |'), '| a | b |||---|---||| c | d |');
    assert.equal(checked('> quoted **bold** _em_'), 'quoted **bold** _em_');
    assert.equal(checked('1. first\n2) second\n- [x] done'), 'first|second|done');
  });

  it('joins continuation lines of a paragraph, quote or list item, and nothing else', () => {
    const md = 'line one\nline two\n> q1\n> q2\n\n- i1\n  i2\n- j1\n# h\nafter';
    const { data, count } = scanMarkdown(md);
    const pieces: Array<[string, boolean]> = [];
    for (let i = 0; i < count; i++) pieces.push([md.slice(data[3 * i], data[3 * i + 1]), (data[3 * i + 2] & SEGMENT_JOIN) !== 0]);
    assert.deepEqual(pieces, [
      ['line one', false],
      ['line two', true],
      ['q1', true],
      ['q2', true],
      ['i1', false],
      ['i2', true],
      ['j1', false],
      [' h', false],
      ['after', false],
    ]);
  });

  it('handles CRLF line endings', () => {
    assert.equal(checked('a\r\n```\r\ncode\r\n```\r\nb'), 'a|b');
  });

  it('scans only the given range', () => {
    const md = 'one\n\ntwo\n\nthree';
    const { data, count } = scanMarkdown(md, 5, 8);
    assert.equal(count, 1);
    assert.equal(md.slice(data[0], data[1]), 'two');
  });
});

describe('markdown: suppression comments', () => {
  it('disable-next-line covers the following line only', () => {
    const text = 'AAA\n<!-- carbon-lexicon-disable-next-line -->\nBBB\nCCC';
    const s = parseSuppressions(text);
    assert.equal(s.isSuppressed('deprecated-term', text.indexOf('BBB')), true);
    assert.equal(s.isSuppressed('deprecated-term', text.indexOf('CCC')), false);
    assert.equal(s.isSuppressed('deprecated-term', text.indexOf('AAA')), false);
  });

  it('disable-next-line with rules covers only those rules', () => {
    const text = '<!-- carbon-lexicon-disable-next-line deprecated-term -->\nBBB';
    const s = parseSuppressions(text);
    assert.equal(s.isSuppressed('deprecated-term', text.indexOf('BBB')), true);
    assert.equal(s.isSuppressed('inconsistent-variant', text.indexOf('BBB')), false);
  });

  it('disable ... enable covers the range between', () => {
    const text = 'AAA <!-- carbon-lexicon-disable --> BBB <!-- carbon-lexicon-enable --> CCC';
    const s = parseSuppressions(text);
    assert.equal(s.isSuppressed('deprecated-term', text.indexOf('AAA')), false);
    assert.equal(s.isSuppressed('deprecated-term', text.indexOf('BBB')), true);
    assert.equal(s.isSuppressed('deprecated-term', text.indexOf('CCC')), false);
  });

  it('disable without enable runs to the end; rules can be listed with commas', () => {
    const text = 'AAA <!-- carbon-lexicon-disable inconsistent-variant, deprecated-term --> BBB';
    const s = parseSuppressions(text);
    assert.deepEqual(s.directives[0].rules, ['inconsistent-variant', 'deprecated-term']);
    assert.equal(s.isSuppressed('deprecated-term', text.indexOf('BBB')), true);
    assert.equal(s.isSuppressed('number-mismatch', text.indexOf('BBB')), false);
  });

  it('enable of one rule ends only that rule', () => {
    const text =
      '<!-- carbon-lexicon-disable deprecated-term inconsistent-variant --> XXX <!-- carbon-lexicon-enable deprecated-term --> YYY';
    const s = parseSuppressions(text);
    assert.equal(s.isSuppressed('deprecated-term', text.indexOf('YYY')), false);
    assert.equal(s.isSuppressed('inconsistent-variant', text.indexOf('YYY')), true);
  });

  it('ignores an unclosed directive', () => {
    const s = parseSuppressions('<!-- carbon-lexicon-disable AAA\nBBB');
    assert.equal(s.directives.length, 0);
  });

  it('finds nothing in text without directives', () => {
    const s = parseSuppressions('<!-- just a comment --> text');
    assert.equal(s.directives.length, 0);
    assert.equal(s.isSuppressed('deprecated-term', 5), false);
  });
});
