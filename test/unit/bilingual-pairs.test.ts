import * as assert from 'node:assert/strict';
import * as path from 'path';
import { languageOfPath, pairFiles, partnerFolders, partnerOf } from '../../src/cli/pairs';

describe('bilingual pairs: file names', () => {
  it('pairs name.zh.md with name.en.md', () => {
    assert.deepEqual(pairFiles(['docs/report.zh.md', 'docs/report.en.md', 'docs/other.md']), {
      pairs: [{ zh: 'docs/report.zh.md', en: 'docs/report.en.md' }],
      singles: ['docs/other.md'],
    });
  });

  it('accepts region and script tags, "_" and "-" separators, .markdown and .txt', () => {
    const cases: Array<[string, string]> = [
      ['a.zh-CN.md', 'a.en-US.md'],
      ['b.zh-Hans.markdown', 'b.en-GB.markdown'],
      ['c_zh_CN.txt', 'c_en.txt'],
      ['d-zh.md', 'd-en.md'],
      ['e.ZH.md', 'e.EN.md'],
      ['f.zh.md', 'f.en.markdown'],
      ['g.cn.md', 'g.en.md'],
    ];
    for (const [zh, en] of cases) {
      assert.deepEqual(pairFiles([en, zh]).pairs, [{ zh, en }], `${zh} + ${en}`);
    }
  });

  it('does not pair across folders, extensions of another kind, or with itself', () => {
    assert.deepEqual(pairFiles(['a/x.zh.md', 'b/x.en.md']).pairs, []);
    assert.deepEqual(pairFiles(['x.zh.md', 'x.en.txt']).pairs, []);
    assert.deepEqual(pairFiles(['x.zh.md', 'x.zh.md']).pairs, []);
    assert.deepEqual(pairFiles(['x.zh.md', 'y.en.md']).pairs, []);
  });

  it('leaves Traditional Chinese unpaired by name (the term base is simplified)', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-Hant']) {
      assert.deepEqual(pairFiles([`x.${tag}.md`, 'x.en.md']), { pairs: [], singles: [`x.${tag}.md`, 'x.en.md'] }, tag);
      assert.equal(languageOfPath(`x.${tag}.md`), undefined);
    }
  });

  it('prefers the plain tag when several files claim the same document', () => {
    const { pairs, singles } = pairFiles(['r.en-US.md', 'r.zh-CN.md', 'r.en.md', 'r.zh.md']);
    assert.deepEqual(pairs, [{ zh: 'r.zh.md', en: 'r.en.md' }]);
    assert.deepEqual(singles, ['r.en-US.md', 'r.zh-CN.md']);
  });

  it('pairs zh/name.md with en/name.md', () => {
    assert.deepEqual(pairFiles(['site/zh/intro.md', 'site/en/intro.md', 'site/en/only.md']), {
      pairs: [{ zh: 'site/zh/intro.md', en: 'site/en/intro.md' }],
      singles: ['site/en/only.md'],
    });
    assert.deepEqual(pairFiles(['site/zh-CN/a.md', 'site/en-US/a.md']).pairs, [{ zh: 'site/zh-CN/a.md', en: 'site/en-US/a.md' }]);
  });

  it('pairs files listed in the config, relative to the config folder, before names', () => {
    const configDir = path.resolve('/work/project');
    const config = { pairs: [['drafts/chinese.md', 'drafts/english.md']] as Array<[string, string]>, configDir };
    const paths = [path.join(configDir, 'drafts', 'english.md'), path.join(configDir, 'drafts', 'chinese.md'), path.join(configDir, 'notes.md')];
    assert.deepEqual(pairFiles(paths, config), {
      pairs: [{ zh: paths[1], en: paths[0] }],
      singles: [paths[2]],
    });
    // A config pair takes a file that the names would pair otherwise.
    const both = [path.join(configDir, 'x.zh.md'), path.join(configDir, 'x.en.md'), path.join(configDir, 'y.md')];
    const res = pairFiles(both, { pairs: [['x.zh.md', 'y.md']], configDir });
    assert.deepEqual(res.pairs, [{ zh: both[0], en: both[2] }]);
    assert.deepEqual(res.singles, [both[1]]);
  });

  it('ignores malformed config pairs and pairs whose files were not given', () => {
    const config = { pairs: [['only-one.md'], ['a.md', 'missing.md']] as unknown as Array<[string, string]>, configDir: '/p' };
    assert.deepEqual(pairFiles(['/p/a.md', '/p/b.md'], config), { pairs: [], singles: ['/p/a.md', '/p/b.md'] });
  });

  it('finds the partner of one file among its neighbours', () => {
    assert.deepEqual(partnerOf('d/r.en.md', ['d/r.en.md', 'd/r.zh.md', 'd/s.zh.md']), { partner: 'd/r.zh.md', lang: 'en' });
    assert.deepEqual(partnerOf('d/r.zh.md', ['d/r.en.md']), { partner: 'd/r.en.md', lang: 'zh' });
    assert.equal(partnerOf('d/r.md', ['d/r.en.md']), undefined);
    assert.deepEqual(partnerFolders(path.join('site', 'zh', 'a.md'), ['zh', 'en', 'img']), [path.join('site', 'zh'), path.join('site', 'en')]);
    assert.deepEqual(partnerFolders(path.join('docs', 'a.zh.md'), ['docs']), ['docs']);
  });
});
