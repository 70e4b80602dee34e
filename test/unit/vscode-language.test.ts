import { strict as assert } from 'node:assert';
import { languageAround } from '../../src/vscode/logic/language';

describe('vscode logic: language around the cursor', () => {
  it('follows the nearest letter before the cursor', () => {
    assert.equal(languageAround('我们要实现', 5), 'zh');
    assert.equal(languageAround('China will achieve ', 19), 'en');
    assert.equal(languageAround('中国将在 2030 年前实现 the goal of ', 'Chinese text 中国将在 2030 年前实现 the goal of '.length - 13), 'en');
  });

  it('skips digits, spaces and ASCII punctuation', () => {
    const text = '我们力争于 2030 ';
    assert.equal(languageAround(text, text.length), 'zh');
    const en = 'reach it before 2030, ';
    assert.equal(languageAround(en, en.length), 'en');
  });

  it('counts full-width punctuation as Chinese', () => {
    const text = '（';
    assert.equal(languageAround(text, 1, 'en'), 'zh');
  });

  it('looks after the cursor when the line has nothing before it', () => {
    assert.equal(languageAround('\nthe goal', 1), 'en');
    assert.equal(languageAround('\n目标', 1, 'en'), 'zh');
  });

  it('falls back to the surrounding lines, then to the default', () => {
    const text = 'Peak carbon and carbon neutrality.\n\n';
    assert.equal(languageAround(text, text.length, 'zh'), 'en');
    assert.equal(languageAround('', 0, 'en'), 'en');
    assert.equal(languageAround('   \n  ', 3, 'zh'), 'zh');
  });
});
