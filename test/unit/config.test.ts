import assert from 'node:assert/strict';
import { parseConfig, severityFor } from '../../src/core/config';
import { lineColumnAt } from '../../src/core/lines';

describe('config: parseConfig', () => {
  it('parses a valid configuration', () => {
    const { config, errors } = parseConfig(
      JSON.stringify({
        rules: { 'deprecated-term': 'error', 'inconsistent-variant': 'off' },
        ignoredConcepts: ['peak-carbon'],
        glossaries: ['terms.csv'],
        pairs: [['zh.md', 'en.md']],
      }),
      'cfg.json',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(config, {
      rules: { 'deprecated-term': 'error', 'inconsistent-variant': 'off' },
      ignoredConcepts: ['peak-carbon'],
      glossaries: ['terms.csv'],
      pairs: [['zh.md', 'en.md']],
    });
  });

  it('reports JSON syntax errors with file, line and column', () => {
    const { errors } = parseConfig('{\n  "rules": {\n    "deprecated-term": "error",\n  }\n}', 'dir/.carbon-lexicon.json');
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^dir\/\.carbon-lexicon\.json:4:3: invalid JSON/);
  });

  it('reports a truncated file at its end', () => {
    const { errors } = parseConfig('{\n  "rules": {', 'c.json');
    assert.match(errors[0], /^c\.json:2:13: invalid JSON/);
  });

  it('reports unknown keys, unknown rules and bad severities where they are', () => {
    const text = '{\n  "rulez": {},\n  "rules": {\n    "deprecated-term": "loud",\n    "no-such-rule": "error"\n  }\n}';
    const { errors, config } = parseConfig(text, 'c.json');
    assert.deepEqual(errors, [
      'c.json:2:3: unknown key "rulez" (known keys: rules, ignoredConcepts, glossaries, pairs)',
      'c.json:4:5: rule "deprecated-term": severity must be one of "error", "warning", "information", "hint", "off", not "loud"',
      'c.json:5:5: unknown rule "no-such-rule" (known rules: deprecated-term, inconsistent-variant, missing-translation, number-mismatch)',
    ]);
    assert.deepEqual(config.rules, {});
  });

  it('reports wrongly typed lists', () => {
    const { errors } = parseConfig('{"ignoredConcepts": "peak-carbon", "pairs": [["a.md"]], "glossaries": [1]}', 'c.json');
    assert.equal(errors.length, 3);
    assert.match(errors[0], /"ignoredConcepts" must be an array of strings/);
    assert.match(errors[1], /"glossaries" must be an array of strings/);
    assert.match(errors[2], /"pairs" must be an array of \[zhFile, enFile\]/);
  });

  it('rejects a non-object and accepts comments and a BOM', () => {
    assert.match(parseConfig('[]', 'c.json').errors[0], /must be a JSON object/);
    const { config, errors } = parseConfig('\ufeff{\n // note\n "rules": { /* x */ "deprecated-term": "hint" }\n}', 'c.json');
    assert.deepEqual(errors, []);
    assert.equal(config.rules?.['deprecated-term'], 'hint');
  });
});

describe('config: severities and positions', () => {
  it('gives defaults and honours overrides', () => {
    assert.equal(severityFor('deprecated-term'), 'warning');
    assert.equal(severityFor('inconsistent-variant'), 'information');
    assert.equal(severityFor('deprecated-term', { rules: { 'deprecated-term': 'off' } }), 'off');
  });

  it('converts offsets to 1-based line and column', () => {
    assert.deepEqual(lineColumnAt('ab\ncd', 0), { line: 1, column: 1 });
    assert.deepEqual(lineColumnAt('ab\ncd', 4), { line: 2, column: 2 });
    // A lone CR ends a line too, as in the editor; CRLF counts once.
    assert.deepEqual(lineColumnAt('ab\rcd\r\nef', 4), { line: 2, column: 2 });
    assert.deepEqual(lineColumnAt('ab\rcd\r\nef', 7), { line: 3, column: 1 });
  });

  it('places an error in a configuration file with CR or CRLF line endings on its own line', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['{', '  "rules": {', '    "deprecated-term": "loud"', '  }', '}'].join(eol);
      const { errors } = parseConfig(text, '.carbon-lexicon.json');
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0], /:3:\d+:/, `${JSON.stringify(eol)}: ${errors[0]}`);
    }
  });
});
