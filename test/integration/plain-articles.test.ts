import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { indexTerms, MAX_TERM_LENGTH } from '../../src/domain/similarity';
import { loadSeeds } from '../../src/seeding';
import { createTestApp, seedOutcomes, TestApp } from '../support/app';

let app: TestApp;
let dir: string;
beforeAll(async () => {
  app = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-plain-'));
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ARTICLE = `---
url: https://example.org/harbor-bridge
publisher: The Harbor Gazette
date: 2026-03-02
---
# Harbor bridge repairs to cost $48 million

Share this article

The city will spend $48 million repairing the Harbor Bridge over the next three years, according to a report by the state transport department.

“The bridge is safe today, but it will not be in ten years without this work,” said Mayor Elena Park.

Park said the first lane closures would begin in April. Engineers may need to close the bridge entirely for two weekends, she said.

The opposition leader, Tom Reyes, denied that the council had ignored earlier warnings about corrosion.

Leave a Reply
`;

describe('loading a plain-text article', () => {
  it('stores the cleaned body and extracted claims that anchor exactly, with their sources and stances', async () => {
    const file = path.join(dir, 'harbor-bridge.md');
    fs.writeFileSync(file, ARTICLE);
    const [outcome] = await seedOutcomes(app.ctx(), [file]);
    expect(outcome).toMatchObject({ status: 'added', slug: 'harbor-bridge-repairs-to-cost-48-million' });
    expect(outcome.claims).toBeGreaterThanOrEqual(4);

    const result = await app.gql(`{ article(slug: "harbor-bridge-repairs-to-cost-48-million") {
      title url publisher publishedAt body
      claims(first: 100) { edges { node { text stance checkworthiness quote { exact start end } source { name kind affiliation } } } }
    } }`);
    const article = result.data!.article;
    expect(article).toMatchObject({ title: 'Harbor bridge repairs to cost $48 million', url: 'https://example.org/harbor-bridge', publisher: 'The Harbor Gazette' });
    expect(article.publishedAt).toBe('2026-03-02T00:00:00.000Z');
    expect(article.body.startsWith('The city will spend $48 million')).toBe(true);
    expect(article.body).not.toMatch(/Share this|Leave a Reply/);

    const claims = article.claims.edges.map((e: any) => e.node);
    for (const claim of claims) {
      expect(article.body.slice(claim.quote.start, claim.quote.end)).toBe(claim.quote.exact);
      expect(claim.checkworthiness).toBeGreaterThan(0);
      expect(claim.checkworthiness).toBeLessThanOrEqual(1);
    }
    const about = (fragment: string) => claims.find((c: any) => c.quote.exact.includes(fragment));
    expect(about('$48 million')?.source.name).toMatch(/transport department/i);
    expect(about('will not be in ten years')?.source.name).toBe('Elena Park');
    expect(about('first lane closures')?.source.name).toBe('Elena Park');
    expect(about('close the bridge entirely')).toMatchObject({ stance: 'HEDGES', source: { name: 'Elena Park' } });
    expect(about('ignored earlier warnings')).toMatchObject({ stance: 'DENIES', source: { name: 'Tom Reyes' } });
  });

  it('indexes each extracted claim under the terms of its text, worked out in the extraction workers', async () => {
    const rows: { id: number; text: string }[] = await app.db.reader.query(
      "SELECT c.id, c.text FROM claim c JOIN article a ON a.id = c.article_id WHERE a.slug = 'harbor-bridge-repairs-to-cost-48-million'",
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const stored: { claim_id: number; term: string }[] = await app.db.reader.query(
      "SELECT t.claim_id, t.term FROM claim_term t JOIN claim c ON c.id = t.claim_id JOIN article a ON a.id = c.article_id WHERE a.slug = 'harbor-bridge-repairs-to-cost-48-million'",
    );
    for (const row of rows) {
      const terms = stored.filter((t) => Number(t.claim_id) === Number(row.id)).map((t) => t.term);
      expect(terms.sort()).toEqual(indexTerms(row.text, MAX_TERM_LENGTH).sort());
    }
  });

  it('adds nothing when the same article is loaded again', async () => {
    const file = path.join(dir, 'again.txt');
    fs.writeFileSync(file, ARTICLE);
    const [outcome] = await seedOutcomes(app.ctx(), [file]);
    expect(outcome).toMatchObject({ status: 'skipped', claims: 0 });
  });

  it('reports a file without a title', async () => {
    const file = path.join(dir, 'empty.txt');
    fs.writeFileSync(file, '\n\n   \n');
    const [outcome] = await seedOutcomes(app.ctx(), [file]);
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toContain(file);
  });
});
