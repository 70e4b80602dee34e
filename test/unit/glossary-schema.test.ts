import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { bundledTermBase } from '../../src/core/data';
import { parseGlossary } from '../../src/core/glossary';

const ROOT = path.resolve(__dirname, '../../..');
const readJson = (p: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));

describe('published JSON schemas', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const terms = ajv.compile(readJson('data/schema/terms.schema.json') as object);
  const config = ajv.compile(readJson('data/schema/config.schema.json') as object);

  it('terms schema accepts the bundled base and the glossary fixtures the reader accepts', () => {
    assert.ok(terms(bundledTermBase), JSON.stringify(terms.errors));
    for (const f of ['rich-base.json', 'project.glossary.json']) {
      const value = readJson(`test/fixtures/glossary/${f}`);
      assert.ok(terms(value), `${f}: ${JSON.stringify(terms.errors)}`);
      assert.deepEqual(parseGlossary(JSON.stringify(value), f).errors, [], f);
    }
    assert.ok(terms([{ id: 'a', zh: '碳汇', en: 'carbon sink', accepted: ['carbon sinks'], definition: 'Removes CO2.' }]));
  });

  it('terms schema rejects what the reader rejects', () => {
    const cases: unknown[] = [
      readJson('test/fixtures/glossary/schema-error.json'),
      [{ id: 'a', zh: '碳汇' }],
      [{ id: 'a', zh: '碳汇', en: 'x'.repeat(201) }],
      [{ id: 'a', zh: '碳汇', en: 'carbon sink', deprecate: [] }],
      [{ id: 'a', zh: '碳汇', en: 'carbon sink', accepted: [{ text: 'sinks', lang: 'fr' }] }],
      { schemaVersion: 2, concepts: [] },
    ];
    for (const value of cases) {
      assert.equal(terms(value), false, JSON.stringify(value).slice(0, 80));
      assert.ok(parseGlossary(JSON.stringify(value), 'g.json').errors.length > 0, JSON.stringify(value).slice(0, 80));
    }
  });

  it('config schema accepts a full configuration and rejects typos', () => {
    assert.ok(
      config({
        $schema: './node_modules/carbon-lexicon/data/schema/config.schema.json',
        rules: { 'deprecated-term': 'error', 'number-mismatch': 'off' },
        ignoredConcepts: ['peak-carbon'],
        glossaries: ['terms/ministry.tbx', 'terms/province.csv', 'project.glossary.json'],
        pairs: [['zh/report.md', 'en/report.md']],
      }),
      JSON.stringify(config.errors),
    );
    assert.equal(config({ rules: { 'deprecated-terms': 'error' } }), false);
    assert.equal(config({ rules: { 'deprecated-term': 'fatal' } }), false);
    assert.equal(config({ glossaries: ['terms.xlsx'] }), false);
    assert.equal(config({ pairs: [['only-one.md']] }), false);
    assert.equal(config({ glossary: ['a.csv'] }), false);
  });

  it('package.json points VS Code at both schemas', () => {
    const pkg = readJson('package.json') as { contributes: { jsonValidation: Array<{ fileMatch: string | string[]; url: string }> } };
    const byUrl = new Map(pkg.contributes.jsonValidation.map((v) => [v.url, ([] as string[]).concat(v.fileMatch)]));
    assert.deepEqual(byUrl.get('./data/schema/config.schema.json'), ['.carbon-lexicon.json']);
    assert.ok(byUrl.get('./data/schema/terms.schema.json')?.includes('*.glossary.json'));
  });
});
