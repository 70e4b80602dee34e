// A term base far larger than the bundled one: thousands of Chinese terms make
// an alphabet of thousands of code units, beyond the matcher's budget for dense
// rows, so most shallow states are matched through their child lists. The
// matches must be what a plain leftmost-longest search finds.
import assert from 'node:assert/strict';
import { TermMatcher } from '../../src/core/matcher';
import type { Concept } from '../../src/core/types';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('matching with a very large term base', () => {
  it('finds the leftmost-longest terms when the dense rows cannot hold every shallow state', () => {
    const next = random(11);
    const ideograph = () => String.fromCharCode(0x4e00 + Math.floor(next() * 0x51a0));
    const terms = new Set<string>();
    // Terms of 2 to 4 ideographs, some sharing their first characters, some inside others.
    while (terms.size < 4000) {
      const length = 2 + Math.floor(next() * 3);
      let t = '';
      for (let i = 0; i < length; i++) t += ideograph();
      terms.add(t);
      if (next() < 0.2) terms.add(t.slice(1));
      if (next() < 0.2) terms.add(t.slice(0, 2) + ideograph() + ideograph());
    }
    const list = [...terms].filter((t) => t.length >= 2);
    const concepts: Concept[] = list.map((zh, i) => ({
      id: `t${i}`,
      zh,
      en: `term ${i}`,
      accepted: [],
      deprecated: [],
      definition: { zh: '', en: '' },
      category: 'policy-terms',
      refs: [],
    }));
    const matcher = new TermMatcher(concepts);
    const { states, classes } = matcher.stats;
    // Far beyond the 4M-cell budget had every state of depth < 3 a dense row.
    assert.ok(classes * Math.min(states, 2 * list.length) > 1 << 22, `${classes} classes, ${states} states`);

    // Terms and filler, no spaces or line breaks (those have rules of their own).
    let text = '';
    for (let i = 0; i < 6000; i++) text += next() < 0.5 ? list[Math.floor(next() * list.length)] : ideograph();
    const expected: Array<[number, number, string]> = [];
    for (let i = 0; i < text.length; ) {
      let found = 0;
      for (let n = 4; n >= 2 && !found; n--) if (terms.has(text.slice(i, i + n))) found = n;
      if (found) {
        expected.push([i, i + found, text.slice(i, i + found)]);
        i += found;
      } else i++;
    }
    const actual = matcher.findAll(text).map((m): [number, number, string] => [m.start, m.end, m.found]);
    assert.ok(expected.length > 2000, `${expected.length} terms in the text`);
    assert.deepEqual(actual, expected);
  });
});
