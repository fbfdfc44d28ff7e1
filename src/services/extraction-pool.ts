import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PreparedClaim } from '../domain/article-rules';
import type { Logger } from '../logger';

/** What a worker needs to extract one article's claims. */
export interface ExtractionTask {
  body: string;
  publisher: string | null;
}

/** A worker's answer: the claims, or the error extraction threw. */
export type ExtractionReply = { claims: PreparedClaim[] } | { error: string };

/** Extraction of one article ran past its time budget; its worker was stopped. */
export class ExtractionTimeoutError extends Error {
  override name = 'ExtractionTimeoutError';
  constructor(readonly budgetMs: number) {
    super(`claim extraction ran past its budget of ${budgetMs} ms`);
  }
}

export interface ExtractionPoolOptions {
  /** How many articles are extracted at once, each in its own worker thread. */
  workers: number;
  /** How long one article may take in its worker before the worker is stopped. */
  timeoutMs: number;
  logger?: Logger;
}

interface Job {
  task: ExtractionTask;
  resolve: (claims: PreparedClaim[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** The folder of package.json above this file (this file may run from dist/). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

/** The newest modification time of the .ts files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

let compiledEntry: string | null | undefined;

/**
 * The compiled worker entry this process may use: next to this file when it runs from dist/, or, when it
 * runs from TypeScript, dist/src/services/extraction.worker.js if `npm run build` wrote it after the last
 * change to any file under src/ (a stale build is never used). Loading compiled JavaScript spares each
 * worker @swc-node/register's start-up (≈ 0.5–0.8 s of CPU and ≈ 90 MB). Null: load the TypeScript entry.
 */
function compiledWorker(): string | null {
  if (compiledEntry !== undefined) return compiledEntry;
  if (path.extname(__filename) === '.js') return (compiledEntry = path.join(__dirname, 'extraction.worker.js'));
  compiledEntry = null;
  const root = projectRoot(__dirname);
  const built = path.join(root, 'dist', path.relative(root, __dirname), 'extraction.worker.js');
  try {
    if (statSync(built).mtimeMs >= newestSource(path.join(root, 'src'))) compiledEntry = built;
  } catch {
    // No build: the TypeScript entry.
  }
  return compiledEntry;
}

/**
 * The worker entry as this process can load it: compiled JavaScript when there is a current build (see
 * `compiledWorker`), else (npm run dev, npm run seed, jest without a build) the .ts entry behind
 * @swc-node/register.
 */
function startWorker(): Worker {
  const compiled = compiledWorker();
  if (compiled) return new Worker(compiled);
  const entry = path.join(__dirname, 'extraction.worker.ts');
  const bootstrap = `require(${JSON.stringify(require.resolve('@swc-node/register'))}); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * A small pool of worker threads for claim extraction, so a long article never blocks requests. Workers
 * start on first use; an article over its time budget has its worker terminated (a fresh one replaces
 * it) and fails alone with ExtractionTimeoutError. `close()` stops every worker.
 */
export class ExtractionPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(private readonly options: ExtractionPoolOptions) {}

  /** The claims of one article, extracted in a worker within the time budget. */
  extract(task: ExtractionTask): Promise<PreparedClaim[]> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { body: task.body, publisher: task.publisher }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running extractions fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the extraction pool is closed'));
    const stopping = [...this.slots].map((slot) => {
      slot.job?.reject(new Error('the extraction pool is closed'));
      return this.retire(slot);
    });
    await Promise.all(stopping);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = [...this.slots].find((s) => s.ready && s.job === null);
      if (slot) this.start(slot, this.queue.shift()!);
      else {
        // A starting worker takes the next job when it is ready.
        const starting = [...this.slots].filter((s) => !s.ready).length;
        if (starting >= this.queue.length || this.slots.size >= this.options.workers) return;
        this.spawn();
      }
    }
  }

  private spawn(): void {
    const slot: Slot = { worker: startWorker(), ready: false, job: null, timer: null };
    this.slots.add(slot);
    slot.worker.on('message', (message: ExtractionReply | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        slot.worker.unref();
        this.dispatch();
      } else this.finish(slot, message);
    });
    slot.worker.on('error', (error) => this.crash(slot, error));
    slot.worker.on('exit', (code) => {
      if (this.slots.has(slot)) this.crash(slot, new Error(`an extraction worker exited with code ${code}`));
    });
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    // A busy worker keeps the process alive until its article is done; an idle one does not.
    slot.worker.ref();
    slot.timer = setTimeout(() => this.expire(slot), this.options.timeoutMs);
    slot.worker.postMessage(job.task);
  }

  private finish(slot: Slot, reply: ExtractionReply): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
    if (job) {
      if ('claims' in reply) job.resolve(reply.claims);
      else job.reject(new Error(`claim extraction failed: ${reply.error}`));
    }
    this.dispatch();
  }

  private expire(slot: Slot): void {
    const job = slot.job;
    this.options.logger?.warn({ budgetMs: this.options.timeoutMs, bytes: job ? Buffer.byteLength(job.task.body) : 0 }, 'claim extraction ran past its budget; worker stopped');
    void this.retire(slot);
    job?.reject(new ExtractionTimeoutError(this.options.timeoutMs));
    this.dispatch();
  }

  private crash(slot: Slot, error: Error): void {
    const job = slot.job;
    this.options.logger?.error({ err: error }, 'an extraction worker failed');
    void this.retire(slot);
    job?.reject(error);
    // A worker that cannot even load would fail again: the waiting articles fail now instead of looping.
    if (!slot.ready) for (const waiting of this.queue.splice(0)) waiting.reject(error);
    this.dispatch();
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    this.slots.delete(slot);
    slot.worker.removeAllListeners('message');
    await slot.worker.terminate();
  }
}
