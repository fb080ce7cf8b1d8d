import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { create as createTar } from 'tar';

const API = 'https://api.github.com';
const CODELOAD = 'https://codeload.github.com';

/** A failure GitHub answers with, as documented for the REST API. */
export type Outage =
  | 'server-error'
  | 'not-found'
  | 'bad-credentials'
  | 'rate-limited';

interface FakeRepo {
  owner: string;
  name: string;
  defaultBranch: string;
  branches: Map<string, string>;
  /** Gzipped tarballs by commit sha, laid out as GitHub builds them (`<owner>-<repo>-<sha7>/…`). */
  tarballs: Map<string, Buffer>;
}

/**
 * The slice of GitHub's REST API that Backstage's GitHub URL reader uses for `readTree`:
 * `GET /repos/{o}/{r}` (default branch, when the URL has no ref), `GET /repos/{o}/{r}/commits/{ref}/status`
 * (the commit sha, which is the tree's ETag), `GET /repos/{o}/{r}/tarball/{sha}` (a 302 to
 * codeload) and the codeload download itself. Responses follow GitHub's documented shapes and
 * headers; `requests` records every call so tests can tell a download from a cache hit.
 */
export class FakeGithub {
  readonly requests: string[] = [];
  outage?: Outage;
  /** Requests carrying another token get 401, like a revoked token. */
  acceptedToken?: string;
  private readonly repos = new Map<string, FakeRepo>();

  addRepo(owner: string, name: string, defaultBranch = 'main'): void {
    this.repos.set(`${owner}/${name}`, {
      owner,
      name,
      defaultBranch,
      branches: new Map(),
      tarballs: new Map(),
    });
  }

  /** Makes `branch` point at a new commit whose tree is `tarball`. */
  pushCommit(
    fullName: string,
    branch: string,
    sha: string,
    tarball: Buffer,
  ): void {
    const repo = this.repo(fullName);
    repo.branches.set(branch, sha);
    repo.tarballs.set(sha, tarball);
  }

  count(prefix: string): number {
    return this.requests.filter(r => r.startsWith(prefix)).length;
  }

  handlers(): HttpHandler[] {
    return [
      http.get(
        `${API}/repos/:owner/:repo/commits/:ref/status`,
        ({ request, params }) => {
          this.requests.push(
            `status ${params.owner}/${params.repo}@${params.ref}`,
          );
          const refused = this.refusal(
            request,
            'commits/statuses#get-the-combined-status-for-a-specific-reference',
          );
          if (refused) return refused;
          const repo = this.repos.get(`${params.owner}/${params.repo}`);
          const ref = String(params.ref);
          const sha =
            repo?.branches.get(ref) ??
            (repo?.tarballs.has(ref) ? ref : undefined);
          if (!repo || !sha)
            return notFound(
              'commits/statuses#get-the-combined-status-for-a-specific-reference',
            );
          return HttpResponse.json(
            {
              state: 'pending',
              statuses: [],
              sha,
              total_count: 0,
              repository: minimalRepository(repo),
              commit_url: `${API}/repos/${repo.owner}/${repo.name}/commits/${sha}`,
              url: `${API}/repos/${repo.owner}/${repo.name}/commits/${sha}/status`,
            },
            { headers: apiHeaders() },
          );
        },
      ),
      http.get(
        `${API}/repos/:owner/:repo/tarball/:ref`,
        ({ request, params }) => {
          this.requests.push(
            `tarball ${params.owner}/${params.repo}@${params.ref}`,
          );
          const refused = this.refusal(
            request,
            'repos/contents#download-a-repository-archive-tar',
          );
          if (refused) return refused;
          const repo = this.repos.get(`${params.owner}/${params.repo}`);
          if (!repo)
            return notFound('repos/contents#download-a-repository-archive-tar');
          // GitHub answers with a redirect to a short-lived codeload URL.
          return new HttpResponse(null, {
            status: 302,
            statusText: 'Found',
            headers: {
              ...apiHeaders(),
              location: `${CODELOAD}/${repo.owner}/${repo.name}/legacy.tar.gz/${params.ref}`,
            },
          });
        },
      ),
      http.get(`${CODELOAD}/:owner/:repo/legacy.tar.gz/:ref`, ({ params }) => {
        this.requests.push(
          `download ${params.owner}/${params.repo}@${params.ref}`,
        );
        const repo = this.repos.get(`${params.owner}/${params.repo}`);
        const tarball = repo?.tarballs.get(String(params.ref));
        if (!repo || !tarball)
          return new HttpResponse('Not Found', {
            status: 404,
            statusText: 'Not Found',
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          });
        return new HttpResponse(new Uint8Array(tarball), {
          status: 200,
          headers: {
            'content-type': 'application/x-gzip',
            'content-disposition': `attachment; filename=${archiveRoot(
              repo,
              String(params.ref),
            )}.tar.gz`,
            etag: `"${params.ref}"`,
          },
        });
      }),
      http.get(`${API}/repos/:owner/:repo`, ({ request, params }) => {
        this.requests.push(`repo ${params.owner}/${params.repo}`);
        const refused = this.refusal(request, 'repos/repos#get-a-repository');
        if (refused) return refused;
        const repo = this.repos.get(`${params.owner}/${params.repo}`);
        if (!repo) return notFound('repos/repos#get-a-repository');
        return HttpResponse.json(
          {
            ...minimalRepository(repo),
            default_branch: repo.defaultBranch,
            visibility: 'public',
          },
          { headers: apiHeaders() },
        );
      }),
    ];
  }

  private repo(fullName: string): FakeRepo {
    const repo = this.repos.get(fullName);
    if (!repo) throw new Error(`no fake repo ${fullName}`);
    return repo;
  }

  private refusal(request: Request, docs: string): Response | undefined {
    const auth = request.headers.get('authorization');
    if (
      this.outage === 'bad-credentials' ||
      (auth && this.acceptedToken && auth !== `Bearer ${this.acceptedToken}`)
    ) {
      return HttpResponse.json(
        {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
        { status: 401, statusText: 'Unauthorized', headers: apiHeaders() },
      );
    }
    if (this.outage === 'rate-limited') {
      return HttpResponse.json(
        {
          message: 'API rate limit exceeded for user ID 1.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: '403',
        },
        {
          status: 403,
          statusText: 'Forbidden',
          headers: apiHeaders({ remaining: 0 }),
        },
      );
    }
    if (this.outage === 'not-found') return notFound(docs);
    if (this.outage === 'server-error') {
      return HttpResponse.json(
        { message: 'Server Error' },
        {
          status: 500,
          statusText: 'Internal Server Error',
          headers: apiHeaders(),
        },
      );
    }
    return undefined;
  }
}

function notFound(docs: string): Response {
  return HttpResponse.json(
    {
      message: 'Not Found',
      documentation_url: `https://docs.github.com/rest/${docs}`,
      status: '404',
    },
    { status: 404, statusText: 'Not Found', headers: apiHeaders() },
  );
}

function apiHeaders(
  options: { remaining?: number } = {},
): Record<string, string> {
  const remaining = options.remaining ?? 4999;
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-used': String(5000 - remaining),
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
  };
}

function minimalRepository(repo: FakeRepo) {
  const url = `${API}/repos/${repo.owner}/${repo.name}`;
  return {
    id: 1296269,
    node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: false,
    owner: {
      login: repo.owner,
      id: 1,
      type: 'Organization',
      url: `${API}/users/${repo.owner}`,
      html_url: `https://github.com/${repo.owner}`,
    },
    html_url: `https://github.com/${repo.owner}/${repo.name}`,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    commits_url: `${url}/commits{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    contents_url: `${url}/contents/{+path}`,
    statuses_url: `${url}/statuses/{sha}`,
  };
}

function archiveRoot(repo: FakeRepo, sha: string): string {
  return `${repo.owner}-${repo.name}-${sha.slice(0, 7)}`;
}

/**
 * Builds a gzipped tarball of `dir` the way GitHub lays one out: every path under
 * `<owner>-<repo>-<sha7>/`. `edit` may change the copy first (a new commit).
 */
export async function tarballOf(
  dir: string,
  repo: { owner: string; name: string; sha: string },
  edit?: (root: string) => Promise<void>,
): Promise<Buffer> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'qp-tarball-'));
  try {
    const rootName = `${repo.owner}-${repo.name}-${repo.sha.slice(0, 7)}`;
    await cp(dir, path.join(work, rootName), { recursive: true });
    if (edit) await edit(path.join(work, rootName));
    const file = path.join(work, 'archive.tar.gz');
    await createTar({ gzip: true, cwd: work, file, portable: true }, [
      rootName,
    ]);
    return await readFile(file);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Replaces `from` by `to` in one file of a tree copy. */
export function replaceIn(file: string, from: string, to: string) {
  return async (root: string) => {
    const target = path.join(root, file);
    const text = await readFile(target, 'utf8');
    if (!text.includes(from))
      throw new Error(`${file} does not contain ${from}`);
    await writeFile(target, text.replace(from, to));
  };
}
