import { cohensKappa, krippendorffAlpha, pairwiseKappa, Rating } from '../../src/domain/agreement';

/** Ratings from a table of raters (rows) by units (columns); '*' is a missing value. */
function table(rows: Record<string, string>): Rating[] {
  return Object.entries(rows).flatMap(([rater, line]) => line.split(/\s+/).flatMap((value, unit) =>
    value === '*' ? [] : [{ unit: `u${unit + 1}`, rater, value }]));
}

/** A 2×2 agreement table as pairs: [yes/yes, yes/no, no/yes, no/no]. */
function pairs([yy, yn, ny, nn]: number[]): [string, string][] {
  return [
    ...Array.from({ length: yy }, () => ['yes', 'yes'] as [string, string]),
    ...Array.from({ length: yn }, () => ['yes', 'no'] as [string, string]),
    ...Array.from({ length: ny }, () => ['no', 'yes'] as [string, string]),
    ...Array.from({ length: nn }, () => ['no', 'no'] as [string, string]),
  ];
}

describe("Krippendorff's alpha (nominal)", () => {
  it("reproduces Krippendorff's own example with missing values: 4 observers, 12 units, alpha 0.743", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: nominal α = 0.743.
    const result = krippendorffAlpha(table({
      A: '1 2 3 3 2 1 4 1 2 * * *',
      B: '1 2 3 3 2 2 4 1 2 5 * 3',
      C: '* 3 3 3 2 3 4 2 2 5 1 *',
      D: '1 2 3 3 2 4 4 1 2 5 1 *',
    }));
    expect(result.alpha!.toFixed(3)).toBe('0.743');
    // Unit 12 has one value only, so it cannot be paired: 11 units and 40 pairable values remain.
    expect(result.units).toBe(11);
    expect(result.values).toBe(40);
  });

  it('reproduces the Wikipedia computational example (3 coders, 15 units, missing values): alpha 0.691', () => {
    const result = krippendorffAlpha(table({
      A: '* * * * * 3 4 1 2 1 1 3 3 * 3',
      B: '1 * 2 1 3 3 4 3 * * * * * * *',
      C: '* * 2 1 3 4 4 * 2 1 1 3 3 * 4',
    }));
    expect(result.alpha!.toFixed(3)).toBe('0.691');
  });

  it('is 1 for perfect agreement over at least two values, and undefined when every value is the same', () => {
    expect(krippendorffAlpha(table({ A: 'x y x', B: 'x y x' })).alpha).toBe(1);
    expect(krippendorffAlpha(table({ A: 'x x x', B: 'x x x' })).alpha).toBeNull();
    expect(krippendorffAlpha(table({ A: 'x y', B: '* *' })).alpha).toBeNull();
  });
});

describe("Cohen's kappa", () => {
  it('reproduces the textbook table of 50 proposals (20, 5, 10, 15): kappa 0.400', () => {
    const result = cohensKappa(pairs([20, 5, 10, 15]));
    expect(result.kappa!.toFixed(3)).toBe('0.400');
    expect(result.observedAgreement).toBeCloseTo(0.7, 10);
    expect(result.units).toBe(50);
  });

  it('gives different kappas for the same 60% agreement with different marginals: 0.130 and 0.259', () => {
    expect(cohensKappa(pairs([45, 15, 25, 15])).kappa!.toFixed(3)).toBe('0.130');
    expect(cohensKappa(pairs([25, 35, 5, 35])).kappa!.toFixed(3)).toBe('0.259');
  });

  it('is undefined without shared units or when both raters always give one and the same value', () => {
    expect(cohensKappa([]).kappa).toBeNull();
    expect(cohensKappa(pairs([10, 0, 0, 0])).kappa).toBeNull();
  });

  it('is computed for every pair of raters that share a unit', () => {
    const result = pairwiseKappa(table({ A: 'x y x *', B: 'x y y *', C: '* * * x' }), ['A', 'B', 'C']);
    expect(result.map((p) => [p.raterA, p.raterB, p.units])).toEqual([['A', 'B', 3]]);
  });
});
