// Shared plumbing for run-integration.mjs, test/ui/ui.mjs and start.mjs:
// start code-server on a free port, build the workbench URL that loads the
// extension under development (the `payload` query parameter), and launch
// Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { findChromium, findCodeServer, notInstalledMessage, projectRoot } from './install-code-server.mjs';

export { projectRoot };

export class HarnessError extends Error {}

/** code-server and Chromium, or a HarnessError that says how to install what is missing. */
export function requireTools() {
  const codeServer = findCodeServer();
  const chromium = findChromium();
  const problems = [];
  if (!codeServer) problems.push(notInstalledMessage());
  if (!chromium) {
    problems.push(
      'Chromium is not installed (looked for CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser).\n' +
        'Install it with:  sudo apt-get install -y chromium fonts-noto-cjk',
    );
  }
  if (problems.length) throw new HarnessError(problems.join('\n\n'));
  return { codeServer, chromium };
}

/** Fails with a hint when the bundle or the compiled tests are missing; warns when they look stale. */
export function requireBuildOutputs(outputs) {
  const missing = outputs.filter((file) => !fs.existsSync(path.join(projectRoot, file)));
  if (missing.length) {
    throw new HarnessError(
      `Missing build output: ${missing.join(', ')}\nBuild first:  npm run build && npm run compile-tests`,
    );
  }
  const oldestOutput = Math.min(...outputs.map((file) => fs.statSync(path.join(projectRoot, file)).mtimeMs));
  const newestSource = newestMtime(['src', 'test/integration'].map((dir) => path.join(projectRoot, dir)));
  if (newestSource > oldestOutput) {
    console.warn('warning: sources are newer than the build output; run `npm run build && npm run compile-tests`.');
  }
}

function newestMtime(dirs) {
  let newest = 0;
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) {
        newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
      }
    }
  }
  return newest;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Quiet, deterministic workbench: no welcome page, no trust prompt, no AI chat, no update checks. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.colorTheme': 'Default Light Modern',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'editor.hover.delay': 200,
    'editor.lightbulb.enabled': 'on',
    'git.enabled': false,
    'files.autoSave': 'off',
    'window.restoreWindows': 'none',
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Starts code-server and resolves once it answers HTTP. `stop()` kills its
 * whole process group (it forks an extension host and file watchers).
 */
export async function startCodeServer({ codeServer, port, userDataDir, extensionsDir, folder, onOutput, host = '127.0.0.1' }) {
  const args = [
    codeServer.entry,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (folder) args.push(folder);
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VSCODE_PROXY_URI: '' },
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    onOutput?.(String(chunk));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 2000).unref();
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new HarnessError(`code-server exited during start-up:\n${output}`);
    if (Date.now() > deadline) {
      stop();
      throw new HarnessError(`code-server did not answer on port ${port} within 60 s:\n${output}`);
    }
    try {
      const response = await fetch(`http://${host}:${port}/healthz`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return { child, port, baseUrl: `http://${host}:${port}`, stop, output: () => output };
}

/** Workbench URL that opens `folder` with the extension under development (and optionally its tests). */
export function workbenchUrl({ baseUrl, host = '127.0.0.1', port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (absolute) => `vscode-remote://${host}:${port}${absolute}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  let url = `${baseUrl}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

export async function launchChromium(executablePath, { headless = true } = {}) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new HarnessError('playwright-core is not installed; run `npm ci` first.');
  }
  return chromium.launch({
    executablePath,
    headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=en-US',
    ],
  });
}

/** Temporary directory removed by `cleanup()`. */
export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Copies a directory tree (fixtures are copied so tests may change files on disk). */
export function copyTree(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

/** Marker the integration suite puts in front of its own output lines (see test/integration/suite/index.ts). */
export const suiteLinePrefix = '\u00a7\u00a7 ';

/**
 * Console text of a workbench message. VS Code logs as
 * console.log('%c INFO', 'color: …', format, …args), so text() alone only
 * shows the level: drop the styled level, then printf-format the rest.
 */
export async function consoleText(message) {
  const values = await Promise.all(message.args().map((handle) => handle.jsonValue().catch(() => String(handle))));
  if (values.length === 0) return message.text();
  let rest = values;
  if (typeof rest[0] === 'string' && rest[0].includes('%c')) {
    const styles = (rest[0].match(/%c/g) ?? []).length;
    const level = rest[0].replace(/%c/g, '').trim();
    rest = rest.slice(1 + styles);
    if (rest.length === 0) return level;
  }
  return format(...rest).trim();
}
