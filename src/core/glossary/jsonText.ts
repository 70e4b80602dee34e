// A small JSON reader that keeps offsets, and the two edits the glossary
// commands need (append to an array, add a property), done on the text so
// the user's formatting and comments survive.
//
// Hand-written because jsonc-parser, which does this well, ships its Node
// entry point as UMD with internal require() calls that esbuild cannot
// follow (microsoft/node-jsonc-parser#57): the bundled CLI failed at start-up
// with "Cannot find module './impl/format'". Values still come from
// JSON.parse; this tree is built only to place errors and to edit.

export type JsonNodeType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonNode {
  type: JsonNodeType;
  offset: number;
  length: number;
  /** Array elements, or object member values (each with `key`). */
  children?: JsonNode[];
  /** For object members: the key and the offset of its opening quote. */
  key?: string;
  keyOffset?: number;
  value?: string | number | boolean | null;
}

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const MAX_DEPTH = 512;

/** Parses JSON (optionally with // and /* comments) into an offset tree, or reports the first error. */
export function parseJsonTree(text: string, allowComments = false): { root?: JsonNode; error?: JsonSyntaxError } {
  let pos = 0;
  const fail = (message: string, at = pos): never => {
    throw new JsonError({ offset: at, message });
  };
  const skip = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) {
        pos++;
      } else if (c === 47 /* / */ && text.charCodeAt(pos + 1) === 47) {
        if (!allowComments) fail('comments are not allowed in JSON glossaries');
        while (pos < text.length && text.charCodeAt(pos) !== 10) pos++;
      } else if (c === 47 && text.charCodeAt(pos + 1) === 42) {
        if (!allowComments) fail('comments are not allowed in JSON glossaries');
        const end = text.indexOf('*/', pos + 2);
        if (end < 0) fail('unterminated comment');
        pos = end + 2;
      } else {
        return;
      }
    }
  };
  const string = (): string => {
    const start = pos;
    pos++; // opening quote
    let out = '';
    let chunk = pos;
    for (;;) {
      if (pos >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(pos);
      if (c === 34) {
        out += text.slice(chunk, pos);
        pos++;
        return out;
      }
      if (c < 32) fail('invalid character in string (control characters and line breaks must be escaped)');
      if (c === 92) {
        out += text.slice(chunk, pos);
        const e = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          fail('invalid escape in string');
        }
        chunk = pos;
        continue;
      }
      pos++;
    }
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`);
    skip();
    const start = pos;
    const c = text[pos];
    if (c === '{') {
      pos++;
      const children: JsonNode[] = [];
      skip();
      if (text[pos] === '}') {
        pos++;
        return { type: 'object', offset: start, length: pos - start, children };
      }
      for (;;) {
        skip();
        if (text[pos] !== '"') fail(text[pos] === '}' ? 'trailing comma before "}"' : 'property name expected (in double quotes)');
        const keyOffset = pos;
        const key = string();
        skip();
        if (text[pos] !== ':') fail('":" expected');
        pos++;
        const member = value(depth + 1);
        member.key = key;
        member.keyOffset = keyOffset;
        children.push(member);
        skip();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return { type: 'object', offset: start, length: pos - start, children };
        }
        fail(pos >= text.length ? '"}" expected before the end of the file' : '"," or "}" expected');
      }
    }
    if (c === '[') {
      pos++;
      const children: JsonNode[] = [];
      skip();
      if (text[pos] === ']') {
        pos++;
        return { type: 'array', offset: start, length: pos - start, children };
      }
      for (;;) {
        skip();
        if (text[pos] === ']') fail('trailing comma before "]"');
        children.push(value(depth + 1));
        skip();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return { type: 'array', offset: start, length: pos - start, children };
        }
        fail(pos >= text.length ? '"]" expected before the end of the file' : '"," or "]" expected');
      }
    }
    if (c === '"') {
      const s = string();
      return { type: 'string', offset: start, length: pos - start, value: s };
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(pos, pos + 400));
    if (literal) {
      pos += literal[0].length;
      const t = literal[0];
      if (t === 'true' || t === 'false') return { type: 'boolean', offset: start, length: t.length, value: t === 'true' };
      if (t === 'null') return { type: 'null', offset: start, length: 4, value: null };
      return { type: 'number', offset: start, length: t.length, value: Number(t) };
    }
    return fail(pos >= text.length ? 'value expected before the end of the file' : `unexpected character ${JSON.stringify(text[pos])}`);
  };
  try {
    const root = value(0);
    skip();
    if (pos < text.length) fail('end of file expected (extra content after the JSON value)');
    return { root };
  } catch (e) {
    if (e instanceof JsonError) return { error: e.detail };
    throw e;
  }
}

class JsonError extends Error {
  constructor(readonly detail: JsonSyntaxError) {
    super(detail.message);
  }
}

/** The node at a path of keys and indices, or undefined. */
export function findJsonNode(root: JsonNode, path: Array<string | number>): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const step of path) {
    if (!node?.children) return undefined;
    if (typeof step === 'number') {
      node = node.type === 'array' ? node.children[step] : undefined;
    } else {
      // Last one wins, as in JSON.parse.
      let found: JsonNode | undefined;
      if (node.type === 'object') for (const c of node.children) if (c.key === step) found = c;
      node = found;
    }
  }
  return node;
}

// ------------------------------------------------------------------ edits

/** Indentation unit and line ending of a text (two spaces and "\n" when it cannot tell). */
export function detectFormat(text: string): { indent: string; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)\S/.exec(text);
  const indent = m ? (m[1].startsWith('\t') ? '\t' : ' '.repeat(Math.min(m[1].length, 8))) : '  ';
  return { indent, eol };
}

/** Leading whitespace of the line containing `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** `value` as JSON, each line after the first indented by `indent`. */
function render(value: unknown, unit: string, indent: string, eol: string): string {
  return JSON.stringify(value, null, unit).split('\n').join(eol + indent);
}

/** Where and what to write to add `itemText` (already rendered) as the last item of a container. */
function appendItem(text: string, container: JsonNode, item: (indent: string) => string): string {
  const { indent: unit, eol } = detectFormat(text);
  const closing = container.offset + container.length - 1; // the ] or }
  const children = container.children ?? [];
  if (children.length > 0) {
    const last = children[children.length - 1];
    const firstStart = children[0].keyOffset ?? children[0].offset;
    const childIndent = lineIndent(text, firstStart);
    const lastEnd = last.offset + last.length;
    const onOwnLines = /\n/.test(text.slice(container.offset, firstStart));
    const insertion = onOwnLines ? `,${eol}${childIndent}${item(childIndent)}` : `, ${item(lineIndent(text, container.offset))}`;
    return text.slice(0, lastEnd) + insertion + text.slice(lastEnd);
  }
  const outer = lineIndent(text, container.offset);
  const inner = outer + unit;
  return text.slice(0, container.offset + 1) + `${eol}${inner}${item(inner)}${eol}${outer}` + text.slice(closing);
}

/** Appends `value` to the array at the node. */
export function appendToJsonArray(text: string, array: JsonNode, value: unknown): string {
  const { indent: unit, eol } = detectFormat(text);
  return appendItem(text, array, (indent) => render(value, unit, indent, eol));
}

/** Adds `"key": value` as the last property of the object at the node. */
export function addJsonProperty(text: string, object: JsonNode, key: string, value: unknown): string {
  const { indent: unit, eol } = detectFormat(text);
  return appendItem(text, object, (indent) => `${JSON.stringify(key)}: ${render(value, unit, indent, eol)}`);
}
