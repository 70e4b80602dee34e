import { strict as assert } from 'node:assert';
import { mergeConfig, settingsAsConfig } from '../../src/vscode/logic/mergeConfig';
import { DEFAULT_REPOSITORY, repositoryWebUrl, ruleDocUrl } from '../../src/vscode/logic/ruleDocs';

describe('vscode logic: settings and .carbon-lexicon.json', () => {
  it('reads settings, dropping values of the wrong type', () => {
    const config = settingsAsConfig({
      rules: { 'deprecated-term': 'error', 'number-mismatch': 'loud', 'inconsistent-variant': 3 },
      ignoredConcepts: ['peak-carbon', 7, ''],
      glossaries: 'not-a-list',
    });
    assert.deepEqual(config, { rules: { 'deprecated-term': 'error' }, ignoredConcepts: ['peak-carbon'] });
    assert.deepEqual(settingsAsConfig({}), {});
  });

  it('lets the config file win per rule and adds up the lists', () => {
    const merged = mergeConfig(
      { rules: { 'deprecated-term': 'error', 'inconsistent-variant': 'off' }, ignoredConcepts: ['a', 'b'], glossaries: ['team.json'] },
      { rules: { 'deprecated-term': 'hint' }, ignoredConcepts: ['b', 'c'], glossaries: ['project.tbx'], pairs: [['zh.md', 'en.md']] },
    );
    assert.deepEqual(merged, {
      rules: { 'deprecated-term': 'hint', 'inconsistent-variant': 'off' },
      ignoredConcepts: ['a', 'b', 'c'],
      glossaries: ['team.json', 'project.tbx'],
      pairs: [['zh.md', 'en.md']],
    });
  });

  it('uses settings alone when there is no file', () => {
    const settings = { rules: { 'number-mismatch': 'off' as const } };
    assert.deepEqual(mergeConfig(settings, undefined), settings);
  });

  it('builds rule page URLs from package.json repository', () => {
    assert.equal(ruleDocUrl('deprecated-term', { type: 'git', url: 'https://github.com/carbon-lexicon/carbon-lexicon.git' }), 'https://github.com/carbon-lexicon/carbon-lexicon/blob/main/docs/rules/deprecated-term.md');
    assert.equal(repositoryWebUrl('git+https://github.com/a/b.git'), 'https://github.com/a/b');
    assert.equal(repositoryWebUrl('github:a/b'), 'https://github.com/a/b');
    assert.equal(repositoryWebUrl('git@github.com:a/b.git'), 'https://github.com/a/b');
    assert.equal(repositoryWebUrl(undefined), DEFAULT_REPOSITORY);
  });
});
