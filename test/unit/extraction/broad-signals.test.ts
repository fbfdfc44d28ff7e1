import { claimAbout, claimsOf } from './support';

describe('extractClaims leaves out what no one can check', () => {
  it.each([
    ['how people reacted ("were divided")', 'Historians were divided on the meaning of the museum’s new label.'],
    ['how a speaker sounded', 'Ana Ruiz, a ferry captain for 30 years, sounded tired.'],
    ['a comparison of manner', 'Governor Lena Holm was blunter.'],
    ['a quoted feeling', 'Tarvik Mining said it was “deeply disappointed” by the vote.'],
    ['a reporter’s note that a claim is unchecked', 'The video could not be independently verified.'],
    ['a promise in the first person plural', '“We will come back stronger from this,” coach Ivo Lind said.'],
    ['the generic “you” of a quote', '“These days you’re lucky to find a parking space,” said Mara Vance, a shop owner in Kelton.'],
    ['public-relations boilerplate', '“The wellbeing of our guests is our top priority,” Solace Hotels said.'],
    ['what a body wants others to do', 'The charity wants councils to open more shelters and ministers to fund them.'],
    ['a vignette of a place', 'At a bakery in Tolworth on Monday, the bread shelves had been stripped bare by 9 a.m.'],
    ['the weather and time of day', 'The plan was unveiled on a wet afternoon at the harbour museum.'],
    ['an easy judgement', '“Cutting the bus routes is the easy option,” said Councillor Rhys Bowen.'],
    ['a framing of what something is about', '“This is about whether families can stay in Kelton,” said Mara Vance, a tenant organiser.'],
    ['a verdict of insufficiency', 'Opposition lawmakers said the new grant was not enough.'],
    ['sympathy with victims', '“Our thoughts are with everyone injured on the platform,” said Lena Ortiz, who runs Kelton Rail.'],
    ['condolences offered', 'The Harwick club offered its deepest condolences to the family of the groundsman.'],
    ['an instruction in the passive', 'Drivers who need a replacement permit are asked to visit the council office in Kelton.'],
    ['a response to news ("pushed back")', 'Shop owners in Tolworth were quick to push back.'],
    ['news greeted with a mood', 'Nurses at the Kelton hospital greeted the pay offer with relief.'],
    ['a proposal met with doubt', 'The mayor’s promise was met with scepticism by several councillors.'],
    ['a finding that brought little comfort', 'For the tenants of Birch House, the inspection brought little comfort.'],
    ['an open question about what comes next', 'What the closure means for the workers at the Tolworth plant is far from settled.'],
    ['an open question left to someone', 'What the verdict means for the remaining suspects is a question the prosecutors have yet to answer.'],
    ['a demand that someone act', '“Somebody needs to tell us who approved this,” said Rhys Bowen, a Kelton councillor.'],
    ['a familiar story', 'For many in the farming towns of the valley, the flood is a familiar story.'],
    ['the question put to a speaker', 'Asked whether the club had paid too much for the striker, Ana Ruiz said: “No.'],
  ])('drops %s', (_, body) => {
    expect(claimsOf(body)).toEqual([]);
  });

  it('drops every clause of a vignette, not only the first', () => {
    const body = 'At a pharmacy in Corran on Friday, the cold-medicine shelf was empty, with a printed apology taped to the glass.';
    expect(claimsOf(body)).toEqual([]);
  });

  it('keeps an attributed event that opens at a place', () => {
    const body = 'At a market in Wexley on Sunday, two men were arrested after a stall was set alight, police said.';
    expect(claimsOf(body).some((c) => c.span.includes('two men were arrested'))).toBe(true);
  });

  it('keeps a response that comes with a checkable fact', () => {
    const body = 'Kelton Rail pushed back on the report, saying 92 percent of its trains ran on time in March.';
    expect(claimsOf(body).some((c) => c.span.includes('92 percent'))).toBe(true);
  });

  it('still keeps a first-person plural statement of fact', () => {
    const body = '“We have no record of any complaint before March,” Dana Whitfield, a spokesperson for Arlo Transit, said.';
    expect(claimsOf(body).some((c) => c.span.includes('no record of any complaint'))).toBe(true);
  });
});

describe('extractClaims names the source of documents and groups', () => {
  it('reads a list of places before "the notice said" as part of the statement', () => {
    const body = 'The affected jars were sold in Maine, Vermont, Ohio and Iowa, the notice said.';
    expect(claimsOf(body)[0].span).toContain('Iowa');
    expect(claimsOf(body)[0].source.name).not.toMatch(/Maine|Vermont|Ohio|Iowa/);
  });

  it('gives a document to whoever put it out ("a timeline the agency released")', () => {
    const body = 'The Port Authority of Calder closed two terminals on Monday. The outage began at 4 a.m., according to a timeline the Port Authority of Calder released on Tuesday.';
    expect(claimAbout(body, 'outage began').source.name).toBe('Port Authority of Calder');
  });

  it('gives "the report said" to the owner of "the trust’s report"', () => {
    const body =
      'The Upland Moors Trust published its annual count on Monday. Volunteers found 88 nests, the trust’s report said. The report also found that 12 nests were lost to flooding.';
    expect(claimAbout(body, '12 nests were lost').source.name).toBe('Upland Moors Trust');
  });

  it('keeps figures after a document’s in the same paragraph with that document', () => {
    const body = 'The Upland Moors Trust counted birds on 40 farms. Volunteers found 88 nests, the trust’s report said. Hatching rose to 61 percent.';
    expect(claimAbout(body, 'Hatching rose').source.name).toBe('Upland Moors Trust');
  });

  it('names a group by its place: "residents of the Northgate estate" are Northgate residents', () => {
    const body = 'Residents of the Northgate estate said the lifts had been broken for 11 weeks.';
    expect(claimAbout(body, 'lifts had been broken').source.name).toBe('Northgate residents');
  });

  it('reads a plural possessive ("Harbor Airlines’ bid") as the organisation’s name', () => {
    const body = 'Regulators rejected Harbor Airlines’ bid for two routes on Monday. Harbor said it would appeal the decision within 30 days.';
    expect(claimAbout(body, 'appeal the decision').source.name).toBe('Harbor Airlines');
  });

  it('takes "the panel" to be the tribunal it sits for', () => {
    const body =
      'The Fair Trade Tribunal on Monday fined Orlen Freight $4 million. A three-judge panel found that Orlen Freight Lines’ drivers worked 70-hour weeks. The fine was “proportionate,” the panel wrote.';
    expect(claimAbout(body, 'proportionate').source.name).toBe('Fair Trade Tribunal');
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
