import { WriteLane } from '../../src/db/write-lane';
import { ErrorCode, ServerBusyError } from '../../src/errors';

const roomy = { maxQueued: 1000, queueTimeoutMs: 60_000 };

/** A task that runs until released, recording that it started. */
function heldTask(started: string[], name: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  return {
    release,
    task: async () => {
      started.push(name);
      await gate;
      return name;
    },
  };
}

describe('WriteLane', () => {
  it('runs tasks one at a time, in the order they arrived, whatever each one takes', async () => {
    const lane = new WriteLane(roomy);
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

  it('refuses a write beyond the queue limit with SERVER_BUSY and never starts it; the queued ones still run', async () => {
    const lane = new WriteLane({ maxQueued: 2, queueTimeoutMs: 60_000 });
    const started: string[] = [];
    const running = heldTask(started, 'running');
    const first = lane.run(running.task);
    const queued = [lane.run(async () => { started.push('queued 1'); }), lane.run(async () => { started.push('queued 2'); })];
    const refused = lane.run(async () => { started.push('refused'); });

    await expect(refused).rejects.toBeInstanceOf(ServerBusyError);
    await expect(refused).rejects.toMatchObject({ extensions: { code: ErrorCode.SERVER_BUSY } });
    running.release();
    await expect(first).resolves.toBe('running');
    await Promise.all(queued);
    expect(started).toEqual(['running', 'queued 1', 'queued 2']);
  });

  it('refuses a write still waiting at its deadline with SERVER_BUSY and never starts it, but lets the running one finish', async () => {
    const lane = new WriteLane({ maxQueued: 1000, queueTimeoutMs: 20 });
    const started: string[] = [];
    const running = heldTask(started, 'running');
    const first = lane.run(running.task);
    const waiting = lane.run(async () => { started.push('waiting'); });

    await expect(waiting).rejects.toBeInstanceOf(ServerBusyError);
    expect(lane.depth).toBe(1);
    running.release();
    await expect(first).resolves.toBe('running');
    const later = await lane.run(async () => 'later');
    expect(later).toBe('later');
    expect(started).toEqual(['running']);
  });

  it('on close, finishes every queued write, then refuses new ones with SERVER_BUSY', async () => {
    const lane = new WriteLane(roomy);
    const started: string[] = [];
    const running = heldTask(started, 'running');
    const writes = [lane.run(running.task), lane.run(async () => { started.push('queued'); return 'queued'; })];
    const closed = lane.close();
    const refused = lane.run(async () => { started.push('after close'); });

    await expect(refused).rejects.toBeInstanceOf(ServerBusyError);
    running.release();
    await closed;
    expect(lane.depth).toBe(0);
    await expect(Promise.all(writes)).resolves.toEqual(['running', 'queued']);
    expect(started).toEqual(['running', 'queued']);
  });
});
