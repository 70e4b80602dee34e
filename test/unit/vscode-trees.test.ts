// Tree contents built from the real engine, term base and white paper.
import { strict as assert } from 'node:assert';
import { paper } from '../../src/core/data';
import { createEngine } from '../../src/core/engine';
import type { Concept } from '../../src/core/types';
import {
  buildDraftSummary,
  buildGlossaryTree,
  GLOSSARY_CATEGORY_LIMIT,
  buildPaperTree,
  indexPaperTree,
  nextOccurrence,
  renderingLabel,
  type PaperParagraphNode,
  type PaperSectionNode,
} from '../../src/vscode/logic/trees';

describe('vscode logic: tree contents', () => {
  const engine = createEngine();
  const findConcepts = (text: string): Concept[] => {
    const seen = new Set<string>();
    return engine.matcher.findAll(text, 'plaintext').map((m) => m.concept).filter((c) => !seen.has(c.id) && !!seen.add(c.id));
  };

  describe('White Paper', () => {
    const roots = buildPaperTree(paper, findConcepts);
    const index = indexPaperTree(roots);

    it('nests sections by parent, in paper order, and lists every paragraph once', () => {
      assert.deepEqual(roots.map((r) => r.id), paper.sections.filter((s) => !s.parent).map((s) => s.id));
      const partOne = roots.find((r) => r.id === 'I')!;
      const subsections = partOne.children.filter((c): c is PaperSectionNode => c.kind === 'section').map((c) => c.id);
      assert.deepEqual(subsections, ['I.1', 'I.2', 'I.3']);
      // The part's own paragraphs come before its subsections.
      const kinds = partOne.children.map((c) => c.kind);
      assert.ok(kinds.lastIndexOf('paragraph') < kinds.indexOf('section'));
      const paragraphs = [...index.values()].filter((n): n is PaperParagraphNode => n.kind === 'paragraph');
      assert.deepEqual(paragraphs.map((p) => p.id).sort(), paper.paragraphs.map((p) => p.id).sort());
    });

    it('labels sections in both languages and paragraphs by number and opening words', () => {
      const preface = roots[0];
      assert.equal(preface.label, '前言');
      assert.equal(preface.description, 'Preface');
      const first = preface.children[0] as PaperParagraphNode;
      assert.ok(first.label.startsWith('¶1 地球是人类赖以生存的家园'), first.label);
      const englishOnly = index.get('I.3')!;
      assert.ok(englishOnly.kind === 'section' && englishOnly.label.startsWith('3. A Policy Framework'));
    });

    it('lists the concepts each paragraph uses, without repeats, with parents for reveal', () => {
      const p2 = index.get('preface.p2') as PaperParagraphNode;
      const ids = p2.children.map((c) => c.conceptId);
      assert.ok(ids.includes('ndcs'), ids.join(', '));
      assert.ok(ids.includes('peak-carbon-and-carbon-neutrality'));
      assert.equal(new Set(ids).size, ids.length);
      const child = p2.children[0];
      assert.equal(child.id, `preface.p2/${child.conceptId}`);
      assert.equal(index.get(child.parentId), p2);
      assert.equal(index.get(p2.parentId)?.id, 'preface');
    });
  });

  describe('Glossary', () => {
    it('groups every concept under its category, known categories in a fixed order', () => {
      const roots = buildGlossaryTree(engine.matcher.concepts);
      const total = roots.reduce((n, r) => n + r.children.length, 0);
      assert.equal(total, engine.matcher.concepts.length);
      assert.equal(roots[0].id, 'category:goals');
      assert.equal(roots[0].label, 'Goals');
      for (const category of roots) {
        assert.equal(category.description, String(category.children.length));
        for (const child of category.children) {
          assert.equal(child.kind, 'concept');
          if (child.kind === 'concept') assert.equal(`category:${child.concept.category}`, category.id);
        }
      }
      const peak = roots[0].children.find((c) => c.id === 'peak-carbon');
      assert.ok(peak?.kind === 'concept');
      assert.equal(peak.label, '碳达峰');
      assert.equal(peak.description, 'peak carbon');
    });

    it('lists at most the limit of concepts per category, then says how many more the filter finds', () => {
      const many = Array.from({ length: 2500 }, (_, i) => ({ ...engine.matcher.concepts[0], id: `project-${i}`, zh: `项目术语${i}`, en: `project term ${i}`, category: '' }));
      const roots = buildGlossaryTree([...engine.matcher.concepts, ...many], { limit: 1000 });
      const other = roots.find((r) => r.id === 'category:other')!;
      assert.equal(other.label, 'Other');
      assert.equal(other.description, '2500');
      assert.equal(other.children.length, 1001);
      assert.deepEqual(other.children.slice(0, 3).map((c) => c.id), ['project-0', 'project-1', 'project-2']);
      const more = other.children[1000];
      assert.equal(more.kind, 'more');
      assert.equal(more.kind === 'more' && more.hidden, 1500);
      assert.equal(more.label, '1500 more: filter the glossary to find them');
      // Categories within the limit are whole, with no "more" node.
      for (const category of roots.filter((r) => r !== other)) assert.ok(category.children.every((c) => c.kind === 'concept'));
      // The default limit is the one the view uses.
      assert.equal(buildGlossaryTree(many).find((r) => r.id === 'category:other')!.children.length, GLOSSARY_CATEGORY_LIMIT + 1);
    });

    it('filters concepts and drops empty categories', () => {
      const roots = buildGlossaryTree(engine.matcher.concepts, { include: (c) => c.id === 'ndcs' });
      assert.equal(roots.length, 1);
      assert.deepEqual(roots[0].children.map((c) => c.id), ['ndcs']);
    });
  });

  describe('In This Draft', () => {
    const text = [
      '碳达峰是目标。We will reach peak carbon soon.',
      'The carbon peak matters; the carbon peak value too.',
      'Our NDCs and our Nationally Determined Contributions.',
      '碳达峰',
    ].join('\n');
    const summary = buildDraftSummary(engine.matches(text, 'plaintext'));

    it('counts each rendering of each concept with its status, in order of first use', () => {
      const peak = summary.find((c) => c.id === 'peak-carbon')!;
      assert.ok(peak, summary.map((c) => c.id).join(', '));
      assert.equal(summary[0].id, 'peak-carbon');
      const byText = new Map(peak.renderings.map((r) => [r.text, r]));
      assert.equal(byText.get('碳达峰')?.occurrences.length, 2);
      assert.equal(byText.get('碳达峰')?.status, 'canonical');
      assert.equal(byText.get('peak carbon')?.occurrences.length, 1);
      assert.equal(byText.get('carbon peak')?.status, 'deprecated');
      assert.equal(byText.get('carbon peak value')?.status, 'deprecated');
      assert.equal(peak.worst, 'deprecated');
      assert.equal(peak.occurrences.length, 5);
      // Canonical renderings first.
      assert.equal(peak.renderings[0].status, 'canonical');
      assert.deepEqual(renderingLabel(byText.get('碳达峰')!), { label: '碳达峰 ×2', description: 'canonical' });

      const ndcs = summary.find((c) => c.id === 'ndcs')!;
      assert.deepEqual(ndcs.renderings.map((r) => [r.text, r.status, r.occurrences.length]), [
        ['Nationally Determined Contributions', 'canonical', 1],
        ['NDCs', 'admitted', 1],
      ]);
      assert.equal(ndcs.worst, 'admitted');
    });

    it('steps to the next occurrence after the cursor and wraps around', () => {
      const peak = summary.find((c) => c.id === 'peak-carbon')!;
      const starts = peak.occurrences.map((o) => o.start);
      assert.equal(nextOccurrence(peak.occurrences, -1)?.start, starts[0]);
      assert.equal(nextOccurrence(peak.occurrences, starts[0])?.start, starts[1]);
      assert.equal(nextOccurrence(peak.occurrences, starts[1] + 1)?.start, starts[2]);
      assert.equal(nextOccurrence(peak.occurrences, starts[starts.length - 1])?.start, starts[0]);
      assert.equal(nextOccurrence([], 0), undefined);
    });
  });
});
