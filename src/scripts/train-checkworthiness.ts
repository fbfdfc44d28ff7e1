/**
 * Fits the check-worthiness weights with a logistic regression on the curated articles.
 *
 *   node -r @swc-node/register src/scripts/train-checkworthiness.ts [--frozen SET] [--out FILE]
 *
 * Every clause the extractor reads in the seeds and in test/fixtures/holdout…holdout-9 and
 * holdout-11…holdout-14 is one example:
 * its features (CHECKWORTHINESS_FEATURES, as the trace reports them) and whether a curated claim
 * matches it. One of those sets is frozen (`--frozen`, holdout-9 unless told): never fitted on, it is
 * what the fitted weights are measured on before they are adopted. holdout-10, and holdout-15 onward, are
 * never read: they stay the honest measure. The fitted model is mapped back
 * onto the linear score, so that its best cutoff falls on CHECKWORTHINESS_THRESHOLD, and written as
 * { base, weights } for `npm run eval:extraction -- --weights FILE` to measure before it is adopted.
 * Deterministic: the same articles give the same weights.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BASE_SCORE,
  CHECKWORTHINESS_FEATURES,
  CHECKWORTHINESS_THRESHOLD,
  type CheckworthinessWeights,
  type CuratedClaim,
  locateQuote,
  spansMatch,
  traceExtraction,
} from '../domain/extraction';
import { Stance } from '../domain/types';
import { readSeedFile, SEEDS_DIR, seedFiles } from '../seeding';

const FIXTURES = path.join(SEEDS_DIR, '..', 'test', 'fixtures');
/** The sets that may be fitted on; holdout-10 and holdout-15 onward are left out on purpose, never to be fitted or tuned on. */
const TUNING_SETS = ['holdout', 'holdout-2', 'holdout-3', 'holdout-4', 'holdout-5', 'holdout-6', 'holdout-7', 'holdout-8', 'holdout-9', 'holdout-11', 'holdout-12', 'holdout-13', 'holdout-14'];
/** The tuning set held out of the fit, to measure the fitted weights on: a hard-genre set. */
const DEFAULT_FROZEN = 'holdout-9';
// A record of the fit, not read by the extractor: fitted weights replace the table's only once measured no worse.
const DEFAULT_OUT = path.join(SEEDS_DIR, '..', 'docs', 'checkworthiness-weights.json');
// How many score points one unit of log-odds is worth: the logistic curve's slope at its middle.
const SCALE = 0.25;
// Ridge penalty on the summed log loss (one unit of prior per weight, whatever the number of clauses): keeps a
// feature seen a handful of times from taking an extreme weight without drowning a rare genre feature.
const L2 = 1;
const STEPS = 20000;
// The seeds must keep scoring 1.000: each of their clauses counts as this many.
const SEED_WEIGHT = Number(process.env.SEED_WEIGHT ?? 5);
const RATE = 1;

interface Example {
  x: number[];
  y: 0 | 1;
  /** How much the example counts in the loss: the seeds, which must stay exact, count more. */
  weight: number;
}

const write = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** The clauses of one curated article as examples; denials are left out, the floor decides them. */
const examplesOf = (body: string, publisher: string | null, curated: readonly CuratedClaim[], weight: number): Example[] => {
  const spans = curated.flatMap((c) => locateQuote(body, c.quote) ?? []);
  const { trace } = traceExtraction(body, { publisher });
  return trace.clauses
    .filter((d) => d.stance !== Stance.DENIES)
    .map((d) => {
      const values = new Map(d.features.map((f) => [f.id, f.value]));
      return {
        x: CHECKWORTHINESS_FEATURES.map((f) => values.get(f.id) ?? 0),
        y: spans.some((s) => spansMatch(s, d)) ? 1 : 0,
        weight,
      };
    });
};

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const logit = (bias: number, w: readonly number[], x: readonly number[]): number => x.reduce((z, v, i) => z + w[i] * v, bias);

/** Batch gradient descent on the mean log loss with a ridge penalty on the weights (not the bias). */
const fit = (examples: readonly Example[]): { bias: number; w: number[] } => {
  const n = CHECKWORTHINESS_FEATURES.length;
  let bias = 0;
  const w = new Array<number>(n).fill(0);
  for (let step = 0; step < STEPS; step += 1) {
    let gBias = 0;
    const g = new Array<number>(n).fill(0);
    for (const { x, y, weight } of examples) {
      const error = (sigmoid(logit(bias, w, x)) - y) * weight;
      gBias += error;
      for (let i = 0; i < n; i += 1) g[i] += error * x[i];
    }
    bias -= (RATE * gBias) / examples.length;
    for (let i = 0; i < n; i += 1) w[i] -= (RATE * (g[i] + L2 * w[i])) / examples.length;
  }
  return { bias, w };
};

const f1At = (examples: readonly Example[], z: readonly number[], cutoff: number): number => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  examples.forEach((e, i) => {
    const kept = z[i] >= cutoff;
    if (kept && e.y) tp += 1;
    else if (kept) fp += 1;
    else if (e.y) fn += 1;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : DEFAULT_OUT;
  const frozenAt = args.indexOf('--frozen');
  const frozen = frozenAt >= 0 ? args[frozenAt + 1] : DEFAULT_FROZEN;
  if (!TUNING_SETS.includes(frozen)) throw new Error(`--frozen must be one of ${TUNING_SETS.join(', ')}`);
  const fittedOn = TUNING_SETS.filter((set) => set !== frozen);
  write(`fitting on the seeds and ${fittedOn.join(', ')}; frozen: ${frozen} (measure with npm run eval:extraction -- --weights FILE test/fixtures/${frozen}/*.json)`);
  const seeds = new Set(await seedFiles([SEEDS_DIR]));
  const files = [
    ...seeds,
    ...(await seedFiles(fittedOn.map((set) => path.join(FIXTURES, set)))),
  ];
  const examples: Example[] = [];
  for (const file of files) {
    const draft = await readSeedFile(file);
    if (draft.claims) examples.push(...examplesOf(draft.body, draft.publisher ?? null, draft.claims, seeds.has(file) ? SEED_WEIGHT : 1));
  }
  const positives = examples.filter((e) => e.y).length;
  write(`${files.length} articles, ${examples.length} clauses (${positives} curated claims)`);

  const { bias, w } = fit(examples);
  const z = examples.map((e) => logit(bias, w, e.x));
  // The cutoff on the log-odds with the best F1 over the clauses becomes the threshold of the score.
  let cutoff = 0;
  for (let c = -3; c <= 3; c += 0.05) if (f1At(examples, z, c) > f1At(examples, z, cutoff)) cutoff = c;
  const loss = examples.reduce((sum, e, i) => sum - Math.log(e.y ? sigmoid(z[i]) : 1 - sigmoid(z[i])), 0) / examples.length;
  write(`log loss ${loss.toFixed(3)}, cutoff ${cutoff.toFixed(2)} log-odds, clause F1 ${f1At(examples, z, cutoff).toFixed(3)}`);

  const round = (v: number): number => Math.round(v * 1000) / 1000;
  const fitted: CheckworthinessWeights = {
    base: round(CHECKWORTHINESS_THRESHOLD + SCALE * (bias - cutoff)),
    weights: Object.fromEntries(CHECKWORTHINESS_FEATURES.map((f, i) => [f.id, round(SCALE * w[i])])),
  };
  for (const f of CHECKWORTHINESS_FEATURES) {
    write(`  ${f.id.padEnd(20)} ${f.weight.toFixed(2).padStart(6)} → ${fitted.weights[f.id].toFixed(3).padStart(7)}`);
  }
  write(`  ${'base'.padEnd(20)} ${BASE_SCORE.toFixed(2).padStart(6)} → ${fitted.base.toFixed(3).padStart(7)}`);
  await writeFile(out, `${JSON.stringify(fitted, null, 2)}\n`);
  write(`wrote ${path.relative(process.cwd(), out)}`);
};

void main();
