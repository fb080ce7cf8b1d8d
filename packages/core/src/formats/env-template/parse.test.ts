import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envFileKind, parseEnvFile } from './parse';

const fixture = (name: string) => ({
  path: `home/dot_config/sodimo/${name}`,
  content: readFileSync(join(__dirname, '__fixtures__', name)),
});
const facts = (doc: ReturnType<typeof parseEnvFile>) =>
  doc.assignments.map(a => [
    a.line,
    a.name,
    a.value,
    a.source,
    a.secretManager,
    a.exported,
    a.conditional,
  ]);

describe('parseEnvFile', () => {
  it('reads a plain env file: quotes, export, empty, inherited and multi-line values', () => {
    const doc = parseEnvFile(fixture('openwebui.env'));
    expect(doc.kind).toBe('env');
    expect(facts(doc)).toEqual([
      [2, 'OPENAI_API_BASE_URL', 'set', 'literal', null, false, false],
      [3, 'WEBUI_AUTH', 'set', 'literal', null, false, false],
      [4, 'ENABLE_SIGNUP', 'set', 'literal', null, false, false],
      [5, 'DEFAULT_USER_ROLE', 'set', 'literal', null, false, false],
      [6, 'AUDIO_STT_ENGINE', 'empty', null, null, false, false],
      [8, 'WEBUI_SECRET_KEY', 'set', 'literal', null, true, false],
      [9, 'OPENAI_API_KEY', 'set', 'literal', null, false, false],
      [10, 'RAG_EMBEDDING_MODEL', 'set', 'literal', null, false, false],
      [11, 'INHERITED_FROM_HOST', 'inherited', null, null, false, false],
      [12, 'MULTI_LINE_BANNER', 'set', 'literal', null, false, false],
      [14, 'AFTER_MULTI_LINE', 'set', 'reference', null, false, false],
    ]);
    expect(doc.diagnostics.map(d => [d.line, d.code])).toEqual([
      [10, 'env/inline-comment'],
    ]);
  });

  it('reads a chezmoi template: secret managers, commands, data, conditionals', () => {
    const doc = parseEnvFile(fixture('private_litellm.env.tmpl'));
    expect(doc.kind).toBe('template');
    expect(doc.diagnostics).toEqual([]);
    expect(facts(doc)).toEqual([
      [
        2,
        'LITELLM_MASTER_KEY',
        'set',
        'secret-manager',
        'bitwarden',
        false,
        false,
      ],
      [
        3,
        'ANTHROPIC_API_KEY',
        'set',
        'secret-manager',
        '1password',
        false,
        false,
      ],
      [4, 'DATABASE_URL', 'set', 'secret-manager', 'bitwarden', false, false],
      [5, 'REDIS_HOST', 'set', 'literal', null, false, false],
      [
        7,
        'OPENAI_API_KEY',
        'set',
        'secret-manager',
        'password-store',
        false,
        true,
      ],
      [9, 'UI_USERNAME', 'set', 'template', null, false, false],
      [10, 'GIT_REV', 'set', 'command', null, false, false],
      [11, 'STORE_MODEL_IN_DB', 'set', 'literal', null, false, false],
    ]);
  });

  it('reports duplicates, odd names, unparsable lines and unclosed quotes with their lines', () => {
    const doc = parseEnvFile({
      path: 'x.env',
      text: 'A=1\nnot an assignment\nmy-var=2\nA=3\nB="open\n',
    });
    expect(doc.diagnostics.map(d => [d.line, d.code])).toEqual([
      [2, 'env/unparsed-line'],
      [3, 'env/unusual-name'],
      [4, 'env/duplicate-name'],
      [5, 'env/unclosed-quote'],
    ]);
    expect(doc.assignments.map(a => a.name)).toEqual(['A', 'my-var', 'A', 'B']);
  });

  it('treats braces in a file that is not a template as text', () => {
    const doc = parseEnvFile({
      path: 'x.env',
      text: 'FORMAT={{.ID}} # note\n',
    });
    expect(doc.assignments[0]).toMatchObject({
      value: 'set',
      source: 'literal',
    });
  });

  it('skips multi-line template actions and CRLF line ends', () => {
    const doc = parseEnvFile({
      path: 'x.env.tmpl',
      text: '{{ if\r\n  .x }}\r\nA={{ .a }}\r\n{{ end }}\r\nB=\r\n',
    });
    expect(facts(doc)).toEqual([
      [3, 'A', 'set', 'template', null, false, true],
      [5, 'B', 'empty', null, null, false, false],
    ]);
  });

  it('never throws and puts every diagnostic on a real line', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'A',
            '=',
            '"',
            "'",
            '#',
            ' ',
            '\n',
            '{',
            '}',
            'x',
            '\\',
            'export ',
          ),
        }),
        text => {
          const doc = parseEnvFile({ path: 'f.env.tmpl', text });
          const lines = text.split('\n').length;
          for (const d of doc.diagnostics)
            expect(d.line).toBeLessThanOrEqual(lines);
          for (const a of doc.assignments)
            expect(a.line).toBeLessThanOrEqual(lines);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('envFileKind', () => {
  it.each([
    ['home/dot_config/sodimo/openwebui.env', 'env'],
    ['home/dot_config/sodimo/private_litellm.env.tmpl', 'template'],
    ['twenty.env.example', 'example'],
    ['app/.env', 'env'],
    ['home/dot_env', 'env'],
    ['x/.env.sample', 'example'],
    ['x/environment.yaml', null],
    ['x/envoy.conf', null],
  ])('%s is %s', (path, kind) => {
    expect(envFileKind(path)).toBe(kind);
  });
});
