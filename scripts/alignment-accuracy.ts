// Alignment accuracy of the bilingual aligner against the white paper's own
// paragraph alignment (data/paper.json), and what each ingredient adds.
// Prints figures only; the threshold is asserted in test/unit/bilingual-align.test.ts.
//
//   npx tsc -p tsconfig.json; node out/scripts/alignment-accuracy.js

import { paper } from '../src/core/data';
import { createEngine } from '../src/core/engine';
import { alignDocuments, defaultParams } from '../src/core/bilingual';
import { buildPaperDocuments, PaperVariant, scoreAlignment } from '../src/core/bilingual/paperAlignment';

const engine = createEngine();

function run(variant: PaperVariant, withConcepts: boolean): { correct: number; total: number; wrong: string[] } {
  const docs = buildPaperDocuments(paper, variant);
  const format = variant.format ?? 'markdown';
  const zhMatches = withConcepts ? engine.matcher.findAll(docs.zh.text, format) : [];
  const enMatches = withConcepts ? engine.matcher.findAll(docs.en.text, format) : [];
  const a = alignDocuments(docs.zh.text, docs.en.text, format, zhMatches, enMatches);
  return scoreAlignment(docs, a.zhBlocks, a.enBlocks, a.beads);
}

function line(label: string, r: { correct: number; total: number }): string {
  return `${label.padEnd(72)} ${String(r.correct).padStart(4)}/${String(r.total).padEnd(4)} ${((100 * r.correct) / r.total).toFixed(1).padStart(5)}%`;
}

const params = defaultParams();
console.log(`Length model from data/paper.json: ${params.ratio.toFixed(2)} English per Chinese non-space character, variance ${params.variance.toFixed(1)}`);
console.log(`Paper: ${paper.paragraphs.length} paragraphs, ${paper.paragraphs.filter((p) => p.en.length > 1).length} split in two in English, ${paper.paragraphs.filter((p) => !p.zh).length} English-only\n`);

for (const withConcepts of [true, false]) {
  const tag = withConcepts ? 'lengths + numbers + concepts' : 'lengths + numbers only';
  for (const format of ['markdown', 'plaintext'] as const) {
    const r = run({ format }, withConcepts);
    console.log(line(`${tag}, whole paper (${format})`, r) + (r.wrong.length ? `  wrong: ${r.wrong.join(', ')}` : ''));
  }
  let correct = 0;
  let total = 0;
  let runs = 0;
  for (const p of paper.paragraphs) {
    const variants: PaperVariant[] = [{ dropEnglish: [p.id] }];
    if (p.zh) variants.push({ dropChinese: [p.id] });
    for (const v of variants) {
      runs++;
      const r = run(v, withConcepts);
      correct += r.correct;
      total += r.total;
    }
  }
  console.log(line(`${tag}, one paragraph dropped (${runs} variants)`, { correct, total }));
  let mc = 0;
  let mt = 0;
  let merges = 0;
  for (const p of paper.paragraphs) {
    const next = paper.paragraphs[paper.paragraphs.indexOf(p) + 1];
    if (!p.zh || !next || !next.zh || next.section !== p.section) continue;
    merges++;
    const r = run({ mergeEnglish: [p.id] }, withConcepts);
    mc += r.correct;
    mt += r.total;
  }
  console.log(line(`${tag}, two paragraphs as one in English (${merges} variants)`, { correct: mc, total: mt }));
  let tc = 0;
  let tt = 0;
  let splits = 0;
  for (const p of paper.paragraphs) {
    if (!p.zh) continue;
    splits++;
    const r = run({ splitEnglishInThree: [p.id] }, withConcepts);
    tc += r.correct;
    tt += r.total;
  }
  console.log(line(`${tag}, one paragraph as three in English (${splits} variants)`, { correct: tc, total: tt }));
  let sc = 0;
  let st = 0;
  for (let seed = 1; seed <= 10; seed++) {
    const r = run({ shuffleEnglish: seed }, withConcepts);
    sc += r.correct;
    st += r.total;
  }
  console.log(line(`${tag}, English shuffled within sections (10 seeds)`, { correct: sc, total: st }));
}
