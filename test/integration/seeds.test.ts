import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Article, Claim, ClaimEvent, Source } from '../../src/entities';
import { loadSeeds, SEEDS_DIR, seedFiles } from '../../src/seeding';
import { createTestApp, seedOutcomes, TestApp } from '../support/app';

let app: TestApp;
let scratch: string;
beforeAll(async () => {
  app = await createTestApp();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-seeds-'));
});
afterAll(async () => {
  await app.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function counts() {
  const repo = (entity: any) => app.db.reader.getRepository(entity).count();
  return { articles: await repo(Article), claims: await repo(Claim), sources: await repo(Source), events: await repo(ClaimEvent) };
}

function writeSeed(name: string, content: unknown): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('seed loading', () => {
  it('loads the bundled seeds once: loading them again adds nothing', async () => {
    const files = await seedFiles([SEEDS_DIR]);
    const first = await seedOutcomes(app.ctx(), files);
    expect(first.every((o) => o.status === 'added')).toBe(true);
    const after = await counts();
    expect(after.articles).toBe(files.length);
    expect(after.claims).toBe(first.reduce((n, o) => n + o.claims, 0));
    expect(after.events).toBe(after.claims);

    const second = await loadSeeds(app.ctx(), files);
    expect(second).toEqual({ added: 0, skipped: files.length, revised: 0, failed: 0, claims: 0 });
    expect(await counts()).toEqual(after);
  });

  it('anchors every seeded claim exactly in its article body', async () => {
    const articles = await app.db.reader.getRepository(Article).find();
    const claims = await app.db.reader.getRepository(Claim).find();
    const bodies = new Map(articles.map((a) => [a.id, a.body]));
    expect(claims.length).toBeGreaterThan(12);
    for (const claim of claims) {
      const body = bodies.get(claim.articleId)!;
      expect(body.slice(claim.quoteStart, claim.quoteEnd)).toBe(claim.quoteExact);
      expect(body.slice(0, claim.quoteStart).endsWith(claim.quotePrefix)).toBe(true);
      expect(body.slice(claim.quoteEnd).startsWith(claim.quoteSuffix)).toBe(true);
    }
  });

  it('starts every seeded claim UNVERIFIED at version 1 with one CREATED event', async () => {
    const claims = await app.db.reader.getRepository(Claim).find();
    const events = await app.db.reader.getRepository(ClaimEvent).find();
    for (const claim of claims) {
      expect(claim).toMatchObject({ state: 'UNVERIFIED', version: 1 });
      expect(events.filter((e) => e.claimId === claim.id).map((e) => [e.kind, e.version])).toEqual([['CREATED', 1]]);
    }
  });

  it('deduplicates sources by normalised name across articles', async () => {
    const sources = await app.db.reader.getRepository(Source).find();
    const keys = sources.map((s) => s.normalizedName);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sources.filter((s) => /montufar/i.test(s.name))).toHaveLength(1);
  });

  it('takes a person named by surname only in a later article to be the stored person with that surname', async () => {
    const file = writeSeed('surname.json', {
      title: 'Follow-up on rare earths', body: 'Montufar-Helu said the magnets exemption would stay.',
      claims: [{ text: 'The magnets exemption will stay.', quote: 'the magnets exemption would stay', source: { name: 'Montufar-Helu', kind: 'PERSON' }, stance: 'ASSERTS' }],
    });
    const before = await counts();
    const [outcome] = await seedOutcomes(app.ctx(), [file]);
    expect(outcome.status).toBe('added');
    expect((await counts()).sources).toBe(before.sources);
    const claim = await app.db.reader.getRepository(Claim).findOneByOrFail({ quoteExact: 'the magnets exemption would stay' });
    const source = await app.db.reader.getRepository(Source).findOneByOrFail({ id: claim.sourceId });
    expect(source).toMatchObject({ name: 'Alfredo Montufar-Helu', affiliation: 'The Conference Board' });
  });

  it('gives a stored source the affiliation a later article adds, and never takes one away', async () => {
    const claim = (source: Record<string, string>) => ({ text: 'Prices rose.', quote: 'Prices rose', source, stance: 'ASSERTS' });
    const load = (name: string, title: string, source: Record<string, string>) =>
      seedOutcomes(app.ctx(), [writeSeed(name, { title, body: 'Prices rose in May.', claims: [claim(source)] })]);
    await load('aff-1.json', 'Affiliation one', { name: 'Ottilie Brandvold', kind: 'PERSON' });
    await load('aff-2.json', 'Affiliation two', { name: 'Ottilie Brandvold', kind: 'PERSON', affiliation: 'Westbrook University' });
    await load('aff-3.json', 'Affiliation three', { name: 'Ottilie Brandvold', kind: 'PERSON' });
    const source = await app.db.reader.getRepository(Source).findOneByOrFail({ name: 'Ottilie Brandvold' });
    expect(source.affiliation).toBe('Westbrook University');
  });

  it('rejects a quote that is not in the body, naming the file and the quote, and writes nothing', async () => {
    const before = await counts();
    const file = writeSeed('bad-quote.json', {
      title: 'A bad quote', body: 'The council met on Monday.',
      claims: [{ text: 'The council met.', quote: 'the council met on Tuesday', source: { name: 'Reporter', kind: 'PERSON' }, stance: 'ASSERTS' }],
    });
    const [outcome] = await seedOutcomes(app.ctx(), [file]);
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toContain(file);
    expect(outcome.error).toContain('the council met on Tuesday');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['malformed JSON', '{ "title": ', /malformed JSON/],
    ['unknown fields', { title: 'T', body: 'B.', tags: [] }, /unknown field tags/],
    ['an empty body', { title: 'T', body: '   ' }, /body: must not be empty/],
    ['a body over the limit', { title: 'T', body: 'x'.repeat(1024 * 1024 + 1) }, /body: is \d+ bytes/],
    ['an ambiguous quote', { title: 'T', body: 'Rates rose. Rates rose.', claims: [{ text: 'Rates rose.', quote: 'Rates rose', source: { name: 'A' }, stance: 'ASSERTS' }] }, /occurs 2 times/],
    ['an unknown stance', { title: 'T', body: 'Rates rose.', claims: [{ text: 'Rates rose.', quote: 'Rates rose', source: { name: 'A' }, stance: 'MAYBE' }] }, /stance: must be one of/],
  ])('reports %s with a clear reason and loads the other files', async (_what, content, reason) => {
    const before = await counts();
    const bad = writeSeed(`bad-${Math.random().toString(36).slice(2)}.json`, content);
    const good = writeSeed(`good-${Math.random().toString(36).slice(2)}.json`, { title: `Fine ${Math.random()}`, body: 'The bridge opened in 1932.' });
    const outcomes = await seedOutcomes(app.ctx(), [bad, good]);
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'added']);
    expect(outcomes[0].error).toMatch(reason);
    expect((await counts()).articles).toBe(before.articles + 1);
  });

  it('stores and reports files in the order given while the files after them are read and extracted ahead', async () => {
    const long = Array.from({ length: 300 }, (_, i) => `The ministry said on Tuesday that bus fares rose by ${i % 90} percent in ${2000 + (i % 20)}.`).join(' ');
    const files = [
      writeSeed('order-1.txt', `Order one, a long article\n\n${long}\n`),
      writeSeed('order-2.txt', 'Order two\n\nThe bridge reopened on 3 May after repairs costing $12 million, the city said.\n'),
      writeSeed('order-3.json', '{ "title": "Order three", "body": "Text.", "claims": [ { "text": "x" } ] }'),
      ...Array.from({ length: 6 }, (_, i) => writeSeed(`order-${i + 4}.txt`, `Order ${i + 4}\n\nThe council said rents rose by ${i + 3} percent in 2023.\n`)),
    ];
    const outcomes = await seedOutcomes(app.ctx(), files);
    expect(outcomes.map((o) => o.file)).toEqual(files);
    expect(outcomes.map((o) => o.status)).toEqual(['added', 'added', 'failed', ...Array(6).fill('added')]);
    const stored = await app.db.reader.getRepository(Article).find({ where: outcomes.filter((o) => o.slug).map((o) => ({ slug: o.slug })), order: { id: 'ASC' } });
    expect(stored.map((a) => a.slug)).toEqual(outcomes.filter((o) => o.slug).map((o) => o.slug));
  });

  it('reports binary data instead of loading it', async () => {
    const file = path.join(scratch, 'binary.txt');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const [outcome] = await seedOutcomes(app.ctx(), [file]);
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.error).toMatch(/binary/);
  });

  it('reports an article whose slug is taken by another text instead of duplicating it', async () => {
    const original = writeSeed('one.json', { title: 'Same slug', slug: 'same-slug', body: 'First text.' });
    const changed = writeSeed('two.json', { title: 'Same slug', slug: 'same-slug', body: 'Changed text.' });
    const outcomes = await seedOutcomes(app.ctx(), [original, changed]);
    expect(outcomes.map((o) => o.status)).toEqual(['added', 'failed']);
    expect(outcomes[1].error).toMatch(/already stored with a different title or body/);
  });
});
