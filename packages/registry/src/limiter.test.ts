import { Limiter } from './limiter';

describe('Limiter', () => {
  it('never runs more tasks at once than its limit, and runs them all', async () => {
    const limiter = new Limiter(2);
    let running = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const tasks = Array.from({ length: 5 }, (_, i) =>
      limiter.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>(resolve => gates.push(resolve));
        running--;
        return i;
      }),
    );
    while (gates.length > 0 || running > 0) {
      await new Promise(resolve => setImmediate(resolve));
      gates.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });
});
