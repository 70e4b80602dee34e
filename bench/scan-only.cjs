// A lower bound for this design: a process that does only the first step of a
// lint. It loads the bundled core, builds the engine, reads and decodes the
// draft as the CLI does, and finds the term occurrences: Markdown segments
// plus the matcher's scan. It runs no rules, makes no findings and writes no
// report. Whatever the CLI does beyond this, its whole-process time cannot
// drop below this one. Prints the number of occurrences found.
const { readFileSync, statSync } = require('node:fs');

const [bundle, file] = process.argv.slice(2);
const engine = require(bundle).createEngine();
// As the CLI does: get the matcher ready from the file's size before reading it.
engine.prepare(statSync(file).size, { fixes: false });
const text = readFileSync(file, 'utf8');
const occurrences = engine.matcher.findAllPacked(text, 'markdown', 0, text.length, false);
process.stdout.write(`${occurrences.count}\n`);
