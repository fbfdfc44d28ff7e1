import fs from 'node:fs';
import path from 'node:path';
import { claimSimilarity, claimTerms, evaluatePairs, LabelledPair, SIMILARITY_THRESHOLD } from '../../src/domain/similarity';

const PAIRS = (JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/similarity/pairs.json'), 'utf8')) as { pairs: LabelledPair[] }).pairs;
const score = (a: string, b: string) => claimSimilarity(claimTerms(a), claimTerms(b));

describe('claimSimilarity', () => {
  it('scores a claim against itself 1 and against a claim sharing nothing 0', () => {
    const claim = 'Unemployment fell to 3.9 percent in March.';
    expect(score(claim, claim)).toBe(1);
    expect(score(claim, 'The striker signed a five-year contract.')).toBe(0);
  });

  it('reads "18%", "18 percent" and "18 per cent" alike, and number words as figures', () => {
    expect(score('Rates rise 18% this year.', 'Rates rise 18 per cent this year.')).toBe(1);
    expect(claimTerms('Forty-one percent of mains are old.').figures).toEqual(new Set(['41']));
    expect(claimTerms('Tesla delivered 1.8 million vehicles.').figures).toEqual(new Set(['1800000']));
  });

  it('keeps a claim with other figures below the threshold, however alike its words', () => {
    expect(score('The council raised water rates by 18 percent.', 'The council raised water rates by 12 percent.')).toBeLessThan(SIMILARITY_THRESHOLD);
  });
});

describe('the labelled pairs (npm run eval:similarity)', () => {
  const result = evaluatePairs(PAIRS);

  it('cover paraphrases, the same claim with other figures, other claims on the same topic and unrelated claims', () => {
    expect(new Set(PAIRS.map((p) => p.kind))).toEqual(new Set(['paraphrase', 'other-numbers', 'same-topic', 'unrelated']));
  });

  it('are matched with a precision of at least 0.9 and a recall of at least 0.8', () => {
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('never offer the same claim with other figures as the same claim', () => {
    expect(result.scored.filter((p) => p.kind === 'other-numbers' && p.score >= SIMILARITY_THRESHOLD)).toEqual([]);
  });
});
