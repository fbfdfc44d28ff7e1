import { authenticate } from '../../src/auth';
import type { DatabaseTarget } from '../../src/config';
import { Database } from '../../src/db/database';
import { Reviewer } from '../../src/entities';
import { runCli } from '../../src/scripts/cli';
import { freshDatabase } from '../support/app';

/** Runs the CLI as `npm run cli -- …` would, capturing what it prints. */
async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('npm run cli -- reviewer', () => {
  let drop: () => Promise<void>;
  let target: DatabaseTarget;
  const previous = process.env.DATABASE_URL;

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    target = fresh.target;
    process.env.DATABASE_URL = target.kind === 'sqlite' ? `sqlite:${target.file}` : target.url;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previous;
    await drop();
  });

  async function withDb<T>(work: (db: Database) => Promise<T>): Promise<T> {
    const db = await Database.open(target);
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }

  it('adds a reviewer, prints the token once, and stores only its hash', async () => {
    const { code, stdout } = await cli('reviewer', 'add', '--name', 'Ada Lovelace', '--role', 'REVIEWER');
    expect(code).toBe(0);
    const tokens = stdout.match(/cg_[A-Za-z0-9_-]{20,}/g) ?? [];
    expect(tokens).toHaveLength(1);
    expect(stdout).toMatch(/shown only this once/);
    expect(stdout).toMatch(/Authorization: Bearer/);
    await withDb(async (db) => {
      const stored = await db.reader.getRepository(Reviewer).findOneByOrFail({ name: 'Ada Lovelace' });
      expect(stored.role).toBe('REVIEWER');
      expect(JSON.stringify(stored)).not.toContain(tokens[0]);
      const { reviewer } = await authenticate(db, `Bearer ${tokens[0]}`);
      expect(reviewer?.name).toBe('Ada Lovelace');
    });
  });

  it('prints only the token with --quiet, for scripts, and accepts the role in any case', async () => {
    const { code, stdout } = await cli('reviewer', 'add', '--name', 'Ed', '--role', 'editor', '--quiet');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^cg_[A-Za-z0-9_-]+\n$/);
    await withDb(async (db) => {
      expect((await authenticate(db, `Bearer ${stdout.trim()}`)).reviewer?.role).toBe('EDITOR');
    });
  });

  it('lists reviewers with their global id, name, role and whether they are revoked, and revokes by id', async () => {
    const { stdout: token } = await cli('reviewer', 'add', '--name', 'Leaving Soon', '--role', 'VIEWER', '--quiet');
    const listed = await cli('reviewer', 'list');
    expect(listed.code).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.includes('Leaving Soon'))!;
    expect(line).toMatch(/^(\S+)\s+Leaving Soon\s+VIEWER\s+active$/);
    const id = line.split(/\s+/)[0];

    const revoked = await cli('reviewer', 'revoke', '--id', id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/Revoked VIEWER "Leaving Soon"/);
    expect((await cli('reviewer', 'list')).stdout).toMatch(/Leaving Soon\s+VIEWER\s+revoked \d{4}-/);
    await withDb(async (db) => {
      expect(await authenticate(db, `Bearer ${token.trim()}`)).toEqual({ reviewer: null, badToken: true });
    });
  });

  it.each([
    [['reviewer', 'add', '--name', 'No Role'], /needs --role/],
    [['reviewer', 'add', '--role', 'EDITOR'], /needs --name/],
    [['reviewer', 'add', '--name', 'X', '--role', 'ADMIN'], /--role must be one of VIEWER, REVIEWER, EDITOR/],
    [['reviewer', 'promote'], /unknown command "reviewer promote"/],
    [['reviewers', 'list'], /unknown command "reviewers"/],
    [['reviewer', 'list', '--name', 'X'], /takes no --name/],
    [['reviewer', 'revoke'], /needs --id/],
    [['reviewer', 'revoke', '--id', '42'], /not a reviewer id/],
    [['reviewer', 'add', '--nmae', 'X'], /Unknown option/],
  ])('refuses %j with a usage error and exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Usage: npm run cli/);
  });

  it('fails with exit code 1 when the reviewer to revoke does not exist', async () => {
    const missing = Buffer.from('Reviewer:999999').toString('base64url');
    const { code, stderr } = await cli('reviewer', 'revoke', '--id', missing);
    expect(code).toBe(1);
    expect(stderr).toMatch(/does not exist/);
  });

  it('prints the usage with --help', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/reviewer add --name NAME --role VIEWER\|REVIEWER\|EDITOR/);
  });
});
