// Memory after linting one draft in a fresh process. Prints JSON with RSS and
// heap figures in MB (after a GC when --expose-gc is given) and the count of findings.
const { readFileSync } = require('node:fs');

const [bundle, file] = process.argv.slice(2);
const core = require(bundle);
const engine = core.createEngine();
const text = readFileSync(file, 'utf8');
const findings = engine.lint(text, 'markdown');
const peak = process.memoryUsage();
if (global.gc) global.gc();
const after = process.memoryUsage();
const mb = (n) => Math.round((n / 1048576) * 10) / 10;
process.stdout.write(
  JSON.stringify({
    findings: findings.length,
    rssMB: mb(peak.rss),
    heapUsedMB: mb(peak.heapUsed),
    heapUsedAfterGcMB: mb(after.heapUsed),
    textMB: mb(text.length * 2),
  }) + '\n',
);
