// Term search (the carbonLexicon.searchTerms quick pick runs on the same function).
import * as assert from 'node:assert/strict';
import type { CarbonLexiconApi } from '../../src/vscode/api';
import { activate, concept } from './helpers';

describe('Search terms', () => {
  let api: CarbonLexiconApi;
  before(async () => {
    api = await activate();
  });

  it('finds 碳达峰 from the pinyin "tandafeng", first', () => {
    const results = api.searchTerms('tandafeng');
    assert.ok(results.length > 0, 'no result for tandafeng');
    assert.equal(results[0].conceptId, 'peak-carbon', `first results: ${JSON.stringify(results.slice(0, 3))}`);
    assert.ok(results[0].label.includes(concept('peak-carbon').zh));
  });

  it('finds a concept from its English rendering and from a deprecated one', () => {
    assert.equal(api.searchTerms('carbon neutrality')[0]?.conceptId, 'carbon-neutrality');
    assert.ok(api.searchTerms('community of common destiny').slice(0, 3).some((r) => r.conceptId === 'shared-future-for-humanity'));
  });

  it('returns nothing for gibberish', () => {
    assert.deepEqual(api.searchTerms('qzxjvwq'), []);
  });

  it('the searchTerms command is registered', async () => {
    const vscode = await import('vscode');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('carbonLexicon.searchTerms'));
  });
});
