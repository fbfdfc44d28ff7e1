import {
  type CheckworthinessInput,
  GENRE_FEATURES,
  judgeCheckworthiness,
  PLAIN_SENTENCE,
  readGenre,
  type SentenceGenre,
  splitFurniture,
  splitSentences,
} from '../../../src/domain/extraction';
import { claimsOf } from './support';

/** A statement that is its whole sentence, narrated by the publisher, in an article of a given genre. */
const narrated = (sentence: string, genre: Partial<SentenceGenre> = {}, extra: Partial<CheckworthinessInput> = {}): CheckworthinessInput => ({
  statement: sentence.replace(/[.]$/, ''),
  sentence,
  namedSource: false,
  vagueSource: false,
  genre: { ...PLAIN_SENTENCE, ...genre },
  ...extra,
});

const firedIds = (input: CheckworthinessInput): string[] => judgeCheckworthiness(input).fired.map((f) => f.id);

const LIVE = { liveBlog: true };
const RELEASE = { pressRelease: true };

// One row per genre feature: a statement that fires it, and a close one that does not.
const ROWS: [string, CheckworthinessInput, CheckworthinessInput][] = [
  ['live-furniture', narrated('Thanks for following our coverage today.', LIVE), narrated('Thanks to the new pumps, the quay is dry again.', LIVE)],
  ['reader-callout', narrated('Send us your photos of the flooding.', LIVE), narrated('The council sent crews to the flooding.', LIVE)],
  ['safety-advice', narrated('Stay indoors and keep away from the seafront.', LIVE), narrated('The seafront was closed at noon.', LIVE)],
  ['live-publisher-we', narrated('We are pausing the blog here for tonight.', LIVE), narrated('We are pausing the blog here for tonight.')],
  ['boilerplate-section', narrated('The company will hold a call at 9am.', { ...RELEASE, section: 'logistics' }), narrated('The company will hold a call at 9am.', { ...RELEASE, section: 'about' })],
  ['press-boilerplate', narrated('The company undertakes no obligation to update any forward-looking statement.'), narrated('The company raised its forecast for 2026.')],
  ['puffery', narrated('Acme is a pioneering maker of medical devices.'), narrated('Acme is a maker of medical devices.')],
  ['scenery', narrated('The workshop smells of wet sand and hot metal.'), narrated('The workshop employs 14 people.')],
  ['anecdote', narrated('His wife brings him coffee in a flask.'), narrated('The company brings in coffee from Kenya.')],
  ['value-judgement', narrated('Scrapping the charge would be a serious mistake.'), narrated('Scrapping the charge would cost €4 million.')],
  ['rhetorical-opener', narrated('Consider the bus lanes.'), narrated('The bus lanes opened in May.')],
  ['generalisation', narrated('Public opinion tends to follow results.'), narrated('Public opinion shifted after the results.')],
  ['counterfactual', narrated('Abolition would also be expensive.'), narrated('Abolition would also be expensive.', {}, { namedSource: true })],
  ['dispute-rhetoric', narrated('The company said it would contest the charges.'), narrated('The company said it would pay the fine.')],
  ['subject-fragment', narrated('The library’s director, Annelie Hallström'), narrated('The library’s director, Annelie Hallström, resigned')],
  ['list-fragment', narrated('along with cyclists, schoolchildren and a herd of cows'), narrated('The ferry carries cyclists along with cars')],
  ['interview-note', narrated('The interview has been edited for length and clarity.'), narrated('The interview was recorded on 3 May.')],
  ['interview-answer', narrated('We have contracts with 340 farms.', { interviewAnswer: true }), narrated('We have contracts with 340 farms.')],
  ['profile-narration', narrated('Brennic has no plans to join the campaign.', { profile: true }), narrated('Brennic has no plans to join the campaign.', { profile: true }, { namedSource: true })],
  ['answer-forecast', narrated('The catalogue should be back by January.', { interviewAnswer: true }), narrated('The catalogue should be back by January.')],
  ['author-bio', narrated('Ines Kovač is a lecturer at Eastmere University.', { authorBio: true }), narrated('Ines Kovač is a lecturer at Eastmere University.')],
];

describe('genre signals as check-worthiness features', () => {
  it.each(ROWS)('%s fires on one statement and not on the other', (id, fires, doesNot) => {
    expect(firedIds(fires)).toContain(id);
    expect(firedIds(doesNot)).not.toContain(id);
  });

  it('has a row above for every genre feature, each id once', () => {
    const ids = GENRE_FEATURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ROWS.map(([id]) => id).sort()).toEqual([...ids].sort());
  });

  it('reports the genre features with the others on a statement', () => {
    const fired = judgeCheckworthiness(narrated('Thanks for following our live coverage of the 2026 election.', LIVE)).fired.map((f) => f.id);
    expect(fired).toEqual(expect.arrayContaining(['digit', 'live-furniture']));
  });
});

describe('genre of an article', () => {
  const LIVE_BODY = [
    'Last updated: 16:42 CET',
    '16:42\nThanks for following our coverage today. We will be back from 7am tomorrow.',
    '16:30\nNordnett says its crews have reconnected about 9,000 customers since lunchtime.',
    '16:05\nPolice have closed the coast road between Skarholm and Veda.',
  ].join('\n\n');

  it('cuts a timestamp line off its entry as a heading', () => {
    const sentences = splitFurniture(splitSentences(LIVE_BODY));
    const texts = sentences.map((s) => [s.text, s.heading]);
    expect(texts).toContainEqual(['16:30', true]);
    expect(texts).toContainEqual(['Nordnett says its crews have reconnected about 9,000 customers since lunchtime.', false]);
    for (const s of sentences) expect(LIVE_BODY.slice(s.start, s.end)).toBe(s.text);
  });

  it.each([
    ['16:42 — Police have closed the coast road.', '16:42', 'Police have closed the coast road.'],
    ['4:35 p.m. ET | The governor declared an emergency.', '4:35 p.m. ET', 'The governor declared an emergency.'],
    ['10.15am: Crews restored power to 9,000 homes.', '10.15am', 'Crews restored power to 9,000 homes.'],
  ])('cuts the timestamp off "%s"', (body, stamp, entry) => {
    const texts = splitFurniture(splitSentences(body)).map((s) => [s.text, s.heading]);
    expect(texts).toEqual([[stamp, true], [entry, false]]);
  });

  it('leaves a figure with a decimal point at the start of a sentence alone', () => {
    expect(splitFurniture(splitSentences('12.50 euros is the new fare.')).map((s) => s.text)).toEqual(['12.50 euros is the new fare.']);
  });

  it('leaves a "we" inside a live blog’s quotation to its speaker', () => {
    expect(firedIds(narrated('“But we’ve had one pay rise in four years.”', LIVE))).not.toContain('live-publisher-we');
    expect(firedIds(narrated('We’ve had one update from the council.', LIVE))).toContain('live-publisher-we');
  });

  it.each(['That’s all from us for tonight.', 'This live page is no longer being updated.', 'Our full report on the collision is here.', 'Turnout figures are in.', 'Reader pictures are coming in showing the cordon.', 'Chief Fire Officer Dominic Arlott has given an update at the cordon.'])(
    'reads %j as live-blog furniture',
    (line) => {
      expect(firedIds(narrated(line, LIVE))).toContain('live-furniture');
    },
  );

  it('reads a page of timestamped entries as a live blog', () => {
    const sentences = splitFurniture(splitSentences(LIVE_BODY));
    expect(readGenre(sentences).sentences.every((g) => g.liveBlog)).toBe(true);
    expect(readGenre(splitFurniture(splitSentences('Police closed the road on Monday. It reopened on Tuesday.'))).sentences.some((g) => g.liveBlog)).toBe(false);
  });

  it('keeps the facts of a live blog and drops its furniture', () => {
    const spans = claimsOf(LIVE_BODY, { publisher: 'North Coast Today' }).map((c) => c.span);
    expect(spans).toContain('its crews have reconnected about 9,000 customers since lunchtime');
    expect(spans.some((s) => /Thanks for following|be back from 7am/.test(s))).toBe(false);
  });

  it('reads an article whose scenery, gestures and family life recur as a profile, and news as not one', () => {
    const profile = [
      'At a quarter to six, Aldo Brennic is already on the deck of the ferry.',
      'The wheelhouse smells of diesel and wet rope. He nods at the first drivers.',
      'His wife brings him coffee in a dented thermos.',
      'The ferry makes about 60 crossings a day.',
    ].join('\n\n');
    expect(readGenre(splitFurniture(splitSentences(profile))).sentences.every((g) => g.profile)).toBe(true);
    const news = 'The council voted 5-2 to close the ferry in 2027.\n\nThe bridge will cost €14.2 million, the council said.';
    expect(readGenre(splitFurniture(splitSentences(news))).sentences.some((g) => g.profile)).toBe(false);
  });

  const RELEASE_BODY = [
    'HALVERN, 2 June 2026 — Halvern Biotech today announced that its cough drug cut cough frequency by 52 percent in a trial of 310 patients.',
    'Conference call\nHalvern will host a conference call for investors at 14:00 CET. Dial-in details are available on the company’s website.',
    'About Halvern Biotech\nHalvern Biotech is a pioneering company committed to bringing innovative medicines to patients. It employs 120 people.',
    'Forward-looking statements\nThis press release contains forward-looking statements. Halvern undertakes no obligation to update any forward-looking statement.',
  ].join('\n\n');

  it.each([
    ['a parent', 'Her father opened the shop in 1962.'],
    ['a laugh', 'He laughs about it now.'],
    ['children counted', 'She lives on the ninth floor with her two sons.'],
  ])('counts %s among a profile’s marks', (_, mark) => {
    const body = ['The workshop smells of glue and beeswax.', 'She shrugged.', mark, 'The shop repairs 40 pairs of shoes a week.'].join('\n\n');
    expect(readGenre(splitFurniture(splitSentences(body))).sentences.every((g) => g.profile)).toBe(true);
  });

  it('names the section of a press release each sentence stands in', () => {
    const sentences = splitFurniture(splitSentences(RELEASE_BODY));
    const genre = readGenre(sentences);
    const sectionOf = (fragment: string): string | null => genre.sentences[sentences.findIndex((s) => s.text.includes(fragment))].section;
    expect(genre.sentences[0].pressRelease).toBe(true);
    expect(sectionOf('will host a conference call')).toBe('logistics');
    expect(sectionOf('It employs 120 people')).toBe('about');
    expect(sectionOf('undertakes no obligation')).toBe('disclaimer');
  });

  it('keeps a release’s results and its numeric "About" facts, not its logistics, mission or disclaimer', () => {
    const spans = claimsOf(RELEASE_BODY, { publisher: 'Halvern Biotech' }).map((c) => c.span);
    expect(spans.some((s) => s.includes('52 percent'))).toBe(true);
    expect(spans).toContain('It employs 120 people');
    expect(spans.some((s) => /conference call|Dial-in|pioneering|forward-looking/.test(s))).toBe(false);
  });

  const COLUMN_BODY = [
    'Eighteen months ago, Carrow became the first city in the province to charge drivers at peak hours.',
    'Average bus journey times dropped by six minutes. Abolition would also be expensive.',
    'Ines Kovač is a senior lecturer in transport planning at Eastmere University. She advised the council on the scheme.',
  ].join('\n\n');

  it('gives a signed guest column’s own statements to its author, and keeps the bio line out', () => {
    const claims = claimsOf(COLUMN_BODY, { publisher: 'Harbourside Gazette' });
    const bus = claims.find((c) => c.span.includes('six minutes'));
    expect(bus?.source.name).toBe('Ines Kovač');
    expect(claims.some((c) => /senior lecturer|advised the council/.test(c.span))).toBe(false);
    expect(claims.some((c) => c.span.includes('Abolition'))).toBe(false);
  });
});

// More rhetoric and generalisation: a transition, a concession, a generic subject.
describe('rhetorical openers and generalisations', () => {
  it.each<[string, string, string]>([
    ['generalisation', 'Fixing a pipe takes a week.', 'Fixing the pipe took nine days.'],
    ['generalisation', 'But a reservoir takes a decade.', 'The Holme Cross reservoir will take until 2034.'],
    ['generalisation', 'Six minutes is the difference between catching a connection and missing it.', 'Six minutes is the average delay on the line.'],
    ['rhetorical-opener', 'There is also the question of what happens to the building.', 'There is a question on the ballot about the building.'],
    ['value-judgement', 'Closing the lido is a false economy.', 'Closing the lido saves £420,000 a year.'],
    ['value-judgement', 'Cold water is not a miracle cure, whatever social media says.', 'Cold water lowers the heart rate, the study says.'],
    ['dispute-rhetoric', 'The council says it has no choice.', 'The council says it has no money left for repairs.'],
    ['press-boilerplate', 'A spokesperson said it was “committed to finding a new home for the bees.”', 'A spokesperson said it had found a new home for the bees.'],
    ['press-boilerplate', 'Northwind is committed to making rail the safest way to travel.', 'Northwind made rail its largest division.'],
    ['puffery', 'Joining Northwind is the natural next step in our journey.', 'Joining Northwind adds 380 engineers.'],
    ['puffery', 'Norrander is a world leader in maritime software.', 'Norrander sells maritime software in 12 countries.'],
    ['rhetorical-opener', 'Then there is the cost of building itself.', 'There are 14 building sites in the city.'],
    ['rhetorical-opener', 'It is true that some shops are struggling.', 'Some shops closed in March.'],
    ['generalisation', 'It takes ten years to make a founder.', 'It took the foundry ten years to train her.'],
    ['generalisation', 'A city that tears up a policy because it is unpopular will find it hard to try again.', 'The city tore up the policy in May.'],
  ])('%s fires on %j and not on %j', (id, fires, doesNot) => {
    expect(firedIds(narrated(fires))).toContain(id);
    expect(firedIds(narrated(doesNot))).not.toContain(id);
  });
});
