import { splitSentences } from '../../../src/domain/extraction';

const texts = (body: string): string[] => splitSentences(body).map((s) => s.text);

describe('splitSentences', () => {
  it('does not split after "U.S." inside a name, but does before a new sentence', () => {
    expect(texts('The U.S. Treasury said so. He lives in the U.S. The deal is done.')).toEqual([
      'The U.S. Treasury said so.',
      'He lives in the U.S.',
      'The deal is done.',
    ]);
  });

  it('reads "No." as "number" only before a figure', () => {
    expect(texts('He lives at No. 14 Birch Lane. Asked if he would move, he said: “No. We are staying.”')).toEqual([
      'He lives at No. 14 Birch Lane.',
      'Asked if he would move, he said: “No.',
      'We are staying.”',
    ]);
  });

  it('does not split after titles and initials', () => {
    expect(texts('Dr. Smith agreed with Mr. J. R. Jones. Prof. Lee did not.')).toEqual([
      'Dr. Smith agreed with Mr. J. R. Jones.',
      'Prof. Lee did not.',
    ]);
  });

  it('keeps decimals, percentages and company abbreviations inside their sentence', () => {
    expect(texts('Growth was 3.5% in 2024. Apple Inc. reported gains of $2.5 billion.')).toEqual([
      'Growth was 3.5% in 2024.',
      'Apple Inc. reported gains of $2.5 billion.',
    ]);
  });

  it('keeps a quotation ending in "!" or "?" with the words after it', () => {
    expect(texts('“Stop!” she said. “Why?” asked Smith. “Go.” He left.')).toEqual([
      '“Stop!” she said.',
      '“Why?” asked Smith.',
      '“Go.”',
      'He left.',
    ]);
  });

  it('continues a sentence after an ellipsis followed by lower case', () => {
    expect(texts('Prices fell... then rose again. Nobody knew why.')).toEqual(['Prices fell... then rose again.', 'Nobody knew why.']);
  });

  it('never crosses a paragraph break, even without final punctuation', () => {
    const sentences = splitSentences('A heading without a period\n\nThe first sentence. The second one.');
    expect(sentences.map((s) => [s.text, s.paragraph, s.heading])).toEqual([
      ['A heading without a period', 0, true],
      ['The first sentence.', 1, false],
      ['The second one.', 1, false],
    ]);
  });

  it('joins lines wrapped inside a paragraph into one sentence', () => {
    expect(texts('The council voted on\nTuesday to raise rates. It was close.')).toEqual([
      'The council voted on\nTuesday to raise rates.',
      'It was close.',
    ]);
  });

  it('gives offsets that slice the body to each sentence', () => {
    const body = '  First one.  Second “quoted” one!\n\nThird?';
    for (const s of splitSentences(body)) expect(body.slice(s.start, s.end)).toBe(s.text);
  });
});
