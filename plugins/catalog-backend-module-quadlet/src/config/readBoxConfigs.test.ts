import { ConfigReader } from '@backstage/config';
import { DEFAULT_SCHEDULE, readBoxConfigs } from './readBoxConfigs';

const cwd = '/srv/portal/packages/backend';
const read = (boxes: unknown) =>
  readBoxConfigs(new ConfigReader({ quadletPortal: { boxes } } as never), {
    cwd,
  });

describe('readBoxConfigs', () => {
  it('reads a box with local and GitHub sources, naming trees after their folder or repository', () => {
    const [box] = read([
      {
        name: 'sodimo',
        title: 'Sodimo box',
        owner: 'group:default/sodimo-ops',
        dotfiles: 'https://github.com/sodimo/dotfiles/tree/main',
        os: '../../examples/sodimo/harness',
        trees: [{ name: 'notes', source: '/srv/notes' }],
      },
    ]);
    expect(box).toEqual({
      name: 'sodimo',
      title: 'Sodimo box',
      owner: 'group:default/sodimo-ops',
      trees: [
        {
          name: 'dotfiles',
          role: 'dotfiles',
          source: {
            type: 'url',
            url: 'https://github.com/sodimo/dotfiles/tree/main',
          },
        },
        {
          name: 'harness',
          role: 'os',
          source: {
            type: 'directory',
            path: '/srv/portal/examples/sodimo/harness',
          },
        },
        { name: 'notes', source: { type: 'directory', path: '/srv/notes' } },
      ],
      schedule: DEFAULT_SCHEDULE,
    });
  });

  it('names the trees by role when folder names clash', () => {
    const [box] = read([
      { name: 'b', owner: 'ops', dotfiles: '/a/repo', os: '/b/repo' },
    ]);
    expect(box.trees.map(t => t.name)).toEqual(['dotfiles', 'os']);
  });

  it('makes the owner a full ref, so a short name does not resolve in the box namespace', () => {
    const [short, user] = read([
      { name: 'a', owner: 'ops', os: '/a' },
      { name: 'b', owner: 'user:jane', os: '/b' },
    ]);
    expect(short.owner).toBe('group:default/ops');
    expect(user.owner).toBe('user:default/jane');
  });

  it('reads a schedule as the scheduler config does (durations and cron)', () => {
    const [every, cron] = read([
      {
        name: 'a',
        owner: 'ops',
        os: '/a',
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
      },
      {
        name: 'b',
        owner: 'ops',
        os: '/b',
        schedule: { frequency: { cron: '*/10 * * * *' }, timeout: 'PT2M' },
      },
    ]);
    expect(every.schedule).toEqual({
      frequency: { minutes: 5 },
      timeout: { minutes: 1 },
    });
    expect(cron.schedule.frequency).toEqual({ cron: '*/10 * * * *' });
  });

  it('gives no boxes when none are configured', () => {
    expect(readBoxConfigs(new ConfigReader({}), { cwd })).toEqual([]);
  });

  it.each([
    [[{ owner: 'ops', os: '/a' }], 'quadletPortal.boxes[0]: name: is required'],
    [
      [{ name: 'Sodimo Box', owner: 'ops', os: '/a' }],
      'quadletPortal.boxes[0] ("Sodimo Box"): name: "Sodimo Box" is not a valid catalog namespace',
    ],
    [
      [{ name: 'sodimo', os: '/a' }],
      'quadletPortal.boxes[0] ("sodimo"): owner: is required',
    ],
    [
      [{ name: 'sodimo', owner: 'group:', os: '/a' }],
      'quadletPortal.boxes[0] ("sodimo"): owner: "group:" is not an entity ref',
    ],
    [
      [{ name: 'sodimo', owner: 'ops' }],
      'quadletPortal.boxes[0] ("sodimo"): dotfiles: the box has no source',
    ],
    [
      [{ name: 'sodimo', owner: 'ops', dotfiles: 'ftp://example.com/x' }],
      '("sodimo"): dotfiles: "ftp://example.com/x": only http(s) URLs',
    ],
    [
      [{ name: 'sodimo', owner: 'ops', os: 42 }],
      'quadletPortal.boxes[0] ("sodimo"): os: Invalid type in config for key',
    ],
    [
      [{ name: 'sodimo', owner: 'ops', os: '/a', trees: [{ name: 'notes' }] }],
      '("sodimo"): trees[0].source: is required',
    ],
    [
      [
        {
          name: 'sodimo',
          owner: 'ops',
          os: '/x/harness',
          trees: [{ name: 'harness', source: '/y' }],
        },
      ],
      '("sodimo"): trees[0].name: another tree of the box is already named "harness"',
    ],
    [
      [
        {
          name: 'sodimo',
          owner: 'ops',
          os: '/a',
          trees: [{ name: 'a:b', source: '/y' }],
        },
      ],
      '("sodimo"): trees[0].name: "a:b" may hold only',
    ],
    [
      [
        {
          name: 'sodimo',
          owner: 'ops',
          os: '/a',
          schedule: { timeout: { minutes: 1 } },
        },
      ],
      '("sodimo"): schedule:',
    ],
    [
      [
        { name: 'sodimo', owner: 'ops', os: '/a' },
        { name: 'sodimo', owner: 'ops', os: '/b' },
      ],
      'quadletPortal.boxes[1] ("sodimo"): name: another box already has this name',
    ],
  ])('rejects %j with an error naming the box and key', (boxes, message) => {
    expect(() => read(boxes)).toThrow(message);
  });
});
