// Pairs a Chinese draft with its English translation by file name:
// `name.zh.md` with `name.en.md` (also zh-CN, zh-Hans, zh_CN, cn, en-US,
// en-GB …; "." "_" or "-" before the tag; .md, .markdown, .mdx, .txt), or
// `zh/name.md` with `en/name.md`, plus pairs listed in `.carbon-lexicon.json`.
// Traditional Chinese (zh-TW, zh-HK, zh-Hant) is not paired by name: the term
// base is in simplified characters, so every English term would look
// untranslated. List such a pair in the config to check it anyway.
// Only path strings are handled here (no file system access).
import * as path from 'node:path';
import type { LintConfig } from '../core/types';

export type PairLang = 'zh' | 'en';

export interface PathLanguage {
  lang: PairLang;
  /** Same key: same document in another language. */
  key: string;
  /** Lower is preferred when several files claim the same key (zh before zh-CN). */
  rank: number;
}

const ZH_TAG = /^(?:zh|zh[-_](?:cn|sg|hans|hans[-_](?:cn|sg))|cn|chs|chinese)$/i;
const EN_TAG = /^(?:en|en[-_][a-z]{2}|en[-_]latn|eng|english)$/i;
const TRADITIONAL = /^zh[-_](?:tw|hk|mo|hant(?:[-_][a-z]{2})?)$/i;
const EXT_GROUP: Record<string, string> = { '.md': 'md', '.markdown': 'md', '.mdx': 'md', '.mkd': 'md', '.txt': 'txt', '.text': 'txt' };

function tagLang(tag: string): PairLang | undefined {
  if (TRADITIONAL.test(tag)) return undefined;
  if (ZH_TAG.test(tag)) return 'zh';
  if (EN_TAG.test(tag)) return 'en';
  return undefined;
}

function tagRank(tag: string): number {
  const t = tag.toLowerCase();
  return t === 'zh' || t === 'en' ? 0 : t.length <= 5 ? 1 : 2;
}

/** Normalised forward-slash form used for keys (case-insensitive: pairs survive case-insensitive file systems). */
function norm(p: string): string {
  return p.split(path.sep).join('/').replace(/\\/g, '/').toLowerCase();
}

/** The language and pairing key of a path, when its name or folder carries a language tag. */
export function languageOfPath(file: string): PathLanguage | undefined {
  const ext = path.extname(file).toLowerCase();
  const group = EXT_GROUP[ext];
  if (!group) return undefined;
  const dir = path.dirname(file);
  const stem = path.basename(file, path.extname(file));
  // name.zh.md, name_zh-CN.md, name-en.md
  const m = /^(.+?)[._-]((?:zh|en)(?:[-_][A-Za-z]{2,4}){0,2}|cn|chs|eng|chinese|english)$/i.exec(stem);
  if (m) {
    const lang = tagLang(m[2]);
    if (lang) return { lang, key: `${norm(dir)}/${m[1].toLowerCase()}\u0000${group}`, rank: tagRank(m[2]) };
    if (TRADITIONAL.test(m[2])) return undefined;
  }
  // zh/name.md, en-US/name.md
  const folder = path.basename(dir);
  const lang = tagLang(folder);
  if (lang) return { lang, key: `${norm(path.dirname(dir))}/*/${stem.toLowerCase()}\u0000${group}`, rank: tagRank(folder) + 10 };
  return undefined;
}

export interface PairResult {
  pairs: Array<{ zh: string; en: string }>;
  singles: string[];
}

/**
 * Split `paths` into zh/en pairs and single files. Config pairs (relative to
 * `configDir`, or to the working folder) come first; then names. Only paths in
 * `paths` are paired: the partner of a file must be among the files linted.
 */
export function pairFiles(paths: string[], config?: LintConfig & { configDir?: string }): PairResult {
  const pairs: Array<{ zh: string; en: string }> = [];
  const used = new Set<number>();
  const resolved = paths.map((p) => norm(path.resolve(p)));

  for (const entry of config?.pairs ?? []) {
    if (!Array.isArray(entry) || entry.length !== 2) continue;
    const [zh, en] = entry.map((p) => norm(path.resolve(config?.configDir ?? '.', String(p))));
    const zi = resolved.findIndex((r, i) => r === zh && !used.has(i));
    const ei = resolved.findIndex((r, i) => r === en && !used.has(i));
    if (zi >= 0 && ei >= 0 && zi !== ei) {
      pairs.push({ zh: paths[zi], en: paths[ei] });
      used.add(zi).add(ei);
    }
  }

  const groups = new Map<string, { zh: Array<[number, number]>; en: Array<[number, number]> }>();
  paths.forEach((p, i) => {
    if (used.has(i)) return;
    const info = languageOfPath(p);
    if (!info) return;
    let group = groups.get(info.key);
    if (!group) groups.set(info.key, (group = { zh: [], en: [] }));
    // A path given twice is one file.
    if (![...group.zh, ...group.en].some(([j]) => resolved[j] === resolved[i])) group[info.lang].push([i, info.rank]);
  });
  const named: Array<{ zh: number; en: number }> = [];
  for (const group of groups.values()) {
    if (group.zh.length === 0 || group.en.length === 0) continue;
    const best = (list: Array<[number, number]>) => [...list].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0][0];
    named.push({ zh: best(group.zh), en: best(group.en) });
  }
  named.sort((a, b) => Math.min(a.zh, a.en) - Math.min(b.zh, b.en));
  for (const { zh, en } of named) {
    pairs.push({ zh: paths[zh], en: paths[en] });
    used.add(zh).add(en);
  }
  const singles = paths.filter((_, i) => !used.has(i));
  return { pairs, singles };
}

/** The partner of `file` among `candidates` (e.g. the files of its folder), if any. */
export function partnerOf(file: string, candidates: string[], config?: LintConfig & { configDir?: string }): { partner: string; lang: PairLang } | undefined {
  const target = norm(path.resolve(file));
  const others = candidates.filter((c) => norm(path.resolve(c)) !== target);
  const { pairs } = pairFiles([file, ...others], config);
  for (const pair of pairs) {
    if (pair.zh === file) return { partner: pair.en, lang: 'zh' };
    if (pair.en === file) return { partner: pair.zh, lang: 'en' };
  }
  return undefined;
}

/** Folders where the partner of `file` may live: its own, and sibling language folders (zh/ ↔ en/). */
export function partnerFolders(file: string, siblingsOfParent: string[] = []): string[] {
  const dir = path.dirname(file);
  const folders = [dir];
  const lang = tagLang(path.basename(dir));
  if (lang) {
    for (const name of siblingsOfParent) {
      const other = tagLang(name);
      if (other && other !== lang) folders.push(path.join(path.dirname(dir), name));
    }
  }
  return folders;
}
