import { podmanRunImage, podmanRunsInScript } from './podmanRunImage';

describe('podmanRunImage', () => {
  it.each([
    [
      [
        'podman',
        'run',
        '--rm',
        '--name',
        'x',
        '-v',
        '/a:/b',
        'ghcr.io/x/y:1',
        'cmd',
      ],
      'ghcr.io/x/y:1',
    ],
    [
      [
        '/usr/bin/podman',
        '--remote',
        'container',
        'run',
        '--pull=newer',
        'redis:7',
      ],
      'redis:7',
    ],
    [['docker', 'create', '-p', '80:80', 'nginx'], 'nginx'],
    [['podman', 'run', '--', 'img'], 'img'],
    [['podman', 'ps'], undefined],
    [['bash', '-c', 'true'], undefined],
  ])('%j', (words, image) => expect(podmanRunImage(words)).toBe(image));
});

describe('podmanRunsInScript', () => {
  it('joins continued lines and reports where each run starts', () => {
    const script =
      '#!/bin/sh\n# podman run not-this\nset -eu\nexec podman run --rm \\\n\t--env-file "${f}" \\\n\tghcr.io/sodimo/etl:latest\npodman pull x && podman run -d quay.io/a/b:2\n';
    expect(podmanRunsInScript(script)).toEqual([
      { image: 'ghcr.io/sodimo/etl:latest', line: 4 },
      { image: 'quay.io/a/b:2', line: 7 },
    ]);
  });
});
