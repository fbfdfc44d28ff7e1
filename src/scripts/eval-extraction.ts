/**
 * Measures the claim extractor against curated articles.
 *
 *   node -r @swc-node/register src/scripts/eval-extraction.ts [--quiet|--explain] [--threshold 0.5] [--weights FILE] [--curation DIR] [FILE…]
 *
 * Without files it reads every seeds/*.json that has curated `claims`. For each article it prints
 * precision, recall and F1 of the extracted claims (a match overlaps a curated quote by at least half
 * of the shorter span, one-to-one, greedy by overlap), then source and stance accuracy on the matches;
 * and the same over all articles, then precision and F1 again with the extra claims that only split a
 * matched curated claim's sentence further (a clause split out of a claim sentence) not counted. `--explain` adds, under every missed, extra, wrong-source and
 * wrong-stance claim, its sentence and the stage that decided it, with the check-worthiness features
 * that fired and their weights. `--weights FILE` scores with fitted check-worthiness weights
 * (`npm run train:checkworthiness`) instead of the table's, to measure them first. `--curation DIR` scores,
 * instead of the extractor, a second curation of the same articles (DIR holds files of the same names): how
 * far two curators agree, the most any extractor can be measured at. A .txt/.md file (no curated claims) just lists what is extracted.
 * It always exits 0: it reports, it does not gate.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type CheckworthinessWeights,
  type CuratedClaim,
  curationAsClaims,
  type ExtractedClaim,
  type ExtractionScore,
  type ExtractionTrace,
  type Explanation,
  explainExtra,
  explainMismatch,
  explainMissed,
  scoreExtraction,
  traceExtraction,
} from '../domain/extraction';
import { readSeedFile, SEEDS_DIR, seedFiles } from '../seeding';

interface Article {
  file: string;
  body: string;
  publisher: string | null;
  claims: CuratedClaim[] | null;
}

const write = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** Reads an article exactly as `npm run seed` would: the seed format, or a plain article cleaned. */
const readArticle = async (file: string): Promise<Article> => {
  const draft = await readSeedFile(file);
  return { file, body: draft.body, publisher: draft.publisher ?? null, claims: draft.claims ?? null };
};

/** Every seed article with curated claims. */
const defaultFiles = async (): Promise<string[]> => {
  const curated: string[] = [];
  for (const file of await seedFiles([SEEDS_DIR])) {
    const article = await readArticle(file).catch(() => null);
    if (article?.claims) curated.push(file);
  }
  return curated;
};

/** The claims another curator marked in the same article, read as if extracted. */
const secondCuration = async (file: string, article: Article): Promise<ExtractedClaim[]> => {
  const second = await readSeedFile(file);
  if (second.body !== article.body) throw new Error(`${file} is not the same article as ${article.file}`);
  return curationAsClaims(second.body, second.claims ?? []);
};

const fixed = (n: number): string => n.toFixed(3);
const clip = (text: string, max = 90): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const sourceLabel = (claim: { source: { name: string; kind: string } }): string => `${claim.source.name} (${claim.source.kind})`;

const printClaims = (body: string, claims: readonly ExtractedClaim[]): void => {
  for (const claim of claims) {
    write(`  ${claim.checkworthiness.toFixed(2)} ${claim.stance.padEnd(7)} ${sourceLabel(claim)}`);
    write(`       "${clip(body.slice(claim.start, claim.end), 110)}"`);
  }
};

/** The sentence and the deciding stage under a detail line, indented to read as part of it. */
const printExplanation = (body: string, why: Explanation | null): void => {
  if (!why) return;
  // A sentence may hold a line break (a live blog's timestamp): one line per sentence keeps the report readable.
  if (why.sentence) write(`          sentence: "${clip(body.slice(why.sentence.start, why.sentence.end).replace(/\s+/g, ' '), 160)}"`);
  write(`          stage: ${why.stage} — ${why.reason}`);
};

/** The detail lines of one article; with a trace, each explained by the stage that decided it. */
const printDetails = (body: string, score: ExtractionScore, trace: ExtractionTrace | null): void => {
  for (const claim of score.missed) {
    write(`  missed  "${clip(claim.text)}" — ${sourceLabel(claim)} ${claim.stance}`);
    if (trace) printExplanation(body, explainMissed(trace, claim));
  }
  for (const claim of score.unlocated) write(`  no quote "${clip(typeof claim.quote === 'string' ? claim.quote : claim.quote.exact)}"`);
  const curated = [...score.missed, ...score.matches.map((m) => m.curated)];
  for (const claim of score.extra) {
    write(`  extra   "${clip(body.slice(claim.start, claim.end))}" — ${sourceLabel(claim)} ${claim.checkworthiness}`);
    if (trace) printExplanation(body, explainExtra(trace, claim, curated));
  }
  for (const match of score.matches) {
    if (!match.sameSource) write(`  source  "${clip(match.curated.text, 60)}": got ${match.predicted.source.name}, curated ${match.curated.source.name}`);
    if (!match.sameStance) write(`  stance  "${clip(match.curated.text, 60)}": got ${match.predicted.stance}, curated ${match.curated.stance}`);
    if (trace && (!match.sameSource || !match.sameStance)) printExplanation(body, explainMismatch(trace, match));
  }
};

/** What the curated claims are compared with: the extractor's claims, or a second curation's (`--curation`). */
let compared = 'extracted';

const printScore = (label: string, s: Pick<ExtractionScore, 'precision' | 'recall' | 'f1' | 'sourceAccuracy' | 'stanceAccuracy' | 'matched' | 'predicted' | 'curated'>): void => {
  write(`${label}: ${s.curated} curated, ${s.predicted} ${compared}, ${s.matched} matched`);
  write(`  precision ${fixed(s.precision)}  recall ${fixed(s.recall)}  F1 ${fixed(s.f1)}  source ${fixed(s.sourceAccuracy)}  stance ${fixed(s.stanceAccuracy)}`);
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const explain = args.includes('--explain') && !quiet;
  const thresholdAt = args.indexOf('--threshold');
  const threshold = thresholdAt >= 0 ? Number(args[thresholdAt + 1]) : undefined;
  const weightsAt = args.indexOf('--weights');
  const weights = weightsAt >= 0 ? (JSON.parse(await readFile(args[weightsAt + 1], 'utf8')) as CheckworthinessWeights) : null;
  const curationAt = args.indexOf('--curation');
  const curation = curationAt >= 0 ? args[curationAt + 1] : null;
  if (curation !== null) compared = 'in the second curation';
  const values = new Set([thresholdAt + 1, weightsAt + 1, curationAt + 1].filter((i) => i > 0));
  const files = args.filter((a, i) => !a.startsWith('--') && !values.has(i));
  const targets = files.length > 0 ? files : await defaultFiles();
  if (targets.length === 0) write(`no curated articles (seeds/*.json with claims) in ${SEEDS_DIR}`);

  const totals = { predicted: 0, curated: 0, matched: 0, sourceRight: 0, stanceRight: 0, splitOut: 0 };
  for (const file of targets) {
    const name = path.basename(file);
    let article: Article;
    let second: ExtractedClaim[] | null = null;
    try {
      article = await readArticle(file);
      if (curation !== null) second = await secondCuration(path.join(curation, name), article);
    } catch (error) {
      write(`${file}: cannot read (${(error as Error).message})`);
      continue;
    }
    const { claims: extracted, trace } = traceExtraction(article.body, { publisher: article.publisher, threshold, weights });
    const predicted = second ?? extracted;
    if (!article.claims) {
      write(`${name}: ${predicted.length} claims extracted (no curated claims to compare)`);
      printClaims(article.body, predicted);
      write();
      continue;
    }
    const score = scoreExtraction(article.body, predicted, article.claims);
    printScore(name, score);
    if (!quiet) printDetails(article.body, score, explain && curation === null ? trace : null);
    write();
    totals.predicted += score.predicted;
    totals.curated += score.curated;
    totals.matched += score.matched;
    totals.sourceRight += score.matches.filter((m) => m.sameSource).length;
    totals.stanceRight += score.matches.filter((m) => m.sameStance).length;
    totals.splitOut += score.splitOut;
  }
  if (totals.curated > 0) {
    const precision = totals.predicted ? totals.matched / totals.predicted : 0;
    const recall = totals.matched / totals.curated;
    printScore('overall (micro-averaged)', {
      ...totals,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      sourceAccuracy: totals.matched ? totals.sourceRight / totals.matched : 0,
      stanceAccuracy: totals.matched ? totals.stanceRight / totals.matched : 0,
    });
    // The same, with clauses split out of a curated claim's sentence not counted as extra.
    const lenient = totals.predicted - totals.splitOut ? totals.matched / (totals.predicted - totals.splitOut) : 0;
    write(`  split-out clauses not counted against precision (${totals.splitOut}): precision ${fixed(lenient)}  F1 ${fixed(lenient + recall ? (2 * lenient * recall) / (lenient + recall) : 0)}`);
  }
};

void main();
