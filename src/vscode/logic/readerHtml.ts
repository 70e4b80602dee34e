// HTML of the bilingual reader: the white paper with each Chinese paragraph
// beside its English (one after the other in a narrow panel), optionally a
// concept's full entry on top with its uses marked in the text.
import type { Concept, Paper, PaperParagraph, PaperSection } from '../../core/types';
import type { Evidence, SentenceHit } from '../../core/paperIndex';
import { sectionLabel, sectionLabelEn } from './paperLabels';
import { english, type Translate } from './translate';

export interface ReaderOptions {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  styleUri: string;
  t?: Translate;
  /** A concept whose entry is shown on top and whose uses are marked. */
  concept?: Concept;
  /** The paper's own sentences for the concept (paperIndex.evidenceFor), quoted in its entry. */
  evidence?: Evidence[];
  /** Paragraph to scroll to and flash once loaded. */
  focusParagraphId?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export function paragraphAnchor(id: string): string {
  return `p-${id.replace(/[^\w.-]/g, '_')}`;
}

/** Ranges of `forms` in `text` (Chinese: exact; English: whole words, any case), merged. */
export function highlightRanges(text: string, forms: string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const form of forms) {
    if (!form) continue;
    if (/[\u3400-\u9fff]/.test(form)) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) ranges.push([at, at + form.length]);
    } else {
      const words = form.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"));
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
      for (const m of text.matchAll(pattern)) ranges.push([m.index!, m.index! + m[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function marked(text: string, forms: string[]): string {
  let html = '';
  let at = 0;
  for (const [start, end] of highlightRanges(text, forms)) {
    html += escapeHtml(text.slice(at, start)) + `<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}

function conceptForms(concept: Concept | undefined): string[] {
  if (!concept) return [];
  return [concept.zh, concept.en, ...(concept.accepted ?? []).map((f) => f.text), ...(concept.deprecated ?? []).filter((f) => f.inPaper).map((f) => f.text)];
}

/** The full entry of a concept: both forms, admitted and deprecated renderings with notes, definitions, where the paper uses it. */
function quoteHit(hit: SentenceHit): string {
  return escapeHtml(hit.sentence.slice(0, hit.start)) + `<mark>${escapeHtml(hit.sentence.slice(hit.start, hit.end))}</mark>` + escapeHtml(hit.sentence.slice(hit.end));
}

/** The paper's sentences for a concept, each linked to its paragraph below. */
function evidenceHtml(evidence: Evidence[], max: number): string {
  return `<ol class="evidence">${evidence
    .slice(0, max)
    .map((e) => {
      const where = e.section ? sectionLabel(e.section) : e.paragraph.section;
      return `<li><a href="#${paragraphAnchor(e.paragraph.id)}">${escapeHtml(where)} · ${escapeHtml(e.paragraph.id)}</a>${e.zh ? `<div lang="zh-Hans">${quoteHit(e.zh)}</div>` : ''}${e.en ? `<div lang="en">${quoteHit(e.en)}</div>` : ''}</li>`;
    })
    .join('')}</ol>`;
}

export function conceptEntryHtml(concept: Concept, paper: Paper, t: Translate = english, evidence: Evidence[] = []): string {
  const forms = (list: Concept['accepted'], cls: string) =>
    list.length === 0
      ? ''
      : `<ul class="${cls}">${list
          .map((f) => `<li><span class="form" lang="${f.lang === 'zh' ? 'zh-Hans' : 'en'}">${escapeHtml(f.text)}</span>${f.note ? ` — ${escapeHtml(f.note)}` : ''}${f.inPaper ? ` <em>(${escapeHtml(t('in the paper: {0}', f.inPaper))})</em>` : ''}</li>`)
          .join('')}</ul>`;
  const refs = (concept.refs ?? []).filter((id) => paper.paragraphs.some((p) => p.id === id));
  return `<aside class="entry" id="entry">
  <h2><span lang="zh-Hans">${escapeHtml(concept.zh)}</span> · <span lang="en">${escapeHtml(concept.en)}</span></h2>
  <dl>
    ${concept.definition?.zh ? `<dt>${escapeHtml(t('Definition (Chinese)'))}</dt><dd lang="zh-Hans">${escapeHtml(concept.definition.zh)}</dd>` : ''}
    ${concept.definition?.en ? `<dt>${escapeHtml(t('Definition (English)'))}</dt><dd lang="en">${escapeHtml(concept.definition.en)}</dd>` : ''}
    ${(concept.accepted ?? []).length ? `<dt>${escapeHtml(t('Admitted forms'))}</dt><dd>${forms(concept.accepted, 'admitted')}</dd>` : ''}
    ${(concept.deprecated ?? []).length ? `<dt>${escapeHtml(t('Deprecated forms'))}</dt><dd>${forms(concept.deprecated, 'deprecated')}</dd>` : ''}
    ${evidence.length ? `<dt>${escapeHtml(t('In the white paper'))}</dt><dd>${evidenceHtml(evidence, 3)}${refs.length > 3 ? `<p>${refs.map((id) => `<a href="#${paragraphAnchor(id)}">${escapeHtml(id)}</a>`).join(' ')}</p>` : ''}</dd>` : refs.length ? `<dt>${escapeHtml(t('In the white paper'))}</dt><dd>${refs.map((id) => `<a href="#${paragraphAnchor(id)}">${escapeHtml(id)}</a>`).join(' ')}</dd>` : ''}
  </dl>
</aside>`;
}

function sectionHeading(section: PaperSection): string {
  const level = Math.min(4, section.level + 2);
  const zh = section.title.zh ? `<span class="zh" lang="zh-Hans">${escapeHtml(section.title.zh)}</span>` : '';
  return `<h${level} id="s-${escapeHtml(section.id)}" class="heading">${zh}<span class="en" lang="en">${escapeHtml(sectionLabelEn(section))}</span></h${level}>`;
}

function paragraphHtml(paragraph: PaperParagraph, forms: string[], t: Translate): string {
  const zh = paragraph.zh
    ? `<div class="zh" lang="zh-Hans">${marked(paragraph.zh, forms)}</div>`
    : `<div class="zh missing">${escapeHtml(t('(no Chinese text in this excerpt)'))}</div>`;
  const en = paragraph.en.map((text) => `<p>${marked(text, forms)}</p>`).join('');
  return `<section class="para" id="${paragraphAnchor(paragraph.id)}" data-id="${escapeHtml(paragraph.id)}">
  <a class="pid" href="#${paragraphAnchor(paragraph.id)}">${escapeHtml(paragraph.id)}</a>
  ${zh}
  <div class="en" lang="en">${en}</div>
</section>`;
}

export function buildReaderHtml(paper: Paper, options: ReaderOptions): string {
  const t = options.t ?? english;
  const forms = conceptForms(options.concept);
  const body: string[] = [];
  for (const section of paper.sections) {
    body.push(sectionHeading(section));
    for (const paragraph of paper.paragraphs.filter((p) => p.section === section.id)) body.push(paragraphHtml(paragraph, forms, t));
  }
  const focus = options.focusParagraphId ? paragraphAnchor(options.focusParagraphId) : options.concept ? 'entry' : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${options.cspSource}; script-src 'nonce-${options.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(t('White Paper Reader'))}</title>
</head>
<body data-focus="${escapeHtml(focus)}" data-paragraph="${escapeHtml(options.focusParagraphId ?? '')}" data-concept="${escapeHtml(options.concept?.id ?? '')}">
<header><h1><span lang="zh-Hans">${escapeHtml(paper.title.zh)}</span><span class="en" lang="en">${escapeHtml(paper.title.en)}</span></h1></header>
${options.concept ? conceptEntryHtml(options.concept, paper, t, options.evidence) : ''}
<main>
${body.join('\n')}
</main>
<script nonce="${options.nonce}">
(function () {
  var vscode = acquireVsCodeApi();
  var saved = { paragraphId: document.body.dataset.paragraph || undefined, conceptId: document.body.dataset.concept || undefined };
  vscode.setState(saved);
  function reveal(anchor) {
    var el = anchor && document.getElementById(anchor);
    if (!el) return;
    if (el.dataset.id) {
      saved.paragraphId = el.dataset.id;
      vscode.setState(saved);
    }
    el.scrollIntoView({ block: 'start' });
    el.classList.remove('flash');
    void el.offsetWidth;
    el.classList.add('flash');
  }
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (m && m.type === 'reveal') reveal(m.anchor);
  });
  reveal(document.body.dataset.focus);
})();
</script>
</body>
</html>`;
}
