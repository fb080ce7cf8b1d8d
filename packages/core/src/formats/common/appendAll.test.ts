import { appendAll } from './appendAll';

describe('appendAll', () => {
  it('appends in order, even more items than a spread call can take', () => {
    const target = [1];
    appendAll(target, [2, 3]);
    expect(target).toEqual([1, 2, 3]);
    const big: number[] = [];
    appendAll(big, new Array(300_000).fill(0));
    expect(big).toHaveLength(300_000);
  });
});
