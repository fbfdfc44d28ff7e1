import fs from 'node:fs';
import path from 'node:path';
import { type CuratedClaim, cleanArticleText, extractClaims, scoreExtraction } from '../../../src/domain/extraction';

// The curated seed article, by a path inside the repository.
const SEED = path.resolve(__dirname, '../../../seeds/us-china-rare-earth-deal.json');
const seed = JSON.parse(fs.readFileSync(SEED, 'utf8')) as { title: string; body: string; publisher: string; claims: CuratedClaim[] };

describe('extracting the curated rare-earth article', () => {
  const claims = extractClaims(seed.body, { publisher: seed.publisher });
  const score = scoreExtraction(seed.body, claims, seed.claims);

  it('finds the curated claims (recall at least 0.9) and little else (precision at least 0.8)', () => {
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('names the curated source (at least 0.9) and stance (at least 0.8) of the claims it finds', () => {
    expect(score.sourceAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.stanceAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('gives "the Chinese government" the specific ministry named before it, and Montufar-Helu his full name', () => {
    const about = (fragment: string) => claims.find((c) => seed.body.slice(c.start, c.end).includes(fragment));
    expect(about('review process')?.source.name).toMatch(/Ministry of Commerce/);
    expect(about('maintain significant constraints')?.source).toMatchObject({ name: 'Alfredo Montufar-Helu', affiliation: 'The Conference Board' });
  });

  it('rebuilds the same body from a plain-text copy with the site chrome around it', () => {
    const plain = `${seed.title}\n\n${seed.body.replace(/\n\n/g, '\r\n\r\n')}\n\nFollow AsumeTech on\n\nMore From Category\n\nMore Stories Today\n\nLeave a Reply  `;
    const cleaned = cleanArticleText(plain);
    expect(cleaned.title).toBe(seed.title);
    expect(cleaned.body).toBe(seed.body);
    expect(cleaned.body.endsWith('what the next steps might entail for trade, technology, and geopolitical dynamics.')).toBe(true);
  });
});
