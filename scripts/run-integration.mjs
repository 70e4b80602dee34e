#!/usr/bin/env node
// Runs the integration suite (out/test/integration/suite/index.js) inside the
// real VS Code extension host that code-server provides, with Debian's
// Chromium as the workbench window. Exits with the suite's exit code.
//
//   node scripts/run-integration.mjs [--grep PATTERN] [--timeout SECONDS] [--verbose] [--keep]
//
// --keep leaves the temporary workspace and user-data folder (extension
// host logs, the Carbon Lexicon output channel) in place and prints where.
//
// --vsix [FILE] runs the suite against the packaged extension instead of the
// source tree: FILE, or a fresh `vsce package` (which runs the production
// build) installed into the temporary extensions folder. It proves that what
// ships -- the bundle and the files .vscodeignore lets through -- works.
//
// The fixture workspace is copied to a temporary folder first, so tests may
// write files (a broken .carbon-lexicon.json, say) without touching the repo.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  HarnessError,
  copyTree,
  freePort,
  launchChromium,
  consoleText,
  projectRoot,
  requireBuildOutputs,
  requireTools,
  startCodeServer,
  suiteLinePrefix,
  tempDir,
  workbenchUrl,
  writeUserSettings,
} from './code-server-harness.mjs';

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

const verbose = process.argv.includes('--verbose') || Boolean(process.env.CARBON_LEXICON_VERBOSE);
const keep = process.argv.includes('--keep');
const vsixIndex = process.argv.indexOf('--vsix');
const vsixMode = vsixIndex >= 0;
const vsixArgument = vsixMode && process.argv[vsixIndex + 1] && !process.argv[vsixIndex + 1].startsWith('--') ? path.resolve(process.argv[vsixIndex + 1]) : undefined;
const timeoutSeconds = Number(option('--timeout', process.env.CARBON_LEXICON_IT_TIMEOUT ?? 300));
const grep = option('--grep', process.env.CARBON_LEXICON_TEST_GREP ?? '');
const extensionPath = path.resolve(option('--extension', projectRoot));
const testsModule = path.resolve(option('--tests', path.join(projectRoot, 'out/test/integration/suite/index.js')));
const fixtureWorkspace = path.join(projectRoot, 'test/integration/fixtures/workspace');

// Workbench noise that says nothing about our extension (no gallery offline, etc.).
const noise = [
  /marketplace|gallery|update\.code\.visualstudio|vscode-unpkg|open-vsx/i,
  /Failed to load resource/i,
  /\[Service Worker\]|webview.*service worker/i,
  /Ignoring the error while validating workspace folder/i,
  /An iframe which has both allow-scripts and allow-same-origin/i,
];

async function main() {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const { codeServer, chromium } = requireTools();
  requireBuildOutputs([
    ...(vsixMode ? [] : [path.relative(projectRoot, path.join(extensionPath, 'dist/extension.js'))]),
    path.relative(projectRoot, testsModule),
  ]);

  const scratch = tempDir('carbon-lexicon-it-');
  const workspace = path.join(scratch, 'workspace');
  copyTree(fixtureWorkspace, workspace);
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir);
  if (vsixMode) {
    try {
      installVsix({ codeServer, scratch, userDataDir, extensionsDir });
    } catch (error) {
      fs.rmSync(scratch, { recursive: true, force: true });
      throw error;
    }
  }

  const port = await freePort();
  // code-server passes its environment on to the extension host, hence to the suite.
  if (grep) process.env.CARBON_LEXICON_TEST_GREP = grep;
  process.env.CARBON_LEXICON_LINE_PREFIX = suiteLinePrefix;
  let server;
  let browser;
  let timer;
  const cleanup = async () => {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    server?.stop();
    if (keep) console.log(`integration: kept ${scratch} (logs under user-data/logs/)`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  };
  const interrupted = () => {
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    console.log(`integration: code-server ${codeServer.version} (VS Code ${codeServer.vscodeVersion}), Chromium ${chromium}`);
    server = await startCodeServer({
      codeServer,
      port,
      userDataDir,
      extensionsDir,
      onOutput: (text) => verbose && process.stdout.write(`[code-server] ${text}`),
    });
    console.log(`integration: code-server listening on ${server.baseUrl} after ${elapsed()}`);

    browser = await launchChromium(chromium);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let finish;
    let suiteResult;
    const exitCode = new Promise((resolve) => {
      finish = resolve;
      page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))).catch(() => {});
      timer = setTimeout(() => resolve('timeout'), timeoutSeconds * 1000);
      server.child.on('exit', (code) => resolve(`code-server exited (${code})`));
    });
    // Messages are decoded asynchronously; a queue keeps them in order (and lets us wait for the last).
    let printing = Promise.resolve();
    page.on('console', (message) => {
      printing = printing.then(() => printConsole(message));
    });
    const printConsole = async (message) => {
      const text = await consoleText(message).catch(() => message.text());
      // No exit code would ever come: fail now rather than at the timeout.
      if (/Extension host .*terminated unexpectedly/i.test(text)) finish(`the extension host crashed: ${text}`);
      if (text.startsWith(suiteLinePrefix)) {
        const line = text.slice(suiteLinePrefix.length);
        const summary = /^suite result: (\d+) failing of (\d+) tests$/.exec(line);
        if (summary) suiteResult = { failures: Number(summary[1]), total: Number(summary[2]) };
        else console.log(line);
      } else if (verbose || (/carbon.?lexicon/i.test(text) && !noise.some((pattern) => pattern.test(text)))) {
        // Activation failures and the like from our extension show even without --verbose.
        console.log(`[workbench] ${text}`);
      }
    };
    page.on('pageerror', (error) => verbose && console.log(`[page error] ${error.message}`));

    const url = workbenchUrl({
      baseUrl: server.baseUrl,
      port,
      folder: workspace,
      // The workbench runs extensionTestsPath only in extension-development mode; with a VSIX,
      // an empty stand-in extension provides that mode and the installed one is what gets tested.
      extensionDevelopmentPath: vsixMode ? testHostStub(scratch) : extensionPath,
      extensionTestsPath: testsModule,
    });
    if (verbose) console.log(`integration: ${url}`);
    await page.goto(url);
    const result = await exitCode;
    await Promise.race([printing, new Promise((resolve) => setTimeout(resolve, 2000))]);
    if (typeof result !== 'number') {
      const shot = path.join(projectRoot, 'test-results', 'integration-failure.png');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => {});
      console.error(
        result === 'timeout'
          ? `integration: no result after ${timeoutSeconds} s (screenshot: ${path.relative(projectRoot, shot)}); rerun with --verbose`
          : `integration: ${result}\n${server.output()}`,
      );
      return 1;
    }
    if (!suiteResult) {
      console.error(`integration: the extension host reported exit code ${result} but the suite never finished (a test or the extension ended the host early?)`);
      return 1;
    }
    if (suiteResult.total === 0) {
      console.error(`integration: no test ran${grep ? ` (--grep ${JSON.stringify(grep)} matched nothing)` : ''}`);
      return 1;
    }
    console.log(`integration: ${suiteResult.total - suiteResult.failures} of ${suiteResult.total} tests passed; exit code ${result} after ${elapsed()}`);
    return result === 0 && suiteResult.failures === 0 ? 0 : 1;
  } finally {
    await cleanup();
  }
}

function testHostStub(scratch) {
  const dir = path.join(scratch, 'test-host');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { name: 'vsix-test-host', publisher: 'carbon-lexicon-tests', version: '0.0.0', engines: { vscode: '^1.100.0' } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Packages the extension (unless given a VSIX) and installs it where code-server looks for extensions. */
function installVsix({ codeServer, scratch, userDataDir, extensionsDir }) {
  let vsix = vsixArgument;
  if (!vsix) {
    vsix = path.join(scratch, 'carbon-lexicon.vsix');
    console.log('integration: packaging the extension (vsce package, production build)...');
    const packed = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', vsix], { cwd: projectRoot, encoding: 'utf8' });
    // vscode:prepublish left a minified bundle without source maps in dist/: put the development build back.
    spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: projectRoot, stdio: 'ignore' });
    if (packed.status !== 0) throw new HarnessError(`vsce package failed:\n${packed.stdout}\n${packed.stderr}`);
  }
  if (!fs.existsSync(vsix)) throw new HarnessError(`No such VSIX: ${vsix}`);
  const installed = spawnSync(
    process.execPath,
    [codeServer.entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { encoding: 'utf8' },
  );
  if (installed.status !== 0 || !fs.readdirSync(extensionsDir).some((name) => name.startsWith('carbon-lexicon.carbon-lexicon'))) {
    throw new HarnessError(`code-server could not install ${vsix}:\n${installed.stdout}\n${installed.stderr}`);
  }
  console.log(`integration: testing the packaged extension ${path.relative(projectRoot, vsix) || vsix} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB)`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof HarnessError ? `\nintegration: ${error.message}` : error);
    process.exit(1);
  },
);
