import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelEnvFile } from './model';
import { parseEnvFile } from './parse';

const FIXTURES = [
  'openwebui.env',
  'private_litellm.env.tmpl',
  'twenty.env.example',
];

/** Every value written in a fixture, read independently of the parser under test. */
function fixtureValues(text: string): string[] {
  const values: string[] = [];
  const assignment = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=(.*)$/;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = assignment.exec(lines[i]);
    if (!m || m[1].trim() === '') continue;
    let value = m[1].trim();
    if (value.startsWith('"') && !value.slice(1).includes('"'))
      value = `${value}\n${lines[++i]}`;
    const quote = value[0] === '"' || value[0] === "'" ? value[0] : null;
    // The value proper: up to the closing quote, or up to an inline comment.
    value = quote
      ? value.slice(
          1,
          value.lastIndexOf(quote) > 0 ? value.lastIndexOf(quote) : undefined,
        )
      : value.replace(/\s+#.*$/, '');
    values.push(value);
    // Pieces of values: quoted strings inside template actions, words, URL parts. The name of
    // the function a template calls is vocabulary (the model names the secret manager), not a value.
    // `${NAME}` references are names, which the model may hold.
    const withoutFunctions = value
      .replace(/(?:\{\{-?|\(|\|)\s*\(?\s*[A-Za-z]\w*/g, ' ')
      .replace(/\$\{?[A-Za-z_]\w*\}?/g, ' ');
    for (const piece of withoutFunctions.split(/[\s"'{}()|@:/]+/))
      if (piece.length >= 5) values.push(piece);
  }
  return values.map(v => v.trim()).filter(v => v.length > 0);
}

describe('modelEnvFile', () => {
  it.each(FIXTURES)('never holds a value of %s, anywhere in its JSON', name => {
    const text = readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
    const path = `env/${name}`;
    // The file's own name may share words with its values: take it out before searching.
    const json = JSON.stringify(modelEnvFile(parseEnvFile({ path, text })))
      .split(path)
      .join('<file>');
    const values = fixtureValues(text);
    expect(values.length).toBeGreaterThan(4);
    for (const value of values) {
      // Short words such as `false` or `admin` would match JSON keywords or names; check them as JSON strings.
      const needle =
        /^(true|false|null|\d+)$/i.test(value) || value.length < 5
          ? JSON.stringify(value)
          : value;
      expect({ value, found: json.includes(needle) }).toEqual({
        value,
        found: false,
      });
    }
  });

  it('keeps names with their lines and facts', () => {
    const text = readFileSync(
      join(__dirname, '__fixtures__/private_litellm.env.tmpl'),
      'utf8',
    );
    const model = modelEnvFile(
      parseEnvFile({
        path: 'home/dot_config/sodimo/private_litellm.env.tmpl',
        text,
      }),
    );
    expect(model.kind).toBe('template');
    expect(model.variables[0]).toEqual({
      name: 'LITELLM_MASTER_KEY',
      file: 'home/dot_config/sodimo/private_litellm.env.tmpl',
      line: 2,
      exported: false,
      hasValue: true,
      inherited: false,
      source: 'secret-manager',
      secretManager: 'bitwarden',
      conditional: false,
      secretLike: true,
    });
    expect(model.variables.filter(v => v.secretLike).map(v => v.name)).toEqual([
      'LITELLM_MASTER_KEY',
      'ANTHROPIC_API_KEY',
      'DATABASE_URL',
      'OPENAI_API_KEY',
    ]);
  });

  it('lists each name once, in order', () => {
    const model = modelEnvFile(
      parseEnvFile({ path: 'x.env', text: 'A=1\nB=2\nA=3\n' }),
    );
    expect(model.names).toEqual(['A', 'B']);
    expect(model.variables.map(v => v.line)).toEqual([1, 2, 3]);
  });
});
