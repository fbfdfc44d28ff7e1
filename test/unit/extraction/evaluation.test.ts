import { type CuratedClaim, curationAsClaims, type ExtractedClaim, locateQuote, sameInstitutionForScoring, scoreExtraction, spansMatch } from '../../../src/domain/extraction';
import { sameSource } from '../../../src/domain/sources';
import { SourceKind, Stance } from '../../../src/domain/types';

const BODY = 'The U.S. plans to lift curbs. China will review exports. The U.S. plans to lift curbs again.';
const source = { name: 'China’s Ministry of Commerce', kind: SourceKind.GOVERNMENT };
const curated = (quote: CuratedClaim['quote'], stance = Stance.ASSERTS): CuratedClaim => ({ text: 't', quote, source, stance });
const predicted = (exact: string, from = 0, extra: Partial<ExtractedClaim> = {}): ExtractedClaim => {
  const start = BODY.indexOf(exact, from);
  return { text: exact, start, end: start + exact.length, source, stance: Stance.ASSERTS, checkworthiness: 0.9, ...extra };
};

describe('locateQuote', () => {
  it('finds the first occurrence, or the one its prefix or suffix picks', () => {
    expect(locateQuote(BODY, 'The U.S. plans to lift curbs')).toEqual({ start: 0, end: 28 });
    const second = BODY.lastIndexOf('The U.S. plans');
    expect(locateQuote(BODY, { exact: 'The U.S. plans to lift curbs', prefix: 'exports. ' })?.start).toBe(second);
    expect(locateQuote(BODY, { exact: 'The U.S. plans to lift curbs', suffix: ' again' })?.start).toBe(second);
    expect(locateQuote(BODY, 'not in the body')).toBeNull();
  });
});

describe('spansMatch', () => {
  it('needs an overlap of at least half of the shorter span', () => {
    expect(spansMatch({ start: 0, end: 10 }, { start: 5, end: 40 })).toBe(true);
    expect(spansMatch({ start: 0, end: 10 }, { start: 6, end: 40 })).toBe(false);
    expect(spansMatch({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
  });
});

describe('scoreExtraction', () => {
  it('counts the extra claims that only split a matched curated claim further', () => {
    const body = 'The ban began in August, the first in the region since 2012. Rain fell on Monday.';
    const guess = (text: string): ExtractedClaim => {
      const start = body.indexOf(text);
      return { text, start, end: start + text.length, source, stance: Stance.ASSERTS, checkworthiness: 0.9 };
    };
    const gold = [curated('The ban began in August, the first in the region since 2012')];
    const score = scoreExtraction(body, [guess('The ban began in August'), guess('the first in the region since 2012'), guess('Rain fell on Monday')], gold);
    expect([score.matched, score.extra.length, score.splitOut]).toEqual([1, 2, 1]);
  });

  it('matches one-to-one and scores precision, recall, source and stance on the matches', () => {
    const gold = [curated('The U.S. plans to lift curbs'), curated('China will review exports', Stance.HEDGES)];
    const guesses = [
      predicted('The U.S. plans to lift curbs'),
      predicted('U.S. plans to lift'),
      predicted('China will review exports', 0, { source: { name: 'the Chinese government', kind: SourceKind.GOVERNMENT } }),
    ];
    const score = scoreExtraction(BODY, guesses, gold);
    expect(score).toMatchObject({ predicted: 3, curated: 2, matched: 2, recall: 1, sourceAccuracy: 0.5, stanceAccuracy: 0.5 });
    expect(score.precision).toBeCloseTo(2 / 3);
    expect(score.extra.map((c) => c.text)).toEqual(['U.S. plans to lift']);
  });

  it('reports curated quotes it cannot find instead of matching them', () => {
    const score = scoreExtraction(BODY, [], [curated('nowhere to be found')]);
    expect(score).toMatchObject({ matched: 0, recall: 0, f1: 0 });
    expect(score.unlocated).toHaveLength(1);
  });
});

describe('sameInstitutionForScoring', () => {
  const org = (name: string, kind = SourceKind.GOVERNMENT) => ({ name, kind, affiliation: null });

  it('reads an institution named inside a longer name as the same one', () => {
    expect(sameInstitutionForScoring(org('Ministry of Fisheries'), org('Orlandia Ministry of Fisheries'))).toBe(true);
    expect(sameInstitutionForScoring(org('the WHO Tobacco Control Unit', SourceKind.ORGANIZATION), org('Tobacco Control Unit', SourceKind.ORGANIZATION))).toBe(true);
    expect(sameInstitutionForScoring(org('Harbour Daily', SourceKind.PUBLICATION), org('The Harbour Daily Weekend', SourceKind.PUBLICATION))).toBe(true);
  });

  it('needs two words in a row and institutions on both sides', () => {
    expect(sameInstitutionForScoring(org('Fisheries'), org('Orlandia Ministry of Fisheries'))).toBe(false);
    expect(sameInstitutionForScoring(org('Ministry Fisheries'), org('Orlandia Ministry of Fisheries'))).toBe(false);
    expect(sameInstitutionForScoring(org('Anna Berg', SourceKind.PERSON), org('Anna Berg Foundation', SourceKind.ORGANIZATION))).toBe(false);
  });

  it('counts for source accuracy while sameSource keeps the two apart', () => {
    const gold = { text: 't', quote: 'China will review exports', source: org('Orlandia Ministry of Commerce'), stance: Stance.ASSERTS };
    const guess = predicted('China will review exports', 0, { source: org('The Ministry of Commerce') });
    expect(scoreExtraction(BODY, [guess], [gold]).sourceAccuracy).toBe(1);
    expect(sameSource(org('Ministry of Commerce'), org('Orlandia Ministry of Commerce'))).toBe(false);
  });
});

describe('curationAsClaims', () => {
  it('scores a second curation of the same article as the extractor is scored: the same curation scores 1', () => {
    const first = [curated('The U.S. plans to lift curbs'), curated('China will review exports', Stance.HEDGES)];
    expect(scoreExtraction(BODY, curationAsClaims(BODY, first), first)).toMatchObject({ precision: 1, recall: 1, sourceAccuracy: 1, stanceAccuracy: 1 });
  });

  it('counts what the two curators disagree on: a claim only one marked, another source, another stance', () => {
    const first = [curated('The U.S. plans to lift curbs'), curated('China will review exports', Stance.HEDGES)];
    const second: CuratedClaim[] = [
      { ...curated('The U.S. plans to lift curbs'), source: { name: 'the White House', kind: SourceKind.GOVERNMENT } },
      curated('China will review exports'),
      curated({ exact: 'The U.S. plans to lift curbs again' }),
      curated('a quote nobody can find'),
    ];
    const claims = curationAsClaims(BODY, second);
    expect(claims.map((c) => BODY.slice(c.start, c.end))).toEqual(['The U.S. plans to lift curbs', 'China will review exports', 'The U.S. plans to lift curbs again']);
    const score = scoreExtraction(BODY, claims, first);
    expect(score).toMatchObject({ predicted: 3, matched: 2, recall: 1, sourceAccuracy: 0.5, stanceAccuracy: 0.5 });
    expect(score.extra.map((c) => BODY.slice(c.start, c.end))).toEqual(['The U.S. plans to lift curbs again']);
  });
});
