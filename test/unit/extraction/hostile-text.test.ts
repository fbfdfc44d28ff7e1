import fc from 'fast-check';
import { extractClaims, splitSentences } from '../../../src/domain/extraction';
import { segmentsOf } from '../../../src/domain/extraction/segment';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const whole = (text: string) => [...segmenter.segment(text)].map(({ segment, index }) => ({ segment, index }));

// Characters that decide sentence breaks: terminators, closing quotes, spaces, newlines, cases, digits.
const PIECES = ['a', 'B', 'x', ' ', ' ', '.', '!', '?', '”', '“', '"', ')', ',', ';', '\n', '5', 'U.S.', 'é', '…', '\u00a0', '。'];
const risky = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));

describe('sentence segmentation in windows', () => {
  it('finds exactly the breaks the segmenter finds on the whole text, whatever the window size', () => {
    fc.assert(
      fc.property(risky, fc.integer({ min: 2, max: 40 }), (text, window) => {
        expect([...segmentsOf(text, window)]).toEqual(whole(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('splits a long run of short sentences into every one of them', () => {
    const body = 'It rose. '.repeat(20_000);
    const sentences = splitSentences(body);
    expect(sentences).toHaveLength(20_000);
    expect(sentences.every((s) => s.text === 'It rose.' && body.slice(s.start, s.end) === s.text)).toBe(true);
  });

  it('reads 300 KB of short capitalised lines as that many headings, and 300 KB of wrapped lines as one sentence', () => {
    const headings = splitSentences('Ab\n'.repeat(100_000));
    expect(headings).toHaveLength(100_000);
    expect(headings.every((s) => s.text === 'Ab' && s.heading)).toBe(true);
    const wrapped = splitSentences('ab\n'.repeat(100_000));
    expect(wrapped).toHaveLength(1);
    expect(extractClaims('ab\n'.repeat(100_000))).toHaveLength(1);
  });
});
