// "Ignore this term here": the comment line that tells the linter to skip
// one rule on the next line, inserted above the line where the term starts.
import type { DocumentFormat, RuleId, TextEdit } from '../../core/types';
import { LineIndex } from './offsets';

export const DISABLE_NEXT_LINE = 'carbon-lexicon-disable-next-line';

/**
 * The comment for one or more rules. Markdown and plain text use the same
 * HTML comment: it is invisible in rendered Markdown, and in plain text it is
 * a marker a reader recognises and the CLI honours the same way.
 */
export function suppressionComment(rules: readonly string[], _format: DocumentFormat): string {
  return `<!-- ${DISABLE_NEXT_LINE} ${rules.join(' ')} -->`;
}

const EXISTING = new RegExp(`^(\\s*)<!--\\s*${DISABLE_NEXT_LINE}((?:\\s+[a-z][a-z-]*)*)\\s*-->\\s*$`);

/**
 * The edit that suppresses `rule` for the line holding `offset`: a new
 * comment line above it with the same indentation (so it stays inside a list
 * item), or, when the line above already is such a comment, that comment
 * with the rule added. Undefined when the rule is already suppressed there.
 */
export function suppressionEdit(text: string, offset: number, rule: RuleId, format: DocumentFormat): TextEdit | undefined {
  const lines = new LineIndex(text);
  const { line } = lines.positionAt(offset);
  if (line > 0) {
    const above = EXISTING.exec(lines.lineText(line - 1));
    if (above) {
      const rules = above[2].trim().split(/\s+/).filter(Boolean);
      if (rules.includes(rule)) return undefined;
      return {
        start: lines.lineStart(line - 1),
        end: lines.lineEnd(line - 1),
        newText: `${above[1]}${suppressionComment([...rules, rule], format)}`,
      };
    }
  }
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  return { start, end: start, newText: `${indent}${suppressionComment([rule], format)}${lines.eol}` };
}
