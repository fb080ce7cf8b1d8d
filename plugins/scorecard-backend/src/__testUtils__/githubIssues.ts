/**
 * Issues as GitHub's REST API lists them (`GET /repos/{owner}/{repo}/issues`, "List repository
 * issues", https://docs.github.com/en/rest/issues/issues#list-repository-issues): the fields of
 * the documented response, with pull requests carrying `pull_request`.
 */
export function githubIssue(options: {
  owner: string;
  repo: string;
  number: number;
  title: string;
  labels: string[];
  pullRequest?: boolean;
}) {
  const { owner, repo, number } = options;
  const api = `https://api.github.com/repos/${owner}/${repo}`;
  const html = `https://github.com/${owner}/${repo}`;
  return {
    url: `${api}/issues/${number}`,
    repository_url: api,
    labels_url: `${api}/issues/${number}/labels{/name}`,
    comments_url: `${api}/issues/${number}/comments`,
    events_url: `${api}/issues/${number}/events`,
    html_url: `${html}/${options.pullRequest ? 'pull' : 'issues'}/${number}`,
    id: 1_000_000 + number,
    node_id: `I_kwDOABCD${number}`,
    number,
    title: options.title,
    user: {
      login: 'octocat',
      id: 1,
      node_id: 'MDQ6VXNlcjE=',
      avatar_url: 'https://github.com/images/error/octocat_happy.gif',
      url: 'https://api.github.com/users/octocat',
      html_url: 'https://github.com/octocat',
      type: 'User',
      site_admin: false,
    },
    labels: options.labels.map((name, i) => ({
      id: 208045946 + i,
      node_id: `MDU6TGFiZWwyMDgwNDU5NDY${i}`,
      url: `${api}/labels/${encodeURIComponent(name)}`,
      name,
      description: name === 'known-broken' ? 'A unit that does not work' : null,
      color: 'b60205',
      default: false,
    })),
    state: 'open',
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: 0,
    created_at: '2026-04-02T10:00:00Z',
    updated_at: '2026-04-20T10:00:00Z',
    closed_at: null,
    author_association: 'MEMBER',
    active_lock_reason: null,
    body: 'See the unit file.',
    ...(options.pullRequest
      ? {
          pull_request: {
            url: `${api}/pulls/${number}`,
            html_url: `${html}/pull/${number}`,
            diff_url: `${html}/pull/${number}.diff`,
            patch_url: `${html}/pull/${number}.patch`,
            merged_at: null,
          },
        }
      : {}),
    state_reason: null,
  };
}
