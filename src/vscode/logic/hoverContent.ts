// Builds the hover for a term: what the concept is, whether the hovered
// form is the paper's own, the definition in both languages and the
// paper's own sentence, with a link that reveals the paragraph.
import type { Concept, FormStatus, TermForm } from '../../core/types';
import type { Evidence, SentenceHit } from '../../core/paperIndex';
import { canonicalFor } from '../../core/termbase';
import { escapeMarkdown, excerpt, oneLine } from './markdown';
import { sectionLabel } from './paperLabels';
import { english, type Translate } from './translate';

export const REVEAL_PARAGRAPH_COMMAND = 'carbonLexicon.revealParagraph';

/** The parts of a TermMatch the hover needs. */
export interface HoveredTerm {
  found: string;
  concept: Concept;
  form: TermForm;
  status: FormStatus;
}

export interface HoverOptions {
  t?: Translate;
  /** How many of the paper's paragraphs to quote. */
  maxEvidence?: number;
  /** Longest sentence quoted whole; longer ones are cut around the term. */
  maxSentence?: number;
}

export function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

export function buildHoverMarkdown(term: HoveredTerm, evidence: Evidence[], options: HoverOptions = {}): string {
  const t = options.t ?? english;
  const { concept, form, status } = term;
  const found = oneLine(term.found);
  const parts: string[] = [];

  parts.push(`**${escapeMarkdown(concept.zh)}** · **${escapeMarkdown(concept.en)}**`);

  const canonical = canonicalFor(concept, form.lang);
  if (status === 'canonical') {
    parts.push(t('✓ Canonical form, as the white paper writes it.'));
  } else if (status === 'admitted') {
    const lines = [t('Admitted form “{0}”; the canonical form is **{1}**.', escapeMarkdown(found), escapeMarkdown(canonical))];
    if (form.note) lines.push(t('Usage: {0}', escapeMarkdown(form.note)));
    parts.push(lines.join('  \n'));
  } else {
    const lines = [t('⚠ Deprecated: “{0}”. Use **{1}** instead.', escapeMarkdown(found), escapeMarkdown(canonical))];
    if (form.note) lines.push(t('Why: {0}', escapeMarkdown(form.note)));
    if (form.inPaper) lines.push(t('Where the paper uses it: {0}', escapeMarkdown(form.inPaper)));
    parts.push(lines.join('  \n'));
  }

  const definition: string[] = [];
  if (concept.definition?.zh) definition.push(escapeMarkdown(concept.definition.zh));
  if (concept.definition?.en) definition.push(escapeMarkdown(concept.definition.en));
  if (definition.length > 0) parts.push(definition.join('  \n'));

  const quoted = evidence.slice(0, options.maxEvidence ?? 1);
  for (const item of quoted) {
    const where = item.section ? sectionLabel(item.section) : item.paragraph.section;
    const lines = [`*${t('White paper, {0}', escapeMarkdown(where))}*`, ''];
    if (item.zh) lines.push(`> ${quote(item.zh, options.maxSentence ?? 160)}`, '>');
    if (item.en) lines.push(`> ${quote(item.en, (options.maxSentence ?? 160) * 2)}`);
    if (lines[lines.length - 1] === '>') lines.pop();
    lines.push('', commandLink(t('Show in the white paper'), REVEAL_PARAGRAPH_COMMAND, [item.paragraph.id]));
    parts.push(lines.join('\n'));
  }
  if (evidence.length > quoted.length) {
    parts.push(`*${t('Used in {0} paragraphs of the white paper.', evidence.length)}*`);
  }
  return parts.join('\n\n---\n\n');
}

/** The sentence with the term in bold, cut around it when long. */
function quote(hit: SentenceHit, max: number): string {
  const cut = excerpt(hit.sentence, hit.start, hit.end, max);
  return (
    escapeMarkdown(cut.text.slice(0, cut.start)) +
    `**${escapeMarkdown(cut.text.slice(cut.start, cut.end))}**` +
    escapeMarkdown(cut.text.slice(cut.end))
  );
}
