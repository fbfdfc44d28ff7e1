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
