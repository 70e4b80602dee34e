// The bundled term base (data/terms.json) against its own rules and against
// the paper it is curated from (data/paper.json).

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { KNOWN_CATEGORIES, renderingKey, validateTermBase } from '../../src/core/termbase';
import { computeRefs, containsForm, fillRefs, formInParagraph, serializeTermBase } from '../../scripts/fill-refs';
import { TermMatcher } from '../../src/core/matcher';
import type { Concept, Paper, TermBase, TermForm } from '../../src/core/types';

const root = path.resolve(__dirname, '..', '..', '..');
const termsText = fs.readFileSync(path.join(root, 'data', 'terms.json'), 'utf8');
const termsJson: unknown = JSON.parse(termsText);
const raw = termsJson as TermBase;
const paper = JSON.parse(fs.readFileSync(path.join(root, 'data', 'paper.json'), 'utf8')) as Paper;

/**
 * Concepts whose Chinese name is not in the excerpt: section 3 of the excerpt
 * (the "1+N" framework and its documents) exists in English only, so these
 * carry the documents' official Chinese titles and are found in the paper by
 * their English alone. Each must have refs, all to paragraphs without Chinese.
 */
const ZH_NOT_IN_EXCERPT: Record<string, string> = {
  'one-plus-n-policy-framework': 'named only in section 3, which has no Chinese in the excerpt',
  'working-guidance': 'official Chinese title of a document cited only in section 3',
  'action-plan-before-2030': 'official Chinese title of a document cited only in section 3',
  'new-development-philosophy': 'appears only inside the Working Guidance title in section 3',
  'ten-key-actions': 'named only in section 3, which has no Chinese in the excerpt',
  'timetable-road-map-action-plan': 'named only in section 3, which has no Chinese in the excerpt',
};

/** Concepts found only in the paper's title or a section heading, so no paragraph refers to them. */
const HEADING_ONLY: Record<string, string> = {
  'paper-title': 'the title of the paper itself',
  'only-way-forward': 'only in the heading of section I.1',
};

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function goodForms(c: Concept): TermForm[] {
  return [{ text: c.zh, lang: 'zh' }, { text: c.en, lang: 'en' }, ...c.accepted];
}

/** Every piece of the paper's text in one language: title, headings, paragraphs. */
function paperTexts(lang: 'zh' | 'en'): string[] {
  const texts: string[] = [];
  if (lang === 'zh') {
    texts.push(paper.title.zh);
    for (const s of paper.sections) if (s.title.zh) texts.push(s.title.zh);
    for (const p of paper.paragraphs) if (p.zh !== null) texts.push(p.zh);
  } else {
    texts.push(paper.title.en);
    for (const s of paper.sections) texts.push(s.title.en);
    for (const p of paper.paragraphs) texts.push(...p.en);
  }
  return texts;
}

function inPaper(form: TermForm): boolean {
  return paperTexts(form.lang).some((t) => containsForm(t, form));
}

function messages(json: unknown): string[] {
  return validateTermBase(json, 'test.json').errors.map((e) => e.message);
}

function concept(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    zh: '碳达峰',
    en: 'peak carbon',
    accepted: [],
    deprecated: [],
    definition: { zh: '定义', en: 'definition' },
    category: 'goals',
    refs: [],
    ...extra,
  };
}

describe('term base: validateTermBase', () => {
  it('accepts the bundled data/terms.json without a single error', () => {
    const { base, errors } = validateTermBase(termsJson, 'data/terms.json');
    assert.deepEqual(errors.map((e) => e.message), []);
    assert.equal(base.concepts.length, raw.concepts.length);
  });

  it('names the entry when the id is missing', () => {
    const { base, errors } = validateTermBase(
      { schemaVersion: 1, concepts: [concept('a'), { ...concept('b'), id: undefined }] },
      'test.json',
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /^test\.json: concepts\[1\]: missing "id"$/);
    assert.equal(errors[0].path, 'concepts[1].id');
    assert.deepEqual(base.concepts.map((c) => c.id), ['a'], 'the broken entry is dropped, the good one kept');
  });

  it('reports a duplicate id at the second entry and points to the first', () => {
    const errs = validateTermBase(
      { schemaVersion: 1, concepts: [concept('peak-carbon'), concept('other', { zh: '碳中和', en: 'carbon neutrality' }), concept('peak-carbon', { zh: '双碳', en: 'x' })] },
      'test.json',
    ).errors;
    assert.equal(errs.length, 1);
    assert.equal(errs[0].conceptId, 'peak-carbon');
    assert.match(errs[0].message, /concepts\[2\] \(id "peak-carbon"\): duplicate id "peak-carbon" \(first used by concepts\[0\]\)/);
  });

  it('reports a bad lang with the form\'s index', () => {
    const msgs = messages({
      schemaVersion: 1,
      concepts: [concept('peak-carbon', { accepted: [{ text: 'peak carbon emissions', lang: 'en' }, { text: 'peak carbon dioxide emissions', lang: 'EN' }] })],
    });
    assert.deepEqual(msgs, ['test.json: concepts[0] (id "peak-carbon"): accepted[1].lang must be "zh" or "en", got "EN"']);
  });

  it('reports a non-array accepted list', () => {
    const msgs = messages({ schemaVersion: 1, concepts: [concept('peak-carbon', { accepted: { text: 'x', lang: 'en' } })] });
    assert.deepEqual(msgs, ['test.json: concepts[0] (id "peak-carbon"): "accepted" must be an array of forms, got an object']);
  });

  it('reports empty texts, in forms and in the concept itself', () => {
    const formMsgs = messages({ schemaVersion: 1, concepts: [concept('peak-carbon', { deprecated: [{ text: '  ', lang: 'en' }] })] });
    assert.equal(formMsgs.length, 1);
    assert.match(formMsgs[0], /concepts\[0\] \(id "peak-carbon"\): deprecated\[0\]\.text must be a non-empty string/);
    const conceptMsgs = messages({ schemaVersion: 1, concepts: [concept('peak-carbon', { en: '' })] });
    assert.deepEqual(conceptMsgs, ['test.json: concepts[0] (id "peak-carbon"): "en" must be a non-empty string, got an empty string']);
  });

  it('rejects ids that are not kebab-case, unknown fields and a missing definition', () => {
    const msgs = messages({
      schemaVersion: 1,
      concepts: [concept('Peak_Carbon'), concept('b', { zh: '碳中和', en: 'carbon neutrality', defintion: {} }), { ...concept('c', { zh: '国家自主贡献', en: 'NDCs' }), definition: undefined }],
    });
    assert.equal(msgs.length, 3);
    assert.match(msgs[0], /concepts\[0\] \(id "Peak_Carbon"\): "id" must be kebab-case/);
    assert.match(msgs[1], /concepts\[1\] \(id "b"\): unknown field "defintion"/);
    assert.match(msgs[2], /concepts\[2\] \(id "c"\): missing "definition"/);
  });

  it('rejects a form whose text is in the other language, and inPaper on an admitted form', () => {
    const msgs = messages({
      schemaVersion: 1,
      concepts: [concept('a', { accepted: [{ text: '碳达峰目标', lang: 'en' }, { text: 'peak carbon emissions', lang: 'en', inPaper: 'why' }] })],
    });
    assert.equal(msgs.length, 2);
    assert.match(msgs[0], /accepted\[0\]\.lang is "en" but "碳达峰目标" is Chinese/);
    assert.match(msgs[1], /accepted\[1\]\.inPaper only applies to deprecated forms/);
  });

  it('rejects one rendering in two concepts unless both say shared', () => {
    const clash = messages({
      schemaVersion: 1,
      concepts: [
        concept('a', { accepted: [{ text: 'green and low-carbon', lang: 'en' }] }),
        concept('b', { zh: '碳中和', en: 'carbon neutrality', deprecated: [{ text: 'Green and Low-Carbon', lang: 'en', note: 'x' }] }),
      ],
    });
    assert.equal(clash.length, 1);
    assert.match(clash[0], /concepts\[1\] \(id "b"\) deprecated\[0\]: "green and low-carbon" also belongs to concepts\[0\] \(id "a"\) accepted\[0\]/);
    const shared = messages({
      schemaVersion: 1,
      concepts: [
        concept('a', { accepted: [{ text: 'green and low-carbon', lang: 'en', shared: true }] }),
        concept('b', { zh: '碳中和', en: 'carbon neutrality', accepted: [{ text: 'green and low-carbon', lang: 'en', shared: true }] }),
      ],
    });
    assert.deepEqual(shared, []);
  });

  it('rejects a form that repeats the concept\'s canonical rendering', () => {
    const msgs = messages({ schemaVersion: 1, concepts: [concept('a', { deprecated: [{ text: 'Peak Carbon', lang: 'en' }] })] });
    assert.equal(msgs.length, 1);
    assert.match(msgs[0], /deprecated\[0\]\.text "Peak Carbon" repeats the canonical "en"/);
  });

  it('rejects input that is not a term base at all, without throwing', () => {
    for (const bad of [null, 42, 'text', [], { schemaVersion: 2, concepts: [] }, { schemaVersion: 1, concepts: {} }, { schemaVersion: 1, concepts: [null, 'x'] }]) {
      const { base, errors } = validateTermBase(bad, 'bad.json');
      assert.ok(errors.length > 0, `no error for ${JSON.stringify(bad)}`);
      assert.ok(errors.every((e) => e.message.startsWith('bad.json: ')));
      assert.deepEqual(base.concepts, []);
    }
  });
});

describe('term base: content of data/terms.json', () => {
  const concepts = raw.concepts;

  it('has at least 80 concepts with unique kebab-case ids and known categories', () => {
    assert.ok(concepts.length >= 80, `only ${concepts.length} concepts`);
    const ids = concepts.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
    for (const id of ids) assert.match(id, KEBAB);
    for (const c of concepts) assert.ok((KNOWN_CATEGORIES as readonly string[]).includes(c.category), `${c.id}: unknown category ${c.category}`);
  });

  it('covers the key terms the paper is about', () => {
    const byZh = new Map(concepts.map((c) => [c.zh, c]));
    const expected: Array<[string, string]> = [
      ['碳达峰', 'peak carbon'],
      ['碳中和', 'carbon neutrality'],
      ['碳达峰碳中和', 'peak carbon and carbon neutrality'],
      ['国家自主贡献', 'Nationally Determined Contributions'],
      ['人类命运共同体', 'community with a shared future for humanity'],
      ['绿水青山就是金山银山', 'lucid waters and lush mountains are invaluable assets'],
      ['生命共同体', 'community of life'],
      ['先立后破', 'establishing the new before discarding the old'],
      ['能耗强度', 'energy consumption intensity'],
      ['碳排放强度', 'carbon emission intensity'],
      ['全国统筹', 'Pooling strengths nationwide'],
      ['节约优先', 'Prioritizing conservation'],
      ['双轮驱动', 'Leveraging the roles of the government and the market'],
      ['内外畅通', 'Coordinating domestic and international efforts'],
      ['防范风险', 'Guarding against risks'],
    ];
    for (const [zh, en] of expected) assert.equal(byZh.get(zh)?.en, en, zh);
  });

  it('gives every concept a definition in both languages and every admitted or deprecated form a note', () => {
    for (const c of concepts) {
      assert.ok(c.definition.zh.trim() && c.definition.en.trim(), c.id);
      for (const f of [...c.accepted, ...c.deprecated]) assert.ok(f.note && f.note.trim().length > 0, `${c.id}: "${f.text}" has no note`);
    }
  });

  it('writes its own definitions rather than copying the paper', () => {
    const words = (s: string) => s.toLowerCase().replace(/[’']/g, "'").match(/[a-z0-9'-]+/g) ?? [];
    const enGrams = new Set<string>();
    for (const t of paperTexts('en')) {
      const w = words(t);
      for (let i = 0; i + 7 <= w.length; i++) enGrams.add(w.slice(i, i + 7).join(' '));
    }
    const zhPaper = paperTexts('zh').join('\n');
    for (const c of concepts) {
      const w = words(c.definition.en);
      for (let i = 0; i + 7 <= w.length; i++) {
        assert.ok(!enGrams.has(w.slice(i, i + 7).join(' ')), `${c.id}: definition.en copies "${w.slice(i, i + 7).join(' ')}"`);
      }
      const zh = c.definition.zh;
      for (let i = 0; i + 12 <= zh.length; i++) {
        assert.ok(!zhPaper.includes(zh.slice(i, i + 12)), `${c.id}: definition.zh copies "${zh.slice(i, i + 12)}"`);
      }
    }
  });

  it('finds every zh form and every canonical and admitted en form in the paper, in the paragraphs its refs name', () => {
    const byId = new Map(paper.paragraphs.map((p) => [p.id, p]));
    for (const c of concepts) {
      for (const form of goodForms(c)) {
        const label = `${c.id}: ${form.lang} "${form.text}"`;
        if (form.lang === 'zh' && c.id in ZH_NOT_IN_EXCERPT) {
          assert.ok(!inPaper(form), `${label} is in the excerpt after all; drop ${c.id} from ZH_NOT_IN_EXCERPT`);
          continue;
        }
        assert.ok(inPaper(form), `${label} does not occur in the paper`);
        if (c.id in HEADING_ONLY) continue;
        assert.ok(c.refs.some((id) => formInParagraph(form, byId.get(id)!)), `${label} occurs in none of its refs ${c.refs.join(', ')}`);
      }
    }
  });

  it('keeps the two exception lists honest', () => {
    const byId = new Map(concepts.map((c) => [c.id, c]));
    const paragraphs = new Map(paper.paragraphs.map((p) => [p.id, p]));
    for (const id of Object.keys(ZH_NOT_IN_EXCERPT)) {
      const c = byId.get(id);
      assert.ok(c, `${id} is listed but missing`);
      assert.ok(c.refs.length > 0, `${id} must be found in the paper by its English`);
      for (const ref of c.refs) assert.equal(paragraphs.get(ref)?.zh, null, `${id}: ref ${ref} has Chinese, so the zh name should be there too`);
    }
    for (const id of Object.keys(HEADING_ONLY)) {
      assert.deepEqual(byId.get(id)?.refs, [], `${id} is listed as heading-only but has refs`);
    }
    for (const c of concepts) {
      if (c.refs.length === 0) assert.ok(c.id in HEADING_ONLY, `${c.id} occurs in no paragraph`);
    }
  });

  it('finds no deprecated rendering in the paper unless inPaper says why, and every inPaper is still true', () => {
    for (const c of concepts) {
      for (const form of c.deprecated) {
        const found = inPaper(form);
        if (form.inPaper) assert.ok(found, `${c.id}: "${form.text}" says inPaper but the paper does not use it`);
        else assert.ok(!found, `${c.id}: deprecated "${form.text}" occurs in the paper`);
      }
    }
  });

  it('matches case-sensitive forms in the paper with their exact case', () => {
    let checked = 0;
    for (const c of concepts) {
      for (const form of [...c.accepted, ...c.deprecated].filter((f) => f.caseSensitive)) {
        if (form.inPaper || c.deprecated.includes(form)) continue;
        assert.ok(paperTexts(form.lang).some((t) => t.includes(form.text)), `${c.id}: "${form.text}" not in the paper with this case`);
        checked++;
      }
    }
    assert.ok(checked >= 3);
  });

  it('gives no rendering to two concepts unless both mark it shared', () => {
    const owners = new Map<string, Array<{ id: string; shared: boolean }>>();
    for (const c of concepts) {
      for (const f of [...goodForms(c), ...c.deprecated]) {
        const key = renderingKey(f.text);
        owners.set(key, [...(owners.get(key) ?? []), { id: c.id, shared: f.shared === true }]);
      }
    }
    for (const [key, list] of owners) {
      const ids = new Set(list.map((o) => o.id));
      if (ids.size > 1) assert.ok(list.every((o) => o.shared), `"${key}" belongs to ${[...ids].join(', ')}`);
      else assert.equal(list.length, 1, `"${key}" is listed twice in ${list[0].id}`);
    }
  });

  it('has refs exactly as fill-refs computes them, in the file\'s canonical layout', () => {
    for (const c of concepts) assert.deepEqual(c.refs, computeRefs(c, paper), `${c.id}: refs drifted; run npm run build:refs`);
    assert.equal(termsText, serializeTermBase(fillRefs(raw, paper)), 'data/terms.json is not in fill-refs layout; run npm run build:refs');
  });
});

describe('term base: through the real matcher', () => {
  const matcher = new TermMatcher(raw.concepts);

  it('reads the whole paper without a deprecated match, except where inPaper explains it', () => {
    const texts = [...paperTexts('zh'), ...paperTexts('en')];
    let total = 0;
    for (const text of texts) {
      for (const m of matcher.findAll(text, 'plaintext')) {
        total++;
        if (m.status === 'deprecated') assert.ok(m.form.inPaper, `deprecated "${m.found}" (${m.concept.id}) in: ${text.slice(0, 60)}…`);
      }
    }
    assert.ok(total > 250, `only ${total} matches in the whole paper`);
  });

  it('finds each canonical and admitted form as itself, not swallowed by a deprecated one', () => {
    for (const c of raw.concepts) {
      for (const form of goodForms(c)) {
        const matches = matcher.findAll(form.text, 'plaintext');
        assert.equal(matches.length, 1, `${c.id}: "${form.text}" gives ${matches.map((m) => `${m.found}/${m.concept.id}/${m.status}`).join(', ')}`);
        const [m] = matches;
        assert.equal(m.start, 0);
        assert.equal(m.end, form.text.length);
        assert.notEqual(m.status, 'deprecated', `${c.id}: "${form.text}" reads as deprecated (${m.concept.id})`);
        assert.ok(m.concept.id === c.id || form.shared, `${c.id}: "${form.text}" is taken by ${m.concept.id}`);
      }
    }
  });

  it('finds each deprecated form as deprecated, for its own concept', () => {
    for (const c of raw.concepts) {
      for (const form of c.deprecated) {
        const matches = matcher.findAll(form.text, 'plaintext');
        assert.equal(matches.length, 1, `${c.id}: "${form.text}" gives ${matches.length} matches`);
        assert.equal(matches[0].status, 'deprecated', `${c.id}: "${form.text}" reads as ${matches[0].status}`);
        assert.equal(matches[0].concept.id, c.id);
      }
    }
  });

  it('finds the same concepts in each Chinese paragraph and its English, so the paper passes its own bilingual check', () => {
    // Where the translator paraphrased, the English carries no rendering of the concept.
    const liberties: Record<string, string> = {
      'I.1.p1 harmony-humanity-nature': 'the English says "harmony between the two" right after naming humanity and nature',
      'preface.p3 peak-carbon-neutrality-goals': '作出碳达峰碳中和重大宣示 becomes "the announcement of its ambitious peak carbon and carbon neutrality goals"',
    };
    // A concept counts as present when the other side has it, or has a concept whose Chinese contains its Chinese
    // or is contained in it (碳达峰碳中和 inside 碳达峰碳中和目标), as the missing-translation rule reads them.
    const covered = (c: Concept, other: Concept[]) => other.some((o) => o.id === c.id || o.zh.includes(c.zh));
    const seen: string[] = [];
    for (const p of paper.paragraphs) {
      if (p.zh === null) continue;
      const zh = matcher.findAll(p.zh, 'plaintext').map((m) => m.concept);
      const en = matcher.findAll(p.en.join('\n\n'), 'plaintext').map((m) => m.concept);
      const gaps = [
        ...zh.filter((c) => !covered(c, en)).map((c) => `${p.id} ${c.id}`),
        ...en.filter((c) => !covered(c, zh)).map((c) => `${p.id} ${c.id}`),
      ];
      for (const gap of new Set(gaps)) {
        assert.ok(gap in liberties, `${gap}: found on one side of the paragraph only`);
        seen.push(gap);
      }
    }
    assert.deepEqual(seen.sort(), Object.keys(liberties).sort(), 'a listed liberty no longer occurs');
  });

  it('keeps "peak carbon" clear of the deprecated "carbon peak" in running text', () => {
    const text = 'China will reach peak carbon before 2030; peak carbon peaking is not a phrase, but carbon peak is deprecated.';
    const found = matcher.findAll(text, 'plaintext').map((m) => `${m.found}|${m.status}`);
    assert.deepEqual(found, ['peak carbon|canonical', 'peak carbon|canonical', 'carbon peak|deprecated']);
  });
});

describe('term base: renderingKey', () => {
  // The folding spelt out step by step, as renderingKey did before its shortcut for text with nothing to fold.
  const reference = (text: string, caseSensitive = false): string => {
    const s = text
      .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc\uff07]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033\uff02]/g, '"')
      .replace(/[\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d]/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
    return caseSensitive ? s : s.toLowerCase();
  };
  const pieces = ['Carbon', 'peak', '碳达峰', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\u2019', '\u201c', '\u2013', '\uff0d', "'", '-', 'NDCs', 'É'];

  it('folds quotes, dashes, whitespace and case like the step-by-step folding', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.boolean(), (parts, caseSensitive) => {
        const text = parts.join('');
        assert.equal(renderingKey(text, caseSensitive), reference(text, caseSensitive));
      }),
      { numRuns: 2000 },
    );
    assert.equal(renderingKey('  Peak\u00a0Carbon '), 'peak carbon');
    assert.equal(renderingKey('Carbon  \u2018Peak\u2019'), "carbon 'peak'");
  });
});
