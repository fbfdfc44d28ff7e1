import { spawn } from 'node:child_process';
import { parseDatabaseUrl } from '../../src/config';
import { Child, PROJECT_ROOT } from '../../src/scripts/harness/processes';

const kind = parseDatabaseUrl(process.env.DATABASE_URL?.trim() || 'sqlite:x.db').kind;
/** Rounds per CI run (two on SQLite, one more on PostgreSQL); a soak asks for more with `npm run crash-test -- --rounds 200`. */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? (kind === 'sqlite' ? 2 : 1));

describe(`npm run crash-test on ${kind}`, () => {
  it(`finds nothing lost or half-written after ${ROUNDS} rounds of kill -9 during a review storm and a seed`, async () => {
    const run = new Child(spawn(process.execPath, ['-r', '@swc-node/register', 'src/scripts/crash-test.ts', '--rounds', String(ROUNDS), '--articles', '200'], {
      cwd: PROJECT_ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'],
    }), 'crash test');
    const { code } = await run.exited;
    process.stdout.write(run.stdout);
    const total = /crash test: (\d+) rounds, (\d+) acknowledged writes checked, lost (\d+), violations (\d+)/.exec(run.stdout);
    expect({ code, summary: total ? 'printed' : run.tail }).toEqual({ code: 0, summary: 'printed' });
    const [, rounds, acknowledged, lost, violations] = total!.map(Number);
    expect({ rounds, lost, violations }).toEqual({ rounds: ROUNDS, lost: 0, violations: 0 });
    // Each round killed the server after acknowledged writes, so there was something to lose.
    expect(acknowledged).toBeGreaterThanOrEqual(ROUNDS * 20);
    expect(run.stdout.match(/^round \d+\/\d+: seed killed -9 after \d+ of 200 articles;/gm)).toHaveLength(ROUNDS);
  }, 900_000);
});
