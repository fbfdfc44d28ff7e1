import fc from 'fast-check';
import { extractClaims } from '../../../src/domain/extraction';

const FRAGMENTS = [
  'The U.S. Treasury said tariffs on 300 products would be lifted in June.',
  '“Rates will rise 18 percent,” said Mayor Jane Doe.',
  'According to the Ministry of Commerce, exports fell 3.5% in May.',
  'She denied that the plan would cost $12 million, saying the budget was balanced.',
  'Dr. Smith, a neurologist at Harvard University, believes the drug may help 40 percent of patients.',
  'Prices fell... then rose again.',
  'Will the House act?',
  'Harbourside, who finished fourth last season, have made Varela their top target, the Sporting Courier reported.',
  'Concurrently, the company plans to cut 1,200 jobs; its shares fell 14% on Tuesday.',
  'A Heading Without A Period',
];

const isAnchored = (body: string): void => {
  const claims = extractClaims(body, { publisher: 'The Daily Record', threshold: 0 });
  let previousEnd = 0;
  for (const claim of claims) {
    const span = body.slice(claim.start, claim.end);
    expect(claim.end).toBeGreaterThan(claim.start);
    expect(claim.start).toBeGreaterThanOrEqual(previousEnd);
    expect(span).toBe(span.trim());
    expect(span).not.toMatch(/[.\s]$/);
    expect(claim.text).toMatch(/^[^a-z].*[.!?…]$/su);
    expect(claim.checkworthiness).toBeGreaterThanOrEqual(0);
    expect(claim.checkworthiness).toBeLessThanOrEqual(1);
    previousEnd = claim.end;
  }
};

describe('extractClaims anchoring', () => {
  it('gives spans that slice the body, without surrounding whitespace or a final period, sorted and disjoint', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '\n\n', '\r\n\r\n', '  \n'), (parts, joiner) => {
        isAnchored(parts.join(joiner));
      }),
      { numRuns: 200 },
    );
  });

  it('counts offsets in UTF-16 code units, past emoji and accents', () => {
    const body = '🚀 Launch day. Raúl Ortega said the rocket cost $40 million to build in 2024.';
    const claim = extractClaims(body, { publisher: 'X' }).find((c) => body.slice(c.start, c.end).includes('$40 million'));
    expect(body.slice(claim!.start, claim!.end)).toBe('the rocket cost $40 million to build in 2024');
  });

  it('survives arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (body) => {
        isAnchored(body);
      }),
      { numRuns: 300 },
    );
  });
});
