import { GroupRunner, Settled, WriteLane } from '../../src/db/write-lane';
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

describe('WriteLane with group commit', () => {
  /** A group runner that logs each group, runs its tasks in order, then waits at its "commit" until let through. */
  function committingRunner() {
    const groups: string[][] = [];
    const commits: (() => void)[] = [];
    const runner: GroupRunner<string> = async (tasks) => {
      const outcomes: Settled[] = [];
      for (const task of tasks) {
        try {
          outcomes.push({ ok: true, value: await task('the transaction') });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
      groups.push(outcomes.map((o) => (o.ok ? String(o.value) : `failed: ${(o.error as Error).message}`)));
      await new Promise<void>((resolve) => commits.push(resolve));
      return outcomes;
    };
    return { runner, groups, commit: () => commits.shift()!() };
  }

  const settledYet = async (promises: Promise<unknown>[]) => {
    const marks = promises.map((p) => p.then(() => 'settled', () => 'settled'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    return Promise.all(marks.map((m) => Promise.race([m, Promise.resolve('pending')])));
  };

  it('starts a write at once when idle, and hands the writes that queued meanwhile to one group, in arrival order', async () => {
    const { runner, groups, commit } = committingRunner();
    const lane = new WriteLane<string>({ ...roomy, maxGroup: 10 }, runner);
    const first = lane.run(async () => 'first');
    const rest = ['a', 'b', 'c'].map((name) => lane.run(async (tx) => `${name} in ${tx}`));
    await new Promise((resolve) => setTimeout(resolve, 5));
    commit();
    await expect(first).resolves.toBe('first');
    await new Promise((resolve) => setTimeout(resolve, 5));
    commit();
    await expect(Promise.all(rest)).resolves.toEqual(['a in the transaction', 'b in the transaction', 'c in the transaction']);
    expect(groups).toEqual([['first'], ['a in the transaction', 'b in the transaction', 'c in the transaction']]);
  });

  it('answers no write of a group before its commit, then each with its own value or its own error', async () => {
    const { runner, groups, commit } = committingRunner();
    const lane = new WriteLane<string>({ ...roomy, maxGroup: 10 }, runner);
    const holder = lane.run(async () => 'holder');
    const writes = [
      lane.run(async () => 'kept 1'),
      lane.run(async () => { throw new ServerBusyError('refused on its own'); }),
      lane.run(async () => 'kept 2'),
    ];
    await new Promise((resolve) => setTimeout(resolve, 5));
    commit();
    await holder;
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The group has run every write but not committed: nobody has been answered.
    expect(groups[1]).toEqual(['kept 1', 'failed: refused on its own', 'kept 2']);
    expect(await settledYet(writes)).toEqual(['pending', 'pending', 'pending']);
    commit();
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'kept 1' });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { extensions: { code: ErrorCode.SERVER_BUSY }, message: 'refused on its own' } });
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: 'kept 2' });
  });

  it('takes at most maxGroup writes into one group; the rest wait for the next', async () => {
    const { runner, groups, commit } = committingRunner();
    const lane = new WriteLane<string>({ ...roomy, maxGroup: 2 }, runner);
    const all = [lane.run(async () => 'w0'), ...[1, 2, 3, 4, 5].map((i) => lane.run(async () => `w${i}`))];
    for (let i = 0; i < 4; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      commit();
    }
    await expect(Promise.all(all)).resolves.toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5']);
    expect(groups).toEqual([['w0'], ['w1', 'w2'], ['w3', 'w4'], ['w5']]);
    expect(lane.depth).toBe(0);
  });

  it('fails every write of a group whose runner fails, and goes on with the next group', async () => {
    let calls = 0;
    const lane = new WriteLane<void>({ ...roomy, maxGroup: 10 }, async (tasks) => {
      calls += 1;
      if (calls === 2) throw new Error('the commit was refused');
      return Promise.all(tasks.map(async (task) => ({ ok: true as const, value: await task() })));
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const holder = lane.run(() => gate.then(() => 'holder'));
    const group = [lane.run(async () => 'lost 1'), lane.run(async () => 'lost 2')];
    release();
    await expect(holder).resolves.toBe('holder');
    const outcomes = await Promise.allSettled(group);
    expect(outcomes.map((o) => o.status === 'rejected' && (o.reason as Error).message)).toEqual(['the commit was refused', 'the commit was refused']);
    await expect(lane.run(async () => 'after')).resolves.toBe('after');
  });
});
