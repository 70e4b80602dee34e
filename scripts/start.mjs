#!/usr/bin/env node
// `npm start`: try the extension in a real VS Code in your browser, no
// download from Microsoft needed. Builds the extension, installs code-server
// on first use (.cache/code-server/), opens samples/ with the extension under
// development loaded, prints the URL, and rebuilds on every source change
// (reload the browser window to pick changes up). Ctrl-C stops everything.
//
//   npm start                     http://127.0.0.1:8080 (or a free port)
//   PORT=9000 npm start           choose the port
//   HOST=0.0.0.0 npm start        listen on all interfaces (no password: trusted networks only)
//   npm start -- path/to/folder   open another folder
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, isPortFree, projectRoot, startCodeServer, workbenchUrl, writeUserSettings } from './code-server-harness.mjs';
import { SetupError, cacheRoot, ensureCodeServer } from './install-code-server.mjs';

const folderArgument = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const folder = path.resolve(folderArgument ?? path.join(projectRoot, 'samples'));
const host = process.env.HOST ?? '127.0.0.1';

function runBuild() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['esbuild.config.mjs'], { cwd: projectRoot, stdio: 'inherit' });
    child.on('close', (code) => resolve(code));
  });
}

async function main() {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new SetupError(`No such folder: ${folder}`);
  }
  console.log('start: building the extension...');
  if ((await runBuild()) !== 0) throw new SetupError('the build failed (see above); fix it and run npm start again.');

  const codeServer = await ensureCodeServer();

  // Kept between runs so your layout and settings survive; ours only seed a fresh profile.
  const userDataDir = path.join(cacheRoot, 'start-user-data');
  const extensionsDir = path.join(cacheRoot, 'start-extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) {
    writeUserSettings(userDataDir, { 'workbench.startupEditor': 'readme', 'chat.disableAIFeatures': true });
  }

  const wanted = Number(process.env.PORT ?? 8080);
  const port = (await isPortFree(wanted)) ? wanted : await freePort();
  const server = await startCodeServer({
    codeServer,
    port,
    host,
    userDataDir,
    extensionsDir,
    onOutput: (text) => {
      // Offline gallery lookups and browser tabs closing (SIGPIPE) are expected; anything else is shown.
      if (/error/i.test(text) && !/gallery|marketplace|open-vsx|ENOTFOUND|SIGPIPE/i.test(text)) process.stderr.write(`[code-server] ${text}`);
    },
  });

  // Rebuild on change: the bundle in dist/ is what the extension host loads.
  const watcher = spawn(process.execPath, ['esbuild.config.mjs', '--watch'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const watchStarted = Date.now();
  watcher.stderr.on('data', (chunk) => {
    const text = String(chunk);
    if (/error/i.test(text)) process.stderr.write(text);
    // The watcher's own first build is not news.
    else if (/build finished|Done in/i.test(text) && Date.now() - watchStarted > 5000) console.log('start: rebuilt; reload the browser window (Ctrl+R or "Developer: Reload Window").');
  });

  const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = workbenchUrl({
    baseUrl: `http://${shownHost}:${port}`,
    host: shownHost,
    port,
    folder,
    extensionDevelopmentPath: projectRoot,
  });
  console.log(`
Carbon Lexicon is running in code-server ${codeServer.version} (VS Code ${codeServer.vscodeVersion}).

  Open this URL in your browser (the long part loads the extension under development):

  ${url}

  Folder: ${path.relative(process.cwd(), folder) || '.'}
  Try:    hover an underlined term, open Problems (Ctrl+Shift+M), press Ctrl+. on a term,
          click the Carbon Lexicon icon in the activity bar.
${host === '0.0.0.0' ? '\n  Warning: listening on all interfaces with no password.\n' : ''}
Press Ctrl-C to stop.`);

  const stop = () => {
    watcher.kill();
    server.stop();
    setTimeout(() => process.exit(0), 300);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => {
    console.error(`start: code-server exited (${code}).`);
    watcher.kill();
    process.exit(code ?? 1);
  });
}

main().catch((error) => {
  console.error(`\nstart: ${error instanceof SetupError ? error.message : error?.stack ?? error}`);
  process.exit(1);
});
