import http from 'node:http';

/** What one timed round of requests measured. */
export interface Round {
  requests: number;
  seconds: number;
  latenciesMs: number[];
}

/**
 * A POST /graphql client: one keep-alive socket per connection, each from its own loopback address
 * (127.0.0.N), so each is a separate anonymous caller with its own cost budget, as real readers are.
 */
export function graphqlClient(url: string, connections: number) {
  const target = new URL(url);
  const agents = Array.from({ length: connections }, (_, i) => ({
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    localAddress: `127.0.0.${i + 1}`,
  }));
  function post(body: string, connection = 0, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    const { agent, localAddress } = agents[connection % connections];
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, localAddress,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  /** Sends `body` from `connections` workers for `seconds`; every answer must be 200 with data and no errors. */
  async function round(body: string, seconds: number): Promise<Round> {
    const latenciesMs: number[] = [];
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(Math.round(seconds * 1e9));
    await Promise.all(Array.from({ length: connections }, async (_, connection) => {
      while (process.hrtime.bigint() < deadline) {
        const t0 = process.hrtime.bigint();
        const { status, text } = await post(body, connection);
        if (status !== 200 || !text.startsWith('{"data":{') || text.includes('"errors":')) throw new Error(`unexpected answer ${status}: ${text.slice(0, 300)}`);
        latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }));
    return { requests: latenciesMs.length, seconds: Number(process.hrtime.bigint() - started) / 1e9, latenciesMs };
  }
  return { post, round, close: () => agents.forEach(({ agent }) => agent.destroy()) };
}

/** The q-th quantile (0..1) of some numbers. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** The peak resident set size of a process, in MB (Linux: VmHWM). */
export function peakRssMb(pid: number): number {
  const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8') as string;
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * CPU milliseconds a process has used so far (Linux, /proc): all its threads (SQLite's thread pool, GC
 * helpers) and its main thread alone. Per request, on a machine shared with other work, this moves far less
 * than requests per second, which depend on the share of the cores the process was given.
 */
export function cpuMs(pid: number): { all: number; main: number } {
  const ticks = (stat: string) => {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in clock ticks of 10 ms
  };
  const fs = require('node:fs') as typeof import('node:fs');
  return { all: ticks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')), main: ticks(fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')) };
}
