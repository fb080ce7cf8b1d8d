import { tokenizeCaddyfile } from './tokenize';

const words = (text: string) =>
  tokenizeCaddyfile('Caddyfile', text).tokens.map(t => t.text);

describe('tokenizeCaddyfile', () => {
  it('splits on whitespace and records lines and line starts', () => {
    const { tokens } = tokenizeCaddyfile(
      'Caddyfile',
      'a.example {\n\treverse_proxy app:80\n}\n',
    );
    expect(tokens.map(t => [t.text, t.line, t.startsLine])).toEqual([
      ['a.example', 1, true],
      ['{', 1, false],
      ['reverse_proxy', 2, true],
      ['app:80', 2, false],
      ['}', 3, true],
    ]);
  });

  it('treats # as a comment only at the start of a token', () => {
    expect(words('respond foo#bar # a comment\nlog')).toEqual([
      'respond',
      'foo#bar',
      'log',
    ]);
  });

  it('unquotes double quotes, keeps escaped quotes and other backslashes', () => {
    const { tokens } = tokenizeCaddyfile(
      'C',
      'respond "say \\"hi\\" {\\n}" 200',
    );
    expect(tokens[1]).toMatchObject({
      text: 'say "hi" {\\n}',
      quote: 'double',
    });
    expect(tokens[2].text).toBe('200');
  });

  it('keeps backtick tokens raw, across lines', () => {
    const { tokens } = tokenizeCaddyfile('C', 'respond `a "b"\nc` 200\nlog');
    expect(tokens.map(t => [t.text, t.line, t.quote])).toEqual([
      ['respond', 1, 'none'],
      ['a "b"\nc', 1, 'backtick'],
      ['200', 2, 'none'],
      ['log', 3, 'none'],
    ]);
  });

  it('glues a line ending in a backslash onto the next one', () => {
    const { tokens } = tokenizeCaddyfile(
      'C',
      'reverse_proxy a:1 \\\n\tb:2\nlog\r\nx \\\r\n y',
    );
    expect(tokens.map(t => [t.text, t.line, t.startsLine])).toEqual([
      ['reverse_proxy', 1, true],
      ['a:1', 1, false],
      ['b:2', 2, false],
      ['log', 3, true],
      ['x', 4, true],
      ['y', 5, false],
    ]);
  });

  it('keeps placeholders as written, as single tokens', () => {
    expect(
      words('reverse_proxy {env.UPSTREAM} {$HOST:localhost}:{$PORT}'),
    ).toEqual(['reverse_proxy', '{env.UPSTREAM}', '{$HOST:localhost}:{$PORT}']);
  });

  it('reads heredocs and strips the closing marker indentation', () => {
    const { tokens, diagnostics } = tokenizeCaddyfile(
      'C',
      'respond <<HTML\n\t\t<b>hi</b>\n\t\t  x\n\t\tHTML 200\nlog\n',
    );
    expect(diagnostics).toEqual([]);
    expect(tokens.map(t => [t.text, t.line, t.quote])).toEqual([
      ['respond', 1, 'none'],
      ['<b>hi</b>\n  x', 1, 'heredoc'],
      ['200', 4, 'none'],
      ['log', 5, 'none'],
    ]);
  });

  it('reports unclosed quotes and heredocs at the line they open', () => {
    const quote = tokenizeCaddyfile('C', 'a\nrespond "never closed\nmore');
    expect(quote.diagnostics).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'caddy/unclosed-quote',
        severity: 'error',
      }),
    ]);
    const heredoc = tokenizeCaddyfile('C', 'x\nrespond <<EOF\nbody\n');
    expect(heredoc.diagnostics).toEqual([
      expect.objectContaining({ line: 2, code: 'caddy/unclosed-heredoc' }),
    ]);
  });

  it('ignores a byte order mark and a backslash at the very end', () => {
    expect(words('\ufeffa b\\')).toEqual(['a', 'b\\']);
  });
});
