import type {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';
import type { BoxTreeConfig } from '@quadlet-portal/plugin-catalog-backend-module-quadlet';
import type { KnownBrokenIssue } from '@quadlet-portal/core';

/** A GitHub repository a box tree is read from. */
export interface GithubRepo {
  owner: string;
  repo: string;
  /** The tree URL, for credentials lookups. */
  url: string;
  /** REST API base of the integration (`https://api.github.com` or an Enterprise host's). */
  apiBaseUrl: string;
}

/** The GitHub repositories of a box's URL trees, each once; trees on other hosts are left out. */
export function githubReposOf(
  trees: readonly BoxTreeConfig[],
  integrations: ScmIntegrationRegistry,
): GithubRepo[] {
  const repos = new Map<string, GithubRepo>();
  for (const tree of trees) {
    if (tree.source.type !== 'url') continue;
    const integration = integrations.github.byUrl(tree.source.url);
    if (!integration) continue;
    const [owner, rawRepo] = new URL(tree.source.url).pathname
      .split('/')
      .filter(Boolean);
    if (!owner || !rawRepo) continue;
    const repo = rawRepo.replace(/\.git$/, '');
    const apiBaseUrl =
      integration.config.apiBaseUrl ?? 'https://api.github.com';
    const key = `${apiBaseUrl}/${owner}/${repo}`.toLowerCase();
    if (!repos.has(key))
      repos.set(key, { owner, repo, url: tree.source.url, apiBaseUrl });
  }
  return [...repos.values()];
}

/** The parts of a GitHub issue (REST `GET /repos/{owner}/{repo}/issues`) we read. */
interface IssueLike {
  title: string;
  html_url: string;
  labels: (string | { name?: string | null })[];
  pull_request?: unknown;
}

/**
 * The units an issue names, among `unitNames` (each unit's file name, base name and service):
 * a `unit:<name>` label, or a title that starts with `<name>:` or `[<name>]`, or any word of
 * the title that is a unit's name. Matching is case-insensitive; names come back as the box
 * spells them.
 */
export function unitsNamedBy(
  issue: Pick<IssueLike, 'title' | 'labels'>,
  unitNames: ReadonlySet<string>,
): string[] {
  const byLower = new Map([...unitNames].map(n => [n.toLowerCase(), n]));
  const found = new Set<string>();
  const take = (word: string) => {
    const name = byLower.get(word.toLowerCase());
    if (name) found.add(name);
    return name !== undefined;
  };
  for (const label of issue.labels) {
    const name = typeof label === 'string' ? label : label.name ?? '';
    const m = /^unit[:/](.+)$/i.exec(name.trim());
    if (m) take(m[1].trim());
  }
  if (found.size > 0) return [...found];
  const lead = /^\s*(?:\[([^\]]+)\]|([^\s:]+):)/.exec(issue.title);
  if (lead && take((lead[1] ?? lead[2]).trim())) return [...found];
  for (const word of issue.title.split(/[^A-Za-z0-9@._-]+/)) {
    if (word) take(word.replace(/[.]+$/, ''));
  }
  return [...found];
}

/**
 * Open issues with `label` in each repository, as the units they name. Throws when any
 * repository cannot be read (bad token, rate limit, network, timeout): the caller then leaves
 * the known-broken facts out, so the check says `unknown` rather than `pass`.
 */
export async function fetchKnownBrokenIssues(options: {
  repos: readonly GithubRepo[];
  label: string;
  unitNames: ReadonlySet<string>;
  credentials: GithubCredentialsProvider;
  signal?: AbortSignal;
}): Promise<{ issues: KnownBrokenIssue[]; unnamed: string[] }> {
  const issues: KnownBrokenIssue[] = [];
  const unnamed: string[] = [];
  for (const repo of options.repos) {
    const { token } = await options.credentials.getCredentials({
      url: repo.url,
    });
    const octokit = new Octokit({
      ...(token ? { auth: token } : {}),
      baseUrl: repo.apiBaseUrl,
      request: { signal: options.signal, retries: 0 },
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
    const open: IssueLike[] = await octokit.paginate(
      'GET /repos/{owner}/{repo}/issues',
      {
        owner: repo.owner,
        repo: repo.repo,
        state: 'open',
        labels: options.label,
        per_page: 100,
      },
    );
    for (const issue of open) {
      // The issues endpoint lists pull requests too; a labelled PR is not a broken unit.
      if (issue.pull_request) continue;
      const units = unitsNamedBy(issue, options.unitNames);
      if (units.length === 0) unnamed.push(issue.html_url);
      for (const unit of units)
        issues.push({ unit, url: issue.html_url, title: issue.title });
    }
  }
  return { issues, unnamed };
}
