import fs from 'node:fs';
import path from 'node:path';
import { anchorQuote } from '../../../src/domain/anchoring';
import { readSeedFile } from '../../../src/seeding';

// The held-out sets measure the extractor (test/fixtures/README.md): each must stay a valid seed file whose
// every curated quote anchors in its body exactly once, or the figures recorded for it stop meaning anything.
const FIXTURES = path.resolve(__dirname, '../../fixtures');
const articlesIn = (folder: string): string[] =>
  fs.readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^holdout(?:-\d+)?$/.test(entry.name))
    .flatMap((set) => fs.readdirSync(path.join(folder, set.name)).filter((name) => name.endsWith('.json')).map((name) => path.join(set.name, name)))
    .sort();
const files = articlesIn(FIXTURES);
// Second curations of some sets' articles, by curators who saw neither the first curation nor the extractor.
const AGREEMENT = path.join(FIXTURES, 'agreement');
const secondCurations = articlesIn(AGREEMENT);

const anchorsEveryQuote = async (file: string): Promise<void> => {
  const draft = await readSeedFile(file);
  expect(draft.claims?.length).toBeGreaterThan(0);
  for (const claim of draft.claims ?? []) {
    const selector = typeof claim.quote === 'string' ? { exact: claim.quote } : claim.quote;
    const anchored = anchorQuote(draft.body, selector);
    expect({ quote: selector.exact, ok: anchored.ok }).toEqual({ quote: selector.exact, ok: true });
  }
};

describe('held-out sets', () => {
  it('hold five articles each', () => {
    const sets = new Set(files.map((file) => path.dirname(file)));
    expect(sets.size).toBeGreaterThan(0);
    for (const set of sets) expect(files.filter((file) => path.dirname(file) === set)).toHaveLength(5);
  });

  it.each(files)('%s is a seed article whose every curated quote anchors once', async (file) => {
    await anchorsEveryQuote(path.join(FIXTURES, file));
  });
});

describe('second curations (agreement/)', () => {
  it('cover whole sets', () => {
    expect(secondCurations.length).toBeGreaterThan(0);
    const sets = new Set(secondCurations.map((file) => path.dirname(file)));
    for (const set of sets) expect(secondCurations.filter((file) => path.dirname(file) === set)).toEqual(files.filter((file) => path.dirname(file) === set));
  });

  it.each(secondCurations)('%s is the same article as its first curation, and every quote anchors once', async (file) => {
    const [first, second] = await Promise.all([readSeedFile(path.join(FIXTURES, file)), readSeedFile(path.join(AGREEMENT, file))]);
    expect({ ...second, claims: null }).toEqual({ ...first, claims: null });
    await anchorsEveryQuote(path.join(AGREEMENT, file));
  });
});
