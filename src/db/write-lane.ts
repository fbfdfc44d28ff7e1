import { ServerBusyError } from '../errors';

/** How many writes may wait, and for how long, before the lane refuses them; how many commit together. */
export interface WriteLaneLimits {
  maxQueued: number;
  queueTimeoutMs: number;
  /** The most writes one group (one transaction) takes; 1 commits each write alone. */
  maxGroup?: number;
}

/** A write as the lane runs it: `context` is what the group runner hands it (the transaction's manager). */
export type WriteTask<C, T = unknown> = (context: C) => Promise<T>;

/** How one write of a group ended, known only once the group's transaction has ended. */
export type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Runs a group of writes one after another and answers how each ended, in order, once the group's outcome
 * is final: a write may only be reported ok if it is durable (committed), and a failing write must leave
 * nothing behind, whatever its neighbours did.
 */
export type GroupRunner<C> = (tasks: readonly WriteTask<C>[]) => Promise<Settled[]>;

interface QueuedWrite<C> {
  task: WriteTask<C>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  deadline: NodeJS.Timeout;
}

/** Runs each task alone, with no context: for a lane that has no transaction to share. */
async function oneByOne<C>(tasks: readonly WriteTask<C>[]): Promise<Settled[]> {
  const outcomes: Settled[] = [];
  for (const task of tasks) {
    try {
      outcomes.push({ ok: true, value: await task(undefined as C) });
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}

/**
 * A FIFO queue that runs one task at a time. TypeORM shares one SQLite connection between all
 * transactions, so two concurrent write transactions would interleave on it; every SQLite write runs here.
 *
 * Group commit: an idle lane starts a write at once; when the lane frees up, it hands every write that
 * arrived meanwhile (up to `maxGroup`) to the group runner at once, which runs them in arrival order in one transaction, so they share its BEGIN, its COMMIT
 * and its fsync. No write of a group is answered before the group runner returns, that is after the COMMIT
 * that contains it. A task refused (queue full, deadline passed while waiting, lane closed) never started:
 * nothing was written.
 */
export class WriteLane<C = void> {
  private readonly queue: QueuedWrite<C>[] = [];
  private running = 0;
  private closed = false;
  private readonly drained: (() => void)[] = [];

  constructor(private readonly limits: WriteLaneLimits, private readonly runGroup: GroupRunner<C> = oneByOne) {}

  /** How many tasks are queued or running. */
  get depth(): number {
    return this.queue.length + this.running;
  }

  run<T>(task: WriteTask<C, T>): Promise<T> {
    if (this.closed) return Promise.reject(new ServerBusyError('The server is shutting down: nothing was written, retry shortly'));
    if (this.queue.length >= this.limits.maxQueued) {
      return Promise.reject(new ServerBusyError(`${this.queue.length} writes are already waiting: nothing was written, retry shortly`));
    }
    return new Promise<T>((resolve, reject) => {
      const queued: QueuedWrite<C> = {
        task,
        resolve: resolve as (value: unknown) => void,
        reject,
        deadline: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(queued), 1);
          reject(new ServerBusyError(`The write waited ${this.limits.queueTimeoutMs} ms behind others: nothing was written, retry shortly`));
        }, this.limits.queueTimeoutMs),
      };
      this.queue.push(queued);
      this.next();
    });
  }

  /** Refuses new tasks; resolves once every queued and running task has finished. */
  close(): Promise<void> {
    this.closed = true;
    if (this.depth === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private next(): void {
    if (this.running > 0) return;
    const group = this.queue.splice(0, Math.max(1, this.limits.maxGroup ?? 1));
    if (group.length === 0) {
      for (const resolve of this.drained.splice(0)) resolve();
      return;
    }
    for (const queued of group) clearTimeout(queued.deadline);
    this.running = group.length;
    void Promise.resolve()
      .then(() => this.runGroup(group.map((queued) => queued.task)))
      .then(
        (outcomes) => group.forEach((queued, i) => {
          const outcome = outcomes[i];
          if (outcome?.ok) queued.resolve(outcome.value);
          else queued.reject(outcome ? outcome.error : new Error('the write group ended without an answer for this write'));
        }),
        (error: unknown) => group.forEach((queued) => queued.reject(error)),
      )
      .finally(() => {
        this.running = 0;
        this.next();
      });
  }
}
