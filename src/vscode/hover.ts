// Hover on any form of a concept, Chinese or English, also when it wraps
// across lines or sits inside unspaced Chinese text (engine.termAt).
import * as vscode from 'vscode';
import type { Engine } from '../core/engine';
import type { TermMatch } from '../core/matcher';
import type { PaperIndex } from '../core/paperIndex';
import { formatOf, isChecked } from './diagnostics';
import { buildHoverMarkdown, REVEAL_PARAGRAPH_COMMAND } from './logic/hoverContent';
import { windowAround } from './logic/offsets';

/** Beyond this many characters the lookup only reads the neighbourhood of the pointer. */
const WHOLE_TEXT_LIMIT = 200_000;

export interface HoverResult {
  markdown: vscode.MarkdownString;
  range: vscode.Range;
}

/** The term at an offset; a huge document is only read around the offset. */
export function termAtOffset(document: vscode.TextDocument, offset: number, engine: Engine): TermMatch | undefined {
  const text = document.getText();
  const { text: slice, base } = text.length > WHOLE_TEXT_LIMIT ? windowAround(text, offset, 2000) : { text, base: 0 };
  const match = engine.termAt(slice, offset - base, formatOf(document));
  return match && base > 0 ? { ...match, start: match.start + base, end: match.end + base } : match;
}

export function hoverAt(document: vscode.TextDocument, position: vscode.Position, engine: Engine, paperIndex: PaperIndex): HoverResult | undefined {
  if (!isChecked(document)) return undefined;
  const match = termAtOffset(document, document.offsetAt(position), engine);
  if (!match) return undefined;
  const value = buildHoverMarkdown(match, paperIndex.evidenceFor(match.concept, engine.matcher), { t: vscode.l10n.t });
  const markdown = new vscode.MarkdownString(value);
  markdown.isTrusted = { enabledCommands: [REVEAL_PARAGRAPH_COMMAND] };
  const range = new vscode.Range(document.positionAt(match.start), document.positionAt(match.end));
  return { markdown, range };
}

export function registerHover(context: vscode.ExtensionContext, getEngine: () => Engine, paperIndex: PaperIndex): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider('*', {
      provideHover(document, position) {
        const result = hoverAt(document, position, getEngine(), paperIndex);
        return result ? new vscode.Hover(result.markdown, result.range) : undefined;
      },
    }),
  );
}
