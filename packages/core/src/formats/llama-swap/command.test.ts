import fc from 'fast-check';
import { flagMap, readFlags, splitCommand, stripCommentLines } from './command';

describe('splitCommand', () => {
  it('splits like a POSIX shell, across the lines of a YAML block', () => {
    expect(
      splitCommand(
        '/app/llama-server\n--port 8080\n--chat-template-kwargs \'{"a": 1}\'\n',
      ).argv,
    ).toEqual([
      '/app/llama-server',
      '--port',
      '8080',
      '--chat-template-kwargs',
      '{"a": 1}',
    ]);
  });

  it('drops whole-line comments and joins backslash continuations', () => {
    expect(
      splitCommand('server \\\n  # a comment\n  --port 1 \\\n  --jinja').argv,
    ).toEqual(['server', '--port', '1', '--jinja']);
  });

  it('honours double quotes and their escapes', () => {
    expect(splitCommand('a "b c" "d\\"e" "f\\g" h\\ i').argv).toEqual([
      'a',
      'b c',
      'd"e',
      'f\\g',
      'h i',
    ]);
  });

  it('keeps empty quoted arguments', () => {
    expect(splitCommand("a '' b").argv).toEqual(['a', '', 'b']);
  });

  it('reports an unclosed quote and keeps what it read', () => {
    expect(splitCommand("a 'b c")).toEqual({
      argv: ['a', 'b c'],
      error: 'the single quote is never closed',
    });
    expect(splitCommand('a "b').error).toBe('the double quote is never closed');
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), text => {
        const { argv } = splitCommand(text);
        expect(Array.isArray(argv)).toBe(true);
      }),
    );
  });
});

describe('stripCommentLines', () => {
  it('removes indented comment lines only', () => {
    expect(stripCommentLines('a\n  # b\nc # d')).toBe('a\nc # d');
  });
});

describe('readFlags', () => {
  it('reads values, switches and --flag=value forms', () => {
    const argv = [
      'server',
      '--no-mmap',
      '-fa',
      'on',
      '-ngl',
      '999',
      '--ctx-size=65536',
      '--temp',
      '-1',
      '--jinja',
    ];
    expect(flagMap(readFlags(argv))).toEqual({
      '--no-mmap': true,
      '-fa': 'on',
      '-ngl': '999',
      '--ctx-size': '65536',
      '--temp': '-1',
      '--jinja': true,
    });
  });

  it('keeps every occurrence in order while the map keeps the last', () => {
    const flags = readFlags(['s', '--port', '1', '--port', '2']);
    expect(flags).toEqual([
      { flag: '--port', value: '1', index: 1 },
      { flag: '--port', value: '2', index: 3 },
    ]);
    expect(flagMap(flags)).toEqual({ '--port': '2' });
  });

  it('does not read the program name or a lone dash as a flag', () => {
    expect(readFlags(['-', 'x', '-'])).toEqual([]);
  });
});
