/**
 * Inter-rater agreement over nominal verdicts: Krippendorff's alpha (any number of raters, missing data
 * allowed) and Cohen's kappa for a pair of raters. Pure, no I/O.
 */

/** One rater's value for one unit (a reviewer's latest verdict on a claim). */
export interface Rating<V extends string = string> {
  unit: string;
  rater: string;
  value: V;
}

export interface AlphaResult {
  /** Null when undefined: fewer than two pairable values, or every pairable value the same. */
  alpha: number | null;
  /** Units with at least two values: the only ones alpha can use. */
  units: number;
  /** Values in those units (n in Krippendorff's notation). */
  values: number;
}

/** The values of each unit, one per rater (a rater's later rating of a unit replaces the earlier). */
function valuesByUnit<V extends string>(ratings: readonly Rating<V>[]): Map<string, V[]> {
  const byUnit = new Map<string, Map<string, V>>();
  for (const rating of ratings) {
    const unit = byUnit.get(rating.unit) ?? new Map<string, V>();
    unit.set(rating.rater, rating.value);
    byUnit.set(rating.unit, unit);
  }
  return new Map([...byUnit].map(([unit, raters]) => [unit, [...raters.values()]]));
}

/**
 * Krippendorff's alpha for nominal data, by the coincidence matrix (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability", section C): α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k.
 * Units rated once carry no pairs and are left out, which is how missing data is handled.
 */
export function krippendorffAlpha<V extends string>(ratings: readonly Rating<V>[]): AlphaResult {
  const coincidences = new Map<string, number>();
  const marginals = new Map<V, number>();
  let units = 0;
  for (const values of valuesByUnit(ratings).values()) {
    const m = values.length;
    if (m < 2) continue;
    units += 1;
    const counts = new Map<V, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [c, nc] of counts) {
      marginals.set(c, (marginals.get(c) ?? 0) + nc);
      for (const [k, nk] of counts) {
        // Ordered pairs of different raters: a value paired with itself is not a pair.
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        const key = `${c}\u0000${k}`;
        coincidences.set(key, (coincidences.get(key) ?? 0) + pairs / (m - 1));
      }
    }
  }
  const n = [...marginals.values()].reduce((sum, count) => sum + count, 0);
  let observed = 0;
  for (const [key, o] of coincidences) {
    const [c, k] = key.split('\u0000');
    if (c !== k) observed += o;
  }
  let expected = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) if (c !== k) expected += nc * nk;
  if (n < 2 || expected === 0) return { alpha: null, units, values: n };
  return { alpha: 1 - ((n - 1) * observed) / expected, units, values: n };
}

export interface KappaResult {
  /** Null when undefined: no shared units, or chance agreement is already certain. */
  kappa: number | null;
  /** Units both raters rated. */
  units: number;
  /** The share of those units on which they gave the same value. */
  observedAgreement: number | null;
}

/** Cohen's kappa over paired values: κ = (p_o − p_e) / (1 − p_e), p_e from each rater's own marginals. */
export function cohensKappa<V extends string>(pairs: readonly (readonly [V, V])[]): KappaResult {
  const n = pairs.length;
  if (n === 0) return { kappa: null, units: 0, observedAgreement: null };
  const first = new Map<V, number>();
  const second = new Map<V, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree += 1;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agree / n;
  let chance = 0;
  for (const [value, count] of first) chance += (count / n) * ((second.get(value) ?? 0) / n);
  return { kappa: chance === 1 ? null : (observed - chance) / (1 - chance), units: n, observedAgreement: observed };
}

export interface PairKappa extends KappaResult {
  raterA: string;
  raterB: string;
}

/** Cohen's kappa for every pair of the raters given that shares at least one unit, raters in the order given. */
export function pairwiseKappa<V extends string>(ratings: readonly Rating<V>[], raters: readonly string[]): PairKappa[] {
  const byRater = new Map<string, Map<string, V>>();
  for (const rating of ratings) {
    const own = byRater.get(rating.rater) ?? new Map<string, V>();
    own.set(rating.unit, rating.value);
    byRater.set(rating.rater, own);
  }
  const result: PairKappa[] = [];
  for (let i = 0; i < raters.length; i++) {
    for (let j = i + 1; j < raters.length; j++) {
      const a = byRater.get(raters[i]) ?? new Map<string, V>();
      const b = byRater.get(raters[j]) ?? new Map<string, V>();
      const pairs: [V, V][] = [];
      for (const [unit, value] of a) {
        const other = b.get(unit);
        if (other !== undefined) pairs.push([value, other]);
      }
      if (pairs.length > 0) result.push({ raterA: raters[i], raterB: raters[j], ...cohensKappa(pairs) });
    }
  }
  return result;
}
