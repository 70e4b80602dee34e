import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExport } from '../../src/cli/export';
import { bundledTermBase } from '../../src/core/data';
import { glossaryToTermBase, parseGlossary } from '../../src/core/glossary';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/glossary');

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runExport(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('carbon-lexicon export', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbon-lexicon-export-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the bundled base as JSON that reads back to the same base', async () => {
    const { code, stdout, stderr } = await run(['--format', 'json'], dir);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), JSON.parse(JSON.stringify(bundledTermBase)));
  });

  it('writes CSV in the full layout, one row per form', async () => {
    const { code, stdout } = await run(['--format', 'csv'], dir);
    assert.equal(code, 0);
    const rows = stdout.split('\r\n').filter((l) => l !== '');
    assert.equal(rows[0], '\ufeffid,lang,status,term,note,shared,case_sensitive,in_paper,category,definition_zh,definition_en,refs');
    const read = parseGlossary(stdout, 'out.csv');
    assert.deepEqual(read.errors, []);
    assert.equal(read.concepts.length, bundledTermBase.concepts.length);
  });

  it('writes TBX-Basic 2019', async () => {
    const { code, stdout } = await run(['--format=tbx'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<tbx type="TBX-Basic" style="dca"/);
    const entries = stdout.match(/<conceptEntry /g) ?? [];
    assert.equal(entries.length, bundledTermBase.concepts.length);
  });

  it('writes to --output, taking the format from its extension', async () => {
    const { code, stdout, stderr } = await run(['--output', 'terms.tbx'], dir);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.match(stderr, /concepts written to .*terms\.tbx \(tbx\)/);
    assert.match(fs.readFileSync(path.join(dir, 'terms.tbx'), 'utf8'), /<conceptEntry id="peak-carbon">/);
  });

  it('--merged adds the project glossaries listed in the nearest .carbon-lexicon.json', async () => {
    fs.copyFileSync(path.join(FIXTURES, 'tbx2019-basic.tbx'), path.join(dir, 'ministry.tbx'));
    fs.mkdirSync(path.join(dir, 'terms'));
    fs.copyFileSync(path.join(FIXTURES, 'simple-zh-en.csv'), path.join(dir, 'terms', 'translator.csv'));
    fs.writeFileSync(path.join(dir, '.carbon-lexicon.json'), JSON.stringify({ glossaries: ['ministry.tbx', 'terms/translator.csv'] }));
    fs.mkdirSync(path.join(dir, 'drafts'));
    const { code, stdout, stderr } = await run(['--format', 'json', '--merged'], path.join(dir, 'drafts'));
    assert.equal(code, 0, stderr);
    const ids = (JSON.parse(stdout) as { concepts: Array<{ id: string }> }).concepts.map((c) => c.id);
    assert.equal(ids.length, bundledTermBase.concepts.length + 2); // national-carbon-market from TBX, carbon-sink from CSV; the rest extend
    assert.ok(ids.includes('national-carbon-market'));
    assert.ok(ids.includes('carbon-sink'));
  });

  it('--config names the configuration and reports glossary errors with file:line, writing nothing', async () => {
    fs.copyFileSync(path.join(FIXTURES, 'ragged.csv'), path.join(dir, 'ragged.csv'));
    fs.writeFileSync(path.join(dir, 'project.json'), JSON.stringify({ glossaries: ['ragged.csv'] }));
    const { code, stdout, stderr } = await run(['--format', 'csv', '--config', 'project.json'], dir);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /ragged\.csv:3: error: row has 1 field, the header has 2/);
    assert.match(stderr, /nothing written/);
  });

  it('warns about conflicts but still exports', async () => {
    fs.writeFileSync(
      path.join(dir, 'p.glossary.json'),
      JSON.stringify([{ id: 'carbon-peak-value', zh: '碳排放峰值', en: 'peak value of carbon emissions', accepted: ['carbon peak'] }]),
    );
    fs.writeFileSync(path.join(dir, '.carbon-lexicon.json'), JSON.stringify({ glossaries: ['p.glossary.json'] }));
    const { code, stdout, stderr } = await run(['--format', 'json', '--merged'], dir);
    assert.equal(code, 0);
    assert.match(stderr, /warning: "carbon peak" belongs to more than one concept: peak-carbon \(bundled\), carbon-peak-value \(p\.glossary\.json\)/);
    const merged = glossaryToTermBase(parseGlossary(stdout, 'x.json').concepts);
    assert.equal(merged.concepts.length, bundledTermBase.concepts.length + 1);
  });

  it('rejects a missing or unknown format, unknown flags, and --merged without a config', async () => {
    assert.equal((await run([], dir)).code, 2);
    const bad = await run(['--format', 'xlsx'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown format "xlsx"/);
    assert.match((await run(['--format', 'json', '--frobnicate'], dir)).stderr, /unknown argument "--frobnicate"/);
    const none = await run(['--format', 'json', '--merged'], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /needs a \.carbon-lexicon\.json/);
  });

  it('prints usage for --help', async () => {
    const { code, stdout } = await run(['--help'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /--format json\|csv\|tbx/);
  });
});
