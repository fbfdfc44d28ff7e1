import { SourceKind } from '../../../src/domain/types';
import { readColumnist } from '../../../src/domain/extraction/columnist';
import { splitFurniture } from '../../../src/domain/extraction/genre';
import { splitSentences } from '../../../src/domain/extraction/segment';
import { claimAbout, claimsOf } from './support';

const sentencesOf = (body: string) => splitFurniture(splitSentences(body));

const COLUMN_BODY = 'The council wants to close the lido. It has not asked whether a trust could run it.\n\nThe lido sold 61,000 swims last season, its best year since 2011.';

// Who signs a column: a bio line closing it, or a byline over first-person narration.
describe('readColumnist (who signs a column)', () => {
  it.each<[string, string, string | null]>([
    ['a guest columnist’s bio line with an honorific', `${COLUMN_BODY}\n\nDr. Nadia Okafor is a general practitioner in Harwick and chairs the Friends of Harwick Lido.`, 'Nadia Okafor'],
    ['a staff columnist’s bio line', `${COLUMN_BODY}\n\nMargit Olander is the Evening Standard’s transport columnist.`, 'Margit Olander'],
    ['a bio line after a byline naming the same person', `By Margit Olander\n\n${COLUMN_BODY}\n\nMargit Olander is the Evening Standard’s transport columnist.`, 'Margit Olander'],
    ['a bio line after a labelled byline naming the same person', `GUEST COLUMN | By Ines Halloran\n\n${COLUMN_BODY}\n\nInes Halloran is a retired soil scientist.`, 'Ines Halloran'],
    [
      'a byline over first-person narration',
      'By Margit Olander\n\nI have been writing about the tram for eleven years. In that time its cost has doubled.\n\nI walk past the sign every morning. The council votes on December 18.',
      'Margit Olander',
    ],
    ['a byline under the headline, with a bio line naming the same person', `Save the lido\n\nBy Dr Nadia Okafor\n\n${COLUMN_BODY}\n\nDr Nadia Okafor is a general practitioner in Harwick.`, 'Nadia Okafor'],
    ['a byline over reporting: a reporter’s, not a columnist’s', `By Margit Olander\n\n${COLUMN_BODY}`, null],
    ['a last paragraph about someone the article already quoted', `Ines Kovač said bus times dropped by six minutes.\n\n${COLUMN_BODY}\n\nInes Kovač is a senior lecturer at Eastmere University.`, null],
    ['a closing line about someone the article named before', `Jane Doe chairs the lido trust. ${COLUMN_BODY}\n\nJane Doe is a swimmer in Harwick.`, null],
    ['no byline and no bio line', COLUMN_BODY, null],
  ])('%s', (_, body, author) => {
    expect(readColumnist(sentencesOf(body), false)?.author.name ?? null).toBe(author);
  });

  it('never reads a live blog or an interview as a column', () => {
    const body = `${COLUMN_BODY}\n\nDr. Nadia Okafor is a general practitioner in Harwick.`;
    expect(readColumnist(sentencesOf(body), true)).toBeNull();
  });
});

describe('extractClaims gives a signed column’s narration to its author', () => {
  it('gives the column’s own statements to the columnist its bio line names, and keeps the bio line out', () => {
    const body = `${COLUMN_BODY}\n\nDr. Nadia Okafor is a general practitioner in Harwick and chairs the Friends of Harwick Lido.`;
    expect(claimAbout(body, '61,000 swims').source).toMatchObject({ name: 'Nadia Okafor', kind: SourceKind.PERSON });
    expect(claimsOf(body).some((c) => c.span.includes('general practitioner'))).toBe(false);
  });

  it('gives a bylined first-person column to its author, and leaves a bylined report to the publisher', () => {
    const column = 'By Margit Olander\n\nI have been writing about the tram for eleven years. The latest estimate is €1.38 billion.\n\nI walk past its sign every morning.';
    expect(claimAbout(column, '€1.38 billion').source.name).toBe('Margit Olander');
    const report = 'By Margit Olander\n\nThe latest estimate for the tram is €1.38 billion. The council votes on December 18.';
    expect(claimAbout(report, '€1.38 billion').source.name).toBe('The Daily Record');
  });
});
