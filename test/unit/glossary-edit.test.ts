import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  addConceptToGlossaryText,
  addGlossaryToConfigText,
  deprecationEntry,
  firstJsonGlossary,
  newConfigText,
  newGlossaryText,
  parseGlossary,
  rankConceptsFor,
} from '../../src/core/glossary';
import { parseConfig } from '../../src/core/config';
import type { Concept } from '../../src/core/types';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/glossary');
const sink: Concept = {
  id: 'carbon-sink', zh: '碳汇', en: 'carbon sink', accepted: [], deprecated: [],
  definition: { zh: '', en: 'Removes CO2 from the atmosphere.' }, category: '', refs: [],
};

describe('glossary edits (add to glossary, mark deprecated)', () => {
  it('adds a concept to a new glossary, which then reads back', () => {
    const text = addConceptToGlossaryText(newGlossaryText(), sink);
    const read = parseGlossary(text, 'project.glossary.json');
    assert.deepEqual(read.errors, []);
    assert.equal(read.concepts.length, 1);
    assert.equal(read.concepts[0].definition.en, 'Removes CO2 from the atmosphere.');
    assert.match(text, /^\{\n  "schemaVersion": 1,\n  "concepts": \[\n    \{\n      "id": "carbon-sink"/);
  });

  it('appends to an existing glossary and keeps its formatting', () => {
    const original = fs.readFileSync(path.join(FIXTURES, 'project.glossary.json'), 'utf8');
    const text = addConceptToGlossaryText(original, { ...sink, id: 'forest-carbon-sink', zh: '森林碳汇', en: 'forest carbon sink' });
    assert.ok(text.startsWith(original.slice(0, original.lastIndexOf('}\n  ]'))), 'the existing entries are untouched');
    const read = parseGlossary(text, 'p.json');
    assert.deepEqual(read.errors, []);
    assert.deepEqual(read.concepts.map((c) => c.id), ['carbon-neutrality', 'peak-carbon', 'carbon-sink', 'forest-carbon-sink']);
  });

  it('adds a deprecated form to the entry with the same id instead of a second entry', () => {
    const original = fs.readFileSync(path.join(FIXTURES, 'project.glossary.json'), 'utf8');
    const concept = { ...sink, id: 'carbon-neutrality', zh: '碳中和', en: 'carbon neutrality' };
    const once = addConceptToGlossaryText(original, deprecationEntry(concept, { text: 'carbon neutralization', lang: 'en', note: 'spelling' }));
    const twice = addConceptToGlossaryText(once, deprecationEntry(concept, { text: 'carbon neutralization', lang: 'en' }));
    assert.equal(twice, once, 'a form already listed is not added again');
    const read = parseGlossary(twice, 'p.json');
    assert.deepEqual(read.errors, []);
    const entry = read.concepts.find((c) => c.id === 'carbon-neutrality');
    assert.deepEqual(entry?.deprecated.map((f) => f.text), ['net zero', 'carbon neutralization']);
    assert.equal(read.concepts.length, 3);
  });

  it('creates the deprecated list on an entry without one, in a bare-array glossary with tabs', () => {
    const original = '[\n\t{\n\t\t"id": "carbon-sink",\n\t\t"zh": "碳汇",\n\t\t"en": "carbon sink"\n\t}\n]\n';
    const text = addConceptToGlossaryText(original, deprecationEntry(sink, { text: '碳吸收汇', lang: 'zh' }));
    assert.match(text, /\n\t\t"deprecated": \[/);
    const read = parseGlossary(text, 'g.json');
    assert.deepEqual(read.errors, []);
    assert.deepEqual(read.concepts[0].deprecated, [{ text: '碳吸收汇', lang: 'zh' }]);
  });

  it('adds the glossary to the configuration, keeping comments, once', () => {
    const config = '{\n  // house rules\n  "rules": { "deprecated-term": "error" }\n}\n';
    const once = addGlossaryToConfigText(config, 'carbon-lexicon.glossary.json');
    assert.match(once, /\/\/ house rules/);
    assert.equal(addGlossaryToConfigText(once, 'carbon-lexicon.glossary.json'), once);
    const parsed = parseConfig(once, '.carbon-lexicon.json');
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.config.glossaries, ['carbon-lexicon.glossary.json']);
    const twice = addGlossaryToConfigText(once, 'terms/other.csv');
    assert.deepEqual(parseConfig(twice, '.carbon-lexicon.json').config.glossaries, ['carbon-lexicon.glossary.json', 'terms/other.csv']);
    assert.deepEqual(parseConfig(newConfigText('g.json'), 'c').config.glossaries, ['g.json']);
  });

  it('finds the first JSON glossary among the listed ones', () => {
    assert.equal(firstJsonGlossary(['a.tbx', 'b.csv', 'terms/p.glossary.json', 'q.json']), 'terms/p.glossary.json');
    assert.equal(firstJsonGlossary(['a.tbx']), undefined);
    assert.equal(firstJsonGlossary(undefined), undefined);
  });

  it('refuses to edit a file that is not a JSON glossary', () => {
    assert.throws(() => addConceptToGlossaryText('"just a string"', sink), /not a JSON object or array/);
    assert.throws(() => addConceptToGlossaryText('{"concepts": [1,]}', sink), /the glossary is not valid JSON \(trailing comma before "\]"\)/);
    assert.throws(() => addConceptToGlossaryText('{"concepts": {}}', sink), /"concepts" is not an array/);
    assert.throws(() => addGlossaryToConfigText('{ "glossaries": [ }', 'g.json'), /the configuration is not valid JSON \(value expected\)/);
    assert.throws(() => addGlossaryToConfigText('{ "glossaries": "g.json" }', 'h.json'), /"glossaries" is not an array/);
  });

  it('edits a glossary that starts with a byte order mark and keeps the mark', () => {
    const text = addConceptToGlossaryText('\ufeff' + newGlossaryText(), sink);
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.deepEqual(parseGlossary(text, 'g.json').concepts.map((c) => c.id), ['carbon-sink']);
  });

  it('ranks the concepts a selected rendering most likely belongs to first', () => {
    const base = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rich-base.json'), 'utf8')) as { concepts: Concept[] };
    assert.deepEqual(rankConceptsFor('neutral carbon', base.concepts).map((c) => c.id), ['peak-carbon', 'carbon-neutrality', 'ndcs']);
    assert.equal(rankConceptsFor('carbon neutralization', base.concepts)[0].id, 'carbon-neutrality');
    assert.equal(rankConceptsFor('Nationally Defined Contribution', base.concepts)[0].id, 'ndcs');
    assert.equal(rankConceptsFor('中和碳', base.concepts)[0].id, 'carbon-neutrality');
    assert.equal(rankConceptsFor('达峰值', base.concepts)[0].id, 'peak-carbon');
  });
});
