import { BASE_SCORE, CHECKWORTHINESS_FEATURES, type CheckworthinessInput, DENIAL_FLOOR, GENRE_FEATURES, judgeCheckworthiness } from '../../../src/domain/extraction';

/** A statement that is its whole sentence, as narration of the publisher reads. */
const narrated = (sentence: string, extra: Partial<CheckworthinessInput> = {}): CheckworthinessInput => ({
  statement: sentence.replace(/[.]$/, ''),
  sentence,
  namedSource: false,
  vagueSource: false,
  ...extra,
});

/** A quote whose frame ("she said") is left out of the statement. */
const quoted = (quote: string): CheckworthinessInput => narrated(`${quote} she said.`, { statement: quote });

const firedIds = (input: CheckworthinessInput): string[] => judgeCheckworthiness(input).fired.map((f) => f.id);

// One row per feature: a statement that fires it, and a close one that does not.
const ROWS: [string, CheckworthinessInput, CheckworthinessInput][] = [
  ['digit', narrated('The council voted 5-2 on the plan.'), narrated('The council voted on the plan.')],
  ['number-word', narrated('The council approved two new parks.'), narrated('The council approved new parks.')],
  ['money-or-share', narrated('Water rates will rise by 18 percent.'), narrated('Water rates will rise by 18 points.')],
  ['date', narrated('The plant closed in March.'), narrated('The plant closed in the spring.')],
  ['names', narrated('Ana Ruiz met Tom Berg in Oslo.'), narrated('she met him in the old city.')],
  ['action-words', narrated('The ministry imposed a ban on the pesticide.'), narrated('The ministry is a large grey building.')],
  ['attributed', narrated('The plant will close.', { namedSource: true }), narrated('The plant will close.')],
  ['very-short', narrated('Rates rose.'), narrated('Water rates rose sharply last year.')],
  ['short-without-names', narrated('the rates rose sharply.'), narrated('Millbrook rates rose sharply.')],
  ['question', narrated('Will the House act before the recess?'), narrated('The House will act before the recess.')],
  ['call-to-action', narrated('Subscribe to our newsletter for the latest updates.'), narrated('The newsletter has 4,000 subscribers.')],
  ['musing', narrated('Only time will tell whether the plan works.'), narrated('The plan cut waiting times by a week.')],
  ['no-comment', narrated('The ministry declined to comment.'), narrated('The ministry commented on Friday.')],
  ['non-answer', narrated('Why the alarm failed remains unclear.'), narrated('The alarm failed because a cable was cut.')],
  ['judgement', narrated('This is the wrong bill.'), narrated('This is the third bill.')],
  ['normative', narrated('The council should raise rates.'), narrated('The council will raise rates.')],
  ['scene', narrated('Fans were waiting outside the stadium.'), narrated('The waiting list runs to about 18 months.')],
  ['scene-opener', narrated('At a supermarket in Dayton, shelves were empty.'), narrated('The supermarket chain closed 4 stores in Dayton.')],
  ['reaction', narrated('Analysts were divided over the merger.'), narrated('Analysts were paid 5 percent more.')],
  ['pushback', narrated('Fishermen pushed back on the quota.'), narrated('Fishermen caught more cod this year.')],
  ['reaction-only', narrated('The mayor was blunter.'), narrated('The mayor was blunter about the rise in fares.')],
  ['unverified', narrated('The claim could not be independently verified.'), narrated('The claim was verified by auditors.')],
  ['figurative', quoted('“Regulators have drawn a line,”'), quoted('“Regulators have drawn up new rules,”')],
  ['ellipsis', narrated('But most of it is not.'), narrated('But most of it is not spent.')],
  ['lead-in', narrated('The ship’s operator has released a statement.'), narrated('The ship’s operator has released the crew list.')],
  ['anonymity', narrated('A tenant, who asked not to be named, moved out.'), narrated('A tenant, who asked for a transfer, moved out.')],
  ['collective-promise', narrated('We will earn this money back.'), narrated('They earned the money back.')],
  ['generic-you', narrated('Now you are lucky to hear one.'), narrated('Now residents rarely hear one.')],
  ['universal-subject', narrated('Everyone in the town knows the mill.'), narrated('The town council owns the mill.')],
  ['first-person', narrated('I have lived here for 40 years.'), narrated('She has lived here for 40 years.')],
  ['bare-quote', quoted('“It is open again,”'), quoted('“It reopened on 4 May,”')],
];

describe('check-worthiness features', () => {
  it.each(ROWS)('%s fires on one statement and not on the other', (id, fires, doesNot) => {
    expect(firedIds(fires)).toContain(id);
    expect(firedIds(doesNot)).not.toContain(id);
  });

  it('has a row above for every feature of the table but the genre ones (genre-signals.test.ts), each id once', () => {
    const ids = CHECKWORTHINESS_FEATURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const genre = new Set(GENRE_FEATURES.map((f) => f.id));
    expect(ROWS.map(([id]) => id).sort()).toEqual(ids.filter((id) => !genre.has(id)).sort());
  });

  it('reports each fired feature with the weight it added to the score', () => {
    const { fired } = judgeCheckworthiness(narrated('Ana Ruiz, Tom Berg, Lea Holm and Ivo Marin met on Tuesday.'));
    const weights = Object.fromEntries(CHECKWORTHINESS_FEATURES.map((f) => [f.id, f.weight]));
    // Four names count as three: a list of names is no more checkable than three of them.
    expect(fired.find((f) => f.id === 'names')?.weight).toBeCloseTo(3 * weights.names);
  });

  it('scores with fitted weights when given them, a feature left out keeping its table weight', () => {
    const input = narrated('The council voted 5-2 on the plan.');
    const table = judgeCheckworthiness(input);
    const fitted = judgeCheckworthiness(input, { base: 0.3, weights: { digit: 0.4 } });
    const digit = CHECKWORTHINESS_FEATURES.find((f) => f.id === 'digit')?.weight ?? 0;
    expect(fitted.score).toBeCloseTo(table.score + (0.3 - BASE_SCORE) + (0.4 - digit), 2);
    expect(fitted.fired.find((f) => f.id === 'digit')?.weight).toBe(0.4);
  });

  it('raises a denial to the floor and says so', () => {
    const judged = judgeCheckworthiness(narrated('The club rejected that account.', { denial: true }));
    expect(judged.score).toBe(DENIAL_FLOOR);
    expect(judged.fired.map((f) => f.id)).toContain('denial-floor');
  });
});

// "No one was injured" counts casualties; "No one knows" is a generality.
describe('universal subjects and casualty counts', () => {
  it.each<[string, boolean]>([
    ['No one was injured when the wall collapsed.', false],
    ['Nobody was seriously hurt in the crash.', false],
    ['No one knows how long the storm will last.', true],
  ])('%j fires universal-subject: %s', (statement, fires) => {
    expect(firedIds(narrated(statement)).includes('universal-subject')).toBe(fires);
  });
});

// "better off" compares incomes, it does not judge.
describe('judgement and comparisons of means', () => {
  it.each<[string, boolean]>([
    ['Drivers are, on average, better off than bus passengers.', false],
    ['The new timetable is better than the old one.', true],
    ['This is the wrong bill at the wrong time.', true],
    ['The vessel had sampled the wrong depths during the trawl.', false],
    ['The lead vehicle had taken a wrong turn.', false],
    ['Curlews did better where water levels were managed.', false],
    // A measured record is no judgement.
    ['Congestion on the ring road was the worst recorded this year.', false],
    ['It was the best harvest since 2009.', false],
    ['It was the worst decision the council has made.', true],
  ])('%j fires judgement: %s', (statement, fires) => {
    expect(firedIds(narrated(statement)).includes('judgement')).toBe(fires);
  });
});

// Advice and service information, however they open: opening hours, an instruction after a colon or after
// the reader's own "if you …", the reader urged to act now.
describe('calls to action that do not open the sentence', () => {
  it.each<[string, boolean]>([
    ['The shop, 22 Marrow Street, is open Tuesday to Saturday from 9 a.m. to 5 p.m.', true],
    ['The shop opened on Marrow Street in 1962.', false],
    ['A reminder if you live within 2 km of the site: keep windows and doors closed.', true],
    ['If you have asthma, keep your inhaler with you.', true],
    ['Residents within 2 km of the site kept their windows closed.', false],
    ['If you care about the tram, now is the time to say so.', true],
  ])('%j fires call-to-action: %s', (statement, fires) => {
    expect(firedIds(narrated(statement)).includes('call-to-action')).toBe(fires);
  });
});

// Idioms, and a literal use of the same words.
describe('figures of speech', () => {
  it.each<[string, string, boolean]>([
    ['figurative', 'Our members held the line, and it paid off.', true],
    ['figurative', 'Hale paid off the mortgage on a lake house.', false],
    ['figurative', 'We are one infected traveller away from an outbreak.', true],
    ['figurative', 'Bread is like a child.', true],
    ['figurative', 'The rise is like a third of the budget.', false],
    ['judgement', 'The landlord raised the rent, an increase she called “a slow eviction.”', true],
  ])('%s on %j: %s', (id, statement, fires) => {
    expect(firedIds(narrated(statement)).includes(id)).toBe(fires);
  });
});

// Elliptical clauses and lead-ins lean on another sentence; a date is not a modal verb.
describe('ellipsis and lead-ins', () => {
  it.each<[string, string, boolean]>([
    ['ellipsis', 'Ten years of delays suggest that it might be.', true],
    ['ellipsis', 'A first hearing is scheduled for 12 May.', false],
    ['ellipsis', 'The pipes are telling us so.', true],
    ['ellipsis', 'Where the law requires it, yes.', true],
    ['ellipsis', 'Yes, by about 4 percent.', false],
    ['lead-in', 'The airline’s chief executive agreed to answer questions from our readers.', true],
    ['lead-in', 'The chief executive agreed to a pay cut of 20 percent.', false],
  ])('%s on %j: %s', (id, statement, fires) => {
    expect(firedIds(narrated(statement)).includes(id)).toBe(fires);
  });
});

// A quotation about a definite thing is a claim about it, with no figure or name in it.
describe('bare quotations', () => {
  it.each<[string, boolean]>([
    ['“We are not going anywhere without a fight,”', true],
    ['“The bridge is safe for cars and buses,”', false],
    ['“These objects were taken by force,”', false],
    ['“Many of the faults are on lines we cannot reach,”', false],
    ['“This was a deliberate design choice, not a calibration error,”', false],
  ])('%j fires bare-quote: %s', (quote, fires) => {
    expect(firedIds(quoted(quote)).includes('bare-quote')).toBe(fires);
  });
});

// The speaker's way into a statement is not part of it: its "I" and "honest" are left out.
describe('answer frames', () => {
  it.each<[string, string]>([
    ['What I would say is that our drink has a third less fat than milk.', 'first-person'],
    ['The honest answer is that we sold tickets for flights we could not crew.', 'judgement'],
  ])('%j does not fire %s', (statement, id) => {
    expect(firedIds(narrated(statement))).not.toContain(id);
  });

  it('still reads the statement after the frame', () => {
    expect(firedIds(narrated('The honest answer is that I was wrong.'))).toContain('first-person');
  });
});

// How it was for people, and a mood, are colour.
describe('closing scenes and moods', () => {
  it.each<[string, string, boolean]>([
    ['scene', 'For now, households are stocking up on candles and charcoal.', true],
    ['scene', 'For 2025, the council has set aside €3 million.', false],
    ['reaction', 'He congratulated Okoro and said he had “no regrets”.', true],
  ])('%s on %j: %s', (id, statement, fires) => {
    expect(firedIds(narrated(statement)).includes(id)).toBe(fires);
  });
});

// "one" counts nothing in "one of the cheapest ways" or "not one day less".
describe('number words', () => {
  it.each<[string, boolean]>([
    ['This is one of the cheapest ways to do it.', false],
    ['He will stay until the bridge opens, and not one day less.', false],
    ['The council approved two new parks.', true],
  ])('%j fires number-word: %s', (statement, fires) => {
    expect(firedIds(narrated(statement)).includes('number-word')).toBe(fires);
  });
});

// A verb phrase split off a list keeps the "should" it stands under.
describe('normative lists', () => {
  const sentence = 'I am arguing that the council should stop promising dates, publish the register, and put the bus network first.';
  it.each<[string, boolean]>([
    ['put the bus network first', true],
    ['the bus network runs at a loss', false],
  ])('%j fires normative: %s', (statement, fires) => {
    const input = { statement, sentence: sentence.replace('put the bus network first', statement), namedSource: false, vagueSource: false };
    expect(firedIds(input).includes('normative')).toBe(fires);
  });
});
