import path from 'node:path';
import { readBoxFromDirectories } from './readDirectory';

const BAZZITE = path.resolve(__dirname, '../../../../examples/bazzite');

describe('readBoxFromDirectories(examples/bazzite)', () => {
  it('reads a quadlet-less dev box: distroboxes and cloud-only aliases', async () => {
    const inventory = await readBoxFromDirectories([BAZZITE], {
      commits: false,
    });
    expect(inventory.trees).toEqual([
      expect.objectContaining({
        name: 'bazzite',
        role: 'dotfiles',
        roleFrom: 'dot_ name',
        files: 3,
        chezmoiRoot: '',
      }),
    ]);
    expect(inventory.units).toEqual([]);
    expect(
      inventory.distroboxes.map(d => [
        d.name,
        d.image?.normalized,
        d.image?.pinTier,
      ]),
    ).toEqual([
      [
        'opencode-dev',
        'registry.fedoraproject.org/fedora-toolbox:43',
        'version',
      ],
      [
        'openclaw-dev',
        'registry.fedoraproject.org/fedora-toolbox:43',
        'version',
      ],
      [
        'litellm-proxy',
        'registry.fedoraproject.org/fedora-toolbox:43',
        'version',
      ],
      [
        'fedora-tools',
        'registry.fedoraproject.org/fedora-toolbox:43',
        'version',
      ],
      ['bazzite-arch', 'ghcr.io/ublue-os/bazzite-arch:latest', 'floating'],
    ]);
    expect(inventory.distroboxes[0]).toMatchObject({
      packages: ['nodejs22', 'nodejs22-npm', 'git', 'gh'],
      volumes: ['/var/home/dev/workspace/opencode-projects:/workspace:rw'],
      startNow: true,
      source: {
        tree: 'bazzite',
        path: 'distrobox-configs/distrobox.ini',
        line: 7,
      },
    });
    const sonnet = inventory.aliases.find(a => a.name === 'claude-sonnet');
    expect(
      sonnet?.deployments.map(d => [d.model, d.resolution, d.envNames]),
    ).toEqual([
      [
        'anthropic/claude-sonnet-4-5',
        { kind: 'cloud', provider: 'anthropic' },
        ['ANTHROPIC_API_KEY'],
      ],
      [
        'anthropic/claude-sonnet-4-5',
        { kind: 'cloud', provider: 'anthropic' },
        ['ANTHROPIC_API_KEY_SECONDARY'],
      ],
    ]);
    expect(sonnet?.fallbacks).toEqual(['openrouter-claude']);
    expect(sonnet?.gateway).toBeUndefined();
    expect(inventory.aliases.map(a => [a.name, a.resolved])).toEqual([
      ['claude-sonnet', true],
      ['gpt-4', true],
      ['openrouter-claude', true],
      ['openrouter-gpt-4', true],
    ]);
    expect(inventory.models).toEqual([]);
    expect(inventory.hostnames).toEqual([]);
    expect(inventory.os).toBeUndefined();
    expect(inventory.diagnostics).toEqual([]);
  });
});
