// JSON glossaries: the term base's own format
//   { "schemaVersion": 1, "concepts": [ { "id", "zh", "en", ... } ] }
// or a bare array of concepts. Published schema: data/schema/terms.schema.json.
//
// jsonc-parser (the parser VS Code itself uses) gives syntax errors with
// offsets and a tree with node offsets, so every problem is reported at the
// line of the offending entry or field rather than "somewhere in the file".

import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Lang, TermForm } from '../types';
import {
  LineIndex,
  MAX_DEFINITION_LENGTH,
  MAX_ENTRIES,
  cleanForm,
  guessLang,
  normaliseLang,
  termProblem,
  type GlossaryConcept,
  type GlossaryError,
} from './common';
import { validateGlossaryConcepts } from './validate';

const CONCEPT_KEYS = new Set([
  'id', 'zh', 'en', 'accepted', 'deprecated', 'definition', 'category', 'refs', 'override', '$comment',
]);
const FORM_KEYS = new Set(['text', 'lang', 'note', 'shared', 'caseSensitive', 'inPaper', '$comment']);
const ID_PATTERN = /^[\p{L}\p{N}_][\p{L}\p{N}_.:-]*$/u;

type Path = Array<string | number>;

export function parseJsonGlossary(text: string): { concepts: GlossaryConcept[]; errors: GlossaryError[] } {
  const lines = new LineIndex(text);
  const errors: GlossaryError[] = [];
  const syntax: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text; // keep offsets
  const root = parseTree(body, syntax, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (syntax.length > 0 || !root) {
    for (const e of syntax.slice(0, 1)) { // later ones are mostly echoes of the first
      const line = lines.lineAt(e.offset);
      errors.push({ line, column: e.offset - lineStartOffset(body, e.offset) + 1, message: `JSON syntax error: ${describeSyntax(printParseErrorCode(e.error))}` });
    }
    if (errors.length === 0) errors.push({ line: 1, message: 'JSON syntax error: the file is empty' });
    return { concepts: [], errors };
  }

  const lineOf = (path: Path): number => {
    const node = findNodeAtLocation(root, path);
    return node ? lines.lineAt(node.offset) : lines.lineAt(root.offset);
  };

  let arrayNode: Node | undefined;
  let prefix: Path = [];
  if (root.type === 'array') {
    arrayNode = root;
  } else if (root.type === 'object') {
    const top = nodeObject(root);
    for (const key of top.keys()) {
      if (key !== 'schemaVersion' && key !== 'concepts' && key !== '$schema' && key !== '$comment') {
        errors.push({ line: lineOf([key]), message: `unknown top-level field "${key}" (expected "schemaVersion" and "concepts")` });
      }
    }
    const version = top.get('schemaVersion');
    if (version !== undefined && !(version.type === 'number' && version.value === 1)) {
      errors.push({ line: lines.lineAt(version.offset), message: `unsupported schemaVersion ${JSON.stringify(version.value)} (this version reads 1)` });
      return { concepts: [], errors };
    }
    arrayNode = top.get('concepts');
    prefix = ['concepts'];
    if (!arrayNode || arrayNode.type !== 'array') {
      errors.push({ line: arrayNode ? lines.lineAt(arrayNode.offset) : 1, message: '"concepts" must be an array of concepts' });
      return { concepts: [], errors };
    }
  } else {
    errors.push({ line: lines.lineAt(root.offset), message: 'a JSON glossary is an object { "schemaVersion": 1, "concepts": [...] } or an array of concepts' });
    return { concepts: [], errors };
  }

  const entries = arrayNode.children ?? [];
  if (entries.length > MAX_ENTRIES) {
    errors.push({ line: lines.lineAt(arrayNode.offset), message: `${entries.length} entries; glossaries are limited to ${MAX_ENTRIES}` });
    return { concepts: [], errors };
  }
  const concepts: GlossaryConcept[] = [];
  const entryIndex: number[] = []; // concepts[i] came from entries[entryIndex[i]]
  const seenIds = new Map<string, number>();
  entries.forEach((entryNode, index) => {
    const path = [...prefix, index];
    const entryErrors: GlossaryError[] = [];
    const concept = readConcept(entryNode, path, lineOf, entryErrors);
    if (concept) {
      const earlier = seenIds.get(concept.id);
      if (earlier !== undefined) {
        entryErrors.push({ line: lineOf([...path, 'id']), message: `duplicate id "${concept.id}" (first used on line ${earlier})` });
      } else {
        seenIds.set(concept.id, concept.line ?? 0);
      }
    }
    if (entryErrors.length > 0 || !concept) {
      errors.push(...entryErrors);
    } else {
      concepts.push(concept);
      entryIndex.push(index);
    }
  });

  // The term base's own rules, placed at the line of the field at fault.
  const checked = validateGlossaryConcepts(
    concepts,
    (i, within) => {
      const path: Path = [...prefix, entryIndex[i], ...within];
      // Shorthand forms have no "text"/"lang" node: fall back on the nearest node that exists.
      while (path.length > prefix.length + 1 && !findNodeAtLocation(root, path)) path.pop();
      return lineOf(path);
    },
    (i) => `${label([...prefix, entryIndex[i]])} (id "${concepts[i].id}")`,
  );
  return { concepts: checked.concepts, errors: [...errors, ...checked.errors] };
}

function readConcept(
  node: Node,
  path: Path,
  lineOf: (path: Path) => number,
  errors: GlossaryError[],
): GlossaryConcept | undefined {
  const entryLine = lineOf(path);
  if (node.type !== 'object') {
    errors.push({ line: entryLine, message: `${label(path)}: a concept must be an object` });
    return undefined;
  }
  const fields = nodeObject(node);
  const idNode = fields.get('id');
  const id = idNode?.type === 'string' ? (idNode.value as string) : undefined;
  const where = id ? `${label(path)} (id "${id}")` : label(path);
  const fail = (field: Path, message: string): void => {
    errors.push({ line: lineOf([...path, ...field]), message: `${where}: ${message}` });
  };

  for (const key of fields.keys()) {
    if (!CONCEPT_KEYS.has(key)) fail([key], `unknown field "${key}"`);
  }
  if (id === undefined) {
    fail(idNode ? ['id'] : [], idNode ? '"id" must be a string' : 'missing "id"');
  } else if (!ID_PATTERN.test(id) || id.length > 200) {
    fail(['id'], `id "${id.slice(0, 60)}" must be letters, digits, "-", "_", "." or ":" (kebab-case recommended)`);
  }

  const term = (key: 'zh' | 'en'): string | undefined => {
    const n = fields.get(key);
    if (!n) {
      fail([], `missing preferred ${key === 'zh' ? 'Chinese' : 'English'} term "${key}"`);
      return undefined;
    }
    if (n.type !== 'string') {
      fail([key], `"${key}" must be a string`);
      return undefined;
    }
    const problem = termProblem(n.value as string, `"${key}"`);
    if (problem) {
      fail([key], problem);
      return undefined;
    }
    if (key === 'zh' && guessLang(n.value as string) !== 'zh') {
      fail([key], `"zh" has no Chinese characters: "${n.value}"`);
      return undefined;
    }
    return n.value as string;
  };
  const zh = term('zh');
  const en = term('en');

  const forms = (key: 'accepted' | 'deprecated'): TermForm[] => {
    const n = fields.get(key);
    if (!n) return [];
    if (n.type !== 'array') {
      fail([key], `"${key}" must be an array of forms`);
      return [];
    }
    const out: TermForm[] = [];
    (n.children ?? []).forEach((formNode, i) => {
      const form = readForm(formNode, (sub, message) => fail([key, i, ...sub], `${key}[${i}]: ${message}`));
      if (form) out.push(form);
    });
    return out;
  };
  const accepted = forms('accepted');
  const deprecated = forms('deprecated');

  const definition = { zh: '', en: '' };
  const defNode = fields.get('definition');
  if (defNode) {
    if (defNode.type === 'string') {
      // A bare string is a definition in the language it is written in.
      definition[guessLang(defNode.value as string)] = defNode.value as string;
    } else if (defNode.type === 'object') {
      const def = nodeObject(defNode);
      for (const [k, v] of def) {
        if (k !== 'zh' && k !== 'en') fail(['definition', k], `definition has languages "zh" and "en", not "${k}"`);
        else if (v.type !== 'string') fail(['definition', k], `definition.${k} must be a string`);
        else if ((v.value as string).length > MAX_DEFINITION_LENGTH) fail(['definition', k], `definition.${k} is longer than ${MAX_DEFINITION_LENGTH} characters`);
        else definition[k] = v.value as string;
      }
    } else {
      fail(['definition'], '"definition" must be { "zh": "...", "en": "..." } or a string');
    }
  }

  let category = '';
  const catNode = fields.get('category');
  if (catNode) {
    if (catNode.type !== 'string' || (catNode.value as string).length > 100) fail(['category'], '"category" must be a short string');
    else category = catNode.value as string;
  }

  const refs: string[] = [];
  const refsNode = fields.get('refs');
  if (refsNode) {
    if (refsNode.type !== 'array' || (refsNode.children ?? []).some((c) => c.type !== 'string')) {
      fail(['refs'], '"refs" must be an array of paragraph ids (strings)');
    } else {
      for (const c of refsNode.children ?? []) refs.push(c.value as string);
    }
  }

  const overrideNode = fields.get('override');
  let override: boolean | undefined;
  if (overrideNode) {
    if (overrideNode.type !== 'boolean') fail(['override'], '"override" must be true or false');
    else override = overrideNode.value as boolean;
  }

  if (id === undefined || zh === undefined || en === undefined) return undefined;
  const concept: GlossaryConcept = { id, zh, en, accepted, deprecated, definition, category, refs };
  if (override) concept.override = true;
  concept.line = entryLine;
  return concept;
}

function readForm(node: Node, fail: (sub: Path, message: string) => void): TermForm | undefined {
  if (node.type === 'string') {
    // Shorthand: a bare string, its language read off its script.
    const text = node.value as string;
    const problem = termProblem(text, 'form');
    if (problem) {
      fail([], problem);
      return undefined;
    }
    return { text, lang: guessLang(text) };
  }
  if (node.type !== 'object') {
    fail([], 'a form is an object { "text": "...", "lang": "zh" | "en" } or a string');
    return undefined;
  }
  const f = nodeObject(node);
  let ok = true;
  for (const key of f.keys()) {
    if (!FORM_KEYS.has(key)) {
      fail([key], `unknown field "${key}"`);
      ok = false;
    }
  }
  const textNode = f.get('text');
  if (!textNode || textNode.type !== 'string') {
    fail(textNode ? ['text'] : [], 'missing "text" (a string)');
    return undefined;
  }
  const text = textNode.value as string;
  const problem = termProblem(text, '"text"');
  if (problem) {
    fail(['text'], problem);
    return undefined;
  }
  let lang: Lang = guessLang(text);
  const langNode = f.get('lang');
  if (langNode) {
    const mapped = langNode.type === 'string' ? normaliseLang(langNode.value as string) : undefined;
    if (!mapped) {
      fail(['lang'], `unknown language ${JSON.stringify(langNode.value)} (expected "zh" or "en")`);
      return undefined;
    }
    lang = mapped;
  }
  const form: TermForm = { text, lang };
  for (const key of ['note', 'inPaper'] as const) {
    const n = f.get(key);
    if (!n) continue;
    if (n.type !== 'string') {
      fail([key], `"${key}" must be a string`);
      ok = false;
    } else {
      form[key] = n.value as string;
    }
  }
  for (const key of ['shared', 'caseSensitive'] as const) {
    const n = f.get(key);
    if (!n) continue;
    if (n.type !== 'boolean') {
      fail([key], `"${key}" must be true or false`);
      ok = false;
    } else {
      form[key] = n.value as boolean;
    }
  }
  return ok ? cleanForm(form) : undefined;
}

/** Object node -> map of key to value node (last key wins, as in JSON.parse). */
function nodeObject(node: Node): Map<string, Node> {
  const map = new Map<string, Node>();
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k && v) map.set(k.value as string, v);
  }
  return map;
}

function label(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('').replace(/^\[/, 'entry [');
}

function lineStartOffset(text: string, offset: number): number {
  const nl = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1));
  return nl + 1;
}

function describeSyntax(code: string): string {
  const map: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'property name expected',
    ValueExpected: 'value expected',
    ColonExpected: '":" expected',
    CommaExpected: '"," expected',
    CloseBraceExpected: '"}" expected',
    CloseBracketExpected: '"]" expected',
    EndOfFileExpected: 'end of file expected (extra content after the JSON value)',
    InvalidCommentToken: 'comments are not allowed in JSON glossaries',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string (control characters must be escaped)',
  };
  return map[code] ?? code;
}

/** Serialises a term base in the JSON format (stable key order, 2-space indent). */
export function exportJson(concepts: GlossaryConcept[] | import('../types').Concept[]): string {
  const plain = concepts.map((c) => ({
    id: c.id,
    zh: c.zh,
    en: c.en,
    accepted: c.accepted.map(cleanForm),
    deprecated: c.deprecated.map(cleanForm),
    definition: { zh: c.definition.zh, en: c.definition.en },
    category: c.category,
    refs: [...c.refs],
  }));
  return JSON.stringify({ schemaVersion: 1, concepts: plain }, null, 2) + '\n';
}
