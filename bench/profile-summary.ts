import fs from 'node:fs';
import path from 'node:path';

/**
 * Self time of a `node --cpu-prof` profile by layer (`npm run bench:read` with BENCH_PROF=DIR writes one for
 * the server process): `node -r @swc-node/register bench/profile-summary.ts DIR/*.cpuprofile`.
 */
interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const LAYERS: [string, RegExp][] = [
  ['graphql-js execution, validation, parsing', /node_modules\/graphql\//],
  ['Apollo Server pipeline', /node_modules\/@apollo\//],
  ['type-graphql resolver wrapping', /node_modules\/type-graphql\//],
  ['TypeORM query building and hydration', /node_modules\/typeorm\//],
  ['sqlite3 driver', /node_modules\/sqlite3\//],
  ['DataLoader', /node_modules\/dataloader\//],
  ['express, body parsing, HTTP', /node_modules\/(express|body-parser|raw-body|router|finalhandler|send|iconv-lite|content-type|type-is|@as-integrations)\//],
  ['rate limiter, cost analysis', /node_modules\/(rate-limiter-flexible|graphql-query-complexity)\//],
  ['prom-client, pino', /node_modules\/(prom-client|pino)/],
  ['claimgraph (src/)', /\/src\//],
  ['other packages', /node_modules\//],
  ['Node internals (http, streams, JSON, timers)', /^node:|^internal\//],
];

function layer(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  // Loading and compiling modules at startup is not part of serving requests.
  if (/internal\/modules|package_json_reader/.test(url) || ['readFileUtf8', 'internalModuleStat', 'compileFunction'].includes(functionName)) return 'idle';
  if (functionName === '(program)') return 'V8 and native (program)';
  for (const [name, pattern] of LAYERS) if (pattern.test(url)) return name;
  return url === '' ? `native: ${functionName}` : 'other';
}

const totals = new Map<string, number>();
let all = 0;
for (const file of process.argv.slice(2)) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const name = layer(byId.get(id)!);
    if (name === 'idle') return;
    const dt = profile.timeDeltas[i] ?? 0;
    totals.set(name, (totals.get(name) ?? 0) + dt);
    all += dt;
  });
  process.stderr.write(`${path.basename(file)}\n`);
}
const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14);
process.stdout.write(`| layer (self time, busy samples only) | share |\n|---|---:|\n${rows.map(([name, t]) => `| ${name} | ${((100 * t) / all).toFixed(1)}% |`).join('\n')}\n`);
