import { WriteLane } from '../../src/db/write-lane';

describe('WriteLane', () => {
  it('runs tasks one at a time, in the order they arrived, whatever each one takes', async () => {
    const lane = new WriteLane();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, ms: number, fail = false) => lane.run(async () => {
      running += 1;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      running -= 1;
      if (fail) throw new Error(name);
      return name;
    });
    const results = await Promise.allSettled([task('a', 15), task('b', 1, true), task('c', 5)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(lane.depth).toBe(0);
  });
});
