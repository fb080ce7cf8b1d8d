import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { effectiveKargs, readKargs } from './index';

function fixture(name: string) {
  return readKargs({
    path: `usr/lib/bootc/kargs.d/${name}`,
    content: readFileSync(join(__dirname, '__fixtures__', name)),
  });
}

function fromText(text: string, path = 'usr/lib/bootc/kargs.d/x.toml') {
  return readKargs({ path, content: Buffer.from(text) });
}

describe('modelKargs', () => {
  it('reads each karg with key, value, line and the comments that explain it', () => {
    const { kargs, diagnostics } = fixture('10-strix-halo.toml');
    expect(diagnostics).toEqual([]);
    expect(kargs.rationale).toBe(
      'Kernel arguments for the Strix Halo iGPU (gfx1151).\nBaked into the image, not tuned per host. See D-097.',
    );
    expect(kargs.line).toBe(4);
    expect(kargs.matchArchitectures).toEqual({ values: ['x86_64'], line: 13 });
    expect(kargs.kargs).toEqual([
      {
        file: 'usr/lib/bootc/kargs.d/10-strix-halo.toml',
        line: 6,
        raw: 'amdgpu.gttsize=126976',
        key: 'amdgpu.gttsize',
        value: '126976',
        rationale:
          'Hand ~124 GiB of GTT to the iGPU; the large model OOMs without it.',
      },
      {
        file: 'usr/lib/bootc/kargs.d/10-strix-halo.toml',
        line: 8,
        raw: 'iommu=pt',
        key: 'iommu',
        value: 'pt',
        rationale: 'Pass-through instead of disabling the IOMMU.',
      },
      {
        file: 'usr/lib/bootc/kargs.d/10-strix-halo.toml',
        line: 9,
        raw: 'ttm.pages_limit=32505856',
        key: 'ttm.pages_limit',
        value: '32505856',
        rationale: 'caps pinned memory at 124 GiB',
      },
      {
        file: 'usr/lib/bootc/kargs.d/10-strix-halo.toml',
        line: 11,
        raw: 'quiet',
        key: 'quiet',
        rationale: '',
      },
    ]);
  });

  it('gives the entries of a one-line list the comment above the list', () => {
    const { kargs } = fixture('20-console.toml');
    expect(
      kargs.kargs.map(karg => [
        karg.line,
        karg.key,
        karg.value,
        karg.rationale,
      ]),
    ).toEqual([
      [2, 'console', 'ttyS0,115200n8', 'Serial console for the rack KVM'],
      [2, 'console', 'tty0', 'Serial console for the rack KVM'],
    ]);
  });

  it('warns about architecture names bootc never matches', () => {
    const { diagnostics } = fixture('30-arm.toml');
    expect(diagnostics.map(d => [d.line, d.code, d.message])).toEqual([
      [
        2,
        'kargs/unknown-architecture',
        '"arm64" never matches: bootc compares Rust architecture names, write "aarch64"',
      ],
      [
        2,
        'kargs/unknown-architecture',
        '"amd64" never matches: bootc compares Rust architecture names, write "x86_64"',
      ],
    ]);
  });

  it('refuses what bootc refuses', () => {
    const { diagnostics } = fixture('broken.toml');
    expect(diagnostics.map(d => [d.line, d.severity, d.code])).toEqual([
      [3, 'error', 'kargs/unknown-key'],
      [2, 'error', 'kargs/invalid-kargs'],
    ]);
    expect(fromText('# nothing\n').diagnostics.map(d => d.code)).toEqual([
      'kargs/missing-kargs',
    ]);
  });

  it('reports TOML syntax errors at the line smol-toml gives', () => {
    const { kargs, diagnostics } = fromText(
      '# why\nkargs = [\n  "a=1"\n  "b=2",\n]\n',
    );
    expect(diagnostics.map(d => [d.line, d.code])).toEqual([
      [4, 'kargs/toml-syntax'],
    ]);
    expect(diagnostics[0].message).toBe(
      'bootc cannot read this TOML: expected comma or end of structure',
    );
    expect(kargs.kargs).toEqual([]);
    expect(kargs.rationale).toBe('why');
  });

  it('warns when the file will be ignored or a karg holds a space', () => {
    const { diagnostics } = fromText(
      'kargs = ["a b", "", "x=\\"c d\\""]\n',
      'usr/lib/bootc/kargs.d/x.conf',
    );
    expect(diagnostics.map(d => [d.line, d.code])).toEqual([
      [0, 'kargs/ignored-file'],
      [1, 'kargs/karg-with-space'],
      [1, 'kargs/empty-karg'],
    ]);
  });

  it('handles CRLF, literal strings and nested brackets in comments', () => {
    const { kargs, diagnostics } = fromText(
      "kargs = [\r\n  # see [docs]\r\n  'rd.driver.blacklist=nouveau',\r\n]\r\n",
    );
    expect(diagnostics).toEqual([]);
    expect(
      kargs.kargs.map(karg => [karg.line, karg.key, karg.rationale]),
    ).toEqual([[3, 'rd.driver.blacklist', 'see [docs]']]);
  });

  it('never throws and finds every string of any valid file', () => {
    const karg = fc.stringMatching(/^[a-z._]{1,8}(=[a-z0-9,]{1,8})?$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(karg, fc.boolean()), { maxLength: 6 }),
        entries => {
          const body = entries
            .map(
              ([value, comment]) =>
                `${comment ? '  # note\n' : ''}  "${value}",`,
            )
            .join('\n');
          const { kargs, diagnostics } = fromText(`kargs = [\n${body}\n]\n`);
          expect(diagnostics).toEqual([]);
          expect(kargs.kargs.map(k => k.raw)).toEqual(
            entries.map(([value]) => value),
          );
          kargs.kargs.forEach((k, i) =>
            expect(k.rationale).toBe(entries[i][1] ? 'note' : ''),
          );
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), text => {
        const { kargs } = fromText(text);
        expect(kargs.file).toBe('usr/lib/bootc/kargs.d/x.toml');
      }),
    );
  });
});

describe('effectiveKargs', () => {
  it('concatenates files in name order and skips other architectures', () => {
    const files = ['30-arm.toml', '20-console.toml', '10-strix-halo.toml'].map(
      name => fixture(name).kargs,
    );
    expect(effectiveKargs(files, 'x86_64').map(karg => karg.raw)).toEqual([
      'amdgpu.gttsize=126976',
      'iommu=pt',
      'ttm.pages_limit=32505856',
      'quiet',
      'console=ttyS0,115200n8',
      'console=tty0',
    ]);
    expect(effectiveKargs(files, 'aarch64').map(karg => karg.raw)).toEqual([
      'console=ttyS0,115200n8',
      'console=tty0',
      'cma=256M',
    ]);
  });
});
