// Linting a long draft on two threads must give exactly what one thread gives:
// the cut (splitSegments / splitForThreads) may fall only where matching the
// two parts separately cannot tell the difference.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PackedMatches, TermMatcher, splitSegments } from '../../src/core/matcher';
import { scanMarkdown, SEGMENT_JOIN } from '../../src/core/markdown';
import { bundledTermBase } from '../../src/core/data';
import type { DocumentFormat } from '../../src/core/types';
import { splitForThreads } from '../../src/cli/parallel';

const matcher = new TermMatcher(bundledTermBase.concepts);

function snapshot(p: PackedMatches): string {
  const rows: string[] = [];
  for (let i = 0; i < p.count; i++) rows.push(`${p.start[i]}-${p.end[i]}:${p.entry[i]}:${p.unsafe[i]}`);
  return rows.join(' ');
}

/** Drafts whose paragraphs crowd deprecated and canonical forms around every possible cut. */
function* drafts(count: number, seed: number): Generator<string> {
  const forms: string[] = [];
  for (const c of bundledTermBase.concepts) {
    forms.push(c.en, c.zh);
    for (const f of c.deprecated ?? []) forms.push(f.text);
  }
  const joins = [' ', ' ', '\n', '\n\n', '\n  \n', '\n\n```\ncarbon peaking\n\n碳峰值\n```\n\n', '\n> ', '\n- ', '，'];
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  for (let d = 0; d < count; d++) {
    let text = '';
    const pieces = 4 + next(30);
    for (let p = 0; p < pieces; p++) text += forms[next(forms.length)] + joins[next(joins.length)];
    yield text;
  }
}

describe('two-thread linting', () => {
  it('matches the two parts of a cut draft exactly as the whole (matches, entries, fix-safety marks)', () => {
    let cuts = 0;
    for (const format of ['markdown', 'plaintext'] as DocumentFormat[]) {
      for (const text of drafts(400, format === 'markdown' ? 11 : 12)) {
        const parts = splitForThreads(text, format);
        if (!parts) continue;
        cuts++;
        const first = matcher.findPackedInSegments(text, parts[0]);
        first.append(matcher.findPackedInSegments(text, parts[1]));
        assert.equal(snapshot(first), snapshot(matcher.findAllPacked(text, format)), JSON.stringify(text));
      }
    }
    assert.ok(cuts >= 300, `only ${cuts} drafts could be cut`);
  });

  it('cuts Markdown only at a segment that starts afresh after a blank line', () => {
    const text = 'carbon\npeaking here\n\nsecond paragraph\nof text\n\n第三段\n';
    const segments = scanMarkdown(text);
    const parts = splitSegments(text, segments);
    assert.ok(parts);
    const [a, b] = parts;
    assert.equal(a.count + b.count, segments.count);
    const firstOfB = b.data[0];
    assert.equal(b.data[2] & SEGMENT_JOIN, 0);
    assert.match(text.slice(a.data[3 * (a.count - 1) + 1], firstOfB), /\n[ \t]*\n/);
    // A draft with no blank line cannot be cut.
    assert.equal(splitSegments('one\ntwo\nthree\n', scanMarkdown('one\ntwo\nthree\n')), undefined);
    assert.equal(splitForThreads('one line only', 'plaintext'), undefined);
  });

  it('gives the same report on two threads as on one through the command (dist/cli.js)', function () {
    this.timeout(60000);
    const cli = path.resolve(__dirname, '../../../dist/cli.js');
    assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbon-lexicon-threads-'));
    try {
      // Over the two-thread threshold (1 MB), with findings of every term rule on both sides of the cut.
      const paragraph = 'We aim for carbon peaking and carbon neutralization, and the NDCs and Nationally Determined Contributions.\n中国力争实现碳峰值，推进碳达峰碳中和。\n\n';
      const file = path.join(dir, 'long.md');
      fs.writeFileSync(file, paragraph.repeat(Math.ceil((1.2 * 1024 * 1024) / paragraph.length)));
      const run = (concurrency: string) =>
        spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--concurrency', concurrency, file], {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
          env: { ...process.env, CARBON_LEXICON_TRACE: '1' },
        });
      const one = run('off');
      const two = run('auto');
      assert.equal(one.status, 1);
      assert.equal(two.status, 1);
      assert.ok(JSON.parse(one.stdout).length > 1000);
      assert.equal(two.stdout, one.stdout);
      if (os.availableParallelism() >= 2) assert.match(two.stderr, /linted on two threads/);
      assert.doesNotMatch(one.stderr, /two threads/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
