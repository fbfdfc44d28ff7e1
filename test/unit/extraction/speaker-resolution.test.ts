import { SourceKind, Stance } from '../../../src/domain/types';
import { parseSpeaker, type SpeakerReference } from '../../../src/domain/extraction/speaker';
import { claimAbout, claimsOf } from './support';

// Speaker resolution, first step: a speaker phrase read on its own, before the article is asked who it means.
describe('parseSpeaker (reading a speaker phrase)', () => {
  it.each<[string, string, string | null, SourceKind, SpeakerReference]>([
    ['U.S. Treasury Secretary John Smith', 'John Smith', 'U.S. Treasury', SourceKind.PERSON, { type: 'named' }],
    ['Dr. Ana Ruiz', 'Ana Ruiz', null, SourceKind.PERSON, { type: 'named' }],
    ['the Freight Council', 'Freight Council', null, SourceKind.ORGANIZATION, { type: 'named' }],
    ['researchers at Westbrook University', 'Westbrook University', null, SourceKind.ORGANIZATION, { type: 'named' }],
    ['Beijing', 'Beijing', null, SourceKind.GOVERNMENT, { type: 'named' }],
    ['she', 'she', null, SourceKind.UNKNOWN, { type: 'pronoun', pronoun: 'person' }],
    ['they', 'they', null, SourceKind.UNKNOWN, { type: 'pronoun', pronoun: 'group' }],
    ['the company', 'company', null, SourceKind.ORGANIZATION, { type: 'generic', kind: SourceKind.ORGANIZATION, noun: 'company', modifiers: [], definite: true, byName: false }],
    ['city officials', 'city officials', null, SourceKind.GOVERNMENT, { type: 'generic', kind: SourceKind.GOVERNMENT, noun: 'officials', modifiers: ['city'], definite: false, byName: false }],
    ['the report', 'report', null, SourceKind.UNKNOWN, { type: 'generic', kind: SourceKind.UNKNOWN, noun: 'report', modifiers: [], definite: true, byName: false }],
    ['experts', 'experts', null, SourceKind.UNKNOWN, { type: 'generic', kind: SourceKind.UNKNOWN, noun: 'experts', modifiers: [], definite: false, byName: false }],
    ['Addo’s representatives', 'Addo’s representatives', null, SourceKind.UNKNOWN, { type: 'representatives', owner: 'Addo', noun: 'representatives' }],
    ['a former engineer at the company', 'a former engineer at the company', null, SourceKind.UNKNOWN, { type: 'former', owner: 'the company', noun: 'engineer' }],
    // A kind of organisation before a name in apposition names that organisation, however person-like the name.
    ['The ship’s operator, Halvard Line', 'Halvard Line', null, SourceKind.ORGANIZATION, { type: 'named' }],
    ['the union’s leader, Jane Doe', 'Jane Doe', null, SourceKind.PERSON, { type: 'named' }],
    // "The" never opens a person's name: "The Port of Portmere" is not a Mr Port of Portmere.
    ['The Port of Portmere', 'Port of Portmere', null, SourceKind.UNKNOWN, { type: 'named' }],
    // Lawyers named as their firm speak as the firm; an acronym after a name is not part of it.
    ['The group’s lawyers, Dunmore & Reid', 'Dunmore & Reid', null, SourceKind.ORGANIZATION, { type: 'named' }],
    ['the Coastal Safety Investigation Board (CSIB)', 'Coastal Safety Investigation Board', null, SourceKind.ORGANIZATION, { type: 'named' }],
    // An office speaks as an office.
    ['The office of Governor Patricia Wend', 'Office of Governor Patricia Wend', null, SourceKind.GOVERNMENT, { type: 'named' }],
    // A reflexive and "own" only stress who speaks.
    ['Kiprono himself', 'Kiprono', null, SourceKind.UNKNOWN, { type: 'named' }],
    ['the council’s own finance department', 'council’s finance department', null, SourceKind.GOVERNMENT, { type: 'named' }],
    ['the coastguard', 'coastguard', null, SourceKind.GOVERNMENT, { type: 'generic', kind: SourceKind.GOVERNMENT, noun: 'coastguard', modifiers: [], definite: true, byName: true }],
    // A description and then a name: the person named, of the body the description names.
    ['A spokeswoman for the Department of Health, Jane Morrow', 'Jane Morrow', 'Department of Health', SourceKind.PERSON, { type: 'named' }],
    ['A spokesman for Halvard Line, Per Olsen', 'Per Olsen', 'Halvard Line', SourceKind.PERSON, { type: 'named' }],
    ['The chief executive of Northline Gas, Ana Petrova', 'Ana Petrova', 'Northline Gas', SourceKind.PERSON, { type: 'named' }],
    // A capitalised document noun ending a name is part of the name; a possessive still owns the document.
    ['the Office for National Statistics', 'Office for National Statistics', null, SourceKind.GOVERNMENT, { type: 'named' }],
    ['the Bureau of Labor Statistics', 'Bureau of Labor Statistics', null, SourceKind.GOVERNMENT, { type: 'named' }],
    ['LSEG data', 'LSEG', null, SourceKind.UNKNOWN, { type: 'named' }],
    // A document's owner is its source, whatever figures describe the document ("64-page", "2019").
    ['the authority’s 64-page enforcement report', 'authority', null, SourceKind.GOVERNMENT, { type: 'generic', kind: SourceKind.GOVERNMENT, noun: 'authority', modifiers: [], definite: true, byName: true }],
    ['Its own 2019 flood-risk study', 'its 2019 flood-risk study', null, SourceKind.UNKNOWN, { type: 'generic', kind: SourceKind.UNKNOWN, noun: 'study', modifiers: ['2019', 'flood-risk'], definite: false, byName: false }],
  ])('reads %j', (phrase, name, affiliation, kind, reference) => {
    expect(parseSpeaker(phrase)).toEqual({ name, affiliation, kind, reference });
  });
});


// Speaker resolution through the article: what a generic noun, a pronoun or a surname refers to.
describe('extractClaims references to institutions', () => {
  it('resolves "the museum said" and "the statement said" to the body the article named', () => {
    const body =
      'The Harwick Museum of Art will close its east wing for two years from January. ' +
      'In a statement, the museum said repairs to the roof would cost 9 million euros. ' +
      'About 40 staff will move to the main building, the statement said.';
    expect(claimAbout(body, 'cost 9 million').source).toMatchObject({ name: 'Harwick Museum of Art', kind: SourceKind.ORGANIZATION });
    expect(claimAbout(body, 'About 40 staff').source.name).toBe('Harwick Museum of Art');
  });

  it.each([
    ['the company is named', 'Riverton Transit was fined on Monday over late buses. '],
    ['no company is named', ''],
  ])('keeps "the union" and "the company" apart when %s', (_, opening) => {
    const body = `${opening}The union says a new driver earns £4,000 less than a cleaner. The company denied the claim on Tuesday.`;
    expect(claimAbout(body, 'less than a cleaner').source).toMatchObject({ name: 'Union', kind: SourceKind.ORGANIZATION });
    expect(claimsOf(body).find((c) => c.stance === Stance.DENIES)?.source.name).toBe(opening ? 'Riverton Transit' : 'Company');
  });

  it('reads "the allotment association disputes this" as the association denying the union, and its next act as narration', () => {
    const body = 'The union says drivers earn £4,000 less than cleaners. The allotment association disputes this and has instructed its own barrister.';
    expect(claimsOf(body).map((c) => [c.source.name, c.stance, c.text])).toEqual([
      ['Union', Stance.ASSERTS, 'Drivers earn £4,000 less than cleaners.'],
      ['Allotment association', Stance.DENIES, 'Drivers earn £4,000 less than cleaners.'],
      // Judged as it reads, with its subject: a short predicate alone would fall under the threshold.
      ['The Daily Record', Stance.ASSERTS, 'The allotment association has instructed its own barrister.'],
    ]);
  });

  it('resolves "the forecaster said" to the weather service named before, and "the watchdog said" to the watchdog', () => {
    const body =
      'Northern Power says 40,000 homes are still without power. ' +
      'The Met Office has extended its amber wind warning until Sunday. ' +
      'Gusts of 78mph were recorded at Harwick Point this morning, the forecaster said. ' +
      'Ofwat, the water watchdog, fined Thames Water £40 million. The watchdog said the company had failed 12 of its targets.';
    expect(claimAbout(body, 'Gusts of 78mph').source.name).toBe('Met Office');
    expect(claimAbout(body, 'failed 12 of its targets').source.name).toBe('Ofwat');
  });

  it('gives "according to court documents" to the court the article named, never to the company that spoke', () => {
    const named = 'Harwick Crown Court fined Northline Rail £2.4 million. Northline Rail said it would appeal. According to court documents, the company made a profit of £180 million.';
    expect(claimAbout(named, '£180 million').source.name).toBe('Harwick Crown Court');
    const unnamed = 'A judge fined Northline Rail £2.4 million. Northline Rail said it would appeal. According to court documents, the company made a profit of £180 million.';
    expect(claimAbout(unnamed, '£180 million').source.name).toBe('Court');
  });

  it('never takes a street for a person a pronoun may mean ("the bakery on Mill Lane")', () => {
    const body =
      'Hanna Berg, 67, has run the bakery on Mill Lane since 1984. ' +
      '“I bake 400 loaves a day,” she says. “The rent has tripled since 2019.”';
    expect(claimAbout(body, 'tripled since 2019').source.name).toBe('Hanna Berg');
  });

  it('never takes a business the article named for "the union", "the party" or "the charity"', () => {
    const body =
      'Northline Gas was fined £2 million on Monday over missed safety checks. ' +
      'The company said it had since hired 30 more engineers. ' +
      'The union says Northline Gas cut 40 inspectors in 2023. ' +
      'A Northline Gas spokesperson said the fine would be paid in full.';
    expect(claimAbout(body, 'hired 30 more engineers').source.name).toBe('Northline Gas');
    expect(claimAbout(body, 'cut 40 inspectors').source).toMatchObject({ name: 'Union', kind: SourceKind.ORGANIZATION });
    // "the company" still means the business: only the kinds of body a business never is are ruled out.
    expect(claimAbout(body, 'would be paid in full').source.name).toBe('Northline Gas');
  });

  it('gives "its report for July shows" to the institution the article is about, not to the body named last', () => {
    const body =
      'When Kelderby Regional Transit redrew its bus map last September, it promised a bus every ten minutes. ' +
      'Kelderby Regional Transit says ridership has recovered since the spring. ' +
      'Network redesigns are always a gamble, and the Rail Users Forum has criticised this one. ' +
      'Its on-time performance report for July shows that 23 percent of timed connections were missed.';
    expect(claimAbout(body, '23 percent of timed connections').source).toMatchObject({ name: 'Kelderby Regional Transit', kind: SourceKind.ORGANIZATION });
  });

  it('gives "the authority said" to the public body the article is about when no name holds "authority"', () => {
    const body =
      'When Kelderby Regional Transit tore up its bus map last September, it promised a simpler network. ' +
      'The Rail Users Forum, a campaign group, says riders have not followed. ' +
      'Kelderby Regional Transit carried 31.4 million trips in the twelve months to August. ' +
      'Weekday boardings on the Castle Road corridor rose 19 percent, the authority said.';
    expect(claimAbout(body, 'rose 19 percent').source).toMatchObject({ name: 'Kelderby Regional Transit', kind: SourceKind.ORGANIZATION });
    // A business is not what "the authority" means: with none but a company named, it stays a nameless authority.
    const business = 'Acme Foods, the company behind the Brix bar, cut 40 jobs in May. Sales of the bar fell 9 percent in June, the authority said.';
    expect(claimAbout(business, 'fell 9 percent').source.name).toBe('Authority');
  });

  it('gives what an owned document measures to its owner, even in a signed column', () => {
    const body =
      'By Ines Halloran\n\nDrumlow Borough Council wants to sell the Kilnfield allotments. ' +
      'The council’s own valuation puts the sale at £3.1 million. ' +
      'I have kept a plot there for eleven years.\n\nInes Halloran chairs the Drumlow Civic Society.';
    expect(claimAbout(body, '£3.1 million').source.name).toBe('Drumlow Borough Council');
  });

  it('gives a statement "by her own count" to the person counting', () => {
    const body =
      'Ottilie Farrant opened her stained-glass studio in Wendlecombe in 1978. ' +
      'Farrant, 71, has worked with glass for 48 years, and by her own count she has repaired windows in 38 of the 41 churches in the diocese.';
    expect(claimAbout(body, '38 of the 41 churches').source.name).toBe('Ottilie Farrant');
    expect(claimAbout(body, 'for 48 years').source.name).toBe('The Daily Record');
  });

  it('resolves "the county council" to the county council the article names, even further down, not to a bare "Council"', () => {
    const body =
      '01:52\nBig moment here. Council leader Bettina Crowe has lost her seat.\n\n' +
      '01:10\nA quick check by our data desk: according to the county council’s own timetable records, there were 31 rural routes in 2022 and there are 26 today.\n\n' +
      '23:50\nWelcome to our live coverage of the Aldermoor County Council election.';
    expect(claimAbout(body, '31 rural routes').source.name).toBe('Aldermoor County Council');
  });

  it('gives "according to the authority’s 64-page report" and "the authority said" to the authority, not to its report', () => {
    const body =
      'The Averholm Rail Safety Authority fined Corvane Freight Rail $4 million on Tuesday. ' +
      'According to the authority’s 64-page enforcement report, a track inspection was 11 weeks overdue. ' +
      'The authority said it expects to complete a separate review by March.';
    expect(claimAbout(body, '11 weeks overdue').source.name).toBe('Averholm Rail Safety Authority');
    expect(claimAbout(body, 'separate review').source.name).toBe('Averholm Rail Safety Authority');
  });

  it('reads "the state wildlife agency" by the word nearest its noun, not as any body named for the state', () => {
    const body =
      'The State Office of Emergency Management says floods cost the county $40 million in 2021. ' +
      'The marsh is home to the county’s only breeding colony of black terns, according to a 2022 survey by the state wildlife agency.';
    expect(claimAbout(body, 'black terns').source.name).toBe('State wildlife agency');
  });

  it('gives "the developer says" to the business the article named, not to a commission, and no time to a subject', () => {
    const body =
      'Next month the Lanthorn County commission will vote on the rezoning. ' +
      'On March 18 the commission votes on a data centre campus proposed by Ormsby Data Partners. ' +
      'The developer says the campus would bring 400 permanent jobs.';
    expect(claimAbout(body, '400 permanent jobs').source.name).toBe('Ormsby Data Partners');
  });

  it('never takes the name of a thing "she calls" or "called" something for a person a pronoun may mean', () => {
    const body =
      'Agnese Tollivan has made cheese at Fernhollow since 2011. Most of it is a soft, ash-rinded log she calls Quarry Grey, ' +
      'which won 3 prizes in 2023. “Ninety percent of cheesemaking is waiting,” she says.';
    expect(claimAbout(body, 'Ninety percent').source.name).toBe('Agnese Tollivan');
    const man = 'A man named Tomas Hale found the boat in 2019. “It had been there for 40 years,” he said.';
    expect(claimAbout(man, '40 years').source.name).toBe('Tomas Hale');
  });

  it('resolves "the office said" to the office named before', () => {
    const body =
      'Unemployment fell to 4.2 percent in March, according to the Federal Labour Office. ' +
      'The office said 31,000 jobs were added in construction.';
    expect(claimAbout(body, '31,000 jobs').source.name).toBe('Federal Labour Office');
  });

  it('gives "the operator said" to the company of that kind the article names, before any institution has spoken', () => {
    const body =
      'Cabin crew at Brightline Ferries walked out on Friday, cancelling 40 crossings. ' +
      'The operator said only 12 of its 52 sailings would run on Saturday.';
    expect(claimAbout(body, '12 of its 52 sailings').source).toMatchObject({ name: 'Brightline Ferries', kind: SourceKind.ORGANIZATION });
  });

  it('never takes the outlet an interview was given to for the speaker', () => {
    const body =
      '“We counted 212 nests this spring,” ranger Tomas Ekdahl said in an interview with Radio Norland. ' +
      'She said the colony had grown by a third since 2019.';
    expect(claimAbout(body, 'grown by a third').source.name).not.toBe('Radio Norland');
  });

  it('gives "a summary released by X" and "data analysed by X" (and "the analysis") to X', () => {
    const body =
      'The pump failed because a seal cracked, according to a summary released by the safety panel on Monday. ' +
      'According to flight data analysed by the Aviation Research Institute, the engine lost power 40 seconds after take-off. ' +
      'The analysis found that 3 of the 4 sensors had failed.';
    expect(claimAbout(body, 'a seal cracked').source.name).toBe('Safety panel');
    expect(claimAbout(body, 'lost power').source.name).toBe('Aviation Research Institute');
    expect(claimAbout(body, '3 of the 4 sensors').source.name).toBe('Aviation Research Institute');
  });

  it('names a body without the descriptors and the article before its name', () => {
    const body =
      'The ruling Harbour Alliance says the port authority hid 14 safety reports in 2023. ' +
      'The Ministry of Fisheries said on Tuesday that catches fell 12 percent in the spring.';
    expect(claimAbout(body, '14 safety reports').source.name).toBe('Harbour Alliance');
    expect(claimAbout(body, 'catches fell').source.name).toBe('Ministry of Fisheries');
  });

  it('leaves out where an institution stands ("the Pellham Zoo in Dunmore")', () => {
    const body = 'The Pellham Zoo in Dunmore said 3 lion cubs were born in May.';
    expect(claimAbout(body, 'lion cubs').source.name).toBe('Pellham Zoo');
  });

  it('reads "…, although the regulator said B" as the regulator’s own statement', () => {
    const body =
      'Engineers think a crack in the dam may have widened over the winter of 2024, although the regulator said it had not ruled out a design fault.';
    const claim = claimAbout(body, 'design fault');
    expect(claim.span).toBe('it had not ruled out a design fault');
    expect(claim.source.name).toBe('Regulator');
    expect(claim.stance).toBe(Stance.HEDGES);
  });

  it('splits a denial of claims by a named source into its claim and the denial', () => {
    const body =
      'Mayor Ana Ruiz rejected claims by the opposition Civic Party that the city had spent 4 million euros on consultants.';
    const claims = claimsOf(body);
    expect(claims).toHaveLength(2);
    expect(claimAbout(body, '4 million euros')).toMatchObject({ span: 'the city had spent 4 million euros on consultants', stance: Stance.ASSERTS });
    expect(claimAbout(body, '4 million euros').source.name).toBe('Civic Party');
    expect(claimAbout(body, 'rejected claims')).toMatchObject({ stance: Stance.DENIES, source: { name: 'Ana Ruiz' } });
  });

  it('reads "raised its rate" as an act the publisher reports and "raised concerns" as a position', () => {
    const body =
      'The Reserve Bank of Ostland raised its main rate by a quarter point to 4.5 percent on Thursday. ' +
      'The Ostland Retail Council raised concerns that 300 shops could close by 2026.';
    expect(claimAbout(body, 'quarter point').source.name).toBe('The Daily Record');
    expect(claimAbout(body, '300 shops').source.name).toBe('Ostland Retail Council');
  });

  it('reads "complained of" as a position of the speaker', () => {
    const body = 'Commuters complained of 40-minute delays on the northern line all week.';
    expect(claimAbout(body, '40-minute delays').source.name).toBe('Commuters');
  });

  it('leaves out an object relative clause and keeps a subject relative as background', () => {
    const body = 'The plan needed the approval of the Water Board of Ostland, which the council received in May.';
    const claims = claimsOf(body);
    expect(claims).toHaveLength(1);
    expect(claims[0].span).toBe('The plan needed the approval of the Water Board of Ostland');
  });

  it('does not count the digit in a name as a number in the speaker’s description', () => {
    const body = 'Arvik Aero, which builds the Falcon-3, said the launch was the first failure in 9 flights.';
    expect(claimsOf(body).map((c) => c.span)).toEqual(['the launch was the first failure in 9 flights']);
  });

  it('gives a poll result to whoever ran the poll, as one whole claim', () => {
    const body = 'Nine of the 12 economists surveyed by Kappa Research last month had forecast a rate cut in June.';
    const claims = claimsOf(body);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ span: body.slice(0, -1), source: { name: 'Kappa Research' } });
  });

  it('gives "a company spokesperson" to the company, not to the union named last', () => {
    const body =
      'Drivers at Keller Foods voted to strike on Monday. Jan Ortiz, who leads the Food Workers Union, said 800 members had backed the action. ' +
      '“The pay offer is 4 percent and it stands,” a company spokesperson said.';
    expect(claimAbout(body, 'pay offer').source.name).toBe('Keller Foods');
  });

  it('reports what a minister announced as the publisher’s account of an act', () => {
    const body = 'Finance Minister Ivo Brandt announced a relief fund of 90 million crowns for flooded towns.';
    expect(claimAbout(body, 'relief fund').source.name).toBe('The Daily Record');
  });

  it('reads "the newspaper X" as the publication X', () => {
    const body = 'The airline denied a report in the newspaper Kvällsbladet that its pilots had refused 30 flights.';
    expect(claimAbout(body, 'refused 30 flights').source).toMatchObject({ name: 'Kvällsbladet', kind: SourceKind.PUBLICATION });
  });

  it('takes a counted group of people named by what they do as the speaker', () => {
    const body = 'Several commuters said the 7.15 service had been cancelled twice this week.';
    expect(claimAbout(body, 'cancelled twice').source.name).toBe('Several commuters');
  });

  it('splits off a second fact joined by ", as" with its own subject and verb', () => {
    const body = 'The Ostland Central Bank raised its main rate to 5 percent on Thursday, as wage growth continued to outpace its forecasts.';
    expect(claimsOf(body).map((c) => c.span)).toEqual([
      'The Ostland Central Bank raised its main rate to 5 percent on Thursday',
      'wage growth continued to outpace its forecasts',
    ]);
  });

  it('gives "the statement said" to the institution that issued it, or to the one named last', () => {
    const issued = 'The Ostland Football Federation issued a statement on Tuesday. The statement said the 2026 final would move to Brennholm.';
    expect(claimAbout(issued, '2026 final').source.name).toBe('Ostland Football Federation');
    const unnamed = 'The Ostland Football Federation met on Tuesday. The statement said the 2026 final would move to Brennholm.';
    expect(claimAbout(unnamed, '2026 final').source.name).toBe('Ostland Football Federation');
  });

  it('resolves a word bodies are named with only to a body named with it ("the media" is not the ministry)', () => {
    const body = 'The Ostland Ministry of Finance said the deficit would reach 4 percent. The media reported that 30 officials had resigned.';
    expect(claimAbout(body, '30 officials').source.name).not.toBe('Ostland Ministry of Finance');
  });
});

// A wire story's dateline names its city: bare prosecutors and police there are that city's.
describe('extractClaims qualifies bare prosecutors by the dateline city', () => {
  it.each<[string, string, string]>([
    ['MESTRA, Veskoria (CPA) — Three managers were charged on Tuesday. “Each warning was received and filed,” prosecutors wrote.', 'received and filed', 'Mestra prosecutors'],
    // With no dateline, a case in federal court is federal prosecutors'.
    ['Gregory Hale pleaded not guilty Monday to federal charges. Prosecutors allege that Hale approved 212 invoices from a shell company.', '212 invoices', 'Federal prosecutors'],
    ['OSLO, May 2 (Nordic Wire) - The road was closed for 14 hours after the crash, police said.', 'closed for 14 hours', 'Oslo Police'],
    ['Three managers were charged on Tuesday. “Each warning was received and filed,” prosecutors wrote.', 'received and filed', 'Prosecutors'],
    // Police of the town, with what kind of police they are; with no town, of the county the story names.
    ['OSLO, May 2 (Nordic Wire) - Traffic police say the bridge was closed within 4 minutes.', 'closed within 4 minutes', 'Oslo traffic police'],
    ['Roads across Fennmark county are flooded. No one was injured in 2 collapses, police said.', 'No one was injured', 'Fennmark Police'],
  ])('%j', (body, fragment, source) => {
    expect(claimAbout(body, fragment).source.name).toBe(source);
  });
});

// "the company" is the business that spoke a sentence ago, before the one the article names most.
describe('extractClaims resolves "the company" to the business that just spoke', () => {
  it.each<[string, string, string]>([
    [
      'Nordnett, the grid company, said 41,000 homes had lost power. Nordnett crews are out. Nordnett expects repairs to take days. ' +
        'The ferry operator, Sundlink, has cancelled all sailings. In a statement, it said the next departure would be on Friday. ' +
        'About 1,200 passengers were booked on the cancelled crossings, the company said.',
      '1,200 passengers',
      'Sundlink',
    ],
    [
      'Nordnett, the grid company, said 41,000 homes had lost power. Nordnett crews are out. ' +
        'About 1,200 customers were reconnected by noon, the company said.',
      '1,200 customers',
      'Nordnett',
    ],
  ])('%j', (body, fragment, source) => {
    expect(claimAbout(body, fragment).source.name).toBe(source);
  });
});

// "the county education office" is an office of the county the story names, however it capitalises "county".
describe('extractClaims names a county office by the story’s county', () => {
  it.each<[string, string, string]>([
    [
      'Roads across Fennmark county are flooded. Schools across Fennmark county will stay closed for 2 days, the county education office has announced.',
      'closed for 2 days',
      'Fennmark County education office',
    ],
    ['Schools will stay closed for 2 days, the county education office has announced.', 'closed for 2 days', 'County education office'],
  ])('%j', (body, fragment, source) => {
    expect(claimAbout(body, fragment).source.name).toBe(source);
  });
});

// A live blog: entries stand newest first, and a body that put out a statement speaks through "it" and "the company".
describe('extractClaims resolves the sources of live-blog entries', () => {
  it.each<[string, string, string]>([
    [
      '17:40 — Orlen-Varga has issued a statement. The company says 14 employees were on site when the fire began. ' +
        'It says the fire started in a storage area for drums of acetone.\n\n' +
        '17:15 — Crews are at the scene, said Group Commander Tessa Whyte.',
      'drums of acetone',
      'Orlen-Varga',
    ],
    [
      '17:40 — Orlen-Varga has issued a statement. The company says 14 employees were on site when the fire began.',
      '14 employees',
      'Orlen-Varga',
    ],
    [
      '20:40 — The ship’s operator, Halvard Line, has released a statement. It says the ship lost propulsion 4 minutes before the collision.\n\n' +
        '15:45 — Nobody was hurt in the collision, according to the coastguard.',
      'lost propulsion',
      'Halvard Line',
    ],
    // An unnamed spokesperson speaks for the body that spoke a sentence ago, not for one only named since.
    [
      '14:20 — The North Vale Ambulance Service says three people have been taken to Vale General Hospital. ' +
        'A spokesperson said none of their injuries was thought to be life-threatening.',
      'life-threatening',
      'North Vale Ambulance Service',
    ],
    [
      '13:30 — The Port of Portmere says 14 vessels are waiting to enter the port. ' +
        'A port spokesperson said each day of closure costs the port about €1.5 million.',
      '€1.5 million',
      'Port of Portmere',
    ],
    // The key points above the entries name a body the entries below name in full.
    [
      'Key points\n\n• Around 120 firefighters are at the scene, the fire service says\n\n' +
        '12:30 — North Vale Fire and Rescue Service says it now has about 120 firefighters at the scene.',
      'Around 120 firefighters',
      'North Vale Fire and Rescue Service',
    ],
  ])('%j', (body, fragment, source) => {
    expect(claimAbout(body, fragment).source.name).toBe(source);
  });

  it('gives "investigators" to the body named for the investigation', () => {
    const body =
      'The ferry sailed into winds above its limit, according to a report by the Coastal Safety Investigation Board. ' +
      'Investigators found that the master had received an automated wind warning 11 minutes before departure.';
    expect(claimAbout(body, 'wind warning').source.name).toBe('Coastal Safety Investigation Board');
  });

  it('keeps a body named by its kind ("the coastguard") that kind of source when nothing names it in full', () => {
    const body = 'The coastguard says 200 litres of fuel oil have leaked from the ship. A spokesperson said the leak had spread 40 metres by 6 p.m.';
    expect(claimAbout(body, '200 litres').source).toMatchObject({ name: 'Coastguard', kind: SourceKind.GOVERNMENT });
    expect(claimAbout(body, '40 metres').source.name).toBe('Coastguard');
  });
});

// A local paper is named after its town: "the city" of its articles is that town.
describe('extractClaims names "the city" by the town the publisher is named after', () => {
  const body =
    'Portmere will keep the bridge shut for two weeks. Ferries across Portmere harbour will run every 15 minutes. ' +
    'About 62,000 vehicles cross the bridge on an average weekday, according to the city’s roads department.';
  it.each<[string, string | null, string]>([
    ['a paper named after the town', 'Portmere Daily', 'Portmere roads department'],
    ['a paper named after somewhere else', 'Lakeshore Ledger', 'City’s roads department'],
    ['no publisher', null, 'City’s roads department'],
  ])('%s', (_, publisher, source) => {
    expect(claimAbout(body, '62,000 vehicles', { publisher }).source.name).toBe(source);
  });
});

// Who "he" is after a speaker described by an employer's possessive.
describe('extractClaims never reads an employer in an appositive as a person', () => {
  it('gives "he added" to the person, not to "North Vale’s" in his description', () => {
    const body =
      'The smoke poses a low risk to the public, said Dr. Imran Qureshi, North Vale’s director of public health. ' +
      'Air monitoring at four sites had found no levels of concern so far, he added.';
    expect(claimAbout(body, 'four sites').source.name).toBe('Imran Qureshi');
  });

  it('never takes a quotation’s opening gerund for a first name ("Joining Northwind")', () => {
    const body =
      '“Joining Northwind is the natural next step in our journey,” said Marco Bellandi. ' +
      'Northwind Rail Systems reported revenue of £412 million. Northwind now expects full-year revenue of £1.62 billion.';
    expect(claimAbout(body, '£1.62 billion').source.name).toBe('Northwind Rail Systems');
  });
});
