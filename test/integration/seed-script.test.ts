import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshDatabase } from '../support/app';
import { slowArticleBody } from '../support/slow-article';

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

  it('streams a folder: a bad file in the middle is reported by name and every file around it loads', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-seed-folder-'));
    const names = Array.from({ length: 15 }, (_, i) => `story-${String(i + 1).padStart(2, '0')}`);
    for (const [i, name] of names.entries()) {
      if (i === 7) fs.writeFileSync(path.join(folder, `${name}.json`), '{ "title": "Broken in the middle", "body": ');
      else fs.writeFileSync(path.join(folder, `${name}.txt`), `Story ${i + 1}\n\nThe council said on Monday that rents rose by ${i + 2} percent in 2023.\n`);
    }
    const run = seed(folder);
    fs.rmSync(folder, { recursive: true, force: true });
    expect(run.stdout).toMatch(/articles: 14 added, 0 skipped \(already stored\), 1 failed; claims added: 14;/);
    expect(run.stderr).toContain(`${path.join(folder, 'story-08.json')}: malformed JSON`);
    expect(run.stderr.match(/failed:/g)).toHaveLength(1);
    expect(run.status).toBe(1);
  });

  it('reports an article whose extraction runs past its budget as failed, and still loads the others', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-seed-budget-'));
    fs.writeFileSync(path.join(folder, 'a-endless.txt'), `Endless\n\n${slowArticleBody()}\n`);
    fs.writeFileSync(path.join(folder, 'b-fares.txt'), 'Fares rise\n\nThe transport ministry said on Tuesday that bus fares rose by 12 percent in 2021.\n');
    const run = seedWith({ EXTRACTION_TIMEOUT_MS: '500' }, folder);
    fs.rmSync(folder, { recursive: true, force: true });
    expect(run.stdout).toMatch(/articles: 1 added, 0 skipped \(already stored\), 1 failed; claims added: 1/);
    expect(run.stderr).toMatch(/a-endless\.txt: .*body: claim extraction ran past its budget of 500 ms; send the article with its claims/);
    expect(run.status).toBe(1);
  });
});
