// The matcher marks a deprecated match `unsafeFix` when, with every deprecated
// match of the text replaced (as fixing all does), some deprecated rendering
// overlaps its replacement. It checks only a small window around each
// replacement; these tests compare it with the plain definition: replace
// everything, match the whole fixed text again, look for overlaps.
import assert from 'node:assert/strict';
import { TermMatcher } from '../../src/core/matcher';
import { bundledTermBase } from '../../src/core/data';

const matcher = new TermMatcher(bundledTermBase.concepts);

/** Indexes of the deprecated matches whose replacement a deprecated rendering overlaps in the fully fixed text. */
function unsafeByDefinition(text: string): number[] {
  const matches = matcher.findAll(text);
  let fixed = '';
  let pos = 0;
  const replaced: Array<{ start: number; end: number; index: number }> = [];
  matches.forEach((m, index) => {
    if (m.status !== 'deprecated') return;
    fixed += text.slice(pos, m.start);
    const replacement = m.form.lang === 'zh' ? m.concept.zh : m.concept.en;
    replaced.push({ start: fixed.length, end: fixed.length + replacement.length, index });
    fixed += replacement;
    pos = m.end;
  });
  fixed += text.slice(pos);
  const unsafe = new Set<number>();
  for (const n of matcher.findAll(fixed)) {
    if (n.status !== 'deprecated') continue;
    for (const r of replaced) if (r.start < n.end && n.start < r.end) unsafe.add(r.index);
  }
  return [...unsafe].sort((a, b) => a - b);
}

function unsafeAsMarked(text: string): number[] {
  return matcher
    .findAll(text)
    .map((m, i) => (m.unsafeFix ? i : -1))
    .filter((i) => i >= 0);
}

/** Deterministic texts glued from whole forms and word-wise pieces of forms, in both languages. */
function* gluedTexts(count: number, seed: number): Generator<string> {
  const forms: string[] = [];
  for (const c of bundledTermBase.concepts) {
    forms.push(c.en, c.zh);
    for (const f of [...(c.accepted ?? []), ...(c.deprecated ?? [])]) forms.push(f.text);
  }
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  const separators = [' ', ' ', ' ', '', '\n', '  ', '\n  ', ' \u00ad'];
  for (let d = 0; d < count; d++) {
    let text = '';
    const pieces = 2 + next(8);
    for (let p = 0; p < pieces; p++) {
      const form = forms[next(forms.length)];
      const spaced = form.includes(' ');
      const units = spaced ? form.split(' ') : Array.from(form);
      const cut = next(units.length);
      const kind = next(4);
      const piece = kind === 0 ? units.slice(0, cut + 1) : kind === 1 ? units.slice(cut) : units;
      text += piece.join(spaced ? ' ' : '') + separators[next(separators.length)];
    }
    yield text;
  }
}

describe('fix safety windows', () => {
  it('mark exactly the replacements that a full re-match of the fixed text finds overlapped', () => {
    let marked = 0;
    for (const text of gluedTexts(6000, 777)) {
      const expected = unsafeByDefinition(text);
      assert.deepEqual(unsafeAsMarked(text), expected, JSON.stringify(text));
      marked += expected.length;
    }
    // The generator must produce unsafe cases at all, or the comparison proves nothing.
    assert.ok(marked >= 5, `only ${marked} unsafe replacements generated`);
  });

  it('reach a deprecated rendering across a long run of whitespace', () => {
    // "carbon carbon peaking" -> "carbon peak carbon", where "carbon peak" is deprecated;
    // the wrap and indentation stretch the text but not the rendering.
    const text = 'carbon' + ' '.repeat(40) + '\n' + ' '.repeat(40) + 'carbon peaking';
    assert.deepEqual(unsafeAsMarked(text), unsafeByDefinition(text));
    assert.equal(unsafeAsMarked(text).length, 1);
  });
});
