import { join } from 'node:path';
import { fixtureTree } from '../../testing/fixtureTree';
import {
  parseCaddyfile,
  wordsOf,
  type CaddyNode,
  type CaddyText,
} from './parse';
import { resolveCaddyImports } from './resolveImports';

const flatten = (nodes: CaddyNode[]): string[] =>
  nodes.flatMap(n => [
    `${n.file}:${n.line} ${wordsOf(n).join(' ')}`,
    ...flatten(n.block ?? []),
  ]);

describe('resolveCaddyImports', () => {
  it('splices a glob of route files relative to the Caddyfile, in name order', () => {
    const tree = fixtureTree(
      join(__dirname, '__fixtures__/shared'),
      'home/dot_config/caddy',
    );
    const entry = parseCaddyfile(
      tree.find(f => f.path.endsWith('/Caddyfile'))!,
    );
    const resolved = resolveCaddyImports(entry, tree);
    expect(resolved.diagnostics).toEqual([]);
    expect(resolved.files).toEqual([
      'home/dot_config/caddy/Caddyfile',
      'home/dot_config/caddy/routes/chat.caddy',
      'home/dot_config/caddy/routes/crm.caddy',
      'home/dot_config/caddy/routes/paperclip.caddy',
    ]);
    const site = resolved.nodes[1];
    expect(
      site.block?.map(
        n => `${n.file.split('/').pop()}:${n.line} ${wordsOf(n)[0]}`,
      ),
    ).toEqual([
      'Caddyfile:6 encode',
      'chat.caddy:1 @chat',
      'chat.caddy:2 handle',
      'crm.caddy:2 @crm',
      'crm.caddy:5 handle',
      'paperclip.caddy:1 @paperclip',
      'paperclip.caddy:2 handle',
      'Caddyfile:9 handle',
    ]);
  });

  it('splices snippets with their arguments, keeping the snippet lines', () => {
    const text =
      '(proxy) {\n\treverse_proxy {args[0]}:{args.1}\n}\na.example {\n\timport proxy app 8080\n}\n';
    const entry = parseCaddyfile({ path: 'Caddyfile', text });
    const resolved = resolveCaddyImports(entry, []);
    expect(flatten(resolved.nodes.slice(1))).toEqual([
      'Caddyfile:4 a.example',
      'Caddyfile:2 reverse_proxy app:8080',
    ]);
  });

  it('reports a cycle at the import that closes it, and still keeps what came before', () => {
    const tree = fixtureTree(join(__dirname, '__fixtures__/cycle'));
    const entry = parseCaddyfile(tree.find(f => f.path === 'Caddyfile')!);
    const resolved = resolveCaddyImports(entry, tree);
    expect(resolved.diagnostics).toEqual([
      {
        file: 'b.caddy',
        line: 2,
        severity: 'error',
        code: 'caddy/import-cycle',
        message:
          'Import cycle: Caddyfile → a.caddy → b.caddy → a.caddy; Caddy refuses to load it',
      },
    ]);
    expect(flatten(resolved.nodes)).toEqual([
      'Caddyfile:1 :80',
      'a.caddy:1 reverse_proxy a:1',
      'b.caddy:1 reverse_proxy b:2',
    ]);
  });

  it('reports a snippet that imports itself', () => {
    const entry = parseCaddyfile({
      path: 'C',
      text: '(loop) {\n\timport loop\n}\n:80 {\n\timport loop\n}\n',
    });
    const resolved = resolveCaddyImports(entry, []);
    expect(resolved.diagnostics.map(d => [d.line, d.code])).toEqual([
      [2, 'caddy/import-cycle'],
    ]);
  });

  it('warns about a missing file and notes an empty glob', () => {
    const entry = parseCaddyfile({
      path: 'etc/Caddyfile',
      text: ':80 {\n\timport nope.caddy\n\timport none/*.caddy\n}\n',
    });
    const resolved = resolveCaddyImports(entry, []);
    expect(resolved.diagnostics.map(d => [d.line, d.severity, d.code])).toEqual(
      [
        [2, 'warning', 'caddy/import-not-found'],
        [3, 'info', 'caddy/import-not-found'],
      ],
    );
  });

  it('maps an absolute deployed path onto the files beside the Caddyfile', () => {
    const tree: CaddyText[] = [
      {
        path: 'caddy/Caddyfile',
        text: ':80 {\n\timport /etc/caddy/routes/*.caddy\n}\n',
      },
      { path: 'caddy/routes/x.caddy', text: 'reverse_proxy x:1\n' },
    ];
    const resolved = resolveCaddyImports(parseCaddyfile(tree[0]), tree);
    expect(resolved.diagnostics.map(d => d.code)).toEqual([
      'caddy/import-absolute-mapped',
    ]);
    expect(flatten(resolved.nodes)).toEqual([
      'caddy/Caddyfile:1 :80',
      'caddy/routes/x.caddy:1 reverse_proxy x:1',
    ]);
  });

  it('passes on the parse diagnostics of imported files', () => {
    const tree: CaddyText[] = [
      { path: 'Caddyfile', text: ':80 {\n\timport r.caddy\n}\n' },
      { path: 'r.caddy', text: 'handle {\n\treverse_proxy x:1\n' },
    ];
    const resolved = resolveCaddyImports(parseCaddyfile(tree[0]), tree);
    expect(resolved.diagnostics).toEqual([
      expect.objectContaining({
        file: 'r.caddy',
        line: 1,
        code: 'caddy/unclosed-brace',
      }),
    ]);
  });

  it('stops an endless chain of distinct imports before the stack runs out', () => {
    const tree: CaddyText[] = [];
    for (let i = 0; i < 500; i++)
      tree.push({
        path: `f${i}.caddy`,
        text: `respond ${i}\nimport f${i + 1}.caddy\n`,
      });
    const resolved = resolveCaddyImports(parseCaddyfile(tree[0]), tree);
    expect(resolved.diagnostics.map(d => d.code)).toEqual([
      'caddy/import-too-deep',
    ]);
    expect(resolved.nodes.length).toBeGreaterThan(100);
  });

  it('stops a diamond explosion with a diagnostic instead of running out of memory', () => {
    // Each level imports the next one twice: 2^30 lines if nothing stopped it.
    const tree: CaddyText[] = [
      { path: 'Caddyfile', text: ':80 {\n\timport l0.caddy\n}\n' },
    ];
    for (let i = 0; i < 30; i++) {
      tree.push({
        path: `l${i}.caddy`,
        text: `respond x\nimport l${i + 1}.caddy\nimport l${i + 1}.caddy\n`,
      });
    }
    tree.push({ path: 'l30.caddy', text: 'respond end\n' });
    const resolved = resolveCaddyImports(parseCaddyfile(tree[0]), tree);
    expect(resolved.diagnostics.map(d => d.code)).toContain(
      'caddy/import-too-large',
    );
  });
});
