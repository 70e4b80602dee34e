// Rebuilds data/paper.json from data/source/white-paper-excerpt.txt.
// Run with `npm run build:paper`; the output is deterministic, so a clean
// rebuild leaves git with nothing to commit. `--table` also prints the
// zh/en alignment, one row per paragraph, for reading every pair by eye.
import * as fs from 'fs';
import * as path from 'path';
import { parsePaper, PAPER_SOURCE } from '../src/core/paperParser';

// Compiled to out/scripts/, two levels below the project root.
const root = path.resolve(__dirname, '..', '..');
const sourceText = fs.readFileSync(path.join(root, PAPER_SOURCE), 'utf8');
const paper = parsePaper(sourceText);
const target = path.join(root, 'data', 'paper.json');
fs.writeFileSync(target, `${JSON.stringify(paper, null, 2)}\n`, 'utf8');
console.log(
  `wrote ${path.relative(root, target)}: ${paper.sections.length} sections, ${paper.paragraphs.length} paragraphs`,
);

if (process.argv.includes('--table')) {
  const ends = (text: string): string => (text.length <= 60 ? text : `${text.slice(0, 28)} … ${text.slice(-28)}`);
  for (const p of paper.paragraphs) {
    const zhLines = p.lines.zh ? p.lines.zh.join('-') : '—';
    console.log(`\n${p.id}  zh ${zhLines}  en ${p.lines.en.map((r) => r.join('-')).join(', ')}`);
    console.log(`  zh: ${p.zh === null ? '(none)' : ends(p.zh)}`);
    for (const en of p.en) console.log(`  en: ${ends(en)}`);
  }
}
