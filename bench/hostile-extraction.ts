import fs from 'node:fs';
import path from 'node:path';
import { extractClaims } from '../src/domain/extraction';
import { generateArticle } from './generate';

/**
 * Hostile-text benchmark: a megabyte of text built to make extraction super-linear (short lines, long
 * runs of spaces or commas, ", and" chains, unbalanced quotes, one giant sentence, many tiny ones), each
 * timed through the extractor against a megabyte of ordinary news sentences timed in the same run.
 * Every hostile/ordinary ratio must stay at or below 3: extraction is linear in the text, whatever it is.
 */
const BYTES = Number(process.env.BENCH_BYTES ?? 1024 * 1024);
const LIMIT = 3;
const RESULTS = path.join(__dirname, 'results');

const fill = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Generated articles (bench/generate.ts) one after another, paragraphs apart, up to `length`. */
function ordinary(length: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i += 1) {
    const { body } = generateArticle(i);
    parts.push(body);
    size += body.length + 2;
  }
  return parts.join('\n\n').slice(0, length);
}

const HOSTILE: Record<string, (length: number) => string> = {
  'short lines ("ab\\n")': (n) => fill('ab\n', n),
  'short capitalised lines ("Ab\\n")': (n) => fill('Ab\n', n),
  'spaces only': (n) => fill(' ', n),
  'commas only': (n) => fill(',', n),
  'words and commas ("word, ")': (n) => fill('word, ', n),
  '", and" chain in one sentence': (n) => `The council said prices rose${fill(', and the board agreed', n - 28)}`,
  '" and that" chain': (n) => fill(' and that ', n),
  'semicolon chain': (n) => fill('the city said prices; ', n),
  'unbalanced quotes': (n) => fill('He said “prices rose ', n),
  'unbalanced straight quotes': (n) => fill('"a ', n),
  'one giant sentence, no period': (n) => fill('the council said prices rose by five percent in the city ', n),
  'many tiny sentences': (n) => fill('It rose. ', n),
  'abbreviations ("U.S. ")': (n) => fill('U.S. ', n),
  'blank-line paragraphs ("a\\n\\n")': (n) => fill('a\n\n', n),
  'one named speaker, many tiny sentences': (n) => fill('Mayor Jane Doe said it rose. ', n),
  'a claim in every clause of one sentence': (n) => fill('the council said prices rose, and ', n),
  'a different named speaker in every sentence': (n) => {
    const letters = (i: number): string => (i < 26 ? String.fromCharCode(97 + i) : letters(Math.floor(i / 26) - 1) + String.fromCharCode(97 + (i % 26)));
    let text = '';
    for (let i = 0; text.length < n; i += 1) text += `Mayor Jan${letters(i)} Do${letters(i + 7)} said prices rose by ${i % 90} percent. `;
    return text.slice(0, n);
  },
};

function time(text: string): { seconds: number; claims: number } {
  const started = process.hrtime.bigint();
  const claims = extractClaims(text, { publisher: 'The Daily Bench' }).length;
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, claims };
}

function main(): void {
  const base = ordinary(BYTES);
  time(ordinary(64 * 1024)); // warm-up: the regexes compile and the JIT settles before anything is timed
  const ordinaryRuns = [time(base)];
  const rows: { name: string; seconds: number; claims: number; ratio: number }[] = [];
  for (const [name, make] of Object.entries(HOSTILE)) {
    const text = make(BYTES);
    const run = time(text);
    rows.push({ name, seconds: run.seconds, claims: run.claims, ratio: 0 });
    process.stderr.write(`${name}: ${run.seconds.toFixed(2)} s\n`);
  }
  // The ordinary text again at the end, so a machine that slowed down meanwhile does not flatter the ratios.
  ordinaryRuns.push(time(base));
  const ordinarySeconds = Math.min(...ordinaryRuns.map((r) => r.seconds));
  for (const row of rows) row.ratio = Math.round((row.seconds / ordinarySeconds) * 100) / 100;
  const worst = Math.max(...rows.map((r) => r.ratio));
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    bytes: BYTES,
    ordinary: { seconds: Math.round(ordinarySeconds * 1000) / 1000, claims: ordinaryRuns[0].claims, runs: ordinaryRuns.map((r) => Math.round(r.seconds * 1000) / 1000) },
    hostile: rows.map((r) => ({ ...r, seconds: Math.round(r.seconds * 1000) / 1000 })),
    worstRatio: worst,
    limit: LIMIT,
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'hostile-extraction.json'), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'hostile-extraction.md'), [
    `# Extracting claims from ${(BYTES / 1024 / 1024).toFixed(1)} MB of hostile text`,
    '',
    `Measured ${result.date} on Node ${result.node}. Command: \`npm run bench:hostile\`.`,
    '',
    `Baseline: ${(BYTES / 1024 / 1024).toFixed(1)} MB of ordinary news sentences (bench/generate.ts articles, one after another), ` +
      `${result.ordinary.seconds.toFixed(2)} s for ${result.ordinary.claims} claims (best of ${ordinaryRuns.length} runs, one before and one after the hostile texts).`,
    '',
    '| hostile text | seconds | claims | ratio to ordinary |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.seconds.toFixed(2)} | ${r.claims} | ${r.ratio.toFixed(2)}× |`),
    '',
    `The worst ratio is **${worst.toFixed(2)}×** (limit ${LIMIT}×).`,
    '',
  ].join('\n'));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (worst > LIMIT) {
    process.stderr.write(`a hostile text took ${worst.toFixed(2)}× the ordinary text (limit ${LIMIT}×)\n`);
    process.exitCode = 1;
  }
}

main();
