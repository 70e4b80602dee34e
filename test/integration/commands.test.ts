// Every command the manifest contributes is registered by activate(), and
// the fixed ids of the project brief are among them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate } from './helpers';

const FIXED_COMMANDS = [
  'carbonLexicon.searchTerms',
  'carbonLexicon.fixAllInFile',
  'carbonLexicon.ignoreHere',
  'carbonLexicon.learnMore',
  'carbonLexicon.revealParagraph',
  'carbonLexicon.openReader',
  'carbonLexicon.nextOccurrence',
  'carbonLexicon.openBilingualPair',
  'carbonLexicon.addToGlossary',
  'carbonLexicon.markDeprecated',
];

describe('Commands', () => {
  before(activate);

  it('registers every command in contributes.commands, including the fixed ids', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes?: { commands?: Array<{ command: string }> } };
    const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
    for (const id of FIXED_COMMANDS) assert.ok(contributed.includes(id), `package.json does not contribute ${id}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
