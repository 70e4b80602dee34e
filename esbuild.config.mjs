// Bundles the extension and the CLI. JSON data under data/ is inlined so the
// shipped code never reads its term base from disk at run time.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  loader: { '.json': 'json' },
  // Prefer ESM builds: jsonc-parser's UMD main hides its require()s from esbuild (microsoft/node-jsonc-parser#57).
  mainFields: ['module', 'main'],
};

// V8's inlining budget for the CLI's one-shot process (V8's default: 920
// bytecodes per function). A lint of a large draft is over within a second,
// much of it before the optimising compiler has caught up: with deep inlining
// it spent ~0.58 s compiling for a 10 MB draft, on threads sharing the CPUs
// with the lint. With 150 it spends ~0.36 s and optimised code arrives sooner.
// Whole process, medians of interleaved runs: 10 MB 539 -> 500 ms wall and
// 739 -> 673 ms CPU; 1 MB 242 -> 199 ms wall and 366 -> 283 ms CPU. Set in the
// banner, before the bundle loads: set later, in main(), about half the gain
// was lost. Only when run as a command, and never in the extension, which
// shares the editor's extension host.
const CLI_V8_TUNING = "if (require.main === module) require('node:v8').setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');";

const builds = [
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${CLI_V8_TUNING}` } },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
