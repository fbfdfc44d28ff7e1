/**
 * A FIFO queue that runs one task at a time. TypeORM shares one SQLite connection between all
 * transactions, so two concurrent write transactions would interleave on it; every SQLite write runs here.
 */
export class WriteLane {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** How many tasks are queued or running. */
  get depth(): number {
    return this.waiting;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting += 1;
    const result = this.tail.then(task);
    // The next task waits for this one to settle, whatever its outcome.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      this.waiting -= 1;
    });
    return result;
  }
}
