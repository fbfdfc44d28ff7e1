import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * Real claimgraph processes for the crash test and the multi-process tests: a server, `npm run seed`
 * and `npm run cli`, each a child that can be killed with SIGKILL like any process in production.
 */

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

export const PROJECT_ROOT = projectRoot(__dirname);

/** Running compiled (dist/) starts children from dist too; from TypeScript, through @swc-node/register. */
const COMPILED = __filename.endsWith('.js');

/** The node arguments that run one of the project's entry points, the way `npm start`/`npm run` would. */
export function entryPoint(name: 'main' | 'seed' | 'cli'): string[] {
  const relative = name === 'main' ? 'main' : `scripts/${name}`;
  if (COMPILED) return [path.join(__dirname, '..', '..', `${relative}.js`)];
  return ['-r', '@swc-node/register', path.join(PROJECT_ROOT, 'src', `${relative}.ts`)];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A child process with its exit awaited once and its output kept for error messages. */
export class Child {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private output = '';
  stdout = '';

  constructor(readonly child: ChildProcess, readonly label: string) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString();
      this.keep(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => this.keep(chunk));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last few kilobytes it wrote, stdout and stderr together. */
  get tail(): string {
    return this.output;
  }

  private keep(chunk: Buffer): void {
    this.output = (this.output + chunk.toString()).slice(-4000);
  }

  /** kill -9: no shutdown handler runs, open transactions die with the process. */
  async kill9(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A clean stop (SIGTERM), as an operator would do. */
  async stop(): Promise<void> {
    if (this.running) this.child.kill('SIGTERM');
    await this.exited;
  }
}

function spawnNode(args: string[], env: Record<string, string>, label: string): Child {
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Child(child, label);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A running server process and where it answers. */
export interface ServerProcess extends Child {
  url: string;
}

/**
 * Starts `src/main.ts` (or the compiled dist) as a child on `databaseUrl` and waits until `/healthz` answers.
 * Logs are kept at warn so a storm does not fill the pipe with request lines.
 */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}, label = 'server'): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawnNode(entryPoint('main'), {
      NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'false', ...env,
      DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1',
    }, label);
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 120_000;
    while (child.running && Date.now() < deadline) {
      const ok = await fetch(`${base}/healthz`).then((response) => response.ok, () => false);
      if (ok) return Object.assign(child, { url: `${base}/graphql` });
      await sleep(50);
    }
    await child.kill9();
    // Another process may have taken the free port between the probe and the listen.
    if (attempt < 3 && /EADDRINUSE/.test(child.tail)) continue;
    throw new Error(`${label} did not start on ${databaseUrl.replace(/\/\/[^@]*@/, '//***@')}: ${child.tail.trim() || 'no output'}`);
  }
}

/** `npm run seed -- PATHS…` as a child process, on `databaseUrl`. */
export function startSeed(databaseUrl: string, paths: string[]): Child {
  return spawnNode([...entryPoint('seed'), ...paths], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, 'seed');
}

/** `npm run cli -- ARGS…` to its end: exit code and what it printed. */
export async function runCli(databaseUrl: string, args: string[]): Promise<{ code: number | null; stdout: string; output: string }> {
  const child = spawnNode([...entryPoint('cli'), ...args], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, 'cli');
  const { code } = await child.exited;
  return { code, stdout: child.stdout, output: child.tail };
}
