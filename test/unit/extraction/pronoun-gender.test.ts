import { genderIn } from '../../../src/domain/extraction/pronoun-gender';
import { claimsOf } from './support';

// Body, name → the gender the article gives that person (null when it gives none, or is unsure).
const ROWS: [string, string, 'male' | 'female' | null][] = [
  ['Hana Okoro has won. Okoro is on stage now. “We did it,” she tells the crowd.', 'Hana Okoro', 'female'],
  ['Lars Pettersen has conceded. Pettersen said he had no regrets.', 'Lars Pettersen', 'male'],
  ['Ms Vinke runs the council. The ferry is old.', 'Petra Vinke', 'female'],
  // A pronoun after the name as an object ("congratulated Okoro and said he …") is not hers.
  ['Pettersen congratulated Okoro and said he had no regrets.', 'Hana Okoro', null],
  ['Simon Tull declared the result at the Civic Hall.', 'Simon Tull', null],
];

describe('the gender an article gives a person', () => {
  it.each(ROWS)('%s → %s is %s', (body, name, gender) => {
    expect(genderIn(body, name)).toBe(gender);
  });

  it('gives "he said" to the last man named when the last person named is a woman', () => {
    const body = [
      'Hana Okoro has won the mayoral election. Okoro is on stage now. She thanked the volunteers.',
      'Lars Pettersen has conceded. In a short speech he congratulated Hana Okoro. Asked about the tram, he said the project was on budget.',
    ].join('\n\n');
    const claim = claimsOf(body, { publisher: 'The Herald' }).find((c) => c.span.includes('on budget'));
    expect(claim?.source.name).toBe('Lars Pettersen');
  });
});
