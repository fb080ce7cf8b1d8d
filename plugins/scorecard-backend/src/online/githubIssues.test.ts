import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { githubReposOf, unitsNamedBy } from './githubIssues';

const NAMES = new Set([
  'piler.container',
  'piler',
  'piler.service',
  'twenty-worker.container',
  'twenty-worker',
  'twenty.container',
  'twenty',
]);

describe('unitsNamedBy', () => {
  it.each([
    [
      'a unit: label',
      { title: 'Broken', labels: ['known-broken', 'unit:piler'] },
      ['piler'],
    ],
    [
      'a unit/ label, label objects',
      { title: 'x', labels: [{ name: 'unit/twenty-worker.container' }] },
      ['twenty-worker.container'],
    ],
    [
      'a title prefix',
      { title: 'piler: waits on MySQL', labels: [] },
      ['piler'],
    ],
    [
      'a bracketed prefix',
      { title: '[Twenty-Worker] stops', labels: [] },
      ['twenty-worker'],
    ],
    [
      'a word of the title',
      { title: 'After the update piler.service no longer starts.', labels: [] },
      ['piler.service'],
    ],
    ['nothing', { title: 'Storage is flaky', labels: ['known-broken'] }, []],
  ])('finds the unit in %s', (_, issue, expected) => {
    expect(unitsNamedBy(issue, NAMES)).toEqual(expected);
  });

  it('does not take a unit name inside a longer word', () => {
    expect(
      unitsNamedBy({ title: 'twenty-workers are slow', labels: [] }, NAMES),
    ).toEqual([]);
  });
});

describe('githubReposOf', () => {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        github: [
          { host: 'github.com' },
          {
            host: 'ghe.example.com',
            apiBaseUrl: 'https://ghe.example.com/api/v3',
          },
        ],
      },
    }),
  );

  it('lists each GitHub repository of the URL trees once, with its API', () => {
    expect(
      githubReposOf(
        [
          {
            name: 'dotfiles',
            source: {
              type: 'url',
              url: 'https://github.com/sodimo/dotfiles/tree/main',
            },
          },
          {
            name: 'notes',
            source: {
              type: 'url',
              url: 'https://github.com/sodimo/dotfiles/tree/main/notes',
            },
          },
          {
            name: 'os',
            source: {
              type: 'url',
              url: 'https://ghe.example.com/ops/harness.git',
            },
          },
          { name: 'local', source: { type: 'directory', path: '/srv/box' } },
          {
            name: 'gitlab',
            source: { type: 'url', url: 'https://gitlab.com/o/r/-/tree/main' },
          },
        ],
        integrations,
      ),
    ).toEqual([
      {
        owner: 'sodimo',
        repo: 'dotfiles',
        url: 'https://github.com/sodimo/dotfiles/tree/main',
        apiBaseUrl: 'https://api.github.com',
      },
      {
        owner: 'ops',
        repo: 'harness',
        url: 'https://ghe.example.com/ops/harness.git',
        apiBaseUrl: 'https://ghe.example.com/api/v3',
      },
    ]);
  });
});
