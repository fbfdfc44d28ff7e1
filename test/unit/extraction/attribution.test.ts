import { SourceKind } from '../../../src/domain/types';
import { attributeSentence, type FrameStyle } from '../../../src/domain/extraction/attribution';
import { claimAbout, claimsOf } from './support';

describe('extractClaims attribution', () => {
  it('attributes a quote to the speaker named after it', () => {
    const body = '“The city will spend $48 million on the bridge over three years,” said Mayor Jane Doe.';
    const claim = claimAbout(body, '$48 million');
    expect(claim.source).toMatchObject({ name: 'Jane Doe', kind: SourceKind.PERSON });
    expect(claim.span).toBe('The city will spend $48 million on the bridge over three years');
    expect(claim.text).toBe('The city will spend $48 million on the bridge over three years.');
  });

  it('resolves "she said" after a quote to the person named earlier', () => {
    const body =
      'Mayor Jane Doe met residents on Monday.\n\n“Every dollar of the $45 million grant goes back to ratepayers,” she said.';
    expect(claimAbout(body, '$45 million').source.name).toBe('Jane Doe');
  });

  it('takes the source from "according to" and leaves the frame out of the span and text', () => {
    const body = 'According to the recent statement from the Ministry of Finance, tax revenue rose 12 percent in 2024.';
    const claim = claimAbout(body, '12 percent');
    expect(claim.source).toMatchObject({ name: 'Ministry of Finance', kind: SourceKind.GOVERNMENT });
    expect(claim.span).toBe('tax revenue rose 12 percent in 2024');
    expect(claim.text).toBe('Tax revenue rose 12 percent in 2024.');
  });

  it('takes the source from a trailing "according to"', () => {
    const body = 'Household bills will rise from $54 to $64 a month by 2026, according to a report by the Department of Public Utilities.';
    expect(claimAbout(body, '$54').source).toMatchObject({ name: 'Department of Public Utilities', kind: SourceKind.GOVERNMENT });
  });

  it('splits a title and affiliation from a name', () => {
    const body = 'U.S. Treasury Secretary Scott Bessent said the tariffs on 300 products would be lifted in June.';
    expect(claimAbout(body, 'tariffs').source).toEqual({ name: 'Scott Bessent', kind: SourceKind.PERSON, affiliation: 'U.S. Treasury' });
  });

  it('reads "X from Organisation" as a person with an affiliation, and a later bare surname as the same person', () => {
    const body =
      'Alfredo Montufar-Helu from The Conference Board suggests that exports fell 8 percent in May. ' +
      'Montufar-Helu believes that China will keep 40 percent of its export controls.';
    const first = claimAbout(body, 'exports fell');
    const second = claimAbout(body, 'export controls');
    expect(first.source).toEqual({ name: 'Alfredo Montufar-Helu', kind: SourceKind.PERSON, affiliation: 'The Conference Board' });
    expect(second.source).toEqual(first.source);
    expect(first.span).toBe('exports fell 8 percent in May');
  });

  it('attributes statements about a company to the company named before "the company said"', () => {
    const body =
      'The trial was funded by Calyra Therapeutics, the Boston-based company developing the drug. ' +
      'Calyra plans to begin a trial with 1,800 patients next year, the company said in a statement.';
    expect(claimAbout(body, '1,800 patients').source).toMatchObject({ name: 'Calyra Therapeutics', kind: SourceKind.ORGANIZATION });
  });

  it('makes the organisation the source of "researchers at X"', () => {
    const body = 'Researchers at the Hallam Institute for Neurological Research found that 38 percent of patients improved.';
    expect(claimAbout(body, '38 percent').source).toMatchObject({
      name: 'Hallam Institute for Neurological Research',
      kind: SourceKind.ORGANIZATION,
    });
  });

  it('reads a capital city as its government and keeps the whole sentence for an expressed position', () => {
    const body = 'Washington has expressed frustration over China’s slow easing of export barriers on rare earths.';
    const claim = claimAbout(body, 'frustration');
    expect(claim.source).toMatchObject({ name: 'Washington', kind: SourceKind.GOVERNMENT });
    expect(claim.span).toBe('Washington has expressed frustration over China’s slow easing of export barriers on rare earths');
  });

  it('gives unattributed narration to the publisher, or to an unknown publisher when there is none', () => {
    const body = 'The council voted 5-2 on Tuesday to raise water rates by 18 percent.';
    expect(claimAbout(body, '18 percent').source).toEqual({ name: 'The Daily Record', kind: SourceKind.PUBLICATION, affiliation: null });
    expect(claimAbout(body, '18 percent', {}).source).toMatchObject({ name: 'Unknown publisher', kind: SourceKind.UNKNOWN });
  });

  it('keeps a quotation running over several sentences with the speaker named in its first', () => {
    const body = '“Rates will rise 18 percent,” said Mayor Jane Doe. “The pipes are 70 years old. We lost 1.2 billion gallons in 2024.”';
    expect(claimAbout(body, '70 years old').source.name).toBe('Jane Doe');
    expect(claimAbout(body, '1.2 billion gallons').source.name).toBe('Jane Doe');
  });

  it('reads "told reporters" and an appositive after the speaker', () => {
    const body =
      'Doe told reporters after the vote that the city had applied for $45 million in grants. ' +
      '“A full plan was delivered in September 2023,” Dana Whitfield, a spokesperson for the department, said in a statement.';
    expect(claimAbout(body, '$45 million').span).toBe('the city had applied for $45 million in grants');
    expect(claimAbout(body, 'September 2023').source.name).toBe('Dana Whitfield');
  });

  it('reads a role and a name after a quotation, in double or British single quotes', () => {
    const body =
      '“We followed every rule the state set in 2023,” the company’s chief executive, Peter Vance, said in a statement. ' +
      '‘We will appeal this ruling within 30 days,’ the company’s lawyer, Ann Cole, said.';
    expect(claimAbout(body, 'every rule').source.name).toBe('Peter Vance');
    expect(claimAbout(body, 'within 30 days')).toMatchObject({ span: 'We will appeal this ruling within 30 days', source: { name: 'Ann Cole' } });
  });

  it('continues the source of an attributed sentence into one that opens with "Concurrently"', () => {
    const body =
      'According to the Chinese government, export applications will be reviewed within 45 days. ' +
      'Concurrently, the U.S. plans to rescind 12 restrictions on Chinese imports.';
    const claim = claimAbout(body, 'rescind');
    expect(claim.source.name).toBe('Chinese government');
    expect(claim.span.startsWith('the U.S. plans')).toBe(true);
  });

  it('makes a rejection of "that claim" a denial whose text is the claim denied', () => {
    const body =
      'Councilmember Raúl Ortega claimed that the department had spent $3 million on consultants since 2022. ' +
      'The department rejected that claim.';
    const claims = claimsOf(body);
    const denial = claims.find((c) => c.span === 'The department rejected that claim');
    expect(denial).toBeDefined();
    expect(denial?.stance).toBe('DENIES');
    expect(denial?.text).toBe(claims.find((c) => c.span.includes('$3 million'))?.text);
  });

  it('writes the claim as a standalone statement: frame gone, leading pronoun named, capital and period', () => {
    const body = 'Mayor Jane Doe spoke on Monday. She said she would cut the budget by $5 million in 2026.';
    expect(claimAbout(body, '$5 million').text).toBe('Jane Doe would cut the budget by $5 million in 2026.');
    const hedged = 'Alfredo Montufar-Helu suggests that while China may ease 12 barriers, it will keep 40 percent of its controls.';
    expect(claimsOf(hedged).map((c) => c.text)).toEqual(['China may ease 12 barriers.', 'It will keep 40 percent of its controls.']);
  });

  it('splits "X said A, adding that B" into two claims of the same speaker', () => {
    const body = 'Mayor Jane Doe said the city would borrow $20 million, adding that repairs would start in April 2026.';
    const claims = claimsOf(body);
    expect(claims.map((c) => c.span)).toEqual(['the city would borrow $20 million', 'repairs would start in April 2026']);
    expect(claims.every((c) => c.source.name === 'Jane Doe')).toBe(true);
  });
});

// The attribution stage alone: each statement of one sentence, who makes it, with which verb, in which frame.
describe('attributeSentence (the attribution stage)', () => {
  type Row = [statement: string, speaker: string | null, cue: string | null, style: FrameStyle];
  const read = (sentence: string): Row[] =>
    attributeSentence(sentence).map((s) => [sentence.slice(s.range.start, s.range.end), s.speaker, s.cue, s.style]);

  it.each<[string, Row[]]>([
    // Speaker first.
    ['The ministry said exports fell 8 percent in March.', [['exports fell 8 percent in March', 'The ministry', 'said', 'speaker-first']]],
    ['Analysts expect the central bank to raise rates in June.', [['the central bank to raise rates in June', 'Analysts', 'expect', 'speaker-first']]],
    ['The minister pointed out that the budget had doubled.', [['the budget had doubled', 'The minister', 'pointed', 'speaker-first']]],
    ['LONDON, May 2 (Wire) - Acme said profits rose 4 percent.', [['profits rose 4 percent', 'Acme', 'said', 'speaker-first']]],
    // A finding needs "that": "found a body" is an event the publisher reports.
    ['The study found that bees exposed to the fungicide got lost.', [['bees exposed to the fungicide got lost', 'The study', 'found', 'speaker-first']]],
    ['Police found a body near the river on Monday.', [['Police found a body near the river on Monday', null, null, 'narration']]],
    // "is expected to" names a state, not a report.
    ['The deal is expected to close in May.', [['The deal is expected to close in May', null, null, 'narration']]],
    // Speaker after the statement, and inside a quotation.
    ['Exports fell 8 percent in March, the ministry said.', [['Exports fell 8 percent in March', 'the ministry', 'said', 'speaker-after']]],
    ['“Exports fell 8 percent in March,” said Trade Minister Ana Ruiz.', [['Exports fell 8 percent in March', 'Trade Minister Ana Ruiz', 'said', 'speaker-after']]],
    ['“Exports fell,” she said, “and imports rose.”', [['Exports fell,” she said, “and imports rose', 'she', 'said', 'speaker-inside']]],
    // A speaker named by a long name and what it is; an adjective in "-ing" inside a speaker phrase.
    ['Economists at the Centre for Policy Research, an independent think tank, warned that growth could slow.', [['growth could slow', 'Economists at the Centre for Policy Research, an independent think tank', 'warned', 'speaker-first']]],
    ['A spokesperson for the governing body said it had been informed of the error.', [['it had been informed of the error', 'A spokesperson for the governing body', 'said', 'speaker-first']]],
    // After a possessive comes its noun: "The board’s report says" is the report speaking, not the board "reporting".
    ['The board’s report says gusts of 52 knots were recorded.', [['gusts of 52 knots were recorded', 'The board’s report', 'says', 'speaker-first']]],
    // "according to" a document and who put it out: the -ing word of "housing department" describes it.
    ['Rents rose 9 percent, according to a report released Thursday by the city’s housing department.', [['Rents rose 9 percent', 'a report released Thursday by the city’s housing department', 'according to', 'speaker-after']]],
    ['Builders started 1,120 homes, according to permit data compiled by the Regional Builders Association.', [['Builders started 1,120 homes', 'permit data compiled by the Regional Builders Association', 'according to', 'speaker-after']]],
    // A document and how it came out, closed by a comma, before its verb; an institution word ("directorate").
    ['An inspection log from the State Mining Authority, released last year under freedom-of-information rules, showed that the dam had not been inspected since 2019.', [['the dam had not been inspected since 2019', 'An inspection log from the State Mining Authority, released last year under freedom-of-information rules', 'showed', 'speaker-first']]],
    ['The directorate estimated that 3,000 objects were waiting to be registered.', [['3,000 objects were waiting to be registered', 'The directorate', 'estimated', 'speaker-first']]],
    // "responded by doing": an act, not a report.
    ['Hesketh has responded by taking on two apprentices.', [['Hesketh has responded by taking on two apprentices', null, null, 'narration']]],
    // A denial and a report joined by "and", with or without a comma: two statements, each with its own verb.
    ['Brookfield denied that the warning had been ignored and said its records had been shared in full.', [['the warning had been ignored', 'Brookfield', 'denied', 'speaker-first'], ['its records had been shared in full', 'Brookfield', 'said', 'speaker-first']]],
    ['Halden said that the new rent was in line with the market and denied that it was pushing the shop out.', [['the new rent was in line with the market', 'Halden', 'said', 'speaker-first'], ['it was pushing the shop out', 'Halden', 'denied', 'speaker-first']]],
    // An act, then a report joined to it by "and": the act is the publisher's, the report the subject's.
    ['Police arrested two men and said they would be charged on Monday.', [['Police arrested two men', null, null, 'narration'], ['they would be charged on Monday', 'Police', 'said', 'speaker-first']]],
    ['Police arrested two men and said nothing more.', [['Police arrested two men and said nothing more', null, null, 'narration']]],
    // A frame set inside the statement after its subject: cut out of the claim, the pronoun speaks.
    ['Resin repairs, she argues, turn yellow within 20 years.', [['Resin repairs, she argues, turn yellow within 20 years', 'she', 'argues', 'speaker-inside']]],
    // A word after a possessive is a noun: "a consultant’s report" reports nothing.
    ['Ormsby’s figure comes from a consultant’s report, and the company has declined to release it.', [['Ormsby’s figure comes from a consultant’s report, and the company has declined to release it', null, null, 'narration']]],
    // An act, then what the actor argued while doing it.
    [
      'Corvane has asked the court to dismiss the case, arguing in a filing that the claims are covered by a compensation scheme.',
      [['Corvane has asked the court to dismiss the case', null, null, 'narration'], ['the claims are covered by a compensation scheme', 'Corvane', 'arguing', 'speaker-first']],
    ],
    // A list's bullet before the speaker.
    ['• Northline Gas says supplies to 6,000 homes have been cut off', [['supplies to 6,000 homes have been cut off', 'Northline Gas', 'says', 'speaker-first']]],
    // A short lead-in ending in a colon, then the speaker.
    ['A word on those rumours: the electoral office says 212 boxes arrived sealed.', [['212 boxes arrived sealed', 'the electoral office', 'says', 'speaker-first']]],
    // "calculated that": a finding, read only with "that".
    ['The group calculated that the pollution had caused 120 deaths.', [['the pollution had caused 120 deaths', 'The group', 'calculated', 'speaker-first']]],
    // A report in the progressive.
    ['Local station Radio Tarrow is reporting that the ship was flagged for engine problems.', [['the ship was flagged for engine problems', 'Local station Radio Tarrow', 'reporting', 'speaker-first']]],
    // A lower-case kind of source before its name.
    ['About 41,000 homes are without power, according to grid operator Nordnett.', [['About 41,000 homes are without power', 'grid operator Nordnett', 'according to', 'speaker-after']]],
    // A group named by a lower-case noun of whose people they are.
    ['Classes will resume on Monday, district officials confirmed.', [['Classes will resume on Monday', 'district officials', 'confirmed', 'speaker-after']]],
    ['The record may not stand, race organisers said on Monday.', [['The record may not stand', 'race organisers', 'said', 'speaker-after']]],
    // "According to", before and after.
    ['According to the ministry, exports fell 8 percent in March.', [['exports fell 8 percent in March', 'the ministry', 'according to', 'according-to']]],
    ['As the ministry noted, exports fell 8 percent in March.', [['exports fell 8 percent in March', 'the ministry', 'according to', 'according-to']]],
    ['Exports fell 8 percent in March, according to a report by the Freight Council.', [['Exports fell 8 percent in March', 'a report by the Freight Council', 'according to', 'speaker-after']]],
    // Tail frames, read over the tail's tokens: words between the speaker and its verb, when or where, who was told, a phrasal verb.
    ['Exports fell 8 percent in March, the ministry has also said.', [['Exports fell 8 percent in March', 'the ministry', 'said', 'speaker-after']]],
    ['Exports fell 8 percent in March, the ministry said on Monday.', [['Exports fell 8 percent in March', 'the ministry', 'said', 'speaker-after']]],
    ['Exports fell 8 percent in March, she told reporters after the vote.', [['Exports fell 8 percent in March', 'she', 'told', 'speaker-after']]],
    ['Exports fell 8 percent in March, she told The Associated Press.', [['Exports fell 8 percent in March', 'she', 'told', 'speaker-after']]],
    ['A recount has been ordered in Fellside North, the returning officer’s team tells us.', [['A recount has been ordered in Fellside North', 'the returning officer’s team', 'tells', 'speaker-after']]],
    // A clause between commas is no appositive: the speaker is the shortest tail after it.
    [
      'A recount was ordered in Fellside, where the candidate, Yusuf Marlow, leads the incumbent by four votes, the returning officer said.',
      [['A recount was ordered in Fellside, where the candidate, Yusuf Marlow, leads the incumbent by four votes', 'the returning officer', 'said', 'speaker-after']],
    ],
    ['Exports fell 8 percent in March, the minister pointed out.', [['Exports fell 8 percent in March', 'the minister', 'pointed out', 'speaker-after']]],
    // "the" before a title and a name, then an appositive: still a named speaker.
    ['“She found the original glass in the hedge,” said the Rev. Tobias Renwick, the vicar of Fenley.', [['She found the original glass in the hedge', 'the Rev. Tobias Renwick, the vicar of Fenley', 'said', 'speaker-after']]],
    // The verb first: a speaker with its appositive, then a follow-up of the speaker's own or another speaker's.
    ['Exports fell 8 percent in March, said Ana Ruiz, a spokeswoman for the ministry.', [['Exports fell 8 percent in March', 'Ana Ruiz, a spokeswoman for the ministry', 'said', 'speaker-after']]],
    ['Exports fell 8 percent in March, said the minister on Monday, adding that imports rose.', [['Exports fell 8 percent in March', 'the minister', 'said', 'speaker-after'], ['imports rose', 'the minister', 'adding', 'speaker-first']]],
    ['Exports fell 8 percent in March, the ministry said, but economists cautioned that the figures may be revised.', [['Exports fell 8 percent in March', 'the ministry', 'said', 'speaker-after'], ['the figures may be revised', 'economists', 'cautioned', 'speaker-first']]],
    // "according to X" closing the sentence: an appositive describes X, a relative clause describes the source and is left out.
    ['Exports fell 8 percent in March, according to Karen Liu, president of the exporters’ association.', [['Exports fell 8 percent in March', 'Karen Liu, president of the exporters’ association', 'according to', 'speaker-after']]],
    ['Exports fell 8 percent in March, according to a study by the Freight Council that adds to concerns about trade.', [['Exports fell 8 percent in March', 'a study by the Freight Council', 'according to', 'speaker-after']]],
    // "according to X," inside the sentence: the publisher's aside after it, or the frame cut out.
    ['Exports fell 8 percent in March, according to the ministry, in what would be the steepest drop in a decade.', [['Exports fell 8 percent in March', 'the ministry', 'according to', 'speaker-after'], ['in what would be the steepest drop in a decade', null, null, 'narration']]],
    ['Exports fell, according to the ministry, to their lowest level since 2009.', [['Exports fell, according to the ministry, to their lowest level since 2009', 'the ministry', 'according to', 'speaker-inside']]],
    // "As X told reporters," and an introductory phrase before "according to"; "As" without a reporting verb is no frame.
    ['As the minister told reporters on Monday, exports fell 8 percent in March.', [['exports fell 8 percent in March', 'the minister', 'according to', 'according-to']]],
    ['In its monthly bulletin, according to the ministry, exports fell 8 percent in March.', [['exports fell 8 percent in March', 'the ministry', 'according to', 'according-to']]],
    ['A quick check by our data desk: according to the ministry, exports fell 8 percent in March.', [['exports fell 8 percent in March', 'the ministry', 'according to', 'according-to']]],
    ['As exports fell, the minister resigned.', [['As exports fell, the minister resigned', null, null, 'narration']]],
    // "said in a statement that …" holds a clause: speaker first, not a tail. A frame inside a quotation is cut out.
    ['The ministry said in a statement that exports fell 8 percent in March.', [['exports fell 8 percent in March', 'The ministry', 'said', 'speaker-first']]],
    ['“Exports fell,” said the minister, “and imports rose.”', [['Exports fell,” said the minister, “and imports rose', 'the minister', 'said', 'speaker-inside']]],
    // Follow-ups: a gerund goes on with the speaker; so does "and" with a clause of its own.
    [
      'Acme cut 400 jobs, the company said, adding that more cuts were possible.',
      [['Acme cut 400 jobs', 'the company', 'said', 'speaker-after'], ['more cuts were possible', 'the company', 'adding', 'speaker-first']],
    ],
    [
      'The plant will close in May, Lee said, and 200 workers will lose their jobs.',
      [['The plant will close in May', 'Lee', 'said', 'speaker-after'], ['200 workers will lose their jobs', 'Lee', 'said', 'speaker-after']],
    ],
    // Denials, positions and possessives.
    ['The company denied that it had cut 400 jobs.', [['it had cut 400 jobs', 'The company', 'denied', 'speaker-first']]],
    ['The union rejected that claim.', [['The union rejected that claim', 'The union', 'rejected', 'denial']]],
    // A form read as a noun first ("pay disputes") is a denial's verb before what it denies.
    ['CMT disputes that comparison.', [['CMT disputes that comparison', 'CMT', 'disputes', 'denial']]],
    ['Pay disputes closed 14 schools.', [['Pay disputes closed 14 schools', null, null, 'narration']]],
    [
      'The association disputes this and has instructed its own barrister.',
      [['The association disputes this', 'The association', 'disputes', 'denial'], ['has instructed its own barrister', null, null, 'narration']],
    ],
    // The denied nouns of the lexicon: the object denied, the noun before the statement, a claim owned by another source.
    ['The union dismissed those figures as exaggerated.', [['The union dismissed those figures as exaggerated', 'The union', 'dismissed', 'denial']]],
    ['The company denied reports that it had cut 400 jobs.', [['it had cut 400 jobs', 'The company', 'denied', 'speaker-first']]],
    [
      'The club rejected claims by the Premier League that it had broken spending rules.',
      [['it had broken spending rules', 'the Premier League', 'said', 'speaker-first'], ['The club rejected claims by the Premier League', 'The club', 'rejected', 'denial']],
    ],
    ['The mayor has expressed frustration over the delays.', [['The mayor has expressed frustration over the delays', 'The mayor', 'expressed', 'expression']]],
    ['This follows President Ruiz’s remarks about the tariffs.', [['This follows President Ruiz’s remarks about the tariffs', 'President Ruiz', 'remarks', 'possessive']]],
    // What an owned document measures, with no reporting verb or "that": the whole sentence is its owner's.
    ['The council’s own valuation puts the sale at £3.1 million.', [['The council’s own valuation puts the sale at £3.1 million', 'The council’s own valuation', 'puts', 'expression']]],
    ['Its annual report lists 14 bakeries in the county.', [['Its annual report lists 14 bakeries in the county', 'Its annual report', 'lists', 'expression']]],
    [
      'The site sits on the floodplain, and the Castmere Rivers Authority’s flood map places most of it in Flood Zone 3.',
      [['The site sits on the floodplain', null, null, 'narration'], ['the Castmere Rivers Authority’s flood map places most of it in Flood Zone 3', 'the Castmere Rivers Authority’s flood map', 'places', 'expression']],
    ],
    // What a document finds without "that": the whole sentence is the document's; "police found" is an act.
    ['The audit found serious failings in 14 of 20 care homes.', [['The audit found serious failings in 14 of 20 care homes', 'The audit', 'found', 'expression']]],
    ['The study of 4,000 adults found no link between coffee and heart disease.', [['The study of 4,000 adults found no link between coffee and heart disease', 'The study', 'found', 'expression']]],
    ['Police found a body in the river.', [['Police found a body in the river', null, null, 'narration']]],
    // A document shows a clause without "that"; a person or body needs it.
    ['Police figures show crime fell 12 percent.', [['crime fell 12 percent', 'Police figures', 'show', 'speaker-first']]],
    ['Data from the Freight Council shows shipments fell 9 percent.', [['shipments fell 9 percent', 'Data from the Freight Council', 'shows', 'speaker-first']]],
    ['The mayor showed the council had cut 40 jobs.', [['The mayor showed the council had cut 40 jobs', null, null, 'narration']]],
    // "by X’s own count": the statement the count goes with is X's, before or after it; narration before it is the publisher's.
    ['Kelderby has been short of about 90 drivers since the spring, by the authority’s own count.', [['Kelderby has been short of about 90 drivers since the spring', 'the authority', 'by own count', 'speaker-after']]],
    [
      'Farrant has worked with glass for 48 years, and by her own count she has repaired 38 of the 41 churches.',
      [['Farrant has worked with glass for 48 years', null, null, 'narration'], ['she has repaired 38 of the 41 churches', 'she', 'by own count', 'according-to']],
    ],
    // A document nobody owns names no source: "the data puts" is the publisher's.
    ['The data puts the loss at £3 million.', [['The data puts the loss at £3 million', null, null, 'narration']]],
    // Nobody named: the publisher narrates.
    ['The council approved the plan on Tuesday.', [['The council approved the plan on Tuesday', null, null, 'narration']]],
  ])('reads %j', (sentence, expected) => {
    expect(read(sentence)).toEqual(expected);
  });

  it('cuts a frame inside a quotation out of the claim', () => {
    const sentence = '“Exports fell,” she said, “and imports rose.”';
    const [statement] = attributeSentence(sentence);
    expect(statement.cut && sentence.slice(statement.cut.start, statement.cut.end)).toBe(',” she said, ');
  });
});
