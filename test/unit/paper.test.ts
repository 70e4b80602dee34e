import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { decideHyphen, parsePaper } from '../../src/core/paperParser';
import type { Paper, PaperParagraph } from '../../src/core/types';

// Compiled to out/test/unit/, three levels below the project root.
const root = path.resolve(__dirname, '..', '..', '..');
const sourceText = fs.readFileSync(path.join(root, 'data', 'source', 'white-paper-excerpt.txt'), 'utf8');
const committedText = fs.readFileSync(path.join(root, 'data', 'paper.json'), 'utf8');
const sourceLines = sourceText.split('\n');
const paper: Paper = parsePaper(sourceText);

const CJK_CHAR = /[\u3400-\u9fff]/;

function paragraph(id: string): PaperParagraph {
  const found = paper.paragraphs.find((p) => p.id === id);
  assert.ok(found, `no paragraph ${id}`);
  return found;
}

function paragraphWithZh(fragment: string): PaperParagraph {
  const found = paper.paragraphs.filter((p) => p.zh?.includes(fragment));
  assert.equal(found.length, 1, `expected one paragraph containing ${fragment}`);
  return found[0];
}

function years(text: string): string[] {
  return (text.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? []).sort();
}

/** Source lines of one language inside an inclusive range (a paragraph may span the other language's run). */
function linesOf(range: [number, number], language: 'zh' | 'en'): number[] {
  const numbers: number[] = [];
  for (let n = range[0]; n <= range[1]; n++) {
    const text = sourceLines[n - 1];
    if (text.trim() === '') continue;
    if (CJK_CHAR.test(text) === (language === 'zh')) numbers.push(n);
  }
  return numbers;
}

describe('paper parser', () => {
  it('reproduces the committed data/paper.json exactly', () => {
    assert.deepEqual(JSON.parse(committedText), paper);
    assert.equal(committedText, `${JSON.stringify(paper, null, 2)}\n`);
  });

  it('finds the five sections with both titles', () => {
    assert.deepEqual(
      paper.sections.map((s) => [s.id, s.number, s.level, s.parent, s.title.zh, s.title.en]),
      [
        ['preface', '', 0, null, '前言', 'Preface'],
        ['I', 'I', 0, null, '一、坚定不移推进碳达峰碳中和', 'Staying Firmly Committed to Advancing Peak Carbon and Carbon Neutrality'],
        ['I.1', '1', 1, 'I', '（一）推进碳达峰碳中和是必由之路', 'Peak Carbon and Carbon Neutrality Is the Only Way Forward'],
        ['I.2', '2', 1, 'I', '（二）系统推进碳达峰碳中和工作', 'Promoting Peak Carbon and Carbon Neutrality Systematically'],
        ['I.3', '3', 1, 'I', null, 'A Policy Framework for Peak Carbon and Carbon Neutrality'],
      ],
    );
  });

  it('numbers paragraphs from 1 within each section', () => {
    for (const section of paper.sections) {
      const ids = paper.paragraphs.filter((p) => p.section === section.id).map((p) => p.id);
      assert.ok(ids.length > 0, `section ${section.id} has no paragraphs`);
      assert.deepEqual(
        ids,
        ids.map((_, k) => `${section.id}.p${k + 1}`),
      );
    }
    assert.deepEqual(
      paper.sections.map((s) => paper.paragraphs.filter((p) => p.section === s.id).length),
      [5, 1, 4, 6, 2],
    );
  });

  it('writes Chinese paragraphs without line breaks or spaces between characters', () => {
    const zh = paper.paragraphs.flatMap((p) => (p.zh === null ? [] : [p.zh]));
    assert.equal(zh.length, 16);
    for (const text of zh) {
      assert.ok(!text.includes('\n'), text);
      assert.ok(!/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef] +[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(text), text);
      assert.equal(text, text.trim());
    }
    // Terms cut by the hard wrap are whole again.
    assert.ok(paragraph('preface.p1').zh?.startsWith('地球是人类赖以生存的家园，应对气候变化、推动可持续发展'));
    assert.ok(paragraph('preface.p2').zh?.includes('阐述中国实现碳达峰碳中和目标'));
  });

  it('writes English paragraphs as single-spaced text with line-end hyphenation resolved', () => {
    const en = paper.paragraphs.flatMap((p) => p.en).concat(paper.sections.map((s) => s.title.en));
    const all = en.join('\n');
    for (const text of en) {
      assert.ok(!/\n|\u00a0| {2}/.test(text), text);
      assert.equal(text, text.trim());
      assert.ok(!/[a-z]- [a-z]/.test(text), `hyphen artefact in: ${text}`);
    }
    for (const broken of ['Revolu-tion', 'develop-ment', 'ecologi-cal', 'Presi-dent', 'Na-tions', 'Car-bon', 'Sys-tematically']) {
      assert.ok(!all.includes(broken), broken);
    }
    for (const word of ['Industrial Revolution', 'ecological balance', 'President Xi Jinping', 'United Nations', 'Advancing Peak Carbon', 'Systematically', 'progress towards']) {
      assert.ok(all.includes(word), word);
    }
    for (const compound of ['low-carbon', 'one-fourth', 'win-win', 'fastest-growing', 'high-quality development', 'higher-quality', 'top-level', 'eco-environment']) {
      assert.ok(all.includes(compound), compound);
    }
    // The line-end "low-" / "carbon" (lines 249-250) and "high-" / "quality" (193-194) keep their hyphen.
    assert.ok(paragraph('I.2.p3').en[0].includes('green, and low-carbon lifestyles'));
    assert.ok(!/lowcarbon|highquality/.test(all));
  });

  it('aligns the Preface paragraph 中国一向重信守诺 with two English paragraphs', () => {
    const pair = paragraphWithZh('中国一向重信守诺');
    assert.equal(pair.id, 'preface.p3');
    assert.equal(pair.en.length, 2);
    assert.ok(pair.en[0].startsWith('China always honors its commitments.'));
    assert.ok(pair.en[1].startsWith('China has established the most systematic and comprehensive'));
    assert.deepEqual(pair.lines, { zh: [28, 90], en: [[66, 71], [73, 140]] });
    // Both halves continue across a page break.
    assert.ok(pair.zh?.includes('建成了全球最大、发展最快的可再生能源体系'));
    assert.ok(pair.en[1].includes('pursue green and low-carbon development, thereby making significant contributions'));
    assert.ok(pair.zh?.includes('四分之一') && pair.en[1].includes('one-fourth'));
    const others = paper.paragraphs.filter((p) => p.id !== 'preface.p3');
    assert.ok(others.every((p) => p.en.length === 1));
  });

  it('leaves zh null for the English-only section 3', () => {
    const section3 = paper.paragraphs.filter((p) => p.section === 'I.3');
    assert.equal(section3.length, 2);
    for (const p of section3) {
      assert.equal(p.zh, null);
      assert.equal(p.lines.zh, null);
      assert.equal(p.en.length, 1);
    }
    assert.ok(section3[0].en[0].includes('“1+N” policy framework—the most systematic and comprehensive'));
    assert.ok(section3[1].en[0].endsWith('These measures comprise:'));
    assert.ok(paper.paragraphs.filter((p) => p.section !== 'I.3').every((p) => p.zh !== null));
  });

  it('pairs paragraphs whose facts correspond', () => {
    const spotChecks: Array<[string, string[]]> = [
      ['2020年9月22日', ['September 22, 2020', '75th Session', 'before 2030', 'before 2060', 'December 12', 'September 24, 2025', '2035 NDCs']],
      ['《巴黎协定》达成十周年', ['The year 2025 marks the 10th anniversary of the Paris']],
      ['发布本白皮书', ['publishing this white paper']],
      ['作为国家战略', ['a national strategy']],
      ['破解资源环境约束', ['ease pressure on resource and environmental constraints']],
      ['新一轮科技革命', ['new revolution in science, technology']],
      ['生产方式和生活方式绿色低碳转型', ['green and low-carbon transition in our work and life']],
      ['人类命运共同体', ['community with a shared future for humanity']],
      ['14亿多人口', ['over 1.4 billion']],
      ['全国统筹。', ['Pooling strengths nationwide.']],
      ['节约优先。', ['Prioritizing conservation.']],
      ['双轮驱动。', ['Leveraging the roles of the government and the market.']],
      ['内外畅通。', ['Coordinating domestic and international efforts.', 'win-win']],
      ['防范风险。', ['Guarding against risks.', 'establishing the new before discarding the old']],
    ];
    for (const [zhFragment, enFragments] of spotChecks) {
      const pair = paragraphWithZh(zhFragment);
      for (const fragment of enFragments) {
        assert.ok(pair.en.join(' ').includes(fragment), `${pair.id}: ${zhFragment} / ${fragment}`);
      }
    }
    assert.equal(paragraphWithZh('14亿多人口').id, 'I.2.p1');
    assert.deepEqual(
      ['全国统筹。', '节约优先。', '双轮驱动。', '内外畅通。', '防范风险。'].map((lead) => paragraphWithZh(lead).id),
      ['I.2.p2', 'I.2.p3', 'I.2.p4', 'I.2.p5', 'I.2.p6'],
    );
    for (const p of paper.paragraphs) {
      if (p.zh !== null) assert.deepEqual(years(p.zh), years(p.en.join(' ')), p.id);
    }
  });

  it('uses every source line of text exactly once', () => {
    const uses = new Map<number, number>();
    const use = (n: number): void => void uses.set(n, (uses.get(n) ?? 0) + 1);
    const squeeze = (text: string): string => text.replace(/[\s\u00a0]/g, '');
    for (const p of paper.paragraphs) {
      if (p.zh !== null && p.lines.zh) {
        const numbers = linesOf(p.lines.zh, 'zh');
        numbers.forEach(use);
        // Same characters in the same order: nothing dropped, nothing duplicated.
        assert.equal(squeeze(p.zh), numbers.map((n) => squeeze(sourceLines[n - 1])).join(''), p.id);
      }
      assert.equal(p.lines.en.length, p.en.length, p.id);
      p.lines.en.forEach((range, k) => {
        const numbers = linesOf(range, 'en');
        numbers.forEach(use);
        const lettersOf = (text: string): string => text.replace(/[\s\u00a0-]/g, '');
        assert.equal(lettersOf(p.en[k]), numbers.map((n) => lettersOf(sourceLines[n - 1])).join(''), p.id);
      });
    }
    for (const [n, count] of uses) assert.equal(count, 1, `line ${n} used ${count} times`);
    // Whatever no paragraph uses must be a heading, and every heading line is accounted for.
    const unused = sourceLines.flatMap((text, k) => (text.trim() !== '' && !uses.has(k + 1) ? [k + 1] : []));
    assert.deepEqual(unused, [1, 35, 105, 112, 160, 161, 170, 171, 222, 223, 277, 278, 311]);
    const squeezeHeading = (text: string): string => text.replace(/[\s-]/g, '');
    const section = (id: string) => paper.sections.find((s) => s.id === id)!;
    const zhTitle = (id: string): string => section(id).title.zh ?? '';
    const enTitle = (id: string): string => (section(id).number ? `${section(id).number}. ` : '') + section(id).title.en;
    // In source order: 前言, Preface, 一、, （一）, then the English run's I., 1., 2., 3., then （二）.
    const expectedHeadings = [zhTitle('preface'), enTitle('preface'), zhTitle('I'), zhTitle('I.1'), enTitle('I'), enTitle('I.1'), enTitle('I.2'), enTitle('I.3'), zhTitle('I.2')];
    assert.equal(
      squeezeHeading(unused.map((n) => sourceLines[n - 1]).join('')),
      squeezeHeading(expectedHeadings.join('')),
    );
  });
});

describe('paper parser: line-end hyphens', () => {
  const evidence = (entries: Array<[string, number]>): Map<string, number> => new Map(entries);

  it('keeps the hyphen when the paper writes the compound hyphenated inside a line', () => {
    assert.equal(decideHyphen('world', 'leading', evidence([['world-leading', 1]])), 'keep');
  });

  it('joins when the paper writes the word unbroken, or when there is no evidence', () => {
    assert.equal(decideHyphen('Revolu', 'tion', evidence([['revolution', 1]])), 'join');
    assert.equal(decideHyphen('ecologi', 'cal', evidence([])), 'join');
    assert.equal(decideHyphen('co', 'operate', evidence([['cooperate', 2], ['co-operate', 1]])), 'join');
  });

  it('keeps known compounds and hyphens before capitals', () => {
    assert.equal(decideHyphen('high', 'quality', evidence([])), 'keep');
    assert.equal(decideHyphen('low', 'carbon', evidence([['lowcarbon', 3]])), 'keep');
    assert.equal(decideHyphen('Sino', 'US', evidence([])), 'keep');
  });

  it('joins a hyphen before a number without a space', () => {
    const text = ['Preface', 'Targets for the mid-', '2030s are set.'].join('\n');
    assert.deepEqual(parsePaper(text).paragraphs[0].en, ['Targets for the mid-2030s are set.']);
  });
});

describe('paper parser: headings', () => {
  it('joins a heading wrapped onto two lines, resolving its hyphen', () => {
    const text = ['Preface', 'Body.', '', 'I. A Heading That Wraps Sys-', 'tematically', '', 'Body text.'].join('\n');
    const parsed = parsePaper(text);
    assert.equal(parsed.sections[1].title.en, 'A Heading That Wraps Systematically');
    assert.deepEqual(parsed.paragraphs.map((p) => [p.id, p.en[0]]), [['preface.p1', 'Body.'], ['I.p1', 'Body text.']]);
  });

  it('does not swallow body text that follows a one-line heading directly', () => {
    const text = ['Preface', 'Body.', '', 'I. Short Heading', 'Body text that wraps', 'onto a second line.', ''].join('\n');
    const parsed = parsePaper(text);
    assert.equal(parsed.sections[1].title.en, 'Short Heading');
    assert.deepEqual(parsed.paragraphs[1].en, ['Body text that wraps onto a second line.']);
  });

  it('continues a Chinese paragraph across a blank line left after an unfinished sentence', () => {
    const text = ['前言', '第一行没有结束', '', '第二行结束。', '', '另一段。', 'Preface', 'One.', '', 'Two.'].join('\n');
    const parsed = parsePaper(text);
    assert.deepEqual(parsed.paragraphs.map((p) => p.zh), ['第一行没有结束第二行结束。', '另一段。']);
    assert.deepEqual(parsed.paragraphs.map((p) => p.lines.zh), [[2, 4], [6, 6]]);
  });
});

describe('paper parser: bad input', () => {
  it('returns an empty paper for empty text', () => {
    const empty = parsePaper('');
    assert.deepEqual([empty.sections.length, empty.paragraphs.length], [0, 0]);
  });

  it('names the line of text that comes before any heading', () => {
    assert.throws(() => parsePaper('Some stray text.\n\nPreface\nBody.'), /paper: line 1: text before the first heading/);
  });

  it('rejects a section that appears twice', () => {
    assert.throws(() => parsePaper('Preface\nBody.\n\nPreface\nMore.'), /paper: section preface appears twice/);
  });

  it('either parses or fails with a "paper:" message, never a crash', () => {
    // Whole lines, so headings, wraps and page breaks combine in odd orders (duplicates, Chinese-only sections...).
    const line = fc.constantFrom('', ' ', '前言', '一、标题', '（一）小节', 'Preface', 'I. Part', 'II. Part', '1. Section', 'text-', 'word', 'word.', '中文', '中文。', '2030');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        try {
          const result = parsePaper(lines.join('\n'));
          assert.ok(Array.isArray(result.paragraphs));
        } catch (error) {
          assert.ok(error instanceof Error && error.message.startsWith('paper:'), String(error));
        }
      }),
      { numRuns: 300 },
    );
  });
});
