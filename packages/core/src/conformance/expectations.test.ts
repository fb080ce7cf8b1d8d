import {
  coreMessage,
  expectationFromHeader,
  parseExpectations,
} from './expectations';

describe('parseExpectations', () => {
  it('reads rows and dependency lists, skipping the header', () => {
    const rows = parseExpectations(
      'table\tfile\texpected_message\tdependencies\nsuccess-with-deps\ta.container\t\tb.volume, c.network\nerror\tx.container\tconverting "x.container": boom\t\n',
    );
    expect([...rows.values()]).toEqual([
      {
        table: 'success-with-deps',
        file: 'a.container',
        message: '',
        dependencies: ['b.volume', 'c.network'],
      },
      {
        table: 'error',
        file: 'x.container',
        message: 'converting "x.container": boom',
        dependencies: [],
      },
    ]);
  });
});

describe('expectationFromHeader', () => {
  it('reads assert-failed and the expected stderr', () => {
    expect(
      expectationFromHeader(
        'g.container',
        '## assert-failed\n## assert-stderr-contains "Group set without User"\n',
      ),
    ).toEqual({
      table: 'error',
      file: 'g.container',
      message: 'Group set without User',
      dependencies: [],
    });
    expect(
      expectationFromHeader('ok.container', '## assert-podman-final-args x\n'),
    ).toBeUndefined();
  });
});

describe('coreMessage', () => {
  it('drops podman prefixes', () => {
    expect(coreMessage('converting "a.container": no Image')).toBe('no Image');
    expect(coreMessage('Warning: using key User')).toBe('using key User');
  });
});
