import type { BoxTree } from '../inventory/types';
import {
  checkBoxTrees,
  formatIntroducedProblems,
  introducedErrors,
  resolvedFindings,
  treesWithFiles,
} from './boxFindings';

const Q = 'home/dot_config/containers/systemd';
const NOW = new Date('2026-05-01T00:00:00Z');
const PINNED = `docker.io/library/redis:7@sha256:${'cd'.repeat(32)}`;

function box(files: Record<string, string>): BoxTree[] {
  return [
    {
      name: 'dotfiles',
      role: 'dotfiles',
      files: [
        { path: '.chezmoiroot', content: Buffer.from('home\n') },
        ...Object.entries(files).map(([path, text]) => ({
          path,
          content: Buffer.from(text),
        })),
      ],
    },
  ];
}

const before = box({
  [`${Q}/cache.container`]:
    '[Container]\nImage=docker.io/library/redis:7\n\n[Install]\nWantedBy=default.target\n',
});

describe('introducedErrors / resolvedFindings', () => {
  it('reports an error the new files bring in, with file, line and check', () => {
    const after = treesWithFiles(before, [
      {
        tree: 'dotfiles',
        path: `${Q}/web.container`,
        content: Buffer.from(
          `[Unit]\nRequires=ghost.service\n\n[Container]\nImage=${PINNED}\n`,
        ),
      },
    ]);
    const problems = introducedErrors(
      checkBoxTrees('box', before, { now: NOW }),
      checkBoxTrees('box', after, { now: NOW }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        source: 'check',
        code: 'unit-reference-dangling',
        tree: 'dotfiles',
        file: `${Q}/web.container`,
        line: 2,
      }),
    ]);
    expect(formatIntroducedProblems(problems)).toMatch(
      new RegExp(
        `^dotfiles:${Q}/web.container:2: .*ghost.service.* \\[unit-reference-dangling\\]$`,
      ),
    );
  });

  it('reports new error diagnostics of the files, not the ones already there', () => {
    const broken = box({
      [`${Q}/cache.container`]:
        '[Container]\nImage=docker.io/library/redis:7\nBogusKey=1\n',
    });
    const after = treesWithFiles(broken, [
      {
        tree: 'dotfiles',
        path: `${Q}/other.container`,
        content: Buffer.from(`[Container]\nImage=${PINNED}\nAlsoBogus=1\n`),
      },
    ]);
    const problems = introducedErrors(
      checkBoxTrees('box', broken, { now: NOW }),
      checkBoxTrees('box', after, { now: NOW }),
    );
    expect(problems.map(p => [p.source, p.file])).toEqual([
      ['diagnostic', `${Q}/other.container`],
    ]);
  });

  it('lists the failing findings an edit makes pass', () => {
    const pinned = treesWithFiles(before, [
      {
        tree: 'dotfiles',
        path: `${Q}/cache.container`,
        content: Buffer.from(
          `[Container]\nImage=${PINNED}\n\n[Install]\nWantedBy=default.target\n`,
        ),
      },
    ]);
    const resolved = resolvedFindings(
      checkBoxTrees('box', before, { now: NOW }),
      checkBoxTrees('box', pinned, { now: NOW }),
    );
    expect(resolved.map(r => r.checkId)).toContain('image-not-digest-pinned');
    expect(resolved.every(r => r.status === 'fail')).toBe(true);
  });

  it('treesWithFiles replaces a file at the same path and adds new ones', () => {
    const after = treesWithFiles(before, [
      {
        tree: 'dotfiles',
        path: `${Q}/cache.container`,
        content: Buffer.from('x'),
      },
      { tree: 'dotfiles', path: 'new.txt', content: Buffer.from('y') },
    ]);
    expect(after[0].files.map(f => [f.path, f.content.toString()])).toEqual([
      ['.chezmoiroot', 'home\n'],
      [`${Q}/cache.container`, 'x'],
      ['new.txt', 'y'],
    ]);
    expect(before[0].files[1].content.toString()).toContain('redis:7');
  });
});
