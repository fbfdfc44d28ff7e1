import { ServerBusyError } from '../errors';

/** How many writes may wait, and for how long, before the lane refuses them. */
export interface WriteLaneLimits {
  maxQueued: number;
  queueTimeoutMs: number;
}

interface QueuedWrite {
  start(): Promise<void>;
  deadline: NodeJS.Timeout;
}

/**
 * A FIFO queue that runs one task at a time. TypeORM shares one SQLite connection between all
 * transactions, so two concurrent write transactions would interleave on it; every SQLite write runs here.
 * A task refused (queue full, deadline passed while waiting, lane closed) never started: nothing was written.
 */
export class WriteLane {
  private readonly queue: QueuedWrite[] = [];
  private running = false;
  private closed = false;
  private readonly drained: (() => void)[] = [];

  constructor(private readonly limits: WriteLaneLimits) {}

  /** How many tasks are queued or running. */
  get depth(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new ServerBusyError('The server is shutting down: nothing was written, retry shortly'));
    if (this.queue.length >= this.limits.maxQueued) {
      return Promise.reject(new ServerBusyError(`${this.queue.length} writes are already waiting: nothing was written, retry shortly`));
    }
    return new Promise<T>((resolve, reject) => {
      const queued: QueuedWrite = {
        start: () => Promise.resolve().then(task).then(resolve, reject),
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
    if (this.running) return;
    const queued = this.queue.shift();
    if (!queued) {
      for (const resolve of this.drained.splice(0)) resolve();
      return;
    }
    clearTimeout(queued.deadline);
    this.running = true;
    void queued.start().finally(() => {
      this.running = false;
      this.next();
    });
  }
}
