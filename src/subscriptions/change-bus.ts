import { AppError, ErrorCode } from '../errors';
import type { Change } from './changes';

/** A live stream of changes; `return()` ends it at once, even while it waits for the next change. */
export type ChangeStream = AsyncIterableIterator<Change> & { return(): Promise<IteratorResult<Change>> };

/** The in-process pub/sub every subscription listens on; the change feed is its only publisher. */
export interface ChangeBus {
  publish(change: Change): void;
  /** Resolves once changes committed from now on are sure to reach the stream. */
  subscribe(accept: (change: Change) => boolean): Promise<ChangeStream>;
}

/** Starts and stops whatever feeds the bus: it runs only while someone listens. */
export interface Demand {
  start(): Promise<void>;
  stop(): Promise<void>;
}

// A subscriber this far behind is ended rather than allowed to grow the process's memory without bound.
export const MAX_BACKLOG = 10_000;

/** Raised in a stream whose reader fell more than MAX_BACKLOG changes behind: the client should subscribe again. */
export class BacklogError extends AppError {
  constructor() {
    super(`The subscription fell more than ${MAX_BACKLOG} changes behind and was ended; subscribe again`, ErrorCode.SERVER_BUSY);
  }
}

interface Listener {
  accept(change: Change): boolean;
  push(change: Change): void;
}

/** Fans each change out to the matching subscribers, in publish order; starts the feed on the first, stops it after the last. */
export class InProcessChangeBus implements ChangeBus {
  private readonly listeners = new Set<Listener>();
  private running = false;
  private transitions: Promise<void> = Promise.resolve();
  private readonly waiters: { ready: (size: number) => boolean; resolve: () => void }[] = [];

  constructor(private readonly demand: Demand) {}

  /** Subscribers currently listening. */
  get size(): number {
    return this.listeners.size;
  }

  publish(change: Change): void {
    for (const listener of this.listeners) {
      if (listener.accept(change)) listener.push(change);
    }
  }

  async subscribe(accept: (change: Change) => boolean): Promise<ChangeStream> {
    const queue: Change[] = [];
    let failure: Error | null = null;
    let ended = false;
    let wake: (() => void) | null = null;
    const listener: Listener = {
      accept,
      push: (change) => {
        if (queue.length >= MAX_BACKLOG) {
          failure = new BacklogError();
          void this.remove(listener);
        } else {
          queue.push(change);
        }
        wake?.();
      },
    };
    this.listeners.add(listener);
    try {
      await this.reconcile();
    } catch (error) {
      this.listeners.delete(listener);
      throw error;
    }
    this.notifyWaiters();

    const finish = async (): Promise<IteratorResult<Change>> => {
      if (!ended) {
        ended = true;
        queue.length = 0;
        wake?.();
        await this.remove(listener);
      }
      return { done: true, value: undefined };
    };
    const stream: ChangeStream = {
      next: async () => {
        for (;;) {
          if (queue.length > 0) return { done: false, value: queue.shift()! };
          if (failure) {
            const error = failure;
            await finish();
            throw error;
          }
          if (ended) return { done: true, value: undefined };
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
      },
      return: finish,
      throw: async (error: unknown) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return stream;
      },
    };
    return stream;
  }

  /** Resolves once at least `count` subscribers are listening (a subscription is live before its client can tell). */
  whenSubscribed(count: number): Promise<void> {
    return this.when((size) => size >= count);
  }

  /** Resolves once no subscriber is left. */
  whenIdle(): Promise<void> {
    return this.when((size) => size === 0);
  }

  private when(ready: (size: number) => boolean): Promise<void> {
    if (ready(this.listeners.size)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ready, resolve }));
  }

  /** Ends every stream and stops the feed. */
  async close(): Promise<void> {
    this.listeners.clear();
    this.notifyWaiters();
    await this.reconcile().catch(() => undefined);
  }

  /** Resolves once the feed has stopped, if that was the last listener. */
  private async remove(listener: Listener): Promise<void> {
    if (!this.listeners.delete(listener)) return;
    this.notifyWaiters();
    await this.reconcile().catch(() => undefined);
  }

  private notifyWaiters(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.ready(this.listeners.size)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  // Starts and stops run one at a time, so a quick unsubscribe/subscribe cannot leave two feeds or none.
  private reconcile(): Promise<void> {
    const step = this.transitions.then(async () => {
      const wanted = this.listeners.size > 0;
      if (wanted && !this.running) {
        await this.demand.start();
        this.running = true;
      } else if (!wanted && this.running) {
        this.running = false;
        await this.demand.stop();
      }
    });
    this.transitions = step.catch(() => undefined);
    return step;
  }
}
