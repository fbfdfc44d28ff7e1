/**
 * Fits the check-worthiness weights with a logistic regression on the curated articles.
 *
 *   node -r @swc-node/register src/scripts/train-checkworthiness.ts [--frozen SET] [--out FILE]
 *   node -r @swc-node/register src/scripts/train-checkworthiness.ts --cross-validate [--words]
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
 *
 * `--cross-validate` asks whether a fitted model generalises from one set to another: each tuning set in turn
 * is left out, the model is fitted on the seeds and the other sets, and its clause-level F1 (kept or dropped,
 * against whether a curated claim matches) is measured on the set left out, beside the table's own decisions
 * (which were written from these very sets, so theirs is not an out-of-set figure). `--words` adds every
 * clause's words and word pairs (hashed) to the features: a lexical classifier on top of the table's rows.
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
  /** The set the clause comes from ('seeds' for the seeds). */
  set: string;
  /** The clause as written, for `--words`. */
  text: string;
  /** Whether the extractor, with the table's weights, keeps the clause. */
  kept: boolean;
}

/** The hashed word and word-pair features of `--words`: how many buckets. */
const WORD_BUCKETS = 1 << 14;

const write = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** The clauses of one curated article as examples; denials are left out, the floor decides them. */
const examplesOf = (body: string, publisher: string | null, curated: readonly CuratedClaim[], weight: number, set: string): Example[] => {
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
        set,
        text: body.slice(d.start, d.end),
        kept: d.kept,
      };
    });
};

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const logit = (bias: number, w: readonly number[], x: readonly number[]): number => x.reduce((z, v, i) => z + w[i] * v, bias);

/** FNV-1a: a word's bucket among WORD_BUCKETS. */
const bucket = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % WORD_BUCKETS;
};

/** A clause's words and word pairs, lower-cased, as buckets (each once). */
const wordFeatures = (text: string): number[] => {
  const words = text.toLowerCase().match(/[\p{L}\d’']+|[?!“”"%$£€]/gu) ?? [];
  const buckets = new Set(words.map((word, i) => bucket(i + 1 < words.length ? `${word} ${words[i + 1]}` : word)));
  for (const word of words) buckets.add(bucket(word));
  return [...buckets];
};

interface Model {
  bias: number;
  w: number[];
  /** Weights of the word buckets (empty without `--words`). */
  words: Float64Array;
}

const score = (model: Model, x: readonly number[], words: readonly number[]): number => words.reduce((z, b) => z + model.words[b], logit(model.bias, model.w, x));

/**
 * Batch gradient descent on the mean log loss with a ridge penalty on the weights (not the bias); with
 * `withWords`, the clauses' word buckets are features too, under the same penalty.
 */
const fit = (examples: readonly Example[], withWords = false): Model => {
  const n = CHECKWORTHINESS_FEATURES.length;
  let bias = 0;
  const w = new Array<number>(n).fill(0);
  const words = new Float64Array(withWords ? WORD_BUCKETS : 0);
  const buckets = examples.map((e) => (withWords ? wordFeatures(e.text) : []));
  const gWords = new Float64Array(words.length);
  // Only the buckets some clause fills ever move from 0.
  const seen = [...new Set(buckets.flat())];
  for (let step = 0; step < STEPS; step += 1) {
    let gBias = 0;
    const g = new Array<number>(n).fill(0);
    for (const b of seen) gWords[b] = 0;
    for (let k = 0; k < examples.length; k += 1) {
      const { x, y, weight } = examples[k];
      let z = logit(bias, w, x);
      for (const b of buckets[k]) z += words[b];
      const error = (sigmoid(z) - y) * weight;
      gBias += error;
      for (let i = 0; i < n; i += 1) g[i] += error * x[i];
      for (const b of buckets[k]) gWords[b] += error;
    }
    bias -= (RATE * gBias) / examples.length;
    for (let i = 0; i < n; i += 1) w[i] -= (RATE * (g[i] + L2 * w[i])) / examples.length;
    for (const b of seen) words[b] -= (RATE * (gWords[b] + L2 * words[b])) / examples.length;
  }
  return { bias, w, words };
};

/** Clause-level F1 of keeping the clauses `keep` says to keep. */
const f1Of = (examples: readonly Example[], keep: (e: Example, i: number) => boolean): number => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  examples.forEach((e, i) => {
    const kept = keep(e, i);
    if (kept && e.y) tp += 1;
    else if (kept) fp += 1;
    else if (e.y) fn += 1;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
};

const f1At = (examples: readonly Example[], z: readonly number[], cutoff: number): number => f1Of(examples, (_, i) => z[i] >= cutoff);

/** The cutoff on the log-odds with the best F1 over the clauses. */
const bestCutoff = (examples: readonly Example[], z: readonly number[]): number => {
  let cutoff = 0;
  for (let c = -3; c <= 3; c += 0.05) if (f1At(examples, z, c) > f1At(examples, z, cutoff)) cutoff = c;
  return cutoff;
};

/** Every clause of the seeds and of `sets`, as examples. */
const readExamples = async (sets: readonly string[]): Promise<{ files: number; examples: Example[] }> => {
  const seeds = await seedFiles([SEEDS_DIR]);
  const examples: Example[] = [];
  let files = 0;
  for (const [set, folder] of [['seeds', SEEDS_DIR], ...sets.map((name) => [name, path.join(FIXTURES, name)])]) {
    for (const file of set === 'seeds' ? seeds : await seedFiles([folder])) {
      const draft = await readSeedFile(file);
      files += 1;
      if (draft.claims) examples.push(...examplesOf(draft.body, draft.publisher ?? null, draft.claims, set === 'seeds' ? SEED_WEIGHT : 1, set));
    }
  }
  return { files, examples };
};

/** Leaves each tuning set out in turn: the table's decisions, fitted weights and (with `withWords`) fitted weights and words, measured on it. */
const crossValidate = async (withWords: boolean): Promise<void> => {
  const { examples } = await readExamples(TUNING_SETS);
  write(`leave one set out over ${TUNING_SETS.length} tuning sets (${examples.length} clauses); clause-level F1 on the set left out`);
  write(`| set left out | the table (written from these sets) | fitted weights |${withWords ? ' fitted weights and words |' : ''}`);
  write(`|---|---:|---:|${withWords ? '---:|' : ''}`);
  const sums = [0, 0, 0];
  for (const set of TUNING_SETS) {
    const fitted = examples.filter((e) => e.set !== set);
    const measured = examples.filter((e) => e.set === set);
    const figures = [f1Of(measured, (e) => e.kept)];
    for (const words of withWords ? [false, true] : [false]) {
      const model = fit(fitted, words);
      const z = (e: Example): number => score(model, e.x, words ? wordFeatures(e.text) : []);
      const cutoff = bestCutoff(fitted, fitted.map(z));
      figures.push(f1Of(measured, (e) => z(e) >= cutoff));
    }
    figures.forEach((f, i) => (sums[i] += f));
    write(`| ${set} | ${figures.map((f) => f.toFixed(3)).join(' | ')} |`);
  }
  write(`| mean | ${sums.slice(0, withWords ? 3 : 2).map((f) => (f / TUNING_SETS.length).toFixed(3)).join(' | ')} |`);
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  if (args.includes('--cross-validate')) {
    await crossValidate(args.includes('--words'));
    return;
  }
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : DEFAULT_OUT;
  const frozenAt = args.indexOf('--frozen');
  const frozen = frozenAt >= 0 ? args[frozenAt + 1] : DEFAULT_FROZEN;
  if (!TUNING_SETS.includes(frozen)) throw new Error(`--frozen must be one of ${TUNING_SETS.join(', ')}`);
  const fittedOn = TUNING_SETS.filter((set) => set !== frozen);
  write(`fitting on the seeds and ${fittedOn.join(', ')}; frozen: ${frozen} (measure with npm run eval:extraction -- --weights FILE test/fixtures/${frozen}/*.json)`);
  const { files, examples } = await readExamples(fittedOn);
  const positives = examples.filter((e) => e.y).length;
  write(`${files} articles, ${examples.length} clauses (${positives} curated claims)`);

  const { bias, w } = fit(examples);
  const z = examples.map((e) => logit(bias, w, e.x));
  // The cutoff on the log-odds with the best F1 over the clauses becomes the threshold of the score.
  const cutoff = bestCutoff(examples, z);
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
