import * as assert from 'node:assert/strict';
import { compareNumbers, extractNumbers, NumberMention } from '../../src/core/bilingual/numbers';

function hard(text: string, lang: 'zh' | 'en'): NumberMention[] {
  return extractNumbers(text, lang).filter((m) => !m.soft);
}

function keysOf(text: string, lang: 'zh' | 'en'): string[][] {
  return hard(text, lang).map((m) => m.keys);
}

/** Both texts carry the same numbers: nothing left over either way. */
function assertAgree(zh: string, en: string): void {
  const cmp = compareNumbers(extractNumbers(zh, 'zh'), extractNumbers(en, 'en'));
  assert.deepEqual(
    { zhOnly: cmp.zhOnly.map((m) => m.text), enOnly: cmp.enOnly.map((m) => m.text) },
    { zhOnly: [], enOnly: [] },
    `${zh} ↔ ${en}`,
  );
}

function assertDisagree(zh: string, en: string): void {
  const cmp = compareNumbers(extractNumbers(zh, 'zh'), extractNumbers(en, 'en'));
  assert.ok(cmp.zhOnly.length + cmp.enOnly.length > 0, `expected a difference: ${zh} ↔ ${en}`);
}

describe('bilingual numbers: extraction', () => {
  it('reads full dates in both languages to the same key', () => {
    assert.deepEqual(keysOf('2020年9月22日', 'zh'), [['date:2020-9-22']]);
    assert.deepEqual(keysOf('On September 22, 2020, at', 'en'), [['date:2020-9-22']]);
    assert.deepEqual(keysOf('on 22 September 2020', 'en'), [['date:2020-9-22']]);
    assert.deepEqual(keysOf('二〇二〇年九月二十二日', 'zh'), [['date:2020-9-22']]);
    assert.deepEqual(keysOf('on 12 May 2025', 'en'), [['date:2025-5-12']]);
    assert.deepEqual(keysOf('May 2025', 'en'), [['date:2025-5-']]);
    // "may" and "march" are verbs too.
    assert.deepEqual(keysOf('they may 2025 targets', 'en'), [['2025']]);
    assert.deepEqual(keysOf('两千零二十年', 'zh'), [['2020']]);
    assert.deepEqual(keysOf('一万二千', 'zh'), [['12000']]);
  });

  it('scales 亿 and 万 and English scale words', () => {
    assert.deepEqual(keysOf('14亿多人口', 'zh'), [['1400000000']]);
    assert.deepEqual(keysOf('over 1.4 billion people', 'en'), [['1400000000']]);
    assert.deepEqual(keysOf('十四亿', 'zh'), [['1400000000']]);
    assert.deepEqual(keysOf('3.5万吨', 'zh'), [['35000']]);
    assert.deepEqual(keysOf('三千五百万', 'zh'), [['35000000']]);
    assert.deepEqual(keysOf('1.2万亿元', 'zh'), [['1200000000000']]);
    assert.deepEqual(keysOf('1.2 trillion yuan', 'en'), [['1200000000000']]);
  });

  it('reads fractions and percentages as values', () => {
    assert.deepEqual(keysOf('约四分之一', 'zh'), [['0.25']]);
    assert.deepEqual(keysOf('about one-fourth of', 'en'), [['0.25']]);
    assert.deepEqual(keysOf('a quarter of the', 'en'), [['0.25']]);
    assert.deepEqual(keysOf('80%', 'zh'), [['0.8']]);
    assert.deepEqual(keysOf('百分之八十', 'zh'), [['0.8']]);
    assert.deepEqual(keysOf('８０％', 'zh'), [['0.8']]);
    assert.deepEqual(keysOf('80 percent', 'en'), [['0.8']]);
    assert.deepEqual(keysOf('80 per cent', 'en'), [['0.8']]);
  });

  it('reads ordinals, anniversaries and durations', () => {
    assert.deepEqual(keysOf('第75届联合国大会', 'zh'), [['75']]);
    assert.deepEqual(keysOf('the 75th Session', 'en'), [['75']]);
    assert.deepEqual(keysOf('十周年', 'zh'), [['10']]);
    assert.deepEqual(keysOf('the 10th anniversary', 'en'), [['10']]);
    assert.deepEqual(keysOf('五年来', 'zh'), [['5']]);
    assert.deepEqual(keysOf('five years', 'en'), [['5']]);
    assert.deepEqual(keysOf('两个', 'zh'), [['2']]);
    assert.deepEqual(keysOf('twenty-five', 'en'), [['25']]);
    assert.deepEqual(keysOf('three hundred and five million', 'en'), [['305000000']]);
  });

  it('normalises full-width digits and thousands separators', () => {
    assert.deepEqual(keysOf('２０３０年', 'zh'), [['2030']]);
    assert.deepEqual(keysOf('1,400,000,000', 'en'), [['1400000000']]);
    assert.deepEqual(keysOf('1,400,000,000人', 'zh'), [['1400000000']]);
  });

  it('keeps source offsets of the whole expression (UTF-16)', () => {
    const text = '𠀀在2020年9月22日宣布';
    const [m] = hard(text, 'zh');
    assert.equal(text.slice(m.start, m.end), '2020年9月22日');
    const en = 'He said on September 22, 2020, that';
    const [d] = hard(en, 'en');
    assert.equal(en.slice(d.start, d.end), 'September 22, 2020');
    // A sub-range keeps offsets into the whole text.
    const sub = extractNumbers('xx 2030 yy 2060', 'en', 8);
    assert.deepEqual(sub.map((s) => s.start), [11]);
  });

  it('does not read idioms, classifiers, chemical names and structural markers as numbers', () => {
    for (const zh of ['全国一盘棋', '两手发力', '任务还十分繁重', '二氧化碳排放', '国家之一', '一条有效路径', '“1+N”政策体系', '（一）推进', '①首先']) {
      assert.deepEqual(hard(zh, 'zh').map((m) => m.text), [], zh);
    }
    for (const en of ['the “1+N” policy framework', 'one of the countries', 'CO2 emissions', 'PM2.5', 'the two goals', 'no one knows', 'you may 12']) {
      const expected = en === 'you may 12' ? ['12'] : [];
      assert.deepEqual(hard(en, 'en').map((m) => m.text), expected, en);
    }
  });

  it('splits 十四五 into 14 and 5', () => {
    assert.deepEqual(keysOf('“十四五”时期', 'zh'), [['14'], ['5']]);
  });
});

describe('bilingual numbers: comparison', () => {
  const agreeing: Array<[string, string]> = [
    ['2020年9月22日', 'September 22, 2020'],
    ['14亿多人口', 'a population of over 1.4 billion'],
    ['约四分之一', 'about one-fourth'],
    ['约四分之一', 'a quarter'],
    ['80%', '80 percent'],
    ['80%', '80 per cent'],
    ['第75届', '75th'],
    ['十周年', '10th anniversary'],
    ['五年来', 'over the past five years'],
    ['2025年是《巴黎协定》达成十周年。十年来', 'The year 2025 marks the 10th anniversary of the Paris Agreement. Over the past decade'],
    ['世界百年变局加速演进', 'global transformation on a scale unseen in a century is accelerating'],
    ['全国一盘棋', 'a coordinated national response'],
    ['政府和市场两手发力', 'mobilizing both the government and the market'],
    ['实现碳达峰碳中和目标', 'the two goals'],
    ['12亿千瓦', '1,200 GW'],
    ['1200万千瓦', '12 million kW'],
    ['2030年前', 'before 2030'],
    ['第一', 'first'],
    ['２０６０年', '2060'],
    ['2021—2025年', '2021-2025'],
    ['下降3.4个百分点', 'fell by 3.4 percentage points'],
    ['100亿元', '10 billion yuan'],
    ['党的二十大', 'the 20th National Congress of the CPC'],
    ['“十四五”规划', 'the 14th Five-Year Plan (2021-2025)'],
    ['第二十八届联合国气候变化大会', 'COP28'],
    ['提高到原来的两倍', 'doubled'],
    ['详见[报告](https://example.org/2023/report.pdf)', 'see the [report](https://example.org/2023/report.pdf)'],
    ['见`config-2024.json`', 'see `config-2024.json`'],
    ['截至2024年底，可再生能源装机达到18.89亿千瓦，占全部发电装机的56%。', 'By the end of 2024, installed renewable capacity reached 1,889 GW, 56% of the total.'],
    ['森林蓄积量比2005年增加60亿立方米', 'forest stock volume rose by 6 billion cubic meters over the 2005 level'],
    ['一是加强顶层设计，二是完善政策，三是强化保障。', 'First, strengthen top-level design; second, improve policies; third, strengthen support.'],
    ['全国碳市场于2021年7月16日启动上线交易', 'The national carbon market began trading on July 16, 2021'],
    ['新增造林面积超过3.6万平方公里', 'newly afforested area exceeded 36,000 square kilometers'],
    ['七月', 'in July'],
    ['三个月内', 'within three months'],
    ['百万千瓦级核电', 'million-kilowatt nuclear power units'],
    ['四川、三江源的水电', 'hydropower in Sichuan and the Sanjiangyuan region'],
    ['第一时间部署', 'acted immediately'],
    ['“十三五”时期', 'during the 13th Five-Year Plan period'],
    ['一国两制', 'One Country, Two Systems'],
    ['共建“一带一路”国家', 'countries participating in the Belt and Road Initiative'],
  ];
  for (const [zh, en] of agreeing) {
    it(`agrees: ${zh} ↔ ${en}`, () => assertAgree(zh, en));
  }

  const differing: Array<[string, string]> = [
    ['2020年9月22日', 'September 23, 2020'],
    ['2020年9月22日', 'September 22, 2021'],
    ['14亿', '14 billion'],
    ['14亿', '1.3 billion'],
    ['四分之一', 'one-third'],
    ['80%', '8 percent'],
    ['第75届', '76th'],
    ['十周年', '20th anniversary'],
    ['五年来', 'over the past four years'],
    ['2030年前', 'by 2035'],
    ['碳排放下降了18%', 'carbon emissions fell'],
    ['碳排放下降', 'carbon emissions fell by 18%'],
  ];
  for (const [zh, en] of differing) {
    it(`differs: ${zh} ↔ ${en}`, () => assertDisagree(zh, en));
  }

  it('counts repeated numbers as a multiset', () => {
    assertDisagree('2030年和2030年', '2030');
    assertAgree('2030年和2030年', 'in 2030 and again in 2030');
  });
});
