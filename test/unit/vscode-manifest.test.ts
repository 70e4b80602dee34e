// The manifest and the translations stay in step with the code: every
// contributed string has an English and a Chinese text, every runtime string
// has a Chinese translation with the same placeholders, and the fixed ids are there.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * String literals passed to l10n.t(...) or to an injected t(...): in the
 * extension's own files, or (all) in every file under src/vscode, features
 * written separately included.
 */
function runtimeStrings(all = false): Set<string> {
  const files = sourceFiles(path.join(root, 'src', 'vscode'));
  const mine = all ? files : files.filter((f) => !/[\\/](bilingual|glossary)(\.ts|[\\/])/.test(f));
  const found = new Set<string>();
  const call = /(?:\bl10n\.t|(?<![\w.])t)\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g;
  for (const file of mine) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(call)) found.add(m[2].replace(/\\(['"`\\])/g, '$1'));
  }
  return found;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');

describe('vscode: manifest and translations', () => {
  const manifest = readJson('package.json');
  const nls = readJson('package.nls.json');
  const nlsZh = readJson('package.nls.zh-cn.json');
  const bundleZh = readJson('l10n/bundle.l10n.zh-cn.json');

  it('has an English and a Chinese text for every %key% in package.json, and no others', () => {
    const keys = new Set([...JSON.stringify(manifest).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
    assert.ok(keys.size > 20);
    assert.deepEqual([...keys].filter((k) => !(k in nls)), []);
    assert.deepEqual(Object.keys(nls).sort(), Object.keys(nlsZh).sort());
    assert.deepEqual(Object.keys(nls).filter((k) => !keys.has(k)), []);
  });

  it('translates every runtime string into Chinese with the same placeholders, and keeps no stale entries', () => {
    const strings = runtimeStrings();
    assert.ok(strings.size > 30, `found ${strings.size}`);
    const missing = [...strings].filter((s) => !(s in bundleZh));
    assert.deepEqual(missing, []);
    for (const s of strings) assert.equal(placeholders(bundleZh[s]), placeholders(s), s);
    const everywhere = runtimeStrings(true);
    assert.deepEqual(Object.keys(bundleZh).filter((k) => !everywhere.has(k)), []);
    for (const s of everywhere) if (s in bundleZh) assert.equal(placeholders(bundleZh[s]), placeholders(s), s);
  });

  it('contributes the fixed ids every helper and test relies on', () => {
    const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const id of ['searchTerms', 'fixAllInFile', 'ignoreHere', 'learnMore', 'revealParagraph', 'openReader', 'nextOccurrence', 'openBilingualPair', 'addToGlossary', 'markDeprecated']) {
      assert.ok(commands.has(`carbonLexicon.${id}`), id);
    }
    assert.deepEqual(manifest.contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id), ['carbonLexicon']);
    assert.deepEqual(manifest.contributes.views.carbonLexicon.map((v: { id: string }) => v.id).sort(), ['carbonLexicon.draft', 'carbonLexicon.glossary', 'carbonLexicon.paper']);
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    for (const setting of ['enable', 'languages', 'run', 'debounce', 'rules', 'ignoredConcepts', 'maxFileSize', 'glossaries']) {
      assert.ok(manifest.contributes.configuration.properties[`carbonLexicon.${setting}`], setting);
    }
    assert.deepEqual(manifest.contributes.configuration.properties['carbonLexicon.languages'].default, ['markdown', 'plaintext']);
  });

  it('ships a rule page for every rule and the icons the manifest names', () => {
    for (const rule of ['deprecated-term', 'inconsistent-variant', 'missing-translation', 'number-mismatch']) {
      assert.ok(fs.existsSync(path.join(root, 'docs', 'rules', `${rule}.md`)), rule);
    }
    assert.ok(fs.existsSync(path.join(root, manifest.icon)));
    assert.ok(fs.existsSync(path.join(root, manifest.contributes.viewsContainers.activitybar[0].icon)));
    const png = fs.readFileSync(path.join(root, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128, 'icon width');
    assert.equal(png.readUInt32BE(20), 128, 'icon height');
  });

  it('packs every file the manifest points at (.vscodeignore allow-list)', () => {
    const allowed = fs
      .readFileSync(path.join(root, '.vscodeignore'), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.startsWith('!'))
      .map((line) => new RegExp(`^${line.slice(1).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`));
    const packed = (file: string) => allowed.some((pattern) => pattern.test(file.replace(/^\.\//, '')));
    const referenced = [
      manifest.main,
      manifest.icon,
      ...manifest.contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon),
      ...(manifest.contributes.jsonValidation ?? []).map((v: { url: string }) => v.url),
      'package.nls.json',
      'package.nls.zh-cn.json',
      'l10n/bundle.l10n.zh-cn.json',
      'media/reader.css',
      'docs/rules/deprecated-term.md',
    ];
    for (const file of referenced) {
      assert.ok(packed(file), `${file} is left out of the .vsix`);
      if (file !== manifest.main) assert.ok(fs.existsSync(path.join(root, file)), `${file} does not exist`);
    }
    assert.ok(!packed('src/vscode/extension.ts') && !packed('node_modules/fuse.js/package.json') && !packed('dist/extension.js.map'));
  });
});
