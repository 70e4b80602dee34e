#!/usr/bin/env node
// Browser checks a person would make, in the real VS Code workbench served by
// code-server and driven through Debian's Chromium with playwright-core:
// hover a term, count the Problems, open the sidebar, pick a quick fix from
// the Ctrl+. menu. Screenshots go to test-results/screenshots/; with
// --update-screenshots to media/screenshots/ (the ones README shows).
//
//   node test/ui/ui.mjs [--update-screenshots] [--headed] [--keep-open] [--no-screenshots] [--verbose]
//
// Expected values come from the data (data/terms.json, data/paper.json) and
// from the compiled engine (out/src/core), never from the extension's UI code.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  HarnessError,
  consoleText,
  copyTree,
  freePort,
  launchChromium,
  projectRoot,
  requireBuildOutputs,
  requireTools,
  startCodeServer,
  tempDir,
  workbenchUrl,
  writeUserSettings,
} from '../../scripts/code-server-harness.mjs';

const require = createRequire(import.meta.url);
const flags = new Set(process.argv.slice(2));
const verbose = flags.has('--verbose');
const screenshotsDir = flags.has('--update-screenshots')
  ? path.join(projectRoot, 'media', 'screenshots')
  : path.join(projectRoot, 'test-results', 'screenshots');
const failureDir = path.join(projectRoot, 'test-results');
const overallTimeoutMs = Number(process.env.CARBON_LEXICON_UI_TIMEOUT ?? 240) * 1000;
const stepTimeoutMs = 20_000;

const terms = JSON.parse(fs.readFileSync(path.join(projectRoot, 'data', 'terms.json'), 'utf8'));
const paper = JSON.parse(fs.readFileSync(path.join(projectRoot, 'data', 'paper.json'), 'utf8'));
const conceptById = (id) => {
  const concept = terms.concepts.find((c) => c.id === id);
  if (!concept) throw new Error(`data/terms.json has no concept "${id}"`);
  return concept;
};

/** Findings the engine reports for a sample with the samples' own config: what Problems must count. */
function engineFindings(sampleName) {
  const { createEngine } = require(path.join(projectRoot, 'out/src/core/engine.js'));
  const { parseConfig } = require(path.join(projectRoot, 'out/src/core/config.js'));
  const configFile = path.join(projectRoot, 'samples', '.carbon-lexicon.json');
  const { config } = parseConfig(fs.readFileSync(configFile, 'utf8'), '.carbon-lexicon.json');
  const text = fs.readFileSync(path.join(projectRoot, 'samples', sampleName), 'utf8');
  return createEngine().lint(text, 'markdown', config).filter((finding) => config.rules?.[finding.rule] !== 'off');
}

/** Text without Monaco's non-breaking spaces, whitespace collapsed. */
const normalise = (text) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

/** Screen point of the middle of the n-th occurrence of `needle` in the active editor. */
async function pointOf(page, needle, occurrence = 0) {
  const point = await page.evaluate(
    ({ needle, occurrence }) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
      if (!editor) return null;
      const lines = [...editor.querySelectorAll('.view-line')].sort(
        (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
      );
      let seen = 0;
      for (const line of lines) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let text = '';
        while (walker.nextNode()) {
          nodes.push({ node: walker.currentNode, start: text.length });
          text += walker.currentNode.data;
        }
        text = text.replace(/\u00a0/g, ' ');
        let index = text.indexOf(needle);
        while (index >= 0 && seen < occurrence) {
          seen++;
          index = text.indexOf(needle, index + 1);
        }
        if (index < 0) continue;
        const middle = index + Math.floor(needle.length / 2);
        const hit = nodes.find(({ node, start }) => middle >= start && middle < start + node.data.length);
        const range = document.createRange();
        range.setStart(hit.node, middle - hit.start);
        range.setEnd(hit.node, middle - hit.start + 1);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      return null;
    },
    { needle, occurrence },
  );
  if (!point) throw new Error(`"${needle}" is not visible in the active editor`);
  return point;
}

async function editorText(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    if (!editor) return '';
    return [...editor.querySelectorAll('.view-line')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((line) => line.textContent.replace(/\u00a0/g, ' '))
      .join('\n');
  });
}

async function waitUntil(description, probe, timeoutMs = stepTimeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function quickInput(page, shortcut, query, rowText) {
  await page.keyboard.press('Escape');
  await page.keyboard.press(shortcut);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: stepTimeoutMs });
  await input.fill(query);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: rowText }).first().waitFor({ timeout: stepTimeoutMs });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: stepTimeoutMs });
}

async function runCommand(page, title) {
  await quickInput(page, 'Control+Shift+P', `>${title}`, title);
}

async function openFile(page, name) {
  await quickInput(page, 'Control+P', name, name);
  await page.locator('.editor-group-container.active .tab.active', { hasText: name }).waitFor({ timeout: stepTimeoutMs });
  await page.locator('.editor-group-container.active .monaco-editor .view-line').first().waitFor({ timeout: stepTimeoutMs });
  // The editor must have focus for keyboard commands (Ctrl+.) that follow.
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus().catch(() => {});
}

/** "Warnings: 11" / "Errors: 1, Warnings: 3" from the status bar's problems item. */
async function problemCounts(page) {
  const label = (await page.locator('#status\\.problems').getAttribute('aria-label')) ?? '';
  const count = (kind) => Number(new RegExp(`${kind}: (\\d+)`, 'i').exec(label)?.[1] ?? 0);
  return { errors: count('Errors'), warnings: count('Warnings'), infos: count('Infos'), label };
}

async function visibleHover(page, mustContain, timeoutMs) {
  // Every part: VS Code shows a hover's parts as they arrive (the problem's text can come
  // before the term entry), so waiting for one part alone can catch a half-filled hover.
  let hover = page.locator('.monaco-hover:not(.hidden)');
  for (const part of mustContain) hover = hover.filter({ hasText: part });
  try {
    await hover.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    // Say what the hover does show (hoverOver names the missing part).
    const shown = page.locator('.monaco-hover:not(.hidden)').first();
    return (await shown.isVisible()) ? normalise(await shown.innerText()) : '(no hover)';
  }
  // Let the fade-in finish so screenshots show the hover, not a blend.
  await waitUntil('the hover to finish fading in', () =>
    hover.first().evaluate((element) => {
      const animating = [element, ...element.querySelectorAll('*')].some((node) => node.getAnimations().some((a) => a.playState === 'running'));
      return !animating && getComputedStyle(element).opacity === '1';
    }),
  );
  const text = normalise(await hover.first().innerText());
  return text;
}

const hoverAttemptMs = 4_000;

async function hoverOver(page, needle, mustContain) {
  // VS Code asks the providers once per pointer rest: a hover asked for before our extension
  // has activated stays empty, so the pointer moves away and back until the deadline.
  const deadline = Date.now() + stepTimeoutMs;
  for (;;) {
    const point = await pointOf(page, needle);
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const text = await visibleHover(page, mustContain, Math.min(hoverAttemptMs, Math.max(1, deadline - Date.now())));
    const missing = mustContain.find((part) => !text.includes(normalise(part)));
    if (missing === undefined) return text;
    if (Date.now() >= deadline) throw new Error(`hover over "${needle}" lacks ${JSON.stringify(missing)}; it shows: ${text.slice(0, 400)}`);
  }
}

// ---------------------------------------------------------------- checks

const checks = [];
const check = (name, run) => checks.push({ name, run });

check('hovering an English deprecated term shows the concept, the canonical form and the definition', async ({ page, shot }) => {
  await openFile(page, 'press-release.en.md');
  const peak = conceptById('peak-carbon');
  await hoverOver(page, 'carbon peaking', [peak.en, peak.zh, 'Deprecated', peak.definition.en.slice(0, 40)]);
  await shot('hover-en');
});

check('hovering a Chinese term shows its entry with the Chinese definition (CJK rendered)', async ({ page, shot }) => {
  await openFile(page, '政策简报.zh.md');
  const peak = conceptById('peak-carbon');
  await hoverOver(page, '碳峰值', [peak.zh, peak.en, peak.definition.zh.slice(0, 12)]);
  await shot('hover-zh');
  await page.mouse.move(5, 5);
});

check('the Problems panel counts the findings of the open draft', async ({ page, shot }) => {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.editor-group-container.active .tab').first().waitFor({ state: 'detached', timeout: stepTimeoutMs });
  await openFile(page, 'press-release.en.md');
  const expected = engineFindings('press-release.en.md');
  if (expected.length === 0) throw new Error('the engine finds nothing in samples/press-release.en.md: the sample lost its mistakes');
  const counts = await waitUntil(`${expected.length} problems in the status bar`, async () => {
    const counts = await problemCounts(page);
    return counts.errors + counts.warnings + counts.infos === expected.length ? counts : undefined;
  }).catch(async (error) => {
    throw new Error(`${error.message}; status bar says "${(await problemCounts(page)).label}"`);
  });
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: stepTimeoutMs });
  // The panel's own count badge (on its tab) agrees with the status bar.
  const badge = page.locator('.panel .composite-bar .badge-content').first();
  await waitUntil('the Problems badge', async () => normalise(await badge.innerText().catch(() => '')) === String(expected.length));
  const firstMessage = normalise(expected[0].message).slice(0, 30);
  await panel.locator('.monaco-list-row', { hasText: firstMessage }).first().waitFor({ timeout: stepTimeoutMs });
  await shot('problems');
  if (verbose) console.log(`  status bar: ${counts.label}`);
});

check('the sidebar shows the white paper’s sections', async ({ page, shot }) => {
  await page.locator('.activitybar .action-item a[aria-label^="Carbon Lexicon"], .activitybar .action-item[aria-label^="Carbon Lexicon"]').first().click();
  const sidebar = page.locator('#workbench\\.parts\\.sidebar');
  const paperHeader = sidebar.locator('.pane-header', { hasText: 'White Paper' });
  await paperHeader.waitFor({ timeout: stepTimeoutMs });
  if ((await paperHeader.getAttribute('aria-expanded')) === 'false') await paperHeader.click();
  const topLevel = paper.sections.filter((section) => section.parent === null);
  for (const section of topLevel) {
    const title = section.title.zh ?? section.title.en;
    await sidebar.locator('.monaco-list-row', { hasText: title }).first().waitFor({ timeout: stepTimeoutMs }).catch(() => {
      throw new Error(`section "${title}" is not in the White Paper view`);
    });
  }
  await page.mouse.move(700, 700); // no activity-bar tooltip in the screenshot
  await page.locator('.monaco-hover:not(.hidden), .custom-hover').first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
  await shot('sidebar');
});

check('a quick fix chosen from the Ctrl+. menu changes the text', async ({ page, shot }) => {
  await openFile(page, 'press-release.en.md');
  const before = await problemCounts(page);
  const peak = conceptById('peak-carbon');
  const point = await pointOf(page, 'carbon peaking');
  await page.mouse.click(point.x, point.y);
  await page.mouse.move(5, 5);
  await page.keyboard.press('Control+.');
  const item = page.locator('.action-widget .monaco-list-row', { hasText: `with “${peak.en}”` }).first();
  await item.waitFor({ state: 'visible', timeout: stepTimeoutMs }).catch(async () => {
    const offered = await page.locator('.action-widget .monaco-list-row').allInnerTexts().catch(() => []);
    throw new Error(`no "Replace … with “${peak.en}”" in the quick-fix menu; it offers ${JSON.stringify(offered)}`);
  });
  await shot('quick-fix');
  // Choose it the keyboard way (a pointer shield covers the menu while it opens): arrows to it, Enter.
  const wanted = await item.getAttribute('aria-label');
  const focusedLabel = () => page.locator('.action-widget .monaco-list-row.focused').first().getAttribute('aria-label').catch(() => null);
  for (let step = 0; step < 12 && (await focusedLabel()) !== wanted; step++) await page.keyboard.press('ArrowDown');
  if ((await focusedLabel()) !== wanted) throw new Error(`could not focus "${wanted}" in the quick-fix menu`);
  await page.keyboard.press('Enter');
  const text = await waitUntil('the fix in the editor', async () => {
    const text = await editorText(page);
    return text.includes(`commitment to ${peak.en} before 2030`) ? text : undefined;
  });
  if (text.includes('carbon peaking')) throw new Error('"carbon peaking" is still in the editor after the fix');
  await waitUntil('one problem fewer', async () => {
    const after = await problemCounts(page);
    return after.errors + after.warnings + after.infos === before.errors + before.warnings + before.infos - 1;
  });
  // Leave the sample as it was, so closing editors later asks nothing.
  await runCommand(page, 'File: Revert File');
});

check('opening a bilingual pair shows both files side by side, with the year that differs flagged', async ({ page, shot }) => {
  await runCommand(page, 'View: Close All Editor Groups');
  await page.keyboard.press('Control+Shift+M'); // hide the panel again so the pair gets the room
  await openFile(page, 'briefing.en.md');
  await runCommand(page, 'Carbon Lexicon: Open bilingual pair');
  const tabs = page.locator('.editor-group-container .tab');
  await waitUntil('briefing.zh.md and briefing.en.md side by side', async () => {
    const groups = await page.locator('.editor-group-container').count();
    const names = await tabs.allInnerTexts();
    return groups >= 2 && names.some((n) => n.includes('briefing.zh.md')) && names.some((n) => n.includes('briefing.en.md'));
  });
  // The English file says 2065 where the Chinese says 2060: Problems lists a number-mismatch on it.
  await page.keyboard.press('Control+Shift+M');
  await page
    .locator('.markers-panel .monaco-list-row', { hasText: '2065' })
    .filter({ hasText: 'number-mismatch' })
    .first()
    .waitFor({ timeout: stepTimeoutMs })
    .catch(() => {
      throw new Error('no number-mismatch on "2065" in the Problems panel');
    });
  await page.mouse.move(700, 800);
  await shot('bilingual-pair');
});

check('the white paper reader opens with the paper’s sections', async ({ page, shot }) => {
  await runCommand(page, 'View: Close All Editor Groups');
  await runCommand(page, 'View: Hide Panel');
  await runCommand(page, 'Carbon Lexicon: Open the white paper reader');
  await page.locator('.editor-group-container .tab', { hasText: 'White Paper Reader' }).first().waitFor({ state: 'visible', timeout: stepTimeoutMs });
  const preface = paper.sections.find((section) => section.id === 'preface');
  // The reader is a webview: its document lives in a nested frame.
  await waitUntil('the reader showing the Preface', async () => {
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (!text.includes(preface.title.zh) || !text.includes(preface.title.en)) continue;
      // The frame must be on screen, not a hidden leftover.
      const box = await (await frame.frameElement().catch(() => null))?.boundingBox();
      if (box && box.width > 200 && box.height > 200) return true;
    }
    return false;
  });
  await shot('reader');
});

// ---------------------------------------------------------------- runner

async function main() {
  const started = Date.now();
  const { codeServer, chromium } = requireTools();
  requireBuildOutputs(['dist/extension.js', 'out/src/core/engine.js']);

  const scratch = tempDir('carbon-lexicon-ui-');
  const workspace = path.join(scratch, 'samples');
  copyTree(path.join(projectRoot, 'samples'), workspace);
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir);

  const port = await freePort();
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    server?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  process.once('SIGINT', () => cleanup().finally(() => process.exit(130)));
  const watchdog = setTimeout(() => {
    console.error(`ui: no result after ${overallTimeoutMs / 1000} s, giving up`);
    cleanup().finally(() => process.exit(1));
  }, overallTimeoutMs);

  let failures = 0;
  try {
    server = await startCodeServer({ codeServer, port, userDataDir, extensionsDir });
    browser = await launchChromium(chromium, { headless: !flags.has('--headed') });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: 'en-US' });
    page.on('console', async (message) => {
      if (!verbose) return;
      console.log(`[workbench] ${await consoleText(message).catch(() => message.text())}`);
    });
    await page.goto(workbenchUrl({ baseUrl: server.baseUrl, port, folder: workspace, extensionDevelopmentPath: projectRoot }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The extension has activated once its status bar item or activity bar entry exists.
    await page.locator('.activitybar .action-item a[aria-label^="Carbon Lexicon"], .activitybar .action-item[aria-label^="Carbon Lexicon"]').first().waitFor({ timeout: 60_000 });
    console.log(`ui: workbench ready after ${((Date.now() - started) / 1000).toFixed(1)} s (code-server ${codeServer.version})`);

    fs.mkdirSync(screenshotsDir, { recursive: true });
    for (const { name, run } of checks) {
      const checkStarted = Date.now();
      const shot = async (file) => {
        if (!flags.has('--no-screenshots')) await page.screenshot({ path: path.join(screenshotsDir, `${file}.png`) });
      };
      try {
        await run({ page, shot });
        console.log(`  ✔ ${name} (${Date.now() - checkStarted} ms)`);
      } catch (error) {
        failures++;
        fs.mkdirSync(failureDir, { recursive: true });
        const file = path.join(failureDir, `ui-failure-${failures}.png`);
        await page.screenshot({ path: file }).catch(() => {});
        console.log(`  ✘ ${name}\n      ${error.message.split('\n').join('\n      ')}\n      screenshot: ${path.relative(projectRoot, file)}`);
        await page.keyboard.press('Escape').catch(() => {});
      }
    }
    if (flags.has('--keep-open')) {
      console.log(`ui: workbench left open at ${server.baseUrl}; Ctrl-C to stop`);
      await new Promise(() => {});
    }
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
  console.log(`ui: ${checks.length - failures} passed, ${failures} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof HarnessError ? `\nui: ${error.message}` : error);
    process.exit(1);
  },
);
