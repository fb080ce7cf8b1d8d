import fc from 'fast-check';
import { readBox } from './readBox';
import type { BoxTree } from './types';

const file = (path: string, text: string | Buffer) => ({
  path,
  content: Buffer.isBuffer(text) ? text : Buffer.from(text),
});

describe('readBox on broken input', () => {
  it('reports broken files with file and line and still reads the rest', () => {
    const box: BoxTree[] = [
      {
        name: 'dotfiles',
        role: 'dotfiles',
        files: [
          file(
            '.config/containers/systemd/good.container',
            '[Container]\nImage=docker.io/library/nginx:1.27\n',
          ),
          file(
            '.config/containers/systemd/broken.container',
            'Image=before-any-section\n[Container\nnot a key\n',
          ),
          file(
            '.config/llama-swap/llama-swap.yaml',
            'models:\n  a: [unclosed\n',
          ),
          file(
            '.config/caddy/Caddyfile',
            'example.com {\n  reverse_proxy good:80\n',
          ),
          file('.config/litellm/litellm.yaml', 'model_list: 12\n'),
          file(
            '.config/containers/systemd/binary.volume',
            Buffer.from([0xff, 0xfe, 0x00, 0x5b, 0x0a]),
          ),
        ],
      },
    ];
    const inventory = readBox(box);
    expect(inventory.units.map(u => u.name)).toEqual([
      'binary.volume',
      'broken.container',
      'good.container',
    ]);
    expect(
      inventory.units.find(u => u.name === 'good.container')?.image?.pinTier,
    ).toBe('version');
    const files = new Set(inventory.diagnostics.map(d => d.file));
    expect(files).toContain('.config/containers/systemd/broken.container');
    expect(files).toContain('.config/llama-swap/llama-swap.yaml');
    expect(files).toContain('.config/caddy/Caddyfile');
    expect(
      inventory.diagnostics.every(d => d.tree === 'dotfiles' && d.line >= 0),
    ).toBe(true);
    const broken = inventory.diagnostics.filter(
      d => d.file.endsWith('broken.container') && d.severity === 'error',
    );
    expect(broken.map(d => d.line)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(
      inventory.diagnostics.some(d => d.code === 'inventory/internal-error'),
    ).toBe(false);
  });

  it('never throws, whatever the bytes of any known file', () => {
    const paths = [
      '.chezmoiroot',
      'home/dot_config/containers/systemd/x.container',
      'home/dot_config/containers/systemd/x.container.d/10.conf',
      'home/dot_config/containers/systemd/private_y.pod.tmpl',
      'home/dot_config/llama-swap/llama-swap.yaml',
      'home/dot_config/litellm/config.yaml',
      'home/dot_config/caddy/Caddyfile',
      'home/dot_config/sodimo/a.env.tmpl',
      'home/dot_config/systemd/user/a.service',
      'docs/decisions.md',
    ];
    const osPaths = [
      'mkosi.conf',
      'mkosi.extra/usr/lib/bootc/kargs.d/a.toml',
      'mkosi.extra/etc/cloudflared/config.yml',
      'distrobox.ini',
    ];
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.stringMatching(
        /^(\[[A-Za-z]{0,9}\]|[A-Za-z]{1,8}=[ -~]{0,30}|#[ -~]{0,20}|\{\{ [a-z .]{0,10} \}\}| {2}- [a-z:/.]{0,20}|\\)(\n|\r\n)?$/,
      ),
      fc
        .uint8Array({ maxLength: 200 })
        .map(bytes => Buffer.from(bytes).toString('latin1')),
    );
    fc.assert(
      fc.property(
        fc.array(text, { minLength: paths.length, maxLength: paths.length }),
        fc.array(text, { minLength: 4, maxLength: 4 }),
        (texts, osTexts) => {
          const inventory = readBox([
            { name: 'dotfiles', files: paths.map((p, i) => file(p, texts[i])) },
            {
              name: 'os',
              role: 'os',
              files: osPaths.map((p, i) => file(p, osTexts[i])),
            },
          ]);
          expect(
            inventory.diagnostics.filter(
              d => d.code === 'inventory/internal-error',
            ),
          ).toEqual([]);
          expect(() => JSON.stringify(inventory)).not.toThrow();
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('readBox is deterministic', () => {
  it('gives the same JSON whatever the order files and trees come in', () => {
    const files = [
      file('.chezmoiroot', 'home\n'),
      file(
        'home/dot_config/containers/systemd/b.container',
        '[Unit]\nRequires=a.container\n[Container]\nImage=b:1\nNetwork=n.network\n',
      ),
      file(
        'home/dot_config/containers/systemd/a.container',
        '[Container]\nImage=a:1\nContainerName=a\nPublishPort=8080:80\n',
      ),
      file('home/dot_config/containers/systemd/n.network', '[Network]\n'),
      file(
        'home/dot_config/caddy/Caddyfile',
        'a.example.com {\n  reverse_proxy a:80\n}\n',
      ),
    ];
    const first = JSON.stringify(readBox([{ name: 'dotfiles', files }]));
    const second = JSON.stringify(
      readBox([{ name: 'dotfiles', files: files.slice().reverse() }]),
    );
    expect(second).toBe(first);
  });
});
