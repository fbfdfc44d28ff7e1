import { writeClaimText } from '../../../src/domain/extraction/claim-text';
import { attributeSentence } from '../../../src/domain/extraction/attribution';
import { splitAfterSourceFrame, splitClauses } from '../../../src/domain/extraction/clauses';
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
    ['Pettersen, 63, has been mayor since 2018 and is seeking a third term.', [['Pettersen, 63, has been mayor since 2018 and is seeking a third term', 'main']]],
    // A second intention of the same subject is a claim of its own; a second object of "wants … to" is not.
    ['Halvern plans to meet regulators in 2026 and expects to begin enrolment in 2027.', [['Halvern plans to meet regulators in 2026', 'main'], ['expects to begin enrolment in 2027', 'main']]],
    ['The trust wants landowners to join its scheme and ministers to reverse the closure.', [['The trust wants landowners to join its scheme and ministers to reverse the closure', 'main']]],
    // A conceded second fact, with or without its own subject word first.
    ['Winds will ease from 9pm, though gusts of 100 km/h are still possible.', [['Winds will ease from 9pm', 'main'], ['gusts of 100 km/h are still possible', 'main']]],
    ['Starts fell to 61,400 last year, even as spending on the grant rose to 2.3 billion.', [['Starts fell to 61,400 last year', 'main'], ['spending on the grant rose to 2.3 billion', 'main']]],
    ['They are, although not as much as we would like.', [['They are, although not as much as we would like', 'main']]],
    // A present tense after its own subject is a clause of its own.
    ['We have paid above the market price for five years, and we publish our contract terms.', [['We have paid above the market price for five years', 'main'], ['we publish our contract terms', 'main']]],
    ['A ring of bells costs upwards of £250,000, and the waiting list runs to about 18 months.', [['A ring of bells costs upwards of £250,000', 'main'], ['the waiting list runs to about 18 months', 'main']]],
    // A forecast reported inside a relative clause is stated, not an aside.
    ['The company had cash of €184 million, which it expects will fund operations into 2028.', [['The company had cash of €184 million', 'main'], ['which it expects will fund operations into 2028', 'background']]],
    ['The museum holds the bell, which the town bought in 1911.', [['The museum holds the bell', 'main']]],
    // A second action of the same subject, in an irregular past or the present, taking its own object.
    ['He came to Lowmarsh in 1991 and spent 24 years maintaining lifts for the council.', [['He came to Lowmarsh in 1991', 'main'], ['spent 24 years maintaining lifts for the council', 'main']]],
    ['The creamery was founded in 1958 and employs about 90 people.', [['The creamery was founded in 1958', 'main'], ['employs about 90 people', 'main']]],
    ['The creamery was founded in 1958 and employs staff from three villages.', [['The creamery was founded in 1958 and employs staff from three villages', 'main']]],
    // A refusal to say more after a fact is left out.
    ['it had sent the three reports but declined to comment further, citing the court case.', [['it had sent the three reports', 'main']]],
    // A later event with its own subject and verb.
    ['The foundry closed for eight months last year, before it was bought by a firm of restorers.', [['The foundry closed for eight months last year', 'main'], ['it was bought by a firm of restorers', 'main']]],
    // A ranking set after a clause is a fact of its own; how low a figure is stays with the figure.
    ['Hesketh runs Hesketh & Daughters in Calloway, one of only two working bell foundries left in the country.', [['Hesketh runs Hesketh & Daughters in Calloway', 'main'], ['one of only two working bell foundries left in the country', 'main']]],
    ['The water company imposed a hosepipe ban in August, the first in the region since 2012.', [['The water company imposed a hosepipe ban in August', 'main'], ['the first in the region since 2012', 'main']]],
    ['Water levels have fallen to 18 percent of capacity, the lowest since the dam was completed in 1979.', [['Water levels have fallen to 18 percent of capacity, the lowest since the dam was completed in 1979', 'main']]],
    // An origin set before the clause is a fact of its own.
    ['Founded in 1978 and headquartered in Lindmoor, the company employs about 9,300 people.', [['Founded in 1978 and headquartered in Lindmoor', 'main'], ['the company employs about 9,300 people', 'main']]],
    // A dated event of its own: ", two days after …".
    ['The company locked out its dockworkers on February 9, two days after the union rejected a pay offer.', [['The company locked out its dockworkers on February 9', 'main'], ['the union rejected a pay offer', 'main']]],
    ['The foundry closed, before dawn on Monday.', [['The foundry closed, before dawn on Monday', 'main']]],
    // Statements spliced by a comma.
    ['We have rebuilt the network from scratch, we have added two-factor logins for every account.', [['We have rebuilt the network from scratch', 'main'], ['we have added two-factor logins for every account', 'main']]],
    // A semicolon, and the other conjunctions after a comma.
    ['The bridge reopened on Monday; the ferry will stop running in June.', [['The bridge reopened on Monday', 'main'], ['the ferry will stop running in June', 'main']]],
    ['The council sold the depot in 2019, in what officials called a bargain.', [['The council sold the depot in 2019', 'main'], ['what officials called a bargain', 'background']]],
    ['The fire started in the kitchen, where 40 people were eating dinner.', [['The fire started in the kitchen', 'main'], ['where 40 people were eating dinner', 'main']]],
    ['Exports rose 4 percent in March, with shipments to Asia up by a third.', [['Exports rose 4 percent in March', 'main'], ['shipments to Asia up by a third', 'main']]],
    ['The firm cut 200 jobs, including staff based at the Leeds depot.', [['The firm cut 200 jobs', 'main'], ['staff based at the Leeds depot', 'main']]],
    ['Inflation eased to 3 percent, as energy prices dropped for a second month.', [['Inflation eased to 3 percent', 'main'], ['energy prices dropped for a second month', 'main']]],
    ['Inflation eased to 3 percent, as energy prices fell for a second month.', [['Inflation eased to 3 percent, as energy prices fell for a second month', 'main']]],
    // A concession that opens the statement.
    ['While the plant lost money for three years, the owners kept every worker on.', [['the plant lost money for three years', 'main'], ['the owners kept every worker on', 'main']]],
    // An account someone denies, at the end of a (tight) statement.
    ['The mayor took a bribe in 2021, an account the council flatly denied', [['The mayor took a bribe in 2021', 'main'], ['an account the council flatly denied', 'denial']]],
  ])('splits %j', (statement, expected) => {
    expect(clauses(statement)).toEqual(expected);
  });

  // In a statement someone makes, a second report with its own verb is a clause read with that verb.
  it.each<[string, boolean, [string, string | undefined][]]>([
    [
      'any such warning had been ignored and said its records had been shared in full with inspectors.',
      true,
      [['any such warning had been ignored', undefined], ['its records had been shared in full with inspectors', 'said']],
    ],
    ['the new rent was in line with the market and denied that it was trying to push the shop out.', true, [['the new rent was in line with the market', undefined], ['it was trying to push the shop out', 'denied']]],
    ['the company employs about 380 people and expects revenue of about €74 million.', true, [['the company employs about 380 people and expects revenue of about €74 million', undefined]]],
    ['In a short speech he congratulated Okoro and said he had no regrets at all.', false, [['In a short speech he congratulated Okoro and said he had no regrets at all', undefined]]],
    // A second "that" opens a clause; a phrasal reporting verb is read over its two words.
    ['the plant would close in May and that all 90 staff would be offered jobs elsewhere.', true, [['the plant would close in May', undefined], ['all 90 staff would be offered jobs elsewhere', undefined]]],
    ['the bridge was safe and points out that it passed its last inspection in May.', true, [['the bridge was safe', undefined], ['it passed its last inspection in May', 'points out']]],
  ])('reads %j (spoken: %s)', (statement, spoken, expected) => {
    const split = splitClauses(statement, { start: 0, end: statement.length }, 0, spoken);
    expect(split.map((c) => [statement.slice(c.range.start, c.range.end), c.cue])).toEqual(expected);
  });
});

// "according to" vouches for what comes before it: a clause after the frame is the publisher's.
describe('splitAfterSourceFrame (the clause stage)', () => {
  const parts = (sentence: string): [string, string | null][] =>
    attributeSentence(sentence)
      .flatMap((statement) => splitAfterSourceFrame(sentence, statement))
      .map((s) => [sentence.slice(s.range.start, s.range.end).replace(/\.$/, ''), s.speaker]);

  it.each<[string, [string, string | null][]]>([
    [
      'Housing starts fell to 61,400 last year, according to the statistics bureau, even as spending on the grant rose to 2.3 billion.',
      [['Housing starts fell to 61,400 last year', 'the statistics bureau'], ['spending on the grant rose to 2.3 billion', null]],
    ],
    [
      'The ferry has run here since 1911, according to the town archive, and the Margit is the third vessel to do the job.',
      [['The ferry has run here since 1911', 'the town archive'], ['the Margit is the third vessel to do the job', null]],
    ],
    // A frame closing the sentence vouches for all of it.
    ['Housing starts fell to 61,400 last year and prices rose, according to the statistics bureau.', [['Housing starts fell to 61,400 last year and prices rose', 'the statistics bureau']]],
  ])('%j', (sentence, expected) => {
    expect(parts(sentence)).toEqual(expected);
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

describe('extractClaims leaves a list item’s marker out of the claim', () => {
  it.each(['- ', '• ', '* ', '– '])('%j', (marker) => {
    const body = `Key points\n\n${marker}Turnout was 41 percent, down from 46 percent in 2022\n\n${marker}Counting is under way in all 22 wards`;
    expect(claimsOf(body).map((c) => [c.span, c.text])).toEqual([
      ['Turnout was 41 percent, down from 46 percent in 2022', 'Turnout was 41 percent, down from 46 percent in 2022.'],
      ['Counting is under way in all 22 wards', 'Counting is under way in all 22 wards.'],
    ]);
  });

  it('keeps a negative figure’s sign', () => {
    expect(claimsOf('-5 degrees was the lowest reading in Harwick since 1987.')[0].span).toBe('-5 degrees was the lowest reading in Harwick since 1987');
  });
});
