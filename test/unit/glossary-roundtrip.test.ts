import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledTermBase } from '../../src/core/data';
import { exportGlossary, glossaryToTermBase, parseGlossary, type ExportFormat } from '../../src/core/glossary';
import type { TermBase, TermForm } from '../../src/core/types';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/glossary');
const richBase = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rich-base.json'), 'utf8')) as TermBase;

/**
 * The documented normalisation of a TBX round trip: TBX groups terms by
 * language section, so accepted and deprecated forms come back Chinese first,
 * then English, each language in its original order. JSON and CSV need none.
 */
function tbxOrder(base: TermBase): TermBase {
  const byLang = (forms: TermForm[]) => [...forms.filter((f) => f.lang === 'zh'), ...forms.filter((f) => f.lang === 'en')];
  return { schemaVersion: 1, concepts: base.concepts.map((c) => ({ ...c, accepted: byLang(c.accepted), deprecated: byLang(c.deprecated) })) };
}

function roundTrip(base: TermBase, format: ExportFormat): TermBase {
  const text = exportGlossary(base, format);
  const read = parseGlossary(text, `exported.${format}`);
  assert.deepEqual(read.errors, [], `re-reading the ${format} export`);
  return glossaryToTermBase(read.concepts);
}

describe('glossary round trip', () => {
  for (const [name, base] of [['rich fixture base', richBase], ['bundled base', bundledTermBase]] as const) {
    describe(name, () => {
      it('has content to round-trip', () => {
        assert.ok(base.concepts.length >= 3);
        assert.ok(base.concepts.some((c) => c.deprecated.some((f) => f.note)));
      });
      it('JSON reproduces the base exactly', () => {
        assert.deepEqual(roundTrip(base, 'json'), base);
      });
      it('CSV reproduces the base exactly', () => {
        assert.deepEqual(roundTrip(base, 'csv'), base);
      });
      it('TBX reproduces the base, forms ordered by language', () => {
        assert.deepEqual(roundTrip(base, 'tbx'), tbxOrder(base));
      });
      it('a second round trip changes nothing (export is stable)', () => {
        for (const format of ['json', 'csv', 'tbx'] as const) {
          const once = exportGlossary(base, format);
          assert.equal(exportGlossary(roundTrip(base, format), format), once, format);
        }
      });
    });
  }

  it('carries every field of the rich base through TBX (flags, inPaper, refs, multi-line notes)', () => {
    const back = roundTrip(richBase, 'tbx');
    const peak = back.concepts[0];
    assert.deepEqual(peak.refs, ['preface.p2', 'I.p1', 'I.2.p3']);
    assert.equal(peak.accepted.find((f) => f.text === 'Carbon Dioxide Peaking')?.caseSensitive, true);
    assert.match(peak.deprecated.find((f) => f.text === 'carbon peaking')?.inPaper ?? '', /title of the English edition/);
    assert.equal(peak.deprecated.find((f) => f.text === '碳峰值')?.note, '指峰值数值，而非"达峰"目标；\n白皮书写作"碳达峰"。');
    assert.equal(back.concepts[2].accepted.find((f) => f.text === 'NDC')?.shared, true);
  });

  it('writes TBX-Basic 2019 and the documented CSV header', () => {
    const tbx = exportGlossary(richBase, 'tbx');
    assert.match(tbx, /<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">/);
    assert.match(tbx, /<conceptEntry id="peak-carbon">/);
    assert.match(tbx, /<langSec xml:lang="zh-CN">/);
    assert.match(tbx, /<termNote type="administrativeStatus">deprecatedTerm-admn-sts<\/termNote>/);
    assert.match(tbx, /Media usage, &lt;common&gt; &amp; widespread\./);
    const csv = exportGlossary(richBase, 'csv');
    assert.ok(csv.startsWith('\ufeffid,lang,status,term,note,shared,case_sensitive,in_paper,category,definition_zh,definition_en,refs\r\n'));
  });
});
