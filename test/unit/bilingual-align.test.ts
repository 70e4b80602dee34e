import * as assert from 'node:assert/strict';
import { paper } from '../../src/core/data';
import { createEngine } from '../../src/core/engine';
import { alignDocuments, alignedRange, lintPair, lintBilingualDocument, estimateParams, defaultParams } from '../../src/core/bilingual';
import { alignRegion, lengthCost, rowsKeptByLastAlignment, type AlignUnit, type Bead } from '../../src/core/bilingual/align';
import { buildPaperDocuments, PaperVariant, scoreAlignment, AccuracyReport } from '../../src/core/bilingual/paperAlignment';
import { segment } from '../../src/core/bilingual/segment';

const engine = createEngine();

function alignPaper(variant: PaperVariant = {}, withConcepts = true): AccuracyReport {
  const docs = buildPaperDocuments(paper, variant);
  const format = variant.format ?? 'markdown';
  const zhMatches = withConcepts ? engine.matcher.findAll(docs.zh.text, format) : [];
  const enMatches = withConcepts ? engine.matcher.findAll(docs.en.text, format) : [];
  const { zhBlocks, enBlocks, beads } = alignDocuments(docs.zh.text, docs.en.text, format, zhMatches, enMatches);
  return scoreAlignment(docs, zhBlocks, enBlocks, beads);
}

function percent(r: { correct: number; total: number }): string {
  return `${r.correct}/${r.total} = ${((100 * r.correct) / r.total).toFixed(1)}%`;
}

describe('bilingual alignment: accuracy against the white paper', () => {
  it('has the paper to measure against (zh paragraphs, one split in two in English, an English-only section)', () => {
    assert.ok(paper.paragraphs.length >= 15);
    assert.ok(paper.paragraphs.some((p) => p.zh && p.en.length === 2));
    assert.ok(paper.paragraphs.some((p) => p.zh === null));
  });

  it('estimates the English/Chinese length ratio from the paper', () => {
    const params = defaultParams();
    // Non-space characters: English runs at about 3.5 letters per Chinese character here.
    assert.ok(params.ratio > 2.5 && params.ratio < 5, `ratio ${params.ratio}`);
    assert.ok(params.variance > 1);
    assert.deepEqual(estimateParams([['中文', 'abcdef'], ['中文中文', 'abcdefghijkl']]).ratio, 3);
  });

  for (const format of ['markdown', 'plaintext'] as const) {
    it(`aligns ≥ 95% of the paper's paragraphs exactly (${format})`, () => {
      const report = alignPaper({ format });
      console.log(`      alignment accuracy (${format}): ${percent(report)}${report.wrong.length ? `; wrong: ${report.wrong.join(', ')}` : ''}`);
      assert.ok(report.accuracy >= 0.95, percent(report));
    });
  }

  it('stays ≥ 95% when any one paragraph is missing on either side', () => {
    let correct = 0;
    let total = 0;
    for (const p of paper.paragraphs) {
      const variants: PaperVariant[] = [{ dropEnglish: [p.id] }];
      if (p.zh) variants.push({ dropChinese: [p.id] });
      for (const v of variants) {
        const r = alignPaper(v);
        correct += r.correct;
        total += r.total;
      }
    }
    console.log(`      alignment accuracy, one paragraph dropped (all variants): ${percent({ correct, total })}`);
    assert.ok(correct / total >= 0.95, percent({ correct, total }));
  });

  it('stays ≥ 95% when two Chinese paragraphs are translated as one English paragraph (2:1)', () => {
    let correct = 0;
    let total = 0;
    const bySection = new Map<string, string[]>();
    for (const p of paper.paragraphs) if (p.zh) bySection.set(p.section, [...(bySection.get(p.section) ?? []), p.id]);
    for (const ids of bySection.values()) {
      for (const id of ids.slice(0, -1)) {
        const r = alignPaper({ mergeEnglish: [id] });
        correct += r.correct;
        total += r.total;
      }
    }
    console.log(`      alignment accuracy, two paragraphs merged in English (all variants): ${percent({ correct, total })}`);
    assert.ok(total > 0);
    assert.ok(correct / total >= 0.95, percent({ correct, total }));
  });

  it('stays ≥ 95% when a Chinese paragraph is translated as three English paragraphs (1:3)', () => {
    let correct = 0;
    let total = 0;
    for (const p of paper.paragraphs) {
      if (!p.zh) continue;
      const r = alignPaper({ splitEnglishInThree: [p.id] });
      correct += r.correct;
      total += r.total;
    }
    console.log(`      alignment accuracy, one paragraph as three in English (all variants): ${percent({ correct, total })}`);
    assert.ok(correct / total >= 0.95, percent({ correct, total }));
  });

  it('can fail: shuffled English paragraphs score far below the threshold', () => {
    for (const seed of [1, 2, 3]) {
      const r = alignPaper({ shuffleEnglish: seed });
      assert.ok(r.accuracy < 0.8, `seed ${seed}: ${percent(r)}`);
    }
  });

  it('can fail: a naive one-to-one pairing in order scores below the threshold', () => {
    const docs = buildPaperDocuments(paper);
    const zhBlocks = segment(docs.zh.text, 'markdown');
    const enBlocks = segment(docs.en.text, 'markdown');
    const beads: Bead[] = [];
    for (let i = 0; i < Math.max(zhBlocks.length, enBlocks.length); i++) {
      beads.push({ zh: i < zhBlocks.length ? [i] : [], en: i < enBlocks.length ? [i] : [] });
    }
    const r = scoreAlignment(docs, zhBlocks, enBlocks, beads);
    assert.ok(r.accuracy < 0.5, percent(r));
  });

  it('can fail: the scorer rejects a dropped paragraph that is paired with a neighbour', () => {
    const docs = buildPaperDocuments(paper, { dropEnglish: ['preface.p2'] });
    const { zhBlocks, enBlocks, beads } = alignDocuments(docs.zh.text, docs.en.text, 'markdown');
    // Merge the orphaned Chinese paragraph into the next bead.
    const orphan = beads.findIndex((b) => b.en.length === 0 && b.zh.length === 1);
    assert.ok(orphan >= 0, 'the aligner leaves the untranslated paragraph alone');
    const broken = beads.map((b) => ({ zh: [...b.zh], en: [...b.en] }));
    broken[orphan + 1].zh.unshift(...broken[orphan].zh);
    broken.splice(orphan, 1);
    const good = scoreAlignment(docs, zhBlocks, enBlocks, beads);
    const bad = scoreAlignment(docs, zhBlocks, enBlocks, broken);
    assert.ok(bad.correct < good.correct);
  });
});

describe('bilingual alignment: the aligned block for an offset (scroll sync)', () => {
  const docs = buildPaperDocuments(paper);
  const alignment = alignDocuments(docs.zh.text, docs.en.text, 'markdown', engine.matcher.findAll(docs.zh.text, 'markdown'), engine.matcher.findAll(docs.en.text, 'markdown'));

  it('maps a Chinese paragraph to its English paragraph(s) and back', () => {
    const zhOffset = docs.zh.text.indexOf('全国统筹。') + 3;
    const en = alignedRange(alignment, 'zh', zhOffset);
    assert.ok(en);
    assert.ok(docs.en.text.slice(en.start, en.end).startsWith('Pooling strengths nationwide.'));
    const back = alignedRange(alignment, 'en', docs.en.text.indexOf('Pooling strengths nationwide.'));
    assert.ok(back);
    assert.ok(docs.zh.text.slice(back.start, back.end).startsWith('全国统筹。'));
    // One Chinese paragraph, two English ones: both are in the range.
    const split = alignedRange(alignment, 'zh', docs.zh.text.indexOf('中国一向重信守诺'));
    assert.ok(split);
    const text = docs.en.text.slice(split.start, split.end);
    assert.ok(text.startsWith('China always honors its commitments.') && text.includes('China has established the most systematic'), text.slice(0, 80));
  });

  it('maps an English-only paragraph to the nearest aligned Chinese block', () => {
    const offset = docs.en.text.indexOf('Within this framework');
    const zh = alignedRange(alignment, 'en', offset);
    assert.ok(zh);
    assert.ok(docs.zh.text.slice(zh.start, zh.end).startsWith('防范风险。'));
  });
});

describe('bilingual rules on the white paper itself', () => {
  // Each remaining finding is a real difference between the paper's two texts.
  const KNOWN = [
    // preface.p3: the Chinese says 作出碳达峰碳中和重大宣示 ("made the major announcement on peak
    // carbon and carbon neutrality"); the English says "its ambitious peak carbon and carbon
    // neutrality goals": 目标 (goals) is the English translator's addition.
    'missing-translation peak-carbon-neutrality-goals @ preface.p3: peak carbon and carbon neutrality goals',
    // I.1.p1: 人与自然和谐共生 is rendered by reference, "harmony between the two", since the
    // sentence before names "humanity and nature" already. Reported on the English paragraph.
    'missing-translation harmony-humanity-nature @ I.1.p1: (paragraph)',
  ];

  /** rule, concept, paper paragraph of the English side, and the text found (short) or "(paragraph)". */
  function describeFindings(findings: Array<{ rule: string; conceptId?: string; found: string; start: number }>, text: string): string[] {
    return findings.map((f) => {
      // The paragraph is the one whose English text holds the finding.
      const para = paper.paragraphs.find((p) => p.en.some((e) => e.includes(f.found)) && p.en.some((e) => text.includes(e)));
      const found = f.found.length > 80 ? '(paragraph)' : f.found;
      return `${f.rule} ${f.conceptId ?? '-'} @ ${para?.id ?? '?'}: ${found}`;
    });
  }

  it('as a pair of files: no number mismatch, and only the listed real differences', () => {
    const docs = buildPaperDocuments(paper);
    const result = lintPair(docs.zh.text, docs.en.text, { matcher: engine.matcher, format: 'markdown', zhFile: 'paper.zh.md', enFile: 'paper.en.md' });
    assert.deepEqual(result.zh, []);
    assert.deepEqual(describeFindings(result.en, docs.en.text), KNOWN);
  });

  it('as one interleaved document (headings "中文 / English"): the same findings', () => {
    const parts: string[] = [];
    for (const section of paper.sections) {
      const en = (section.number ? `${section.number}. ` : '') + section.title.en;
      parts.push(`${'#'.repeat(section.level + 2)} ${section.title.zh ? `${section.title.zh} / ${en}` : en}`);
      for (const p of paper.paragraphs.filter((q) => q.section === section.id)) {
        if (p.zh) parts.push(p.zh);
        parts.push(...p.en);
      }
    }
    const text = parts.join('\n\n');
    const findings = lintBilingualDocument(text, { matcher: engine.matcher, format: 'markdown' });
    assert.deepEqual(describeFindings(findings, text), KNOWN);
  });

  it('reports one finding for one mistake: a term holding a number, written with another number', () => {
    const result = lintPair('中国宣布力争于2060年前实现碳中和。\n', 'China announced that it would strive to reach carbon neutrality before 2065.\n', {
      matcher: engine.matcher,
      format: 'markdown',
      zhFile: 'a.zh.md',
      enFile: 'a.en.md',
    });
    assert.deepEqual(result.en.map((f) => [f.rule, f.found]), [['number-mismatch', '2065']]);
  });

  it('can fail: a changed date in the English is reported', () => {
    const docs = buildPaperDocuments(paper);
    const en = docs.en.text.replace('On September 22, 2020', 'On September 23, 2020');
    assert.notEqual(en, docs.en.text);
    const result = lintPair(docs.zh.text, en, { matcher: engine.matcher, format: 'markdown', zhFile: 'paper.zh.md', enFile: 'paper.en.md' });
    const mismatch = result.en.filter((f) => f.rule === 'number-mismatch');
    assert.deepEqual(mismatch.map((f) => f.found), ['September 23, 2020']);
    assert.equal(mismatch[0].related?.[0].file, 'paper.zh.md');
    assert.equal(docs.zh.text.slice(mismatch[0].related![0].start, mismatch[0].related![0].end), '2020年9月22日');
  });
});

describe('bilingual alignment: large documents', () => {
  // Each paragraph carries a number of its own, written the same way in both languages:
  // an aligned bead pairs blocks with the same number.
  const zhParagraph = (i: number) => `中国将碳达峰碳中和作为国家战略，第${10000 + i}号行动推动能源绿色低碳转型。`;
  const enParagraph = (i: number) => `Action ${10000 + i} makes peak carbon and carbon neutrality part of the green transition of energy.`;
  const numberIn = (text: string, block: { contentStart: number; contentEnd: number }) => /1\d{4}/.exec(text.slice(block.contentStart, block.contentEnd))?.[0];

  it('pairs 3 000 paragraphs with their translations when every third translation is missing', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => i);
    const zh = ids.map((i) => zhParagraph(i)).join('\n\n');
    const en = ids.filter((i) => i % 3 !== 1).map((i) => enParagraph(i)).join('\n\n');
    const { zhBlocks, enBlocks, beads } = alignDocuments(zh, en, 'markdown');
    assert.equal(zhBlocks.length, 3000);
    assert.equal(enBlocks.length, 2000);
    let paired = 0;
    for (const bead of beads) {
      for (const j of bead.en) {
        assert.deepEqual(bead.zh.map((i) => numberIn(zh, zhBlocks[i])), [numberIn(en, enBlocks[j])], `bead ${JSON.stringify(bead)}`);
        paired++;
      }
    }
    assert.equal(paired, 2000);
  });

  it('pairs 4 000 headings on each side in order', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => i);
    const zh = ids.map((i) => `## 第${10000 + i}节 碳达峰\n\n${zhParagraph(i)}`).join('\n\n');
    const en = ids.map((i) => `## Section ${10000 + i} Peak Carbon\n\n${enParagraph(i)}`).join('\n\n');
    const { zhBlocks, enBlocks, beads } = alignDocuments(zh, en, 'markdown');
    const headingPairs = beads.filter((b) => b.zh.length === 1 && b.en.length === 1 && zhBlocks[b.zh[0]].kind === 'heading');
    assert.equal(headingPairs.length, 4000);
    for (const b of headingPairs) assert.equal(numberIn(zh, zhBlocks[b.zh[0]]), numberIn(en, enBlocks[b.en[0]]));
  });
});

describe('bilingual alignment: length cost', () => {
  // Gale and Church's cost as first written: -log of the two-sided normal tail (Abramowitz-Stegun
  // 26.2.17), floored at 1e-12 and capped at 12. lengthCost skips the exp and log past the cap.
  const reference = (zhLen: number, enLen: number, ratio: number, variance: number): number => {
    if (zhLen === 0 && enLen === 0) return 0;
    const z = Math.abs((enLen - zhLen * ratio) / Math.sqrt(Math.max(zhLen, 1) * variance));
    const t = 1 / (1 + 0.2316419 * z);
    const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    const tail = (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * poly;
    return Math.min(-Math.log(Math.max(2 * tail, 1e-12)), 12);
  };

  it('equals the formula for every length pair, at and past the cap, computed or kept', () => {
    for (const params of [defaultParams(), { ratio: 3, variance: 1 }, { ratio: 0.3, variance: 40 }]) {
      let capped = 0;
      for (let zh = 0; zh <= 120; zh++) {
        for (let en = 0; en <= 800; en++) {
          const expected = reference(zh, en, params.ratio, params.variance);
          assert.equal(lengthCost(zh, en, params), expected, `zh ${zh}, en ${en}, ratio ${params.ratio}`);
          assert.equal(lengthCost(zh, en, params), expected, `again (kept for short blocks): zh ${zh}, en ${en}`);
          if (expected === 12) capped++;
        }
      }
      assert.ok(capped > 1000, 'the grid reaches the cap');
    }
  });
});

describe('bilingual alignment: a region aligned again after an edit', () => {
  // Units of an interleaved draft: lengths near the paper's ratio, a few shared anchors, and
  // every eleventh translation missing, so that the programme has choices to make.
  function region(seed: number): { zh: AlignUnit[]; en: AlignUnit[] } {
    let state = seed;
    const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const zh: AlignUnit[] = [];
    const en: AlignUnit[] = [];
    let position = 0;
    for (let k = 0; k < 300; k++) {
      const length = 20 + Math.floor(random() * 60);
      const anchors = new Set(random() < 0.5 ? [`n:${2020 + (k % 9)}`] : []);
      zh.push({ length, heading: false, anchors, position: position++ });
      if (k % 11 === 4) continue;
      en.push({ length: Math.round(length * 3.4 * (0.8 + 0.4 * random())), heading: false, anchors: new Set(anchors), position: position++ });
    }
    return { zh, en };
  }
  const edited = (unit: AlignUnit, change: Partial<AlignUnit>): AlignUnit => ({ ...unit, ...change });

  it('gives the beads of a fresh alignment after each of 50 random edits, keeping the rows before the edit', () => {
    const params = defaultParams();
    let { zh, en } = region(7);
    let state = 99;
    const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let previous = alignRegion(zh, en, params);
    let kept = 0;
    let changedBeads = 0;
    for (let step = 0; step < 50; step++) {
      const side = random() < 0.5 ? 'zh' : 'en';
      const units = side === 'zh' ? [...zh] : [...en];
      const at = Math.floor(random() * units.length);
      const what = random();
      // Lengths cut to a twentieth or tripled: enough to turn a 1:1 bead into a 2:1 or a 1:0.
      if (what < 0.6) units[at] = edited(units[at], { length: Math.max(1, Math.round(units[at].length * (random() < 0.5 ? 0.05 : 3))) });
      else if (what < 0.8) units[at] = edited(units[at], { anchors: new Set(['n:1999']) });
      else if (what < 0.9) units[at] = edited(units[at], { heading: !units[at].heading });
      // else: no change at all (a keystroke outside every unit's measure).
      if (side === 'zh') zh = units;
      else en = units;
      const again = alignRegion(zh, en, params);
      kept += rowsKeptByLastAlignment();
      // A copy of the parameters is another parameter set to the cache: a fresh programme.
      const fresh = alignRegion(zh, en, { ...params });
      assert.equal(rowsKeptByLastAlignment(), 0);
      assert.deepEqual(again, fresh, `step ${step}: ${side}[${at}] changed`);
      if (JSON.stringify(fresh) !== JSON.stringify(previous)) changedBeads++;
      previous = fresh;
      // Re-prime the cache with the parameters the next step reuses.
      alignRegion(zh, en, params);
    }
    // About half the rows on average: an edit at a random place keeps what lies before it.
    assert.ok(kept > 50 * 300 * 0.3, `rows kept over 50 edits: ${kept}`);
    // The edits moved the alignment, on both sides: a kept row that should have been recomputed shows.
    assert.ok(changedBeads >= 10, `edits that changed the beads: ${changedBeads}`);
  });

  it('sees a unit changed in place in the same array', () => {
    const params = defaultParams();
    const { zh, en } = region(11);
    alignRegion(zh, en, params);
    const last = zh.length - 1;
    (zh[last] as { length: number }).length = 1;
    (en[0] as { length: number }).length = 900;
    const again = alignRegion(zh, en, params);
    assert.equal(rowsKeptByLastAlignment(), 0);
    assert.deepEqual(again, alignRegion(zh, en, { ...params }));
  });

  it('recomputes everything when the region changes size, and nothing when no unit changed', () => {
    const params = defaultParams();
    const { zh, en } = region(3);
    alignRegion(zh, en, params);
    const same = alignRegion([...zh], [...en], params);
    assert.equal(rowsKeptByLastAlignment(), zh.length + 1);
    const shorter = alignRegion(zh.slice(1), en, params);
    assert.equal(rowsKeptByLastAlignment(), 0);
    assert.deepEqual(shorter, alignRegion(zh.slice(1), en, { ...params }));
    assert.deepEqual(same, alignRegion(zh, en, { ...params }));
  });
});
