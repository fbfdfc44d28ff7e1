import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshDatabase } from '../support/app';

const ROOT = path.resolve(__dirname, '../..');

let database: Awaited<ReturnType<typeof freshDatabase>>;
let dir: string;
beforeAll(async () => {
  database = await freshDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-seed-script-'));
  fs.writeFileSync(path.join(dir, 'good.txt'), 'Bridge reopens\n\nThe bridge reopened on 3 May after repairs costing $12 million, the city said.\n');
  fs.writeFileSync(path.join(dir, 'bad.json'), '{ "title": "Broken", "body": "Text.", "claims": [ { "text": "x" } ] }');
});
afterAll(async () => {
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function seed(...args: string[]) {
  return seedWith({}, ...args);
}

function seedWith(env: Record<string, string>, ...args: string[]) {
  const url = database.target.kind === 'postgres' ? database.target.url : database.target.file;
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/scripts/seed.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });
}

describe('npm run seed', () => {
  it('loads the good files, reports the bad one by name with its reason, and exits 1', () => {
    const run = seed(dir);
    expect(run.stdout).toMatch(/articles: 1 added, 0 skipped \(already stored\), 1 failed; claims added: [1-9]/);
    expect(run.stderr).toContain(path.join(dir, 'bad.json'));
    expect(run.stderr).toMatch(/claims\[0\] is missing quote, source, stance/);
    expect(run.status).toBe(1);
  });

  it('adds nothing the second time and exits 0 when every file is fine', () => {
    const run = seed(path.join(dir, 'good.txt'));
    expect(run.stdout).toMatch(/articles: 0 added, 1 skipped \(already stored\), 0 failed; claims added: 0/);
    expect(run.status).toBe(0);
  });

  it('reports an article whose extraction runs past its budget as failed, and still loads the others', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-seed-budget-'));
    fs.writeFileSync(path.join(folder, 'a-endless.txt'), `Endless\n\nThe council said prices rose${', and the board agreed'.repeat(40_000)}.\n`);
    fs.writeFileSync(path.join(folder, 'b-fares.txt'), 'Fares rise\n\nThe transport ministry said on Tuesday that bus fares rose by 12 percent in 2021.\n');
    const run = seedWith({ EXTRACTION_TIMEOUT_MS: '500' }, folder);
    fs.rmSync(folder, { recursive: true, force: true });
    expect(run.stdout).toMatch(/articles: 1 added, 0 skipped \(already stored\), 1 failed; claims added: 1/);
    expect(run.stderr).toMatch(/a-endless\.txt: .*body: claim extraction ran past its budget of 500 ms; send the article with its claims/);
    expect(run.status).toBe(1);
  });
});
