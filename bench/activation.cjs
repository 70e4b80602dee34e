// Measures extension activation cost outside VS Code: loading the bundled
// core (with the inlined term base and paper) and building the engine, in a
// fresh process. Prints JSON: wall times and CPU times (user + system) in ms.
const { performance } = require('node:perf_hooks');

const cpuMs = (c) => (c.user + c.system) / 1000;
const bundle = process.argv[2];
const c0 = process.cpuUsage();
const t0 = performance.now();
const core = require(bundle);
const t1 = performance.now();
const c1 = process.cpuUsage();
const engine = core.createEngine();
const t2 = performance.now();
const c2 = process.cpuUsage();
// Touch the engine so a lazily built matcher is counted too.
engine.lint('碳达峰 peak carbon', 'markdown');
const t3 = performance.now();
const c3 = process.cpuUsage();
process.stdout.write(
  JSON.stringify({
    requireMs: t1 - t0,
    createEngineMs: t2 - t1,
    firstLintMs: t3 - t2,
    totalMs: t3 - t0,
    requireCpuMs: cpuMs(c1) - cpuMs(c0),
    createEngineCpuMs: cpuMs(c2) - cpuMs(c1),
    totalCpuMs: cpuMs(c3) - cpuMs(c0),
  }) + '\n',
);
