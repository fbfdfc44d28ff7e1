import { parseDatabaseUrl } from '../../src/config';
import { Database } from '../../src/db/database';
import { readSnapshot } from '../../src/scripts/harness/consistency';
import { prepareStorm } from '../../src/scripts/harness/fixture';
import { ServerProcess, startServer } from '../../src/scripts/harness/processes';
import { acknowledgedOf, Storm, stormViolations, tally } from '../../src/scripts/harness/storm';
import { scratchDatabase, ScratchDatabase } from '../../src/scripts/harness/targets';

/** The storm's size; CI runs the full 10,000, a local run can ask for fewer with STORM_MUTATIONS. */
const MUTATIONS = Number(process.env.STORM_MUTATIONS ?? 10_000);
const REVIEWERS = 96;
const EDITORS = 4;
const CLAIMS = 50;

const onPostgres = parseDatabaseUrl(process.env.DATABASE_URL?.trim() || 'sqlite:x.db').kind === 'postgres';
if (!onPostgres) {
  process.stdout.write('multi-process-postgres.test.ts: skipped, it needs DATABASE_URL=postgres://… (two server instances on one PostgreSQL database)\n');
}
const describeOnPostgres = onPostgres ? describe : describe.skip;

describeOnPostgres('two server instances on one PostgreSQL database', () => {
  let scratch: ScratchDatabase;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    scratch = await scratchDatabase(process.env.DATABASE_URL, 'pgstorm');
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await scratch?.drop();
  });

  it(`take ${MUTATIONS} mutations from ${REVIEWERS + EDITORS} reviewers with no update lost and every CONFLICT true`, async () => {
    const actors = REVIEWERS + EDITORS;
    expect(MUTATIONS % actors).toBe(0);
    const fixture = await prepareStorm(scratch.url, { reviewers: REVIEWERS, editors: EDITORS, claims: CLAIMS });
    const env = { REVIEW_QUORUM: '5' };
    servers.push(...await Promise.all([startServer(scratch.url, env, 'instance A'), startServer(scratch.url, env, 'instance B')]));

    const storm = new Storm({ urls: servers.map((s) => s.url), ...fixture, mutationsPerActor: MUTATIONS / actors, seed: 10_000 });
    const started = Date.now();
    const answers = await storm.run();
    const seconds = (Date.now() - started) / 1000;

    const db = await Database.open(parseDatabaseUrl(scratch.url), { migrate: false });
    try {
      const snapshot = await readSnapshot(db);
      expect(answers).toHaveLength(MUTATIONS);
      expect(stormViolations(answers, snapshot, fixture.claims)).toEqual([]);

      const acks = acknowledgedOf(answers);
      const writes = new Set(acks.map((a) => `${a.claimId}:${a.expectedVersion + 1}`)).size;
      const counts = tally(answers);
      const byServer = servers.map((_, i) => answers.filter((a) => a.outcome === 'ok' && a.server === i).length);
      process.stdout.write(
        `multi-process [postgres]: 2 instances, ${REVIEWERS} reviewers + ${EDITORS} editors on ${CLAIMS} claims: ` +
        `${answers.length} mutations in ${seconds.toFixed(1)} s (${Math.round(answers.length / seconds)}/s), ${writes} writes ` +
        `(${Math.round(writes / seconds)}/s; ${byServer.join(' + ')} successes by instance, replays included), ` +
        `${counts.CONFLICT ?? 0} conflicts, ${counts.INVALID_TRANSITION ?? 0} invalid transitions, ${counts.SERVER_BUSY ?? 0} SERVER_BUSY and ${counts.RATE_LIMITED ?? 0} RATE_LIMITED (resent), lost 0\n`,
      );
      // Both instances wrote, and the storm took every path it claims to test.
      expect(byServer.every((n) => n > 0)).toBe(true);
      expect(counts.CONFLICT ?? 0).toBeGreaterThan(0);
      expect(answers.filter((a) => a.key !== null && a.outcome === 'ok').length).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 600_000);
});
