import fc from 'fast-check';
import { parseCaddyfile, wordsOf } from './parse';

const parse = (text: string) => parseCaddyfile({ path: 'Caddyfile', text });

describe('parseCaddyfile', () => {
  it('builds nested nodes with their lines', () => {
    const doc = parse(
      'a.example {\n\t@api path /api/*\n\thandle @api {\n\t\treverse_proxy api:80\n\t}\n}\n',
    );
    expect(doc.diagnostics).toEqual([]);
    expect(doc.nodes).toHaveLength(1);
    const site = doc.nodes[0];
    expect(wordsOf(site)).toEqual(['a.example']);
    expect(site.braceLine).toBe(1);
    const [matcher, handle] = site.block ?? [];
    expect(wordsOf(matcher)).toEqual(['@api', 'path', '/api/*']);
    expect(matcher.line).toBe(2);
    expect(wordsOf(handle)).toEqual(['handle', '@api']);
    expect(handle.block?.map(n => [wordsOf(n), n.line])).toEqual([
      [['reverse_proxy', 'api:80'], 4],
    ]);
  });

  it('reads an address-less global options block', () => {
    const doc = parse('{\n\tadmin off\n}\n:80 {\n}\n');
    expect(doc.nodes.map(n => [wordsOf(n), n.line, n.block?.length])).toEqual([
      [[], 1, 1],
      [[':80'], 4, 0],
    ]);
  });

  it('does not take quoted braces or placeholders for blocks', () => {
    const doc = parse(
      'a.example {\n\trespond "{" 200\n\theader X-Up {env.UP}\n}\n',
    );
    expect(doc.diagnostics).toEqual([]);
    expect(doc.nodes[0].block?.map(wordsOf)).toEqual([
      ['respond', '{', '200'],
      ['header', 'X-Up', '{env.UP}'],
    ]);
  });

  it('accepts one-line blocks', () => {
    const doc = parse('a.example {\n\thandle { respond "x" }\n}\n');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.nodes[0].block?.[0].block?.map(wordsOf)).toEqual([
      ['respond', 'x'],
    ]);
  });

  it('lists import directives wherever they are', () => {
    const doc = parse(
      '(snip) {\n\tlog\n}\n:80 {\n\timport snip\n\timport routes/*.caddy arg1\n}\n',
    );
    expect(doc.imports).toEqual([
      { file: 'Caddyfile', line: 5, pattern: 'snip', args: [] },
      { file: 'Caddyfile', line: 6, pattern: 'routes/*.caddy', args: ['arg1'] },
    ]);
  });

  it('reports an unclosed brace at the line of the opening brace', () => {
    const doc = parse('a.example {\n\thandle {\n\t\treverse_proxy x:1\n}\n');
    expect(doc.diagnostics).toEqual([
      {
        file: 'Caddyfile',
        line: 1,
        severity: 'error',
        code: 'caddy/unclosed-brace',
        message: expect.any(String),
      },
    ]);
  });

  it('reports every unclosed brace, innermost last', () => {
    const doc = parse('a {\n\tb {\n\t\tc {\n');
    expect(doc.diagnostics.map(d => d.line)).toEqual([3, 2, 1]);
  });

  it('reports a stray closing brace at its own line', () => {
    const doc = parse('a {\n}\n}\n');
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({
        line: 3,
        code: 'caddy/unexpected-close-brace',
      }),
    ]);
  });

  it('folds blocks nested past the depth limit into the deepest kept one', () => {
    const text = `${'a {\n'.repeat(70)}reverse_proxy x:1\n${'}\n'.repeat(70)}`;
    const doc = parse(text);
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({ line: 65, code: 'caddy/too-deep' }),
    ]);
    let depth = 0;
    let nodes = doc.nodes;
    while (nodes[0]?.block) {
      nodes = nodes[0].block;
      depth++;
    }
    expect(depth).toBe(64);
    expect(nodes.map(wordsOf)).toContainEqual(['reverse_proxy', 'x:1']);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '{',
            '}',
            '"',
            '`',
            '\\',
            '\n',
            '\r',
            '#',
            ' ',
            'a',
            '<',
            'E',
            '@',
          ),
        }),
        text => {
          const doc = parse(text);
          for (const d of doc.diagnostics)
            expect(d.line).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });
});
