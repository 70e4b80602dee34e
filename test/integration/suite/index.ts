// Entry point VS Code's extension host calls (extensionTestsPath): runs mocha
// over the compiled integration tests next to this folder. Used by both
// scripts/run-integration.mjs (code-server) and scripts/test-electron.mjs.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

/**
 * Under code-server our output reaches the runner mixed into the workbench's
 * own browser console; a marker in front of each line lets it show only ours.
 * VS Code's console forwarder installs console.log as a getter with a no-op
 * setter, so plain assignment is ignored: redefine the property, and point
 * mocha's reporters (which keep their own reference) at the wrapper too.
 */
function markConsoleOutput(prefix: string): () => void {
  const methods = ['log', 'info', 'warn', 'error'] as const;
  const originals = new Map(methods.map((name) => [name, Object.getOwnPropertyDescriptor(console, name)]));
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalReporterLog = base.consoleLog;
  for (const name of methods) {
    const forward = console[name].bind(console);
    const marked = (...args: unknown[]) => {
      for (const line of util.format(...args).split('\n')) forward(prefix + line);
    };
    try {
      Object.defineProperty(console, name, { value: marked, configurable: true, writable: true });
    } catch {
      // Not redefinable here: only the reporter output gets the marker.
    }
    if (name === 'log') base.consoleLog = marked;
  }
  return () => {
    base.consoleLog = originalReporterLog;
    for (const [name, descriptor] of originals) {
      try {
        if (descriptor) Object.defineProperty(console, name, descriptor);
      } catch {
        // leave as is
      }
    }
  };
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // The extension host is cold: the first lint of a file may take a while.
    timeout: Number(process.env.CARBON_LEXICON_TEST_TIMEOUT ?? 30000),
    color: false,
    reporter: 'spec',
  });
  const grep = process.env.CARBON_LEXICON_TEST_GREP;
  if (grep) mocha.grep(grep);

  const testsRoot = path.resolve(__dirname, '..');
  const files = fs
    .readdirSync(testsRoot)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  if (files.length === 0) {
    return Promise.reject(new Error(`no compiled integration tests (*.test.js) in ${testsRoot}`));
  }
  for (const name of files) mocha.addFile(path.join(testsRoot, name));

  const prefix = process.env.CARBON_LEXICON_LINE_PREFIX;
  const restoreConsole = prefix ? markConsoleOutput(prefix) : () => undefined;
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        // A summary line the code-server runner requires: an exit code alone cannot tell
        // a finished run from a host that stopped early (process.exit in a test, say).
        restoreConsole();
        if (prefix) console.log(`${prefix}suite result: ${failures} failing of ${runner.total} tests`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      restoreConsole();
      reject(error);
    }
  });
}
