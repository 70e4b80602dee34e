// Shared helpers for the integration tests: activation, opening fixtures,
// waiting on asynchronous results with a deadline (never a fixed sleep), and
// the bundled term base read from the extension itself (expected values come
// from the data, not from the code under test).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CarbonLexiconApi } from '../../src/vscode/api';
import type { Concept, TermBase } from '../../src/core/types';

export const EXTENSION_ID = 'carbon-lexicon.carbon-lexicon';
export const SOURCE = 'Carbon Lexicon';

let announced = false;

export async function activate(): Promise<CarbonLexiconApi> {
  const extension = vscode.extensions.getExtension<CarbonLexiconApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  if (!announced) {
    announced = true;
    // Source tree or installed VSIX: say which one these results are about.
    console.log(`  extension under test: ${extension.extensionPath} (version ${String(extension.packageJSON.version)})`);
  }
  const api = await extension.activate();
  assert.ok(api && typeof api.lintDocument === 'function', 'activate() did not return the Carbon Lexicon API');
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the runner opens test/integration/fixtures/workspace)');
  return folder.uri;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export async function openFixture(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(description: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${last ? ` (last error: ${String(last)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

/** Waits until our diagnostics for `uri` satisfy `accept`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, description: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics on ${path.posix.basename(uri.path)}: ${description}`, () => {
    const diagnostics = ourDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  });
}

/** The range of the n-th (0-based) occurrence of `needle` in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `fixture ${path.posix.basename(document.uri.path)} lacks occurrence ${occurrence} of ${JSON.stringify(needle)}`);
  }
  return new vscode.Range(document.positionAt(index), document.positionAt(index + needle.length));
}

export function formatRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The repository (this file is compiled to out/test/integration/). */
export const projectRoot = path.resolve(__dirname, '..', '..', '..');

/** A file under data/ in the repository: the source the bundle inlines (a packaged VSIX carries no data/). */
export function projectData<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, 'data', name), 'utf8')) as T;
}

let termBase: TermBase | undefined;

/** The bundled term base (data/terms.json), read independently of the extension's code. */
export function bundledTerms(): TermBase {
  termBase ??= projectData<TermBase>('terms.json');
  return termBase;
}

export function concept(id: string): Concept {
  const found = bundledTerms().concepts.find((c) => c.id === id);
  assert.ok(found, `data/terms.json has no concept "${id}"`);
  return found;
}

/** Hover contents from every provider at a position, as plain strings. */
export async function hoverTexts(uri: vscode.Uri, position: vscode.Position): Promise<{ texts: string[]; hovers: vscode.Hover[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const texts = hovers.map((hover) =>
    hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n'),
  );
  return { texts, hovers };
}

/** Markdown as a reader sees it: escapes, emphasis markers and line-break markup removed, spaces collapsed. */
export function plain(markdown: string): string {
  return markdown
    .replace(/\\([\\`*_{}\[\]()#+\-.!|<>~])/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reverts edits a test made to a fixture (so no save prompt appears) and closes every editor. */
export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
