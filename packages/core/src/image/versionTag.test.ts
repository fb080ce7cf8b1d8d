import {
  compareVersionTags,
  newerVersionTag,
  newestVersionTag,
  parseVersionTag,
} from './versionTag';

describe('parseVersionTag', () => {
  it.each([
    ['v2.0.0', { prefix: 'v', numbers: [2, 0, 0], suffix: '' }],
    ['2-alpine', { prefix: '', numbers: [2], suffix: '-alpine' }],
    ['pg16', { prefix: 'pg', numbers: [16], suffix: '' }],
    ['2.3.21.1', { prefix: '', numbers: [2, 3, 21, 1], suffix: '' }],
    [
      'v2026.416.0-pi0.x.y',
      { prefix: 'v', numbers: [2026, 416, 0], suffix: '-pi0.x.y' },
    ],
    ['server-b4719', { prefix: 'server-b', numbers: [4719], suffix: '' }],
  ])('reads %s', (tag, expected) => {
    expect(parseVersionTag(tag)).toEqual({ tag, ...expected });
  });

  it.each(['latest', 'main-stable', 'sha-b8725c5', 'vulkan'])(
    'does not order %s',
    tag => {
      expect(parseVersionTag(tag)).toBeUndefined();
    },
  );
});

describe('compareVersionTags', () => {
  it('orders numbers numerically, not as text', () => {
    const tags = ['1.10.0', '1.9.2', '1.2.0', 'v1.9.10', '2.0.0', '1.9.2-rc1'];
    expect([...tags].sort(compareVersionTags)).toEqual([
      '1.2.0',
      '1.9.2-rc1',
      '1.9.2',
      'v1.9.10',
      '1.10.0',
      '2.0.0',
    ]);
  });

  it('sorts non-version tags before versions', () => {
    expect(compareVersionTags('latest', '1.0')).toBe(-1);
    expect(compareVersionTags('1.0', 'main')).toBe(1);
    expect(compareVersionTags('2', '2.0')).toBe(-1);
    expect(compareVersionTags('1.4.5', '1.4.5')).toBe(0);
  });
});

describe('newestVersionTag', () => {
  const tags = [
    'latest',
    '2-alpine',
    '2.10-alpine',
    '2.9-alpine',
    '2.10',
    'sha-b8725c5',
    '3.0-bookworm',
  ];

  it('picks the newest tag matching a pattern', () => {
    expect(newestVersionTag(tags, /^\d+\.\d+-alpine$/g)).toBe('2.10-alpine');
    expect(newestVersionTag(tags, /^\d+\.\d+-alpine$/g)).toBe('2.10-alpine');
  });

  it('picks the newest version overall without a pattern', () => {
    expect(newestVersionTag(tags)).toBe('3.0-bookworm');
    expect(newestVersionTag(['latest', 'main'])).toBeUndefined();
  });
});

describe('newerVersionTag', () => {
  it('moves only to a newer tag of the same shape', () => {
    const tags = [
      '2.9-alpine',
      '2.10-alpine',
      '2.10',
      '3-alpine',
      '2.11-bookworm',
    ];
    expect(newerVersionTag('2.9-alpine', tags)).toBe('2.10-alpine');
    expect(newerVersionTag('2-alpine', tags)).toBe('3-alpine');
    expect(newerVersionTag('2.10-alpine', tags)).toBeUndefined();
    expect(newerVersionTag('latest', tags)).toBeUndefined();
  });

  it('keeps prefixes apart', () => {
    expect(newerVersionTag('pg16', ['pg17', '17', 'pg16.1'])).toBe('pg17');
    expect(
      newerVersionTag('v1.32.7', ['1.33.0', 'v1.32.8', 'v1.33.0-alpine']),
    ).toBe('v1.32.8');
  });
});
