import fs from 'node:fs';
import path from 'node:path';
import { evaluatePairs, LabelledPair, SIMILARITY_THRESHOLD } from '../domain/similarity';

/** `npm run eval:similarity [-- FILE…]`: precision and recall of recurring-claim matching on labelled pairs. */
function main(files: string[]): number {
  const chosen = files.length > 0 ? files : [path.join(__dirname, '../../test/fixtures/similarity/pairs.json')];
  const pairs: LabelledPair[] = chosen.flatMap((file) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { pairs: LabelledPair[] }).pairs);
  const result = evaluatePairs(pairs, SIMILARITY_THRESHOLD);
  const show = (n: number | null) => (n === null ? 'n/a' : n.toFixed(3));
  process.stdout.write(`${result.pairs} pairs, threshold ${result.threshold}: precision ${show(result.precision)}, recall ${show(result.recall)} `
    + `(${result.truePositives} true, ${result.falsePositives} false positives, ${result.falseNegatives} missed)\n`);
  for (const kind of [...new Set(pairs.map((p) => p.kind ?? 'pair'))]) {
    const group = result.scored.filter((p) => (p.kind ?? 'pair') === kind);
    const matched = group.filter((p) => p.score >= result.threshold).length;
    process.stdout.write(`  ${kind}: ${matched}/${group.length} offered as the same claim\n`);
  }
  for (const p of result.scored.filter((s) => (s.score >= result.threshold) !== s.same)) {
    process.stdout.write(`  ${p.same ? 'missed' : 'false '} ${p.score.toFixed(2)}  ${p.a}  |  ${p.b}\n`);
  }
  return 0;
}

process.exit(main(process.argv.slice(2)));
