import fs from 'node:fs';
import path from 'node:path';
import { readSeedFile } from '../src/seeding';
import { generateArticle } from './generate';
import { machine } from './lib/machine';

/**
 * Extraction speed: milliseconds per 30-sentence article, on the curated articles (seeds/*.json and the
 * holdout sets in test/fixtures that are measured in the open) and on generated ones (bench/generate.ts).
 *
 *   npm run bench:extraction [-- --against DIR]
 *
 * With `--against DIR` (another checkout of the project, e.g. `git worktree add DIR main`, or
 * `git archive main | tar -x -C DIR`), the extractor of DIR is timed on the same articles in alternating
 * rounds, and the report gives the ratio this/that: absolute times on a shared machine are noise.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROOT = path.join(__dirname, '..');
// The last blind sets are kept unseen: they are measured only by eval:extraction when they are released.
const OPEN_SETS = /^holdout(?:-[2-9])?$/;

type Extract = (body: string, options: { publisher: string | null }) => unknown[];
type Split = (body: string) => unknown[];

interface Corpus {
  name: string;
  articles: { body: string; publisher: string | null }[];
}

const loadExtractor = (root: string): { extract: Extract; split: Split } => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extraction = require(path.join(root, 'src/domain/extraction'));
  return { extract: extraction.extractClaims, split: extraction.splitSentences };
};

const curated = async (): Promise<Corpus> => {
  const dirs = [path.join(ROOT, 'seeds'), ...fs.readdirSync(path.join(ROOT, 'test/fixtures')).filter((d) => OPEN_SETS.test(d)).map((d) => path.join(ROOT, 'test/fixtures', d))];
  const articles: Corpus['articles'] = [];
  for (const dir of dirs) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const draft = await readSeedFile(path.join(dir, file));
      articles.push({ body: draft.body, publisher: draft.publisher ?? null });
    }
  }
  return { name: `curated (${articles.length} articles)`, articles };
};

const generated = (count: number): Corpus => ({
  name: `generated (${count} articles)`,
  articles: Array.from({ length: count }, (_, i) => ({ body: generateArticle(i).body, publisher: 'The Daily Record' })),
});

/**
 * Milliseconds of CPU one pass of `extract` takes over every article of a corpus. CPU time, not wall
 * time: on a machine shared with other work, waiting for a core is not extraction's cost.
 */
const pass = (extract: Extract, corpus: Corpus): number => {
  const started = process.cpuUsage();
  for (const article of corpus.articles) extract(article.body, { publisher: article.publisher });
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const againstAt = args.indexOf('--against');
  const against = againstAt >= 0 ? path.resolve(args[againstAt + 1]) : null;
  const mine = loadExtractor(ROOT);
  const other = against ? loadExtractor(against) : null;
  const lines: string[] = [];
  for (const corpus of [await curated(), generated(200)]) {
    const sentences = corpus.articles.reduce((n, a) => n + mine.split(a.body).length, 0);
    const per30 = (ms: number): number => (ms / sentences) * 30;
    // A warm-up pass each, then alternating rounds.
    pass(mine.extract, corpus);
    if (other) pass(other.extract, corpus);
    const times: number[] = [];
    const otherTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      times.push(pass(mine.extract, corpus));
      if (other) otherTimes.push(pass(other.extract, corpus));
    }
    const line = `${corpus.name}, ${sentences} sentences: ${per30(median(times)).toFixed(2)} ms per 30-sentence article`;
    lines.push(other ? `${line}; ${against}: ${per30(median(otherTimes)).toFixed(2)} ms; this/that ${(median(times) / median(otherTimes)).toFixed(2)}×` : line);
  }
  for (const line of lines) process.stdout.write(`${line}\n`);
  const results = path.join(ROOT, 'bench/results');
  fs.mkdirSync(results, { recursive: true });
  const command = `npm run bench:extraction${against ? ' -- --against DIR' : ''}`;
  fs.writeFileSync(path.join(results, 'extraction-speed.md'), [
    '# Extraction speed',
    '',
    `Measured ${new Date().toISOString()} on ${machine()}. Command: \`${command}\`, ${ROUNDS} rounds, median CPU time.`,
    '',
    ...lines.map((line) => `- ${line}`),
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(results, 'extraction-speed.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: machine(), rounds: ROUNDS, against, lines }, null, 2)}\n`);
};

void main();
