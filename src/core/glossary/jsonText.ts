// JSON as text, through jsonc-parser (the parser VS Code itself uses): an
// offset tree to place problems and edits, the first syntax error in words a
// translator can act on, and insertions that keep the user's layout and
// comments. Values still come from JSON.parse (see ./json); the tree is built
// only when a line is needed, as it costs several times more.

import {
  ParseErrorCode,
  applyEdits,
  format,
  modify,
  parseTree,
  printParseErrorCode,
  visit,
  type Edit,
  type JSONPath,
  type Node,
  type ParseError,
} from 'jsonc-parser';

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

// Deeper than this is not a glossary; checked before jsonc-parser's recursive
// descent would overflow the stack (it does near 10,000 levels).
const MAX_DEPTH = 512;

/** The offset tree of a JSON text (comments allowed only when asked), or its first syntax error. */
export function parseJsonTree(source: string, allowComments = false): { root?: Node; error?: JsonSyntaxError } {
  const text = blankBom(source);
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { disallowComments: !allowComments });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e; // stack overflow: described below
  }
  if (root && errors.length === 0) return { root };
  return { error: firstSyntaxError(text, allowComments) ?? { offset: 0, message: 'not valid JSON' } };
}

/** The first syntax error, found with jsonc-parser's visitor and stopped there. */
export function firstSyntaxError(source: string, allowComments = false): JsonSyntaxError | undefined {
  const text = blankBom(source);
  if (text.trim() === '') return { offset: 0, message: 'the file is empty' };
  const closers: string[] = []; // of the containers open at this point
  const stop = new Error('first syntax error found');
  let found: JsonSyntaxError | undefined;
  const open = (closer: string) => (offset: number): void => {
    closers.push(closer);
    if (closers.length > MAX_DEPTH) {
      found = { offset, message: `nested more than ${MAX_DEPTH} levels deep` };
      throw stop;
    }
  };
  try {
    visit(
      text,
      {
        onObjectBegin: open('}'),
        onArrayBegin: open(']'),
        onObjectEnd: () => void closers.pop(),
        onArrayEnd: () => void closers.pop(),
        onError: (code, offset, length) => {
          found = describe(text, code, offset, length, closers[closers.length - 1]);
          throw stop;
        },
      },
      { disallowComments: !allowComments },
    );
  } catch (e) {
    if (e !== stop) throw e;
  }
  return found;
}

function describe(text: string, code: ParseErrorCode, offset: number, length: number, closer: string | undefined): JsonSyntaxError {
  const atEnd = offset >= text.length;
  const at = (message: string, where = offset): JsonSyntaxError => ({ offset: where, message });
  switch (code) {
    case ParseErrorCode.InvalidSymbol:
      return at(atEnd ? 'value expected before the end of the file' : `unexpected character ${showChar(text, offset)}`);
    case ParseErrorCode.PropertyNameExpected:
    case ParseErrorCode.ValueExpected: {
      if (atEnd) return at('value expected before the end of the file');
      const next = text[offset];
      if ((next === '}' || next === ']') && /,[ \t\r\n]*$/.test(text.slice(Math.max(0, offset - 200), offset))) {
        return at(`trailing comma before "${next}"`);
      }
      return at(code === ParseErrorCode.PropertyNameExpected ? 'property name expected (in double quotes)' : 'value expected');
    }
    case ParseErrorCode.ColonExpected:
      return at('":" expected');
    case ParseErrorCode.CommaExpected:
      return at(`"," or "${closer ?? '}'}" expected`);
    case ParseErrorCode.CloseBraceExpected:
    case ParseErrorCode.CloseBracketExpected: {
      const c = code === ParseErrorCode.CloseBraceExpected ? '}' : ']';
      return at(atEnd ? `"${c}" expected before the end of the file` : `"," or "${c}" expected`);
    }
    case ParseErrorCode.EndOfFileExpected:
      return at('end of file expected (extra content after the JSON value)');
    case ParseErrorCode.InvalidCommentToken:
      return at('comments are not allowed in JSON glossaries');
    case ParseErrorCode.UnexpectedEndOfComment:
      return at('unterminated comment');
    case ParseErrorCode.UnexpectedEndOfString:
      // The scanner ends a string at a line break: point at the break.
      return offset + length < text.length
        ? at('invalid character in string (control characters and line breaks must be escaped)', offset + length)
        : at('unterminated string');
    case ParseErrorCode.InvalidCharacter:
      return at('invalid character in string (control characters and line breaks must be escaped)', inToken(text, offset, length, /[\u0000-\u001f]/));
    case ParseErrorCode.InvalidEscapeCharacter:
    case ParseErrorCode.InvalidUnicode:
      return at('invalid escape in string', inToken(text, offset, length, /\\(?:[^"\\/bfnrtu]|u(?![0-9a-fA-F]{4}))/));
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return at('invalid number');
    default:
      return at(printParseErrorCode(code));
  }
}

/** Offset of the first match of `pattern` in a token the scanner flagged, else the token's start. */
function inToken(text: string, offset: number, length: number, pattern: RegExp): number {
  const m = pattern.exec(text.slice(offset, offset + length));
  return m ? offset + m.index : offset;
}

function showChar(text: string, offset: number): string {
  const c = String.fromCodePoint(text.codePointAt(offset)!);
  return /^[!-~]$/.test(c) ? JSON.stringify(c) : `${JSON.stringify(c)} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** jsonc-parser does not skip a byte order mark: a space in its place keeps the offsets. */
function blankBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}

/** Where a node is shown: an object member at its key, where the eye looks for it. */
export function nodeStart(node: Node): number {
  return node.parent?.type === 'property' ? node.parent.offset : node.offset;
}

/** Indentation unit and line ending of a text (two spaces and "\n" when it cannot tell). */
export function detectFormat(text: string): { indent: string; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)\S/.exec(text);
  const indent = m ? (m[1].startsWith('\t') ? '\t' : ' '.repeat(Math.min(m[1].length, 8))) : '  ';
  return { indent, eol };
}

/**
 * Adds `value` at `path` (a last index of -1 appends to an array), laid out
 * like its neighbours: on its own lines, in the text's indentation and line
 * endings, or on the same line when the container closes on the line of its
 * last item. jsonc-parser's `modify` places the insertion and its formatter
 * lays out only the inserted text, so every other line, comments included,
 * stays as it was (`modify`'s own formatting would reflow the whole line).
 */
export function insertIntoJson(text: string, path: JSONPath, value: unknown): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const [edit] = modify(body, path, value, { isArrayInsertion: true });
  if (!edit) return text;
  const inserted = applyEdits(body, [edit]);
  const { indent, eol } = detectFormat(body);
  const empty = !edit.content.startsWith(','); // into [] or {}: take in the brackets too
  const sameLine = !empty && /^[ \t]*[\]}]/.test(body.slice(edit.offset + edit.length, edit.offset + edit.length + 200));
  const range = empty ? { offset: edit.offset - 1, length: edit.content.length + 2 } : { offset: edit.offset, length: edit.content.length };
  const layout = format(inserted, range, {
    insertSpaces: indent !== '\t',
    tabSize: indent === '\t' ? 4 : indent.length,
    eol,
    keepLines: sameLine,
  });
  return bom + applySpliced(inserted, layout);
}

/**
 * applyEdits for a few edits close together in a long text: applied to the
 * stretch they cover, which then goes in at once. jsonc-parser rebuilds the
 * whole text for each edit (a 16 MB glossary and a dozen layout edits: a
 * third of a second).
 */
function applySpliced(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  let from = text.length;
  let to = 0;
  for (const e of edits) {
    from = Math.min(from, e.offset);
    to = Math.max(to, e.offset + e.length);
  }
  const local = edits.map((e) => ({ offset: e.offset - from, length: e.length, content: e.content }));
  return text.slice(0, from) + applyEdits(text.slice(from, to), local) + text.slice(to);
}
