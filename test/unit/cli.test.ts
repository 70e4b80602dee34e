// Runs the compiled CLI (out/src/cli/main.js) as a child process in temporary folders.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const OUT = path.resolve(__dirname, '../..');
let CLI = path.join(OUT, 'src/cli/main.js');

/**
 * Other work may recompile out/ while these tests run (tsc rewrites files in
 * place), so the CLI runs from a snapshot of the compiled tree.
 */
const temporaryFolders: string[] = [];

function snapshotCli(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'carbon-lexicon-cli-build-'));
  temporaryFolders.push(root);
  for (const part of ['src', 'data', 'package.json']) fs.cpSync(path.join(OUT, part), path.join(root, part), { recursive: true });
  fs.symlinkSync(path.resolve(OUT, '../node_modules'), path.join(root, 'node_modules'), 'dir');
  return path.join(root, 'src/cli/main.js');
}

const DEPRECATED = 'We aim for carbon peaking by 2030.\n';
const CLEAN = '中国力争2030年前实现碳达峰。\n';

describe('cli (compiled, run as a child process)', () => {
  after(() => {
    for (const dir of temporaryFolders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  before(function () {
    this.timeout(60000);
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = snapshotCli();
      const r = spawnSync(process.execPath, [candidate, 'lint', '--format', 'json', __filename], { encoding: 'utf8' });
      if (r.status !== null && r.status <= 1 && r.stdout.startsWith('[')) {
        CLI = candidate;
        return;
      }
      spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 1000)']);
    }
  });

  interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
  }

  function cli(cwd: string, ...args: string[]): Run {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  /** A temporary folder with the given files (relative path -> content). */
  function tree(files: Record<string, string | Buffer>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbon-lexicon-cli-'));
    temporaryFolders.push(dir);
    for (const [name, content] of Object.entries(files)) {
      const full = path.join(dir, name);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
    return dir;
  }

  describe('cli: exit codes and text output', () => {
    it('exits 0 on a clean file and prints a summary', () => {
      const dir = tree({ 'a.md': CLEAN });
      const r = cli(dir, 'lint', 'a.md');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '1 file checked: 0 errors, 0 warnings, 0 information, 0 hints.\n');
    });

    it('exits 1 on a warning and prints file:line:column severity rule message', () => {
      const dir = tree({ 'docs/a.md': '# Title\n\n' + DEPRECATED });
      const r = cli(dir, 'lint', 'docs');
      assert.equal(r.code, 1);
      const [first, summary] = r.stdout.trimEnd().split('\n');
      assert.match(first, /^docs\/a\.md:3:12 warning deprecated-term "carbon peaking" is not the white paper's rendering of 碳达峰; use "peak carbon"\./);
      assert.equal(summary, '1 file checked: 0 errors, 1 warning, 0 information, 0 hints.');
    });

    it('exits 0 when only information findings remain, and --quiet hides them', () => {
      const text = 'peak carbon, peak carbon, peak carbon emissions.\n';
      const dir = tree({ 'a.txt': text });
      const r = cli(dir, 'lint', 'a.txt');
      assert.equal(r.code, 0);
      assert.match(r.stdout, /information inconsistent-variant/);
      const quiet = cli(dir, 'lint', '--quiet', 'a.txt');
      assert.equal(quiet.code, 0);
      assert.equal(quiet.stdout, '');
    });

    it('exits 2 on usage errors', () => {
      const dir = tree({ 'a.md': CLEAN });
      assert.equal(cli(dir, 'lint').code, 2);
      assert.equal(cli(dir, 'lint', '--bogus', 'a.md').code, 2);
      const badFormat = cli(dir, 'lint', '--format', 'xml', 'a.md');
      assert.equal(badFormat.code, 2);
      assert.match(badFormat.stderr, /unknown --format "xml"/);
      assert.equal(cli(dir, 'frobnicate').code, 2);
      assert.equal(cli(dir).code, 2);
    });

    it('exits 2 naming a missing path or a pattern without matches', () => {
      const dir = tree({ 'a.md': CLEAN });
      const r = cli(dir, 'lint', 'nope.md');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /nope\.md: no such file or folder/);
      const g = cli(dir, 'lint', 'docs/**/*.md');
      assert.equal(g.code, 2);
      assert.match(g.stderr, /docs\/\*\*\/\*\.md: no files match/);
    });

    it('prints help and version', () => {
      const dir = tree({});
      const help = cli(dir, '--help');
      assert.equal(help.code, 0);
      assert.match(help.stdout, /carbon-lexicon <command>/);
      const lintHelp = cli(dir, 'lint', '--help');
      assert.equal(lintHelp.code, 0);
      assert.match(lintHelp.stdout, /--max-file-size/);
      const version = cli(dir, '--version');
      assert.equal(version.code, 0);
      const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
      assert.equal(version.stdout.trim(), pkg.version);
    });
  });

  describe('cli: files, folders and globs', () => {
    it('recurses into folders for .md, .markdown and .txt, skipping node_modules and dot-folders', () => {
      const dir = tree({
        'docs/a.md': DEPRECATED,
        'docs/sub/b.markdown': DEPRECATED,
        'docs/c.txt': DEPRECATED,
        'docs/d.html': DEPRECATED,
        'docs/node_modules/x/e.md': DEPRECATED,
        'docs/.hidden/f.md': DEPRECATED,
      });
      const r = cli(dir, 'lint', '--format', 'json', 'docs');
      const files = [...new Set(JSON.parse(r.stdout).map((f: { file: string }) => f.file))].sort();
      assert.deepEqual(files, ['docs/a.md', 'docs/c.txt', 'docs/sub/b.markdown']);
    });

    it('lints a file reached through symbolic links once, under its own path, and fixes it once', function () {
      const dir = tree({ 'docs/sub/a.md': DEPRECATED, 'docs/b.md': DEPRECATED });
      try {
        fs.symlinkSync('..', path.join(dir, 'docs/sub/up'), 'dir'); // a loop back up the tree
        fs.symlinkSync(path.join(dir, 'docs/sub'), path.join(dir, 'docs/linked'), 'dir');
      } catch {
        this.skip(); // no symbolic links here (Windows without the privilege)
      }
      const r = cli(dir, 'lint', '--format', 'json', 'docs');
      const files = JSON.parse(r.stdout).map((f: { file: string }) => f.file);
      assert.deepEqual(files, ['docs/b.md', 'docs/sub/a.md']);
      const fixed = cli(dir, 'lint', '--fix', 'docs');
      assert.match(fixed.stdout, /2 files checked/);
      assert.equal(fs.readFileSync(path.join(dir, 'docs/sub/a.md'), 'utf8'), 'We aim for peak carbon by 2030.\n');
    });

    it('refuses a device or pipe by name instead of reading it', function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      const dir = tree({ 'ok.md': CLEAN });
      const r = cli(dir, 'lint', '/dev/zero', 'ok.md');
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /\/dev\/zero: not a regular file or folder/);
      assert.match(r.stdout, /1 file checked/);
    });

    it('expands quoted globs and lints an explicitly named file of any extension', () => {
      const dir = tree({ 'docs/a.md': DEPRECATED, 'docs/sub/b.md': DEPRECATED, 'docs/c.txt': DEPRECATED, 'notes.rst': DEPRECATED });
      const r = cli(dir, 'lint', '--format', 'json', 'docs/**/*.md', 'notes.rst');
      const files = [...new Set(JSON.parse(r.stdout).map((f: { file: string }) => f.file))].sort();
      assert.deepEqual(files, ['docs/a.md', 'docs/sub/b.md', 'notes.rst']);
    });

    it('skips binary and non-UTF-8 files with a notice', () => {
      const dir = tree({
        'bin.md': Buffer.from([0x63, 0x61, 0x72, 0x00, 0x01, 0x02]),
        'latin1.md': Buffer.from('carbon peaking caf\xe9\n', 'latin1'),
        'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('carbon peaking', 'utf16le')]),
        'ok.md': CLEAN,
      });
      const r = cli(dir, 'lint', '.');
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stderr, /bin\.md: skipped, binary file/);
      assert.match(r.stderr, /latin1\.md: skipped, not valid UTF-8/);
      assert.match(r.stderr, /utf16\.md: skipped, UTF-16 text/);
      assert.match(r.stdout, /1 file checked: .*; 3 files skipped\./);
    });

    it('skips files over --max-file-size with a notice', () => {
      const dir = tree({ 'big.md': DEPRECATED.repeat(100), 'ok.md': CLEAN });
      const r = cli(dir, 'lint', '--max-file-size', '1KB', 'big.md', 'ok.md');
      assert.equal(r.code, 0);
      assert.match(r.stderr, /big\.md: skipped, \d+ bytes is over --max-file-size \(1024 bytes\)/);
      assert.equal(cli(dir, 'lint', '--max-file-size', 'lots', 'big.md').code, 2);
    });

    it('exits 2 when every file given was skipped: nothing was checked', () => {
      const dir = tree({ 'big.md': DEPRECATED.repeat(100), 'bin.md': Buffer.from([0x61, 0x00]) });
      const one = cli(dir, 'lint', '--max-file-size', '1KB', 'big.md');
      assert.equal(one.code, 2);
      assert.match(one.stderr, /no file checked \(the only file was skipped\)/);
      const both = cli(dir, 'lint', '--max-file-size', '1KB', '.');
      assert.equal(both.code, 2);
      assert.match(both.stderr, /no file checked \(all 2 files were skipped\)/);
    });
  });

  describe('cli: output formats', () => {
    it('json: an array of findings with 1-based, end-exclusive UTF-16 positions and the term', () => {
      const text = '# 标题\n\n实现碳峰值，then carbon\npeaking.\n';
      const dir = tree({ 'a.md': text });
      const r = cli(dir, 'lint', '--format', 'json', 'a.md');
      assert.equal(r.code, 1);
      const findings = JSON.parse(r.stdout);
      assert.equal(findings.length, 2);
      assert.deepEqual(findings[0], {
        file: 'a.md',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 6,
        severity: 'warning',
        rule: 'deprecated-term',
        message: findings[0].message,
        found: '碳峰值',
        suggestion: '碳达峰',
        term: { id: findings[0].term.id, zh: '碳达峰', en: 'peak carbon' },
      });
      assert.deepEqual(
        [findings[1].line, findings[1].column, findings[1].endLine, findings[1].endColumn, findings[1].found],
        [3, 12, 4, 8, 'carbon\npeaking'],
      );
    });

    it('json: an empty array when clean', () => {
      const dir = tree({ 'a.md': CLEAN });
      const r = cli(dir, 'lint', '--format', 'json', 'a.md');
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.stdout), []);
    });

    it('sarif: a valid SARIF 2.1.0 log with rules, results, regions and fixes', () => {
      const dir = tree({ 'docs/my file.md': DEPRECATED + 'peak carbon, peak carbon, peak carbon emissions.\n' });
      const r = cli(dir, 'lint', '--format', 'sarif', 'docs');
      assert.equal(r.code, 1);
      const log = JSON.parse(r.stdout);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
      assert.equal(log.runs.length, 1);
      const run = log.runs[0];
      const driver = run.tool.driver;
      assert.equal(driver.name, 'Carbon Lexicon');
      assert.match(driver.version, /^\d+\.\d+\.\d+/);
      assert.match(driver.informationUri, /^https:\/\//);
      const ruleIds = driver.rules.map((rule: { id: string }) => rule.id);
      assert.ok(ruleIds.includes('deprecated-term') && ruleIds.includes('inconsistent-variant'));
      for (const rule of driver.rules) {
        assert.equal(typeof rule.shortDescription.text, 'string');
        assert.match(rule.helpUri, /^https:\/\//);
        assert.ok(['none', 'note', 'warning', 'error'].includes(rule.defaultConfiguration.level));
      }
      assert.equal(run.results.length, 2);
      const levels = new Set<string>();
      for (const result of run.results) {
        assert.ok(ruleIds.includes(result.ruleId));
        assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
        levels.add(result.level);
        assert.equal(typeof result.message.text, 'string');
        const loc = result.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uri, 'docs/my%20file.md');
        assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(loc.region[key]) && loc.region[key] >= 1, key);
      }
      assert.deepEqual([...levels].sort(), ['note', 'warning']);
      const deprecated = run.results.find((x: { ruleId: string }) => x.ruleId === 'deprecated-term');
      assert.deepEqual(deprecated.locations[0].physicalLocation.region, { startLine: 1, startColumn: 12, endLine: 1, endColumn: 26 });
      const replacement = deprecated.fixes[0].artifactChanges[0].replacements[0];
      assert.equal(replacement.insertedContent.text, 'peak carbon');
      assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    });
  });

  describe('cli: --fix', () => {
    it('fixes in place, reports what remains, keeps BOM and CRLF, leaves no temporary file', () => {
      const text = '\ufeffCarbon peaking first.\r\nThen 碳峰值 and carbon peak.\r\npeak carbon, peak carbon, peak carbon emissions.\r\n';
      const dir = tree({ 'a.md': text });
      const r = cli(dir, 'lint', '--fix', 'a.md');
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const fixed = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
      assert.equal(fixed, '\ufeffPeak carbon first.\r\nThen 碳达峰 and peak carbon.\r\npeak carbon, peak carbon, peak carbon emissions.\r\n');
      assert.match(r.stdout, /information inconsistent-variant/);
      assert.match(r.stdout, /3 fixes applied/);
      assert.deepEqual(fs.readdirSync(dir), ['a.md']);
      // A second run has nothing left to fix.
      const again = cli(dir, 'lint', '--fix', 'a.md');
      assert.match(again.stdout, /0 fixes applied/);
      assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), fixed);
    });

    it('does not touch files without fixes', () => {
      const dir = tree({ 'a.md': CLEAN });
      const before = fs.statSync(path.join(dir, 'a.md')).mtimeMs;
      cli(dir, 'lint', '--fix', 'a.md');
      assert.equal(fs.statSync(path.join(dir, 'a.md')).mtimeMs, before);
    });
  });

  describe('cli: bilingual pairs', () => {
    const zh = '2020年，中国碳排放强度比2005年下降48.4%。\n\n中国建成了全球最大的可再生能源体系。\n';
    const en = "In 2020, China's carbon emission intensity was 45.4% lower than in 2005.\n\nChina has built the world's largest renewable energy system.\n";

    it('pairs name.zh.md with name.en.md and reports number-mismatch in the English file', () => {
      const dir = tree({ 'docs/report.zh.md': zh, 'docs/report.en.md': en });
      const r = cli(dir, 'lint', '--format', 'json', 'docs');
      const findings = JSON.parse(r.stdout);
      const mismatch = findings.filter((f: { rule: string }) => f.rule === 'number-mismatch');
      assert.deepEqual(
        mismatch.map((f: { file: string; found: string; line: number }) => [f.file, f.found, f.line]),
        [['docs/report.en.md', '45.4%', 1]],
      );
      assert.equal(r.code, 1);
    });

    it('pairs files listed in the config, and honours the rule being off', () => {
      const files = { 'a.md': zh, 'b.md': en };
      const listed = tree({ ...files, '.carbon-lexicon.json': JSON.stringify({ pairs: [['a.md', 'b.md']] }) });
      const r = cli(listed, 'lint', '--format', 'json', '.');
      assert.deepEqual(JSON.parse(r.stdout).map((f: { rule: string }) => f.rule), ['number-mismatch']);
      const off = tree({ ...files, '.carbon-lexicon.json': JSON.stringify({ pairs: [['a.md', 'b.md']], rules: { 'number-mismatch': 'off' } }) });
      assert.deepEqual(JSON.parse(cli(off, 'lint', '--format', 'json', '.').stdout), []);
      const unpaired = tree(files);
      assert.deepEqual(JSON.parse(cli(unpaired, 'lint', '--format', 'json', '.').stdout), []);
    });
  });

  describe('cli: configuration', () => {
    it('uses the nearest .carbon-lexicon.json above each file', () => {
      const dir = tree({
        '.carbon-lexicon.json': JSON.stringify({ rules: { 'deprecated-term': 'error' } }),
        'top.md': DEPRECATED,
        'sub/.carbon-lexicon.json': JSON.stringify({ rules: { 'deprecated-term': 'off' } }),
        'sub/inner.md': DEPRECATED,
        'sub/deeper/deep.md': DEPRECATED,
      });
      const r = cli(dir, 'lint', '--format', 'json', '.');
      const findings = JSON.parse(r.stdout);
      assert.deepEqual(
        findings.map((f: { file: string; severity: string }) => [f.file, f.severity]),
        [['top.md', 'error']],
      );
      assert.equal(r.code, 1);
    });

    it('--config overrides discovery for every file', () => {
      const dir = tree({
        'sub/.carbon-lexicon.json': JSON.stringify({ rules: { 'deprecated-term': 'off' } }),
        'sub/inner.md': DEPRECATED,
        'strict.json': JSON.stringify({ rules: { 'deprecated-term': 'hint' } }),
      });
      const r = cli(dir, 'lint', '--format', 'json', '--config', 'strict.json', 'sub');
      assert.deepEqual(JSON.parse(r.stdout).map((f: { severity: string }) => f.severity), ['hint']);
      assert.equal(r.code, 0);
      const missing = cli(dir, 'lint', '--config', 'nope.json', 'sub');
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope\.json: configuration file not found/);
    });

    it('exits 2 on a malformed config, naming the file, line and column', () => {
      const dir = tree({ 'docs/.carbon-lexicon.json': '{\n  "rules": {\n    "deprecated-term": "loud"\n  }\n}', 'docs/a.md': DEPRECATED });
      const r = cli(dir, 'lint', 'docs');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /docs[/\\]\.carbon-lexicon\.json:3:5: rule "deprecated-term": severity must be one of/);
      const syntax = tree({ '.carbon-lexicon.json': '{ "rules": ', 'a.md': DEPRECATED });
      const s = cli(syntax, 'lint', 'a.md');
      assert.equal(s.code, 2);
      assert.match(s.stderr, /\.carbon-lexicon\.json:1:\d+: invalid JSON/);
    });

    it('applies ignoredConcepts', () => {
      const dir = tree({ '.carbon-lexicon.json': '{"ignoredConcepts": ["peak-carbon"]}', 'a.md': DEPRECATED });
      const r = cli(dir, 'lint', 'a.md');
      assert.equal(r.code, 0, r.stdout);
    });

    it('loads glossaries relative to the config file', () => {
      const glossary = {
        schemaVersion: 1,
        concepts: [
          {
            id: 'carbon-sink',
            zh: '碳汇',
            en: 'carbon sink',
            deprecated: [{ text: 'carbon absorber', lang: 'en' }],
          },
        ],
      };
      const dir = tree({
        'project/.carbon-lexicon.json': JSON.stringify({ glossaries: ['terms/project.json'] }),
        'project/terms/project.json': JSON.stringify(glossary),
        'project/a.md': 'Forests are a carbon absorber.\n',
      });
      const r = cli(dir, 'lint', '--format', 'json', 'project');
      assert.equal(r.code, 1, r.stderr);
      const [f] = JSON.parse(r.stdout);
      assert.equal(f.suggestion, 'carbon sink');
      assert.deepEqual(f.term, { id: 'carbon-sink', zh: '碳汇', en: 'carbon sink' });
    });

    it('exits 2 on a bad or missing glossary, naming the file', () => {
      const dir = tree({
        '.carbon-lexicon.json': JSON.stringify({ glossaries: ['bad.json'] }),
        'bad.json': '{ "schemaVersion": 1, "concepts": [ ',
        'a.md': CLEAN,
      });
      const r = cli(dir, 'lint', 'a.md');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /bad\.json/);
      const missing = tree({ '.carbon-lexicon.json': JSON.stringify({ glossaries: ['gone.csv'] }), 'a.md': CLEAN });
      const m = cli(missing, 'lint', 'a.md');
      assert.equal(m.code, 2);
      assert.match(m.stderr, /gone\.csv: cannot read the glossary/);
    });

    it('refuses a glossary or configuration that is a device, without reading it', function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      const dir = tree({ '.carbon-lexicon.json': JSON.stringify({ glossaries: ['/dev/zero'] }), 'a.md': CLEAN });
      const r = cli(dir, 'lint', 'a.md');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /\/dev\/zero: cannot read the glossary \(not a regular file\)/);
      const c = cli(dir, 'lint', '--config', '/dev/zero', 'a.md');
      assert.equal(c.code, 2);
      assert.match(c.stderr, /\/dev\/zero: cannot read the configuration file \(not a regular file\)/);
    });

    it('lists the first 20 problems of a glossary broken on every line, in file order, and counts the rest', () => {
      // 25 rows, each rendering claimed again by a later row: 25 conflicts, reported from line 27 on.
      const rows = Array.from({ length: 25 }, (_, i) => `术语${i},term ${i}`);
      const again = Array.from({ length: 25 }, (_, i) => `术语${i},other ${i}`);
      const dir = tree({
        '.carbon-lexicon.json': JSON.stringify({ glossaries: ['many.csv'] }),
        'many.csv': ['zh,en', ...rows, ...again].join('\n'),
        'a.md': CLEAN,
      });
      const r = cli(dir, 'lint', 'a.md');
      assert.equal(r.code, 2);
      const listed = [...r.stderr.matchAll(/many\.csv:(\d+): /g)].map((m) => Number(m[1]));
      assert.equal(listed.length, 20);
      assert.deepEqual(listed, [...listed].sort((a, b) => a - b));
      assert.equal(listed[0], 27);
      assert.match(r.stderr, /many\.csv: … and 5 more problems \(25 in all\)/);
    });
  });

  describe('positions', () => {
    it('counts lines as editors do: a lone CR and a CRLF each end a line', () => {
      const dir = tree({ 'cr.md': 'line one\rline two\r\nWe aim for carbon peaking.\n' });
      const r = cli(dir, 'lint', '--format', 'json', 'cr.md');
      assert.equal(r.code, 1);
      const [finding] = JSON.parse(r.stdout) as Array<{ line: number; column: number; endLine: number; endColumn: number }>;
      assert.deepEqual([finding.line, finding.column, finding.endLine, finding.endColumn], [3, 12, 3, 26]);
    });
  });

  describe('huge inputs', () => {
    it('reports tens of thousands of findings from one line without overflowing the stack', function () {
      this.timeout(60000);
      // A small stack makes an argument-spreading push(...findings) fail at this count, as a 10 MB line would by default.
      const dir = tree({ 'long.md': 'carbon peaking '.repeat(20000) + '\n' });
      const out = path.join(dir, 'out.json');
      const fd = fs.openSync(out, 'w');
      const r = spawnSync(process.execPath, ['--stack-size=120', CLI, 'lint', '--format', 'json', 'long.md'], { cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      fs.closeSync(fd);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 1);
      const findings = JSON.parse(fs.readFileSync(out, 'utf8')) as Array<{ rule: string; column: number }>;
      assert.equal(findings.length, 20000);
      assert.equal(findings[19999].column, 19999 * 15 + 1);
    });
  });
});
