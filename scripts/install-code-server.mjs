#!/usr/bin/env node
// Installs code-server (the real VS Code workbench + extension host, published
// on npm) into .cache/code-server/<version>/, outside the project's own
// node_modules, so integration and UI tests can run without downloading VS Code
// from Microsoft. Idempotent: a second run only checks a marker file.
//
//   node scripts/install-code-server.mjs           install if needed
//   node scripts/install-code-server.mjs --check   report, install nothing
//
// Other scripts import { ensureCodeServer, findCodeServer } from here.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheRoot = path.join(projectRoot, '.cache', 'code-server');

/**
 * code-server pins the Node major it runs on; each line below is the newest
 * release for that major (4.100.3 = VS Code 1.100.3 is the last for Node 20,
 * which is why engines.vscode stays at ^1.100.0).
 */
const codeServerForNodeMajor = { 20: '4.100.3', 22: '4.117.0', 24: '4.139.1' };

/** Debian packages: native-module build deps, ripgrep for the cache trick, and what the tests drive. */
export const systemPackages = [
  'libkrb5-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
  'pkg-config',
  'ripgrep',
  'chromium',
  'fonts-noto-cjk',
];

export class SetupError extends Error {}

export function nodeMajor() {
  return Number(process.versions.node.split('.')[0]);
}

export function chosenVersion() {
  const override = process.env.CODE_SERVER_VERSION;
  if (override) return override;
  const version = codeServerForNodeMajor[nodeMajor()];
  if (!version) {
    throw new SetupError(
      `No code-server line is known for Node ${process.versions.node}. ` +
        `Use Node 20 (code-server ${codeServerForNodeMajor[20]}), 22 or 24, ` +
        `or set CODE_SERVER_VERSION to a code-server release built for this Node.`,
    );
  }
  return version;
}

function installDir(version) {
  return path.join(cacheRoot, version);
}

function markerPath(version) {
  return path.join(installDir(version), 'installed.json');
}

/** Where an installed code-server lives, or undefined (no network, no side effects). */
export function findCodeServer(version = safeChosenVersion()) {
  if (!version) return undefined;
  const root = path.join(installDir(version), 'node_modules', 'code-server');
  const entry = path.join(root, 'out', 'node', 'entry.js');
  // The marker is written only after the nested VS Code install succeeded.
  if (!fs.existsSync(markerPath(version)) || !fs.existsSync(entry)) return undefined;
  if (!fs.existsSync(path.join(root, 'lib', 'vscode', 'node_modules'))) return undefined;
  return { version, root, entry, vscodeVersion: readVscodeVersion(root) };
}

function safeChosenVersion() {
  try {
    return chosenVersion();
  } catch {
    return undefined;
  }
}

function readVscodeVersion(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'lib', 'vscode', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** Packages from `systemPackages` not installed according to dpkg (or by a command probe off Debian). */
export function missingSystemPackages(packages = systemPackages) {
  const dpkg = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Abbrev}\n', ...packages], {
    encoding: 'utf8',
  });
  if (dpkg.error) {
    // Not Debian: probe the few things we can check without a package manager.
    const probes = { ripgrep: 'rg', 'pkg-config': 'pkg-config', chromium: findChromium() };
    return packages.filter((name) => {
      const probe = probes[name];
      if (probe === undefined) return false;
      return !probe || spawnSync('sh', ['-c', `command -v "${probe}"`]).status !== 0;
    });
  }
  const installed = new Set(
    dpkg.stdout
      .split('\n')
      .filter((line) => /\sii\s*$/.test(line))
      .map((line) => line.split(' ')[0].replace(/:.*$/, '')),
  );
  return packages.filter((name) => !installed.has(name));
}

export function aptHint(missing) {
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
  return (
    `Install them with:\n  ${sudo}apt-get update && ${sudo}apt-get install -y ${missing.join(' ')}\n` +
    `(or run: ${sudo}scripts/install-system-deps.sh)`
  );
}

/** Debian's Chromium, or CHROMIUM_PATH. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate) => candidate && fs.existsSync(candidate));
}

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (options.log) options.log.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => resolve({ code: -1, output: output + String(error) }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * @vscode/ripgrep downloads `rg` from GitHub in its postinstall unless the
 * archive is already in `$TMPDIR/vscode-ripgrep-cache-<pkg version>/`. We read
 * which @vscode/ripgrep this code-server pins and which rg release that wants,
 * then put Debian's rg there under that name.
 */
async function prepareRipgrepCache(version, workDir, log) {
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((candidate) => fs.existsSync(candidate));
  if (!rg) throw new SetupError('ripgrep (rg) is not installed.\n' + aptHint(['ripgrep']));

  const packDir = path.join(workDir, 'pack');
  fs.mkdirSync(packDir, { recursive: true });
  const codeServerTarball = await npmPack(`code-server@${version}`, packDir, log);
  const shrinkwrap = JSON.parse(
    extractFromTarball(codeServerTarball, 'package/lib/vscode/npm-shrinkwrap.json') ??
      extractFromTarball(codeServerTarball, 'package/lib/vscode/package-lock.json') ??
      '{}',
  );
  const ripgrepPackageVersion = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  if (!ripgrepPackageVersion) {
    log.write('code-server does not pin @vscode/ripgrep; no cache needed\n');
    return;
  }
  const ripgrepTarball = await npmPack(`@vscode/ripgrep@${ripgrepPackageVersion}`, packDir, log);
  const postinstall = extractFromTarball(ripgrepTarball, 'package/lib/postinstall.js') ?? '';
  const rgRelease = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  if (!rgRelease) throw new SetupError(`Cannot read the rg release wanted by @vscode/ripgrep ${ripgrepPackageVersion}.`);

  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];
  if (!target || process.platform !== 'linux') {
    throw new SetupError(`The offline ripgrep trick supports Linux x64/arm64 only (this is ${process.platform}/${process.arch}).`);
  }
  const cacheDir = path.join(workDir, 'tmp', `vscode-ripgrep-cache-${ripgrepPackageVersion}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(workDir, 'rg-'));
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  const archive = path.join(cacheDir, `ripgrep-${rgRelease}-${target}.tar.gz`);
  const tar = spawnSync('tar', ['czf', archive, '-C', staging, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });
  if (tar.status !== 0) throw new SetupError(`tar failed while caching rg: ${tar.stderr}`);
  log.write(`ripgrep cache: ${archive} (Debian ${rg}, for @vscode/ripgrep ${ripgrepPackageVersion} / ${rgRelease})\n`);
}

async function npmPack(spec, destination, log) {
  const result = await run('npm', ['pack', spec, '--pack-destination', destination, '--json', '--silent'], {
    cwd: destination,
  });
  log.write(`npm pack ${spec}: exit ${result.code}\n`);
  if (result.code !== 0) throw new SetupError(`npm pack ${spec} failed:\n${tail(result.output)}`);
  const json = result.output.slice(result.output.indexOf('['));
  return path.join(destination, JSON.parse(json)[0].filename);
}

function extractFromTarball(tarball, member) {
  const result = spawnSync('tar', ['xzf', tarball, '-O', member], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return result.status === 0 ? result.stdout : undefined;
}

function tail(text, lines = 40) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Returns the installed code-server, installing it first if needed.
 * Throws SetupError (with a message meant for people) on anything expected.
 */
export async function ensureCodeServer({ quiet = false } = {}) {
  const say = (line) => quiet || console.log(line);
  const version = chosenVersion();
  const found = findCodeServer(version);
  if (found) {
    say(`code-server ${found.version} (VS Code ${found.vscodeVersion}) is installed in ${path.relative(projectRoot, installDir(version))}`);
    return found;
  }

  const missing = missingSystemPackages();
  if (missing.length > 0) {
    throw new SetupError(
      `code-server needs these Debian packages, which are missing: ${missing.join(' ')}\n` + aptHint(missing),
    );
  }

  say(`Installing code-server ${version} for Node ${process.versions.node} into ${path.relative(projectRoot, installDir(version))} (takes a minute or two)...`);
  const started = Date.now();
  const dir = installDir(version);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Own package.json so npm does not walk up to the project's.
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, name: 'code-server-cache' }) + '\n');
  const logFile = path.join(cacheRoot, `install-${version}.log`);
  const log = fs.createWriteStream(logFile);

  try {
    await prepareRipgrepCache(version, dir, log);
    const env = {
      ...process.env,
      TMPDIR: path.join(dir, 'tmp'),
      // code-server's postinstall refuses to run as root without these.
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      // npm >= 11.x blocks dependency install scripts by default; code-server
      // and the nested VS Code install need theirs (native modules, rg).
      npm_config_dangerously_allow_all_scripts: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    // npm is silent while it builds native modules; say we are alive.
    const heartbeat = quiet ? undefined : setInterval(() => say(`  ... still installing (${((Date.now() - started) / 1000).toFixed(0)} s; log: ${path.relative(projectRoot, logFile)})`), 20_000);
    const result = await run('npm', ['install', '--no-save', `code-server@${version}`], { cwd: dir, env, log }).finally(() => clearInterval(heartbeat));
    if (result.code !== 0 || !fs.existsSync(path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))) {
      throw new SetupError(
        `npm install code-server@${version} failed (full log: ${path.relative(projectRoot, logFile)}):\n${tail(result.output)}`,
      );
    }
    fs.rmSync(path.join(dir, 'pack'), { recursive: true, force: true });
    fs.writeFileSync(
      markerPath(version),
      JSON.stringify({ version, node: process.versions.node, installedAt: new Date().toISOString() }, null, 2) + '\n',
    );
  } finally {
    log.end();
  }
  const installed = findCodeServer(version);
  if (!installed) throw new SetupError(`code-server ${version} install finished but its files are incomplete; see ${logFile}`);
  say(`Installed code-server ${version} (VS Code ${installed.vscodeVersion}) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return installed;
}

/** Message for scripts that need code-server but will not install it themselves. */
export function notInstalledMessage() {
  let version;
  try {
    version = chosenVersion();
  } catch (error) {
    return error.message;
  }
  return (
    `code-server ${version} is not installed (expected in .cache/code-server/${version}/).\n` +
    `Install it with:  npm run install:code-server\n` +
    `It needs these Debian packages first: ${systemPackages.join(' ')}\n` +
    `  (as root: scripts/install-system-deps.sh)`
  );
}

async function main() {
  const check = process.argv.includes('--check');
  try {
    if (check) {
      const found = findCodeServer();
      const missing = missingSystemPackages();
      console.log(found ? `code-server ${found.version} (VS Code ${found.vscodeVersion}): installed` : notInstalledMessage());
      if (missing.length) console.log(`Missing Debian packages: ${missing.join(' ')}\n${aptHint(missing)}`);
      process.exit(found && !missing.length ? 0 : 1);
    }
    await ensureCodeServer();
  } catch (error) {
    if (error instanceof SetupError) {
      console.error(`\ninstall-code-server: ${error.message}`);
      process.exit(1);
    }
    console.error(`\ninstall-code-server: unexpected failure: ${error?.message ?? error}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
