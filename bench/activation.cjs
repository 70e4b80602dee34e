// Measures extension activation cost outside VS Code: loading the bundled
// core (with the inlined term base and paper) and building the engine, in a
// fresh process. Prints JSON: { requireMs, createEngineMs, totalMs }.
const { performance } = require('node:perf_hooks');

const bundle = process.argv[2];
const t0 = performance.now();
const core = require(bundle);
const t1 = performance.now();
const engine = core.createEngine();
const t2 = performance.now();
// Touch the engine so a lazily built matcher is counted too.
engine.lint('碳达峰 peak carbon', 'markdown');
const t3 = performance.now();
process.stdout.write(
  JSON.stringify({ requireMs: t1 - t0, createEngineMs: t2 - t1, firstLintMs: t3 - t2, totalMs: t3 - t0 }) + '\n',
);
