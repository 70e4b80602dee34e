// Malformed glossaries never crash anything: property tests over the test
// fixtures (JSON, CSV/TSV, TBX) damaged by random edits (cut, truncated,
// repeated, or given quotes, delimiters, tags, braces, NULs and lone
// surrogates). Parsing reports problems with a message and a line; merging,
// building an engine, linting, fixing and hovering with what was read all work.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { bundledTermBase } from '../../src/core/data';
import { createEngine } from '../../src/core/engine';
import { fixAll } from '../../src/core/fixes';
import { parseGlossary } from '../../src/core/glossary';
import { mergeTermBases } from '../../src/core/glossary/merge';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/glossary');
const SAMPLES = path.resolve(__dirname, '../../../samples');
const seeds = fs.readdirSync(FIXTURES).map((name) => ({ name, text: fs.readFileSync(path.join(FIXTURES, name), 'utf8') }));
const draft = fs.readFileSync(path.join(SAMPLES, 'bilingual-notes.md'), 'utf8');

// As in incremental.test.ts: CI replays one fixed seed; local runs keep exploring.
const runs = (numRuns: number): fc.Parameters<unknown> => (process.env.CI ? { numRuns, seed: 20261128 } : { numRuns });

const TOKENS = [
  '"', ',', ';', '\t', '\n', '\r', '\r\n', '<', '>', '&', '{', '}', '[', ']', ':', '\\', '\u0000', '\ud800', '\udc00', '😀',
  '\u200b', '\ufeff', '\u00ad', '碳达峰', 'peak carbon', '&amp;', '<![CDATA[', ']]>', '<!--', '-->', 'xml:lang="zh"', '"id"',
  'null', '1e999', '""', '"deprecated"', '<termSec>', '</termSec>', '<langSec xml:lang="en">', '<term>', '</term>', ' '.repeat(200),
];

type Damage = { at: number; kind: number; other: number; size: number; token: number; code: number };
const damage: fc.Arbitrary<Damage> = fc.record({
  at: fc.nat(),
  kind: fc.nat({ max: 5 }),
  other: fc.nat(),
  size: fc.nat({ max: 200 }),
  token: fc.nat({ max: TOKENS.length - 1 }),
  code: fc.nat({ max: 0xffff }),
});

function damaged(text: string, edits: Damage[]): string {
  let t = text;
  for (const d of edits) {
    const at = d.at % (t.length + 1);
    const from = d.other % (t.length + 1);
    if (d.kind === 0) t = t.slice(0, at) + t.slice(at + 1 + (d.size % 20));
    else if (d.kind === 1) t = t.slice(0, at) + TOKENS[d.token] + t.slice(at);
    else if (d.kind === 2) t = t.slice(0, at) + t.slice(from, from + d.size) + t.slice(at);
    else if (d.kind === 3) t = t.slice(0, at) + String.fromCharCode(d.code) + t.slice(at);
    else if (d.kind === 4) t = t.slice(0, at);
    else t = t.slice(0, at) + t.slice(from, from + (d.size % 50)).repeat(2 + (d.size % 5)) + t.slice(at);
  }
  return t;
}

const damagedGlossary = fc
  .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(damage, { minLength: 1, maxLength: 6 }))
  .map(([i, edits]) => ({ name: seeds[i].name, text: damaged(seeds[i].text, edits) }));

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

describe('glossaries damaged at random', () => {
  it('has fixtures of every format to damage', () => {
    for (const ext of ['.json', '.csv', '.tbx']) assert.ok(seeds.some((s) => s.name.endsWith(ext)), ext);
  });

  it('are read without throwing, each problem with a message and a line in the file', () => {
    fc.assert(
      fc.property(damagedGlossary, ({ name, text }) => {
        const { concepts, errors } = parseGlossary(text, name);
        assert.ok(Array.isArray(concepts));
        for (const e of errors) {
          assert.ok(typeof e.message === 'string' && e.message.length > 0, JSON.stringify(e));
          assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.line <= lineCount(text) + 1, `line ${e.line}: ${e.message}`);
        }
      }),
      runs(400),
    );
  });

  it('give an engine that lints, fixes and hovers a draft', () => {
    fc.assert(
      fc.property(damagedGlossary, fc.nat(), ({ name, text }, offset) => {
        const { concepts } = parseGlossary(text, name);
        const engine = createEngine(mergeTermBases(bundledTermBase, [{ source: name, concepts }]).base);
        const findings = engine.lint(draft, 'markdown');
        for (const f of findings) assert.equal(draft.slice(f.start, f.end), f.found, JSON.stringify(f));
        const fixed = fixAll(draft, findings);
        assert.equal(fixAll(fixed, engine.lint(fixed, 'markdown')), fixed);
        engine.termAt(draft, offset % (draft.length + 1), 'markdown');
      }),
      runs(60),
    );
  });
});
