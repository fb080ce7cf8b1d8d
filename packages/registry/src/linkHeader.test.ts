import { nextLink } from './linkHeader';

describe('nextLink', () => {
  const base = 'https://ghcr.io/v2/o/r/tags/list?n=2';

  it('resolves the next page against the request URL', () => {
    expect(nextLink('</v2/o/r/tags/list?last=b&n=2>; rel="next"', base)).toBe(
      'https://ghcr.io/v2/o/r/tags/list?last=b&n=2',
    );
    expect(
      nextLink('<https://ghcr.io/v2/o/r/tags/list?last=c&n=2>; rel=next', base),
    ).toBe('https://ghcr.io/v2/o/r/tags/list?last=c&n=2');
  });

  it('picks rel="next" among several links', () => {
    expect(
      nextLink(
        '</v2/o/r/tags/list?n=2>; rel="first", </v2/o/r/tags/list?last=x&n=2>; rel="prev next"',
        base,
      ),
    ).toBe('https://ghcr.io/v2/o/r/tags/list?last=x&n=2');
  });

  it('gives nothing without a next link', () => {
    expect(nextLink(null, base)).toBeUndefined();
    expect(nextLink('</v2/o/r/tags/list>; rel="prev"', base)).toBeUndefined();
    expect(nextLink('garbage', base)).toBeUndefined();
  });
});
