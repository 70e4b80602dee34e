#!/usr/bin/env node
// Carbon Lexicon benchmark: prints figures, never fails a test run.
//
//   npm run bench                      (builds dist/, then runs this)
//   node bench/run.mjs [--runs 5] [--textlint-runs 3] [--sizes 100k,1m,10m]
//                      [--no-textlint] [--json .cache/bench/results.json]
//
// 1. Generates deterministic drafts (bench/generate-corpus.mjs) and bench/prh.yml
//    (bench/make-prh.mjs) from data/terms.json.
// 2. Checks every planted deprecated rendering is reported at its exact offsets,
//    in process and through the CLI (and through textlint + prh for comparison).
// 3. Times whole processes (median of N): `node dist/cli.js lint --format json`,
//    textlint + textlint-rule-prh on the same file, and the floor (bench/floor.mjs).
// 4. In process: lint ms/MB, re-lint after a one-character edit (IncrementalLinter),
//    activation (require of the bundled core + createEngine), hover (termAt), memory.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { makeRandom, writeCorpora } from './generate-corpus.mjs';
import { writePrh } from './make-prh.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.cache', 'bench');
const require = createRequire(import.meta.url);

const TARGETS = {
  tenMbSeconds: 0.5,
  tenMbVsTextlint: 40,
  tenMbVsFloor: 2,
  oneMbVsTextlint: 10,
  incrementalMs: 5,
  activationMs: 50,
  linearity: 1.5, // ms/MB at the largest size at most this multiple of ms/MB at 1 MB
};

/** Runs per hostile input and size (the median is reported). */
const HOSTILE_RUNS = 5;

function parseArgs(argv) {
  const args = { runs: 5, textlintRuns: 3, sizes: '100k,1m,10m', textlint: true, json: join(CACHE, 'results.json'), edits: 200 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--textlint-runs') args.textlintRuns = Number(argv[++i]);
    else if (a === '--sizes') args.sizes = argv[++i];
    else if (a === '--no-textlint') args.textlint = false;
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--edits') args.edits = Number(argv[++i]);
    else if (a === '--reuse-textlint') args.reuseTextlint = argv[++i];
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const log = (...xs) => console.log(...xs);

/**
 * Runs a command `runs` times under bash's `time`; returns the median wall
 * time, the median CPU time (user + system of the process and its threads)
 * and the last run's output. On a busy machine wall time mostly measures the
 * other processes; CPU time is what the run itself cost.
 */
function timeProcess(command, args, runs) {
  const times = [];
  const cpu = [];
  const outFile = join(CACHE, 'timed.out');
  const errFile = join(CACHE, 'timed.err');
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('bash', ['-c', 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >"$BENCH_OUT" 2>"$BENCH_ERR"; } 2>&1', 'timed', command, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BENCH_OUT: outFile, BENCH_ERR: errFile },
    });
    if (r.error) throw r.error;
    const [real, user, sys] = r.stdout.trim().split(/\s+/).slice(-3).map(Number);
    times.push(real * 1000);
    cpu.push((user + sys) * 1000);
    status = r.status;
  }
  const result = { stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8'), status };
  return { ms: median(times), cpuMs: median(cpu), times, result };
}

/** Bundles the pure core (engine, incremental linter, fixes) the way the extension bundle inlines it. */
/**
 * The core as the extension loads it (minified as packaged): what activation,
 * hover and in-process lint times measure. The glossary readers go to a bundle
 * of their own (`bundleGlossary`), so that they do not weigh on activation.
 */
function bundleCore() {
  return bundle('core.js', [
    "export { createEngine, scanMarkdown, findingsFromMatches, lint, parseSuppressions } from './src/core/index';",
    "export { documentFindings } from './src/core/lint';",
    existsSync(join(ROOT, 'src/core/incremental.ts')) ? "export { IncrementalLinter } from './src/core/incremental';" : '',
  ]);
}

/** Glossary parsing and merging with the engine, for the large-glossary figures. */
function bundleGlossary() {
  return bundle('glossary.js', [
    "export { createEngine, bundledTermBase } from './src/core/index';",
    "export { parseGlossary, mergeTermBases } from './src/core/glossary';",
    "export { TermSearchIndex } from './src/vscode/logic/searchIndex';",
  ]);
}

async function bundle(name, entries) {
  const outfile = join(CACHE, name);
  await esbuild.build({
    stdin: { contents: entries.join('\n'), resolveDir: ROOT, loader: 'ts', sourcefile: `bench-${name}-entry.ts` },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true, // as packaged (esbuild --production)
    loader: { '.json': 'json' },
    // As esbuild.config.mjs: jsonc-parser's UMD main (the glossary readers) hides its require()s.
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * The CLI to time: dist/cli.js as built by `npm run build`. If that bundle
 * does not start, the same entry point bundled here (with the module field
 * preferred) stands in, and the report says so.
 */
async function resolveCli() {
  const dist = join(ROOT, 'dist', 'cli.js');
  if (existsSync(dist)) {
    const probe = spawnSync('node', [dist, '--help'], { encoding: 'utf8' });
    if (probe.status === 0) return { cli: dist, note: '' };
    const why = (probe.stderr.match(/Error: [^\n]*/) ?? [probe.stderr.slice(0, 120)])[0];
    const fallback = join(CACHE, 'cli.js');
    await esbuild.build({
      entryPoints: [join(ROOT, 'src/cli/main.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: true,
      mainFields: ['module', 'main'],
      loader: { '.json': 'json' },
      outfile: fallback,
      logLevel: 'error',
    });
    return { cli: fallback, note: `NOTE: dist/cli.js does not start (${why}); timing src/cli/main.ts bundled with mainFields [module, main] instead.` };
  }
  return { cli: null, note: 'dist/cli.js missing: run `npm run build` (whole-process figures for the CLI skipped)' };
}

/** 1-based line and column (UTF-16, end exclusive) of offsets, as the CLI reports them. */
function lineColumns(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - starts[lo] + 1];
  };
}

/** Times one-character edits (typed or deleted at random places) through IncrementalLinter. */
function measureEdits(core, engine, text, edits, documentRules) {
  const linter = new core.IncrementalLinter(engine, { format: 'markdown', documentRules });
  const t0 = performance.now();
  linter.setText(text);
  const setTextMs = performance.now() - t0;
  const random = makeRandom(7);
  const times = [];
  const cpuTimes = [];
  const termRules = new Set(['deprecated-term', 'inconsistent-variant']);
  let current = text;
  let mismatches = 0;
  for (let i = 0; i < edits; i++) {
    const at = random.int(0, current.length - 1);
    const insert = random.chance(0.6);
    const newText = insert ? random.pick(['a', '碳', ' ', '\n', '，', 'x']) : '';
    const end = insert ? at : at + 1;
    const cpu0 = process.cpuUsage();
    const t1 = performance.now();
    const incremental = linter.applyChange(at, end, newText);
    times.push(performance.now() - t1);
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    current = current.slice(0, at) + newText + current.slice(end);
    if (i % 25 === 0) {
      let full = engine.lint(current, 'markdown');
      if (!documentRules) full = full.filter((f) => termRules.has(f.rule));
      if (JSON.stringify(full) !== JSON.stringify(incremental)) mismatches++;
    }
  }
  return {
    setTextMs, medianMs: median(times), p95Ms: percentile(times, 95), maxMs: Math.max(...times),
    cpuMedianMs: median(cpuTimes), cpuP95Ms: percentile(cpuTimes, 95), edits: times.length, mismatches,
  };
}

/**
 * The paper's sections and paragraphs, each Chinese paragraph followed by its
 * English, repeated to `size` characters. `headings` false: no headings, and
 * every 13th English paragraph left out (one long alignment region with gaps).
 */
function interleavedPaperDraft(size, headings = true) {
  const paper = JSON.parse(readFileSync(join(ROOT, 'data/paper.json'), 'utf8'));
  const parts = [];
  let length = 0;
  let count = 0;
  while (length < size) {
    for (const section of paper.sections) {
      if (headings) {
        const heading = `${'#'.repeat(Math.min(section.level + 1, 6))} ${section.title.zh} / ${section.title.en}\n\n`;
        parts.push(heading);
        length += heading.length;
      }
      for (const p of paper.paragraphs.filter((q) => q.section === section.id)) {
        const english = headings || ++count % 13 !== 0 ? p.en.join('\n\n') + '\n\n' : '';
        const block = `${p.zh ? p.zh + '\n\n' : ''}${english}`;
        parts.push(block);
        length += block.length;
      }
    }
  }
  return parts.join('');
}

/** Compares reported [start, end) ranges with the planted ones. */
function checkPlanted(manifest, ranges) {
  const reported = new Set(ranges.map(([s, e]) => `${s}:${e}`));
  const missed = manifest.planted.filter((p) => !reported.has(`${p.start}:${p.end}`));
  const decoyHits = manifest.decoys.filter((d) => ranges.some(([s, e]) => s < d.end && e > d.start));
  return { found: manifest.planted.length - missed.length, planted: manifest.planted.length, missed, decoyHits: decoyHits.length };
}

/** Finds finding-like objects in whatever JSON shape the CLI prints. */
function collectFindings(json, out = []) {
  if (Array.isArray(json)) json.forEach((x) => collectFindings(x, out));
  else if (json && typeof json === 'object') {
    if ((typeof json.start === 'number' || typeof json.line === 'number') && (json.rule || json.ruleId)) out.push(json);
    else Object.values(json).forEach((x) => collectFindings(x, out));
  }
  return out;
}

function textlintRanges(stdout) {
  const results = JSON.parse(stdout);
  const ranges = [];
  for (const file of results) {
    for (const m of file.messages) ranges.push(m.fix ? m.fix.range : m.range);
  }
  return ranges;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(CACHE, { recursive: true });
  const results = { date: new Date().toISOString(), node: process.version, args, sizes: {} };

  const prh = writePrh({ terms: 'data/terms.json', out: 'bench/prh.yml' });
  const manifests = writeCorpora({ sizes: args.sizes, out: '.cache/bench', seed: '20251128', terms: 'data/terms.json', paper: 'data/paper.json' });
  const termBase = JSON.parse(readFileSync(join(ROOT, 'data/terms.json'), 'utf8'));
  log(`Term base: ${termBase.concepts.length} concepts; prh rules: ${prh.rules}; plantable deprecated forms: ${manifests[0].plantableForms}`);
  results.loadStart = os.loadavg()[0];
  log(`Node ${process.version}; ${os.cpus().length} CPUs; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ` +
    `median of ${args.runs} runs (textlint: ${args.textlintRuns})\n`);

  const coreFile = await bundleCore();
  const core = require(coreFile);
  const engine = core.createEngine();
  const { cli, note: cliNote } = await resolveCli();
  const haveCli = cli !== null;
  if (cliNote) log(cliNote);
  const textlintBin = join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');

  for (const manifest of manifests) {
    const label = manifest.label;
    const mb = manifest.bytes / 1048576;
    const text = readFileSync(manifest.file, 'utf8');
    const row = { bytes: manifest.bytes, planted: manifest.planted.length, decoys: manifest.decoys.length };
    results.sizes[label] = row;

    // In process: correctness and lint time.
    const inProcessTimes = [];
    const inProcessCpu = [];
    let findings = [];
    for (let i = 0; i < Math.max(3, args.runs); i++) {
      // lint() itself, not engine.lint() (the engine caches the matches of the
      // last text), on a copy that differs from the last run's at both ends:
      // the bilingual rules reuse what they can of the last document (an
      // editor's keystroke), and a copy differing only at its end measured
      // that reuse rather than a full lint. A line of spaces before and
      // spaces after change no finding; offsets are shifted back below.
      const lead = `${' '.repeat(i + 1)}\n`;
      const fresh = lead + text + ' '.repeat(i + 1);
      fresh.charCodeAt(0);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      findings = core.lint(fresh, { matcher: engine.matcher, format: 'markdown' });
      inProcessTimes.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      inProcessCpu.push((c.user + c.system) / 1000);
      findings = findings.map((f) => ({ ...f, start: f.start - lead.length, end: f.end - lead.length }));
    }
    // Best of the runs: the warm cost (the first run of a size also compiles), least disturbed by other processes.
    row.inProcessMs = Math.min(...inProcessTimes);
    row.inProcessCpuMs = Math.min(...inProcessCpu);
    row.inProcessMsPerMB = (results.loadStart > os.cpus().length ? row.inProcessCpuMs : row.inProcessMs) / mb;
    const deprecated = findings.filter((f) => f.rule === 'deprecated-term');
    const check = checkPlanted(manifest, deprecated.map((f) => [f.start, f.end]));
    const wrongFound = deprecated.filter((f) => f.found !== text.slice(f.start, f.end)).length;
    row.inProcess = { found: check.found, planted: check.planted, decoyHits: check.decoyHits, findings: findings.length, deprecated: deprecated.length, wrongFound };
    log(`[${label}] ${(manifest.bytes / 1024).toFixed(0)} KB: in process ${fmtMs(row.inProcessMs)} wall, ${fmtMs(row.inProcessCpuMs)} CPU (${row.inProcessMsPerMB.toFixed(1)} ms/MB); ` +
      `planted found ${check.found}/${check.planted}; decoys reported ${check.decoyHits}/${manifest.decoys.length}; ` +
      `deprecated-term findings ${deprecated.length}, all findings ${findings.length}${wrongFound ? `; ${wrongFound} with found != text.slice` : ''}`);
    for (const m of check.missed.slice(0, 5)) log(`    missed ${JSON.stringify(m)} context ${JSON.stringify(text.slice(m.start - 20, m.end + 20))}`);

    // Whole process: our CLI.
    if (haveCli) {
      const ours = timeProcess('node', [cli, 'lint', '--format', 'json', manifest.file], args.runs);
      row.cliMs = ours.ms;
      row.cliCpuMs = ours.cpuMs;
      let cliCheck = null;
      try {
        const reported = collectFindings(JSON.parse(ours.result.stdout)).filter((f) => (f.rule ?? f.ruleId) === 'deprecated-term');
        if (reported.length > 0 && typeof reported[0].start === 'number') {
          cliCheck = checkPlanted(manifest, reported.map((f) => [f.start, f.end]));
        } else {
          // Line/column output: compare the planted offsets converted the same way.
          const at = lineColumns(text);
          const keys = new Set(reported.map((f) => `${f.line}:${f.column}:${f.endLine}:${f.endColumn}`));
          const missed = manifest.planted.filter((p) => !keys.has([...at(p.start), ...at(p.end)].join(':')));
          cliCheck = { found: manifest.planted.length - missed.length, planted: manifest.planted.length, missed, decoyHits: 0 };
        }
      } catch (error) {
        log(`    CLI output not JSON (exit ${ours.result.status}): ${String(ours.result.stdout).slice(0, 200)} ${String(ours.result.stderr).slice(0, 300)}`);
      }
      row.cli = cliCheck && { found: cliCheck.found, planted: cliCheck.planted, decoyHits: cliCheck.decoyHits, exit: ours.result.status };
      log(`    CLI whole process ${fmtMs(ours.ms)} wall, ${fmtMs(ours.cpuMs)} CPU (wall runs ${ours.times.map((t) => t.toFixed(0)).join(', ')})` +
        (cliCheck ? `; planted found ${cliCheck.found}/${cliCheck.planted}` : ''));
    }

    // Whole process: the floor.
    const floor = timeProcess('node', [join(ROOT, 'bench/floor.mjs'), manifest.file], args.runs);
    row.floorMs = floor.ms;
    row.floorCpuMs = floor.cpuMs;
    log(`    floor (read + visit each char) ${fmtMs(floor.ms)} wall, ${fmtMs(floor.cpuMs)} CPU`);

    // Whole process: the term scan alone (see bench/scan-only.cjs), a lower bound for any CLI on this engine.
    const scanOnly = timeProcess('node', [join(ROOT, 'bench/scan-only.cjs'), coreFile, manifest.file], args.runs);
    row.scanOnlyMs = scanOnly.ms;
    row.scanOnlyCpuMs = scanOnly.cpuMs;
    log(`    term scan alone (engine, read, Markdown segments, matcher) ${fmtMs(scanOnly.ms)} wall, ${fmtMs(scanOnly.cpuMs)} CPU`);

    // Whole process: textlint + textlint-rule-prh (or its figures from an earlier run on the same drafts).
    const earlier = args.reuseTextlint ? JSON.parse(readFileSync(args.reuseTextlint, 'utf8')).sizes?.[label] : undefined;
    if (earlier?.textlintMs !== undefined && earlier.bytes === manifest.bytes) {
      row.textlintMs = earlier.textlintMs;
      row.textlintCpuMs = earlier.textlintCpuMs;
      row.textlint = earlier.textlint;
      row.textlintReused = args.reuseTextlint;
      log(`    textlint + prh whole process ${fmtMs(row.textlintMs)} wall, ${fmtMs(row.textlintCpuMs)} CPU (from ${args.reuseTextlint})`);
    } else if (args.textlint) {
      const tl = timeProcess('node', [textlintBin, '--config', join(ROOT, 'bench/textlintrc.json'), '--format', 'json', manifest.file], args.textlintRuns);
      row.textlintMs = tl.ms;
      row.textlintCpuMs = tl.cpuMs;
      try {
        const tlCheck = checkPlanted(manifest, textlintRanges(tl.result.stdout));
        row.textlint = { found: tlCheck.found, planted: tlCheck.planted, decoyHits: tlCheck.decoyHits };
        log(`    textlint + prh whole process ${fmtMs(tl.ms)} wall, ${fmtMs(tl.cpuMs)} CPU (wall runs ${tl.times.map((t) => t.toFixed(0)).join(', ')}); planted found ${tlCheck.found}/${tlCheck.planted}`);
      } catch (error) {
        log(`    textlint output not JSON (exit ${tl.result.status}): ${String(tl.result.stderr).slice(0, 300)}`);
      }
    }
  }

  // In process: one-character edits in the 1 MB draft.
  const oneMb = manifests.find((m) => m.label.toLowerCase() === '1m') ?? manifests[0];
  if (core.IncrementalLinter) {
    const text = readFileSync(oneMb.file, 'utf8');
    results.incremental = measureEdits(core, engine, text, args.edits, true);
    results.incrementalTermsOnly = measureEdits(core, engine, text, args.edits, false);
    // A translator's draft: the paper's sections and paragraphs, Chinese then English, about
    // 100 KB (headings "中文 / English"). The bilingual rules align the whole draft again after
    // each change, so this is what a typing pause costs in the editor for such a draft.
    const bilingual = interleavedPaperDraft(100 * 1024);
    results.incrementalBilingual = { chars: bilingual.length, ...measureEdits(core, engine, bilingual, Math.min(args.edits, 60), true) };
    // The same without headings and with gaps: one alignment region of some 1 000 paragraphs.
    const oneRegion = interleavedPaperDraft(200 * 1024, false);
    results.incrementalOneRegion = { chars: oneRegion.length, ...measureEdits(core, engine, oneRegion, Math.min(args.edits, 60), true) };
    for (const [what, r] of [['1 MB, equal to lint()', results.incremental], ['1 MB, term rules only (documentRules: false)', results.incrementalTermsOnly], ['interleaved zh/en paper draft, 100 KB, equal to lint()', results.incrementalBilingual], ['interleaved zh/en paper draft without headings, 200 KB, equal to lint()', results.incrementalOneRegion]]) {
      log(`\nIncremental (${what}): setText ${fmtMs(r.setTextMs)}; one-character edit median ${fmtMs(r.medianMs)}, ` +
        `p95 ${fmtMs(r.p95Ms)}, max ${fmtMs(r.maxMs)} over ${r.edits} edits ` +
        `(CPU time: median ${fmtMs(r.cpuMedianMs)}, p95 ${fmtMs(r.cpuP95Ms)}); ` +
        `${r.mismatches} mismatches with full lint (checked every 25th)`);
    }
  } else {
    log('\nIncrementalLinter not in the core yet: incremental figure skipped');
  }

  // Hover: termAt at random offsets of the 1 MB draft.
  {
    const text = readFileSync(oneMb.file, 'utf8');
    const random = makeRandom(11);
    const times = [];
    let hits = 0;
    for (let i = 0; i < 500; i++) {
      const offset = random.int(0, text.length - 1);
      const t0 = performance.now();
      const match = engine.termAt(text, offset, 'markdown');
      times.push(performance.now() - t0);
      if (match) hits++;
    }
    // Offsets on planted terms: the hover must find them.
    const planted = oneMb.planted.slice(0, 100);
    const plantedHits = planted.filter((p) => {
      const m = engine.termAt(text, p.start, 'markdown');
      return m && m.start === p.start && m.end === p.end;
    }).length;
    results.hover = { medianMs: median(times), p95Ms: percentile(times, 95), hits, plantedHits, plantedTried: planted.length };
    log(`Hover termAt (1 MB): median ${fmtMs(results.hover.medianMs)}, p95 ${fmtMs(results.hover.p95Ms)}; ` +
      `hits ${hits}/500 random offsets; ${plantedHits}/${planted.length} planted terms found at their offsets`);
  }

  // Activation: fresh processes.
  {
    const runs = [];
    for (let i = 0; i < Math.max(5, args.runs); i++) {
      const r = spawnSync('node', [join(ROOT, 'bench/activation.cjs'), coreFile], { encoding: 'utf8' });
      runs.push(JSON.parse(r.stdout));
    }
    results.activation = {
      requireMs: median(runs.map((r) => r.requireMs)),
      createEngineMs: median(runs.map((r) => r.createEngineMs)),
      firstLintMs: median(runs.map((r) => r.firstLintMs)),
      totalMs: median(runs.map((r) => r.totalMs)),
      requireCpuMs: median(runs.map((r) => r.requireCpuMs)),
      createEngineCpuMs: median(runs.map((r) => r.createEngineCpuMs)),
      totalCpuMs: median(runs.map((r) => r.totalCpuMs)),
      bundleKB: readFileSync(coreFile).length / 1024,
    };
    log(`Activation: require bundled core ${fmtMs(results.activation.requireMs)} (${results.activation.bundleKB.toFixed(0)} KB minified) + ` +
      `createEngine ${fmtMs(results.activation.createEngineMs)} + first lint ${fmtMs(results.activation.firstLintMs)} = ${fmtMs(results.activation.totalMs)} wall; ` +
      `CPU: require ${fmtMs(results.activation.requireCpuMs)}, createEngine ${fmtMs(results.activation.createEngineCpuMs)}, total ${fmtMs(results.activation.totalCpuMs)}`);
  }

  // Memory after linting the largest draft.
  {
    const largest = manifests[manifests.length - 1];
    const r = spawnSync('node', ['--expose-gc', join(ROOT, 'bench/memory.cjs'), coreFile, largest.file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    try {
      results.memory = { label: largest.label, ...JSON.parse(r.stdout) };
      log(`Memory after linting ${largest.label}: RSS ${results.memory.rssMB} MB, heapUsed ${results.memory.heapUsedMB} MB ` +
        `(${results.memory.heapUsedAfterGcMB} MB after GC; the text alone is ${results.memory.textMB} MB as UTF-16)`);
    } catch {
      log(`Memory run failed: ${r.stderr.slice(0, 300)}`);
    }
  }

  // Where the in-process time goes, on the largest draft.
  {
    const largest = manifests[manifests.length - 1];
    const text = readFileSync(largest.file, 'utf8');
    // CPU time per phase (best of the runs: the least disturbed by other processes).
    const cpuNow = () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
    const phases = { scan: [], match: [], termRules: [], documentRules: [] };
    for (let i = 0; i < Math.max(3, args.runs); i++) {
      // Different at both ends from the last run's copy, as above: nothing reused.
      const fresh = `${' '.repeat(i + 1)}\n${text}${' '.repeat(i + 1)}`;
      fresh.charCodeAt(0);
      const t0 = cpuNow();
      const segments = core.scanMarkdown(fresh);
      const t1 = cpuNow();
      const matches = engine.matcher.findInSegments(fresh, segments);
      const t2 = cpuNow();
      core.findingsFromMatches(fresh, matches);
      const t3 = cpuNow();
      // The whole-document (bilingual) rules alone, given the matches (as lint() runs them).
      core.documentFindings(fresh, { matcher: engine.matcher, format: 'markdown', matches });
      const t4 = cpuNow();
      phases.scan.push(t1 - t0);
      phases.match.push(t2 - t1);
      phases.termRules.push(t3 - t2);
      phases.documentRules.push(t4 - t3);
    }
    const best = (xs) => Math.min(...xs);
    const mb = largest.bytes / 1048576;
    results.phases = {
      label: largest.label,
      scanMs: best(phases.scan),
      matchMs: best(phases.match),
      termRulesMs: best(phases.termRules),
      documentRulesMs: best(phases.documentRules),
    };
    const p = results.phases;
    const part = (name, ms) => `${name} ${fmtMs(ms)} (${(ms / mb).toFixed(1)} ms/MB)`;
    log(`Phases (${largest.label}, in process, CPU, best of ${phases.scan.length}): ${part('Markdown scan', p.scanMs)}, ` +
      `${part('matching incl. fix safety', p.matchMs)}, ${part('deprecated-term + inconsistent-variant', p.termRulesMs)}, ` +
      `${part('whole-document (bilingual) rules', p.documentRulesMs)}`);
  }

  // Hostile inputs: cost should grow linearly (×8 from 32 KB to 256 KB; quadratic would be ×64).
  results.pathological = {};
  {
    const cases = {
      'unclosed HTML comment': (n) => `<!--\n${'a line of text\n'.repeat(Math.ceil(n / 15))}`,
      '"<a" with no ">"': (n) => '<a href\n'.repeat(Math.ceil(n / 8)),
      '"[x" with no "]"': (n) => '[x\n'.repeat(Math.ceil(n / 3)),
      'unclosed suppression comment': (n) => '<!-- carbon-lexicon-disable '.repeat(Math.ceil(n / 28)),
      'many disable-next-line comments': (n) => `<!-- carbon-lexicon-disable-next-line -->\n${'carbon peak'}\n`.repeat(Math.ceil(n / 54)),
      'backtick runs on one line': (n) => Array.from({ length: Math.ceil(n / 27) }, (_, i) => '`'.repeat((i % 5) + 1) + ' carbon peak ').join(''),
      'one long line of text': (n) => 'carbon peak 碳峰值 '.repeat(Math.ceil(n / 16)),
      // Bilingual drafts whose alignment needs wide dynamic programmes (both were quadratic).
      'interleaved, a third untranslated': (n) =>
        Array.from({ length: Math.ceil(n / 150) }, (_, i) => `中国将碳达峰作为国家战略，第${i}项行动。\n\n${i % 3 === 1 ? '' : `Action ${i} makes peak carbon a national strategy.\n\n`}`).join(''),
      'headings "中文 / English"': (n) => Array.from({ length: Math.ceil(n / 30) }, (_, i) => `## 碳达峰${i} / Peak Carbon ${i}\n\n`).join(''),
    };
    log(`\nHostile inputs (in-process lint, Markdown, CPU time, median of ${HOSTILE_RUNS}):`);
    for (const [name, make] of Object.entries(cases)) {
      const row = {};
      for (const size of [32 * 1024, 256 * 1024]) {
        // Median of several runs: one run of a few milliseconds can land on a garbage
        // collection or an optimisation and make a linear case look super-linear. Each run
        // gets a text of its own (the engine answers the same text from memory), different
        // from its first paragraph on: the alignment keeps what lies before the first change.
        const times = [];
        let n = 0;
        for (let run = 0; run < HOSTILE_RUNS; run++) {
          const text = `${'碳'.repeat(run + 1)}\n\n${make(size)}`;
          const c0 = process.cpuUsage();
          n = core.lint(text, { matcher: engine.matcher, format: 'markdown' }).length;
          const c = process.cpuUsage(c0);
          times.push((c.user + c.system) / 1000);
        }
        row[size] = { ms: median(times), findings: n };
      }
      const small = row[32 * 1024].ms;
      const big = row[256 * 1024].ms;
      const growth = big / Math.max(small, 0.01);
      results.pathological[name] = { ms32k: small, ms256k: big, growth };
      log(`    ${name.padEnd(34)} 32 KB ${fmtMs(small).padStart(9)}   256 KB ${fmtMs(big).padStart(9)}   ×${growth.toFixed(0)}${growth > 20 ? '  (super-linear)' : ''}`);
    }
  }

  // A very large project glossary: two-column CSV rows of new Chinese terms, parsed, merged
  // into the bundled base and built into an engine (what the CLI and the extension do when a
  // configuration lists it). Cost should grow linearly with the rows.
  results.glossary = {};
  {
    log('\nLarge glossary (parse + merge + engine build, CPU time):');
    const csvOf = (rows) => {
      const lines = ['zh,en'];
      for (let i = 0; i < rows; i++) {
        // Four distinct ideographs per row from a 20 000-character range: an alphabet as large as real Chinese glossaries reach.
        let zh = '';
        for (let k = 0, x = i; k < 4; k++, x = Math.floor(x / 20000) + 7 * k + 1) zh += String.fromCharCode(0x4e00 + (x % 20000));
        lines.push(`${zh},glossary term ${i.toString(36)}`);
      }
      return lines.join('\n');
    };
    const glossary = require(await bundleGlossary());
    for (const rows of [20000, 100000]) {
      const csv = csvOf(rows);
      const c0 = process.cpuUsage();
      const parsed = glossary.parseGlossary(csv, 'large.csv');
      const merged = glossary.mergeTermBases(glossary.bundledTermBase, [{ source: 'large.csv', concepts: parsed.concepts }]);
      const big = glossary.createEngine(merged.base);
      const c = process.cpuUsage(c0);
      const ms = (c.user + c.system) / 1000;
      const found = big.lint(parsed.concepts[rows - 1].zh, 'plaintext').length + big.matches(parsed.concepts[rows - 1].zh).length;
      // "Search terms" over the merged base: the index (built on the first search) and queries
      // that need the fuzzy pass (few exact hits) or not (many).
      const s0 = process.cpuUsage();
      const index = new glossary.TermSearchIndex(merged.base.concepts);
      const s1 = process.cpuUsage(s0);
      const queryMs = {};
      for (const query of ['tandafeng', 'carbon peak', 'glossary term 1a']) {
        const q0 = process.cpuUsage();
        index.search(query);
        const q = process.cpuUsage(q0);
        queryMs[query] = (q.user + q.system) / 1000;
      }
      const searchIndexMs = (s1.user + s1.system) / 1000;
      results.glossary[rows] = { ms, errors: parsed.errors.length, concepts: merged.base.concepts.length, found, searchIndexMs, queryMs };
      log(`    ${String(rows).padStart(6)} rows   ${fmtMs(ms).padStart(9)}   ${merged.base.concepts.length} concepts, ${parsed.errors.length} problems, last term found: ${found > 0}`);
      log(`           search index ${fmtMs(searchIndexMs)}; queries ${Object.entries(queryMs).map(([q, t]) => `"${q}" ${fmtMs(t)}`).join(', ')}`);
    }
    // Many rows for the same terms: repeats of one new term (each reported, each needing its own
    // id) and new renderings of one bundled concept (each added to it). Both were quadratic.
    const repeatsOf = (rows) => {
      const lines = ['zh,en'];
      for (let i = 0; i < rows; i++) lines.push(i % 2 === 0 ? '新术语,new term' : `碳达峰,peak carbon variant ${i}`);
      return lines.join('\n');
    };
    results.glossaryRepeats = {};
    for (const rows of [4000, 20000]) {
      const csv = repeatsOf(rows);
      const c0 = process.cpuUsage();
      const parsed = glossary.parseGlossary(csv, 'repeats.csv');
      glossary.mergeTermBases(glossary.bundledTermBase, [{ source: 'repeats.csv', concepts: parsed.concepts }]);
      const c = process.cpuUsage(c0);
      const ms = (c.user + c.system) / 1000;
      results.glossaryRepeats[rows] = { ms, errors: parsed.errors.length };
      log(`    ${String(rows).padStart(6)} rows for two terms   ${fmtMs(ms).padStart(9)}   ${parsed.errors.length} problems`);
    }
  }

  results.loadEnd = os.loadavg()[0];
  printSummary(results);
  writeFileSync(args.json, JSON.stringify(results, null, 2));
  log(`\nRaw figures: ${args.json}`);
}

function printSummary(results) {
  const rows = [];
  const add = (what, value, target, ok) => rows.push([what, value, target, ok === undefined ? '' : verdict(ok)]);
  const sizes = results.sizes;
  const labels = Object.keys(sizes);
  // On a busy machine (load above the CPU count) wall time mostly measures the
  // other processes: compare CPU times then, and say so.
  // Reused textlint figures come from another run: only CPU times compare across runs.
  const reused = Object.values(results.sizes).some((r) => r.textlintReused);
  const busy = results.loadStart > os.cpus().length || reused;
  const basis = busy ? 'CPU' : 'wall';
  const pick = (wall, cpu) => (busy ? cpu : wall);
  results.basis = basis;
  for (const label of labels) {
    const r = sizes[label];
    const mb = r.bytes / 1048576;
    const ip = r.inProcess;
    add(`${label}: planted found (in process / CLI / textlint)`,
      `${ip.found}/${ip.planted} / ${r.cli ? `${r.cli.found}/${r.cli.planted}` : '-'} / ${r.textlint ? `${r.textlint.found}/${r.textlint.planted}` : '-'}`,
      'all', ip.found === ip.planted && (!r.cli || r.cli.found === r.cli.planted));
    add(`${label}: decoys reported (code, URLs)`, `${ip.decoyHits}/${r.decoys}`, '0', ip.decoyHits === 0);
    const wallCpu = (wall, cpu) => (wall === undefined ? '-' : `${fmtMs(wall)} / ${fmtMs(cpu)}`);
    add(`${label}: CLI whole process (wall / CPU)`, `${wallCpu(r.cliMs, r.cliCpuMs)}${r.cliMs !== undefined ? ` (${(pick(r.cliMs, r.cliCpuMs) / mb).toFixed(0)} ms/MB)` : ''}`, '', undefined);
    add(`${label}: textlint + prh whole process (wall / CPU)`, wallCpu(r.textlintMs, r.textlintCpuMs), '', undefined);
    add(`${label}: floor whole process (wall / CPU)`, wallCpu(r.floorMs, r.floorCpuMs), '', undefined);
    if (r.scanOnlyMs !== undefined) {
      const scanVsFloor = pick(r.scanOnlyMs, r.scanOnlyCpuMs) / pick(r.floorMs, r.floorCpuMs);
      add(`${label}: term scan alone, whole process (wall / CPU; × floor)`, `${wallCpu(r.scanOnlyMs, r.scanOnlyCpuMs)} (${scanVsFloor.toFixed(2)}×)`, '', undefined);
    }
    add(`${label}: in-process lint (wall / CPU)`, `${fmtMs(r.inProcessMs)} / ${fmtMs(r.inProcessCpuMs)} (${r.inProcessMsPerMB.toFixed(1)} ms/MB ${basis})`, '', undefined);
    const ours = r.cliMs === undefined ? undefined : pick(r.cliMs, r.cliCpuMs);
    const theirs = r.textlintMs === undefined ? undefined : pick(r.textlintMs, r.textlintCpuMs);
    const floor = pick(r.floorMs, r.floorCpuMs);
    const vsTextlint = ours && theirs ? theirs / ours : undefined;
    const vsFloor = ours ? ours / floor : undefined;
    if (label.toLowerCase() === '10m') {
      add(`10m: whole process under 0.5 s (${basis})`, ours !== undefined ? fmtMs(ours) : '-', '< 0.5 s', ours !== undefined ? ours < TARGETS.tenMbSeconds * 1000 : false);
      add(`10m: faster than textlint + prh (${basis})`, vsTextlint ? `${vsTextlint.toFixed(1)}×` : '-', '≥ 40×', vsTextlint ? vsTextlint >= TARGETS.tenMbVsTextlint : undefined);
      add(`10m: relative to the floor (${basis})`, vsFloor ? `${vsFloor.toFixed(2)}×` : '-', '≤ 2×', vsFloor ? vsFloor <= TARGETS.tenMbVsFloor : false);
    } else if (label.toLowerCase() === '1m') {
      add(`1m: faster than textlint + prh (${basis})`, vsTextlint ? `${vsTextlint.toFixed(1)}×` : '-', '≥ 10×', vsTextlint ? vsTextlint >= TARGETS.oneMbVsTextlint : undefined);
      add(`1m: relative to the floor (${basis})`, vsFloor ? `${vsFloor.toFixed(2)}×` : '-', '', undefined);
    } else {
      add(`${label}: faster than textlint + prh (${basis})`, vsTextlint ? `${vsTextlint.toFixed(1)}×` : '-', '', undefined);
    }
  }
  const oneMb = sizes['1m'];
  const largestLabel = labels[labels.length - 1];
  if (oneMb && largestLabel !== '1m') {
    const ratio = sizes[largestLabel].inProcessMsPerMB / oneMb.inProcessMsPerMB;
    add(`linear cost: in-process ms/MB ${largestLabel} vs 1m`, `${ratio.toFixed(2)}× (${labels.map((l) => `${l} ${sizes[l].inProcessMsPerMB.toFixed(1)}`).join(', ')} ms/MB)`, `≤ ${TARGETS.linearity}×`, ratio <= TARGETS.linearity);
  }
  if (results.incremental) {
    add('re-lint after a one-character edit, 1 MB (median / p95 wall)', `${fmtMs(results.incremental.medianMs)} / ${fmtMs(results.incremental.p95Ms)}`, '< 5 ms', results.incremental.medianMs < TARGETS.incrementalMs);
    add('  same, CPU time (median / p95)', `${fmtMs(results.incremental.cpuMedianMs)} / ${fmtMs(results.incremental.cpuP95Ms)}`, '< 5 ms', results.incremental.cpuP95Ms < TARGETS.incrementalMs);
    add('incremental == full lint (sampled)', `${results.incremental.mismatches} mismatches`, '0', results.incremental.mismatches === 0);
    const b = results.incrementalBilingual;
    if (b) add(`re-lint after a keystroke, interleaved zh/en draft of ${Math.round(b.chars / 1024)} K characters (median / p95 wall)`, `${fmtMs(b.medianMs)} / ${fmtMs(b.p95Ms)} (${b.mismatches} mismatches)`, '', undefined);
    const o = results.incrementalOneRegion;
    if (o) add(`  same draft without headings, every 13th translation missing, ${Math.round(o.chars / 1024)} K characters`, `${fmtMs(o.medianMs)} / ${fmtMs(o.p95Ms)} (${o.mismatches} mismatches)`, '', undefined);
    const t = results.incrementalTermsOnly;
    add('  term rules only (median / p95 wall; CPU median / p95)', `${fmtMs(t.medianMs)} / ${fmtMs(t.p95Ms)}; ${fmtMs(t.cpuMedianMs)} / ${fmtMs(t.cpuP95Ms)}`, '< 5 ms', t.medianMs < TARGETS.incrementalMs);
  } else add('re-lint after a one-character edit, 1 MB', 'not built', '< 5 ms', false);
  add('activation: require core + createEngine + first lint (wall / CPU)', `${fmtMs(results.activation.totalMs)} / ${fmtMs(results.activation.totalCpuMs)}`, '< 50 ms',
    (basis === 'CPU' ? results.activation.totalCpuMs : results.activation.totalMs) < TARGETS.activationMs);
  add('hover termAt, 1 MB (median / p95)', `${fmtMs(results.hover.medianMs)} / ${fmtMs(results.hover.p95Ms)}`, '', undefined);
  const g = results.glossary ?? {};
  if (g[20000] && g[100000]) {
    const growth = g[100000].ms / Math.max(g[20000].ms, 0.01);
    add('glossary of 100 000 rows: parse + merge + engine build (CPU)', `${fmtMs(g[100000].ms)} (×${growth.toFixed(1)} from 20 000 rows)`, 'linear (≤ ×10)', growth <= 10 && g[100000].found > 0);
  }
  if (g[100000]?.queryMs) {
    const q = g[100000].queryMs;
    add('search terms, 100 000-row glossary: index / queries (CPU)', `${fmtMs(g[100000].searchIndexMs)} / ${Object.entries(q).map(([k, t]) => `${k} ${fmtMs(t)}`).join(', ')}`, '', undefined);
  }
  const gr = results.glossaryRepeats ?? {};
  if (gr[4000] && gr[20000]) {
    const growth = gr[20000].ms / Math.max(gr[4000].ms, 0.01);
    add('glossary of 20 000 rows for two terms: parse + merge (CPU)', `${fmtMs(gr[20000].ms)} (×${growth.toFixed(1)} from 4 000 rows)`, 'linear (≤ ×10)', growth <= 10);
  }
  for (const [name, r] of Object.entries(results.pathological ?? {})) {
    add(`hostile input: ${name} (256 KB)`, `${fmtMs(r.ms256k)} (×${r.growth.toFixed(0)} from 32 KB)`, 'linear (≤ ×20)', r.growth <= 20);
  }
  if (results.phases) {
    const p = results.phases;
    add(`phases, ${p.label} in process, CPU (scan / match / term rules / bilingual)`, `${fmtMs(p.scanMs)} / ${fmtMs(p.matchMs)} / ${fmtMs(p.termRulesMs)} / ${fmtMs(p.documentRulesMs)}`, '', undefined);
  }
  add('load average (start / end of run)', `${results.loadStart.toFixed(1)} / ${results.loadEnd.toFixed(1)}`, '', undefined);
  if (results.memory) add(`memory after linting ${results.memory.label} (RSS / heapUsed)`, `${results.memory.rssMB} MB / ${results.memory.heapUsedMB} MB`, '', undefined);

  log('\n| figure | value | target | |\n|---|---|---|---|');
  for (const r of rows) log(`| ${r[0]} | ${r[1]} | ${r[2]} | ${r[3]} |`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
