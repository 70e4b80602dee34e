// lint() for a caller that shows no fixes (the CLI's text and JSON reports):
// the same findings without their fixes, the fix-safety check skipped, and an
// engine that is later asked for fixes on the same text checks them then.
import assert from 'node:assert/strict';
import { TermMatcher } from '../../src/core/matcher';
import { bundledTermBase } from '../../src/core/data';
import { createEngine } from '../../src/core/engine';
import { lint } from '../../src/core/lint';
import type { Finding } from '../../src/core/types';

const matcher = new TermMatcher(bundledTermBase.concepts);

/** Drafts holding deprecated renderings side by side, some of whose fixes are unsafe there. */
function draftsWithUnsafeFixes(wanted: number): string[] {
  const forms = bundledTermBase.concepts.flatMap((c) => (c.deprecated ?? []).map((f) => f.text));
  const found: string[] = [];
  for (let i = 0; i < forms.length && found.length < wanted; i++) {
    for (let j = 0; j < forms.length && found.length < wanted; j++) {
      const text = `Draft: ${forms[i]} ${forms[j]}; then ${forms[i]}.\n\n碳达峰 and carbon peaking.\n`;
      if (matcher.findAll(text, 'markdown').some((m) => m.unsafeFix)) found.push(text);
    }
  }
  return found;
}

const withoutFix = (findings: Finding[]) => findings.map(({ fix: _fix, ...rest }) => rest);

describe('lint without fixes (LintOptions.fixes false)', () => {
  const drafts = draftsWithUnsafeFixes(4);

  it('gives the same findings, without their fixes', () => {
    assert.ok(drafts.length >= 1, 'no draft with an unsafe fix found');
    for (const text of drafts) {
      const full = lint(text, { matcher, format: 'markdown' });
      const bare = lint(text, { matcher, format: 'markdown', fixes: false });
      assert.ok(full.some((f) => f.fix) && full.some((f) => f.rule === 'deprecated-term' && !f.fix), JSON.stringify(text));
      assert.ok(bare.every((f) => !f.fix));
      assert.deepEqual(bare, withoutFix(full));
    }
  });

  it('leaves an engine that is then asked for fixes, or for matches, as if it had checked them at first', () => {
    for (const text of drafts) {
      const engine = createEngine();
      engine.lint(text, 'markdown', undefined, { fixes: false });
      const fresh = createEngine();
      assert.deepEqual(engine.matches(text, 'markdown'), fresh.matches(text, 'markdown'));
      assert.deepEqual(engine.lint(text, 'markdown'), fresh.lint(text, 'markdown'));
    }
  });
});
