import fs from 'node:fs';
import path from 'node:path';
import { anchorQuote } from '../../../src/domain/anchoring';
import { readSeedFile } from '../../../src/seeding';

// The held-out sets measure the extractor (test/fixtures/README.md): each must stay a valid seed file whose
// every curated quote anchors in its body exactly once, or the figures recorded for it stop meaning anything.
const FIXTURES = path.resolve(__dirname, '../../fixtures');
const files = fs.readdirSync(FIXTURES)
  .filter((name) => /^holdout(?:-\d+)?$/.test(name))
  .flatMap((set) => fs.readdirSync(path.join(FIXTURES, set)).filter((name) => name.endsWith('.json')).map((name) => path.join(set, name)))
  .sort();

describe('held-out sets', () => {
  it('hold five articles each', () => {
    const sets = new Set(files.map((file) => path.dirname(file)));
    expect(sets.size).toBeGreaterThan(0);
    for (const set of sets) expect(files.filter((file) => path.dirname(file) === set)).toHaveLength(5);
  });

  it.each(files)('%s is a seed article whose every curated quote anchors once', async (file) => {
    const draft = await readSeedFile(path.join(FIXTURES, file));
    expect(draft.claims?.length).toBeGreaterThan(0);
    for (const claim of draft.claims ?? []) {
      const selector = typeof claim.quote === 'string' ? { exact: claim.quote } : claim.quote;
      const anchored = anchorQuote(draft.body, selector);
      expect({ quote: selector.exact, ok: anchored.ok }).toEqual({ quote: selector.exact, ok: true });
    }
  });
});
