#!/usr/bin/env node
// The same integration suite through @vscode/test-electron, which downloads a
// desktop VS Code from Microsoft's update servers: for machines with that
// access (a developer laptop, hosted CI). Offline machines use
// `npm run test:integration` (code-server) instead.
//
//   npm run test:electron [-- --version 1.100.3]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const versionIndex = process.argv.indexOf('--version');
// The oldest VS Code engines.vscode allows, so the suite proves the minimum we claim.
const version = versionIndex > 0 ? process.argv[versionIndex + 1] : (process.env.VSCODE_TEST_VERSION ?? '1.100.3');

const extensionTestsPath = path.join(projectRoot, 'out/test/integration/suite/index.js');
for (const required of ['dist/extension.js', 'out/test/integration/suite/index.js']) {
  if (!fs.existsSync(path.join(projectRoot, required))) {
    console.error(`test:electron: missing ${required}; run  npm run build && npm run compile-tests  first.`);
    process.exit(1);
  }
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn('test:electron: no display; on a headless machine run  xvfb-run -a npm run test:electron  (Debian: apt-get install xvfb).');
}

const { runTests } = await import('@vscode/test-electron');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'carbon-lexicon-electron-'));
const workspace = path.join(scratch, 'workspace');
fs.cpSync(path.join(projectRoot, 'test/integration/fixtures/workspace'), workspace, { recursive: true });

try {
  await runTests({
    version,
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', path.join(scratch, 'user-data'),
    ],
  });
  console.log('test:electron: integration suite passed');
} catch (error) {
  const message = String(error?.message ?? error);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|download|fetch failed/i.test(message)) {
    console.error(
      `test:electron: could not download VS Code ${version} (${message.split('\n')[0]}).\n` +
        'This machine cannot reach update.code.visualstudio.com; use  npm run test:integration  (code-server, offline) instead.',
    );
  } else if (/libasound|libgtk|libnss|shared librar|DISPLAY|Missing X server/i.test(message)) {
    console.error(`test:electron: VS Code could not start: ${message}\nOn a headless Linux run it under xvfb-run and install its libraries (libnss3 libgtk-3-0 libasound2 libgbm1 xvfb).`);
  } else {
    console.error(`test:electron: ${message}`);
  }
  process.exitCode = 1;
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
