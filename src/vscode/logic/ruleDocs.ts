// Where each rule is explained: docs/rules/<rule>.md in the repository named
// by package.json, so Problems-panel links stay stable across releases.
export const RULE_IDS = ['deprecated-term', 'inconsistent-variant', 'missing-translation', 'number-mismatch'] as const;

export const DEFAULT_REPOSITORY = 'https://github.com/carbon-lexicon/carbon-lexicon';

/** Accepts package.json's `repository` as a string or `{ url }`, with or without "git+" and ".git". */
export function repositoryWebUrl(repository: unknown): string {
  const raw = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof raw !== 'string' || !raw.trim()) return DEFAULT_REPOSITORY;
  let url = raw.trim().replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  const shorthand = /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(url);
  if (shorthand) url = `https://github.com/${shorthand[1]}/${shorthand[2]}`;
  url = url.replace(/^git@github\.com:/, 'https://github.com/').replace(/^git:\/\//, 'https://');
  return /^https?:\/\//.test(url) ? url : DEFAULT_REPOSITORY;
}

export function ruleDocUrl(rule: string, repository: unknown): string {
  return `${repositoryWebUrl(repository)}/blob/main/docs/rules/${encodeURIComponent(rule)}.md`;
}
