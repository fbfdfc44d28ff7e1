import { writeClaimText } from '../../../src/domain/extraction/claim-text';
import { splitClauses } from '../../../src/domain/extraction/clauses';
import { claimsOf } from './support';

// The clause stage: where one statement splits into claims, and what role each part plays.
describe('splitClauses (the clause stage)', () => {
  const clauses = (statement: string): [string, string][] =>
    splitClauses(statement, { start: 0, end: statement.length }).map((c) => [statement.slice(c.range.start, c.range.end), c.role]);

  it.each<[string, [string, string][]]>([
    ['The plant, which employs 400 people, will close in May.', [['The plant, which employs 400 people', 'background'], ['will close in May', 'main']]],
    ['Acme cut 400 jobs, and the union said it would strike.', [['Acme cut 400 jobs', 'main'], ['the union said it would strike', 'main']]],
    ['The mill closed in 1990, but the town kept its name.', [['The mill closed in 1990', 'main'], ['the town kept its name', 'main']]],
    // A predicate shared by one subject is one claim; so is a subject described by its age.
    ['Smith, 24, was arrested on Monday and charged with theft.', [['Smith, 24, was arrested on Monday and charged with theft', 'main']]],
  ])('splits %j', (statement, expected) => {
    expect(clauses(statement)).toEqual(expected);
  });
});

// The claim-text stage: a statement written to stand alone.
describe('writeClaimText (the claim-text stage)', () => {
  it.each<[string, Parameters<typeof writeClaimText>[1], string]>([
    ['“exports fell 8 percent.”', {}, 'Exports fell 8 percent.'],
    ['Concurrently, the U.S. plans to lift curbs', {}, 'The U.S. plans to lift curbs.'],
    ['However, costs rose', {}, 'Costs rose.'],
    ['he said the plan failed', { resolvePronoun: () => 'Jane Doe' }, 'Jane Doe said the plan failed.'],
    ['he expects a deal', { resolvePronoun: () => 'Jane Doe' }, 'Jane Doe expects a deal.'],
    // "they are" would read "The union are": a plural pronoun stays.
    ['they are right', { resolvePronoun: () => 'The union' }, 'They are right.'],
    ['will reopen in June', { subject: 'The plant' }, 'The plant will reopen in June.'],
  ])('writes %j as a claim', (statement, context, text) => {
    expect(writeClaimText(statement, context)).toBe(text);
  });
});

describe('extractClaims keeps a described subject with its statement', () => {
  it('keeps a speaker’s statement whole, appositive and all', () => {
    const body = 'Mara Vance, the harbour master, said the pilot, who has since left the port, had 12 years of experience on the river.';
    const claims = claimsOf(body);
    expect(claims.map((c) => c.span)).toEqual(['the pilot, who has since left the port, had 12 years of experience on the river']);
  });

  it('does not split off where the reporter saw a document ("seen by")', () => {
    const body = 'An internal memo, seen by the Kelton Gazette, puts the cost of the repairs at $3 million.';
    expect(claimsOf(body).map((c) => c.span)).toEqual(['An internal memo, seen by the Kelton Gazette, puts the cost of the repairs at $3 million']);
  });

  it('still gives narration’s background about a named subject its own claim', () => {
    const body = 'Tarvik Mining, which employs 4,000 people in Kelton, will close its Birch Hill pit in May.';
    const spans = claimsOf(body).map((c) => c.span);
    expect(spans).toEqual(['Tarvik Mining, which employs 4,000 people in Kelton', 'will close its Birch Hill pit in May']);
  });
});
