import { SourceKind } from '../../../src/domain/types';
import { claimAbout, claimsOf } from './support';

describe('extractClaims attribution forms', () => {
  it('gives a statement with "she said" set inside it to her, split after the frame like any other', () => {
    const body =
      'Sunita Rao, the city’s planning director, defended the department on Tuesday. ' +
      'The 14-month average, she said, included time developers took to revise their applications; the city’s own average was under ten months.';
    const claims = claimsOf(body).filter((c) => c.source.name === 'Sunita Rao');
    expect(claims.map((c) => c.text)).toEqual([
      expect.stringContaining('included time developers took'),
      expect.stringContaining('under ten months'),
    ]);
    expect(claims[0].text).not.toContain('she said');
  });

  it.each([
    ['The union disagreed, saying the rise would be closer to 6 percent.', 'the rise would be closer to 6 percent', 'Union'],
    ['The ministry pushed back on Friday, insisting exports had risen 12 percent since March.', 'exports had risen 12 percent since March', 'Ministry'],
  ])('gives what a speaker said while acting, without "that", to the speaker: %j', (body, statement, speaker) => {
    expect(claimsOf(body)).toEqual([expect.objectContaining({ span: statement, source: expect.objectContaining({ name: speaker }) })]);
  });

  it.each([
    'The captain waved to the crowd, saying goodbye to 4,000 fans who had waited for hours.',
    'Police closed the road at 9 a.m., warning residents to stay indoors until 6 p.m.',
  ])('leaves a gerund that reports no clause in the narration: %j', (body) => {
    expect(claimsOf(body).map((c) => [c.span, c.source.name])).toEqual([[body.replace(/\.$/, ''), 'The Daily Record']]);
  });

  it('gives "A spokeswoman for the Department of Health, Jane Morrow, said …" to the spokeswoman, of the department', () => {
    const body = 'A spokeswoman for the Department of Health, Jane Morrow, said 1,200 beds had been added since January.';
    expect(claimsOf(body)).toEqual([expect.objectContaining({
      span: '1,200 beds had been added since January',
      source: expect.objectContaining({ name: 'Jane Morrow', affiliation: 'Department of Health' }),
    })]);
  });

  it('attributes "police said" to the police, not to the organisation named before', () => {
    const body =
      'Investigators at Harlan Mutual Insurance flagged 40 suspicious claims last year, the insurer said. ' +
      'Police said officers arrested two men at a warehouse in the port district on Friday.';
    expect(claimAbout(body, 'arrested two men').source).toMatchObject({ name: 'Police', kind: SourceKind.GOVERNMENT });
  });

  it('resolves "the study", "the paper" and "the authors" to the institution its researchers work at', () => {
    const body =
      'Researchers at the Corlan Institute of Marine Science tagged 600 sea turtles off the coast over four years. ' +
      'The study, published Monday in Coastal Biology, found that 44% of the turtles returned to the same beach. ' +
      'According to the paper, nesting fell by a third in years with warmer water. ' +
      'The authors cautioned that the sample came from a single region.';
    for (const fragment of ['44% of the turtles', 'nesting fell', 'single region']) {
      expect(claimAbout(body, fragment).source.name).toBe('Corlan Institute of Marine Science');
    }
  });

  it('resolves a trailing "according to a study by researchers at X that …" to X', () => {
    const body = 'Night shifts raise the risk of diabetes by 18%, according to a study by researchers at Tarrow University that followed 9,000 nurses.';
    expect(claimAbout(body, '18%').source.name).toBe('Tarrow University');
  });

  it('attributes court documents filed by prosecutors and an indictment to prosecutors (federal ones in a federal court)', () => {
    const filed = 'According to court documents filed by prosecutors, the contractor billed the city for 1,300 hours never worked.';
    expect(claimAbout(filed, '1,300 hours').source.name).toBe('Prosecutors');
    const indicted = 'The contractor faces nine counts of fraud, according to an indictment unsealed late on Tuesday in the U.S. District Court in Denver.';
    expect(claimAbout(indicted, 'nine counts').source.name).toBe('Federal prosecutors');
  });

  it('gives "the filing showed" to the company that said it in a filing', () => {
    const body =
      'Castell Foods will sell its frozen unit for 300 million dollars, Castell said in a regulatory filing. ' +
      'Net income fell 9% to 41 million dollars, the filing showed.';
    expect(claimAbout(body, 'Net income fell').source.name).toBe('Castell Foods');
  });

  it('resolves "the weather service said" to the National Weather Service named before', () => {
    const body =
      'The National Weather Service issued a blizzard warning for five counties on Monday. ' +
      'Up to 20 inches of snow fell in the hills overnight, the weather service said.';
    expect(claimAbout(body, '20 inches').source).toMatchObject({ name: 'National Weather Service', kind: SourceKind.GOVERNMENT });
  });

  it('resolves a described company in a tail frame ("the Oslo-based shipper said") to the company in the statement', () => {
    const body = 'Nordvik Shipping will sell 12 of its oldest tankers next year, the Oslo-based shipper said on Monday.';
    expect(claimAbout(body, '12 of its oldest tankers').source.name).toBe('Nordvik Shipping');
  });

  it('resolves a hospital named in part to its full name', () => {
    const body =
      'Layton Regional Medical Center cut 90 nursing positions in June. Layton Regional, a 410-bed teaching hospital, employs 3,000 people. ' +
      'The hospital said it would reopen its maternity ward in 2026.';
    expect(claimAbout(body, 'maternity ward').source.name).toBe('Layton Regional Medical Center');
  });

  it('takes the speaker from an appositive that names the organisation ("The maker of X, Acme Corp, said")', () => {
    const body = 'The maker of the scooters, Zumo Mobility, said in a statement that the batteries passed 14 safety tests.';
    expect(claimAbout(body, '14 safety tests').source.name).toBe('Zumo Mobility');
  });

  it('takes the source of "data from X" without an article', () => {
    const body = 'Home sales fell 6% in March from a year earlier, according to data from the Realtors Board of Ontario, a trade group.';
    expect(claimAbout(body, 'Home sales').source.name).toBe('Realtors Board of Ontario');
  });

  it('attributes "X, who chairs the committee, said" and a speaker with a long anonymity aside', () => {
    const chair = 'Rep. Lena Ortiz, a Republican who chairs the finance committee, said about 12,000 teachers would get raises.';
    expect(claimAbout(chair, '12,000 teachers').source.name).toBe('Lena Ortiz');
    const anonymous =
      'Three officials at the Interior Department, speaking on condition of anonymity because the talks are private, said the lease sale would be delayed until 2027.';
    expect(claimAbout(anonymous, 'lease sale').source.name).not.toBe('The Daily Record');
  });

  it('keeps a quote split by its attribution ("The plan," she said, "will cost $2 million.") with the speaker', () => {
    const body = 'Mayor Rita Coles spoke on Monday. “The new bridge,” Coles said, “will open to traffic in October 2026.”';
    const claim = claimAbout(body, 'October 2026');
    expect(claim.source.name).toBe('Rita Coles');
    expect(claim.text).toBe('The new bridge will open to traffic in October 2026.');
  });

  it('reads a tail frame with a place ("said outside the courthouse") as the speaker of the quote', () => {
    const body = 'Defense lawyer Omar Reyes spoke to reporters. “My client repaid all 40,000 dollars in March,” Reyes said outside the courthouse.';
    expect(claimAbout(body, '40,000 dollars').source.name).toBe('Omar Reyes');
  });

  it('goes on with the speaker after "…, he said, but …" and gives "…, the firm said, as …" to the publisher', () => {
    const body =
      'Fire Chief Ana Ruiz said crews reached the blaze at 4 a.m. No one was hurt, she said, but three homes were destroyed. ' +
      'Sales of the game topped 2 million copies in a week, the studio said, as demand for sequels continues to climb.';
    expect(claimAbout(body, 'three homes were destroyed').source.name).toBe('Ana Ruiz');
    const context = claimAbout(body, 'demand for sequels');
    expect(context.source.name).toBe('The Daily Record');
    expect(context.span).toBe('demand for sequels continues to climb');
  });

  it('strips a wire dateline and takes the speaker after the statement', () => {
    const body = 'OSLO, May 4 (Nordic Wire) - Fjellvann Energy will cut about 800 jobs by 2027, the company said on Monday.';
    const claim = claimAbout(body, '800 jobs');
    expect(claim.source.name).toBe('Fjellvann Energy');
    expect(claim.span).toBe('Fjellvann Energy will cut about 800 jobs by 2027');
  });

  it.each([
    'OSLO, Norway, March 3, 2026 -- Norrander ASA (OSE: NORR), a maritime software maker, today announced that it will buy Quillfield Systems for NOK 1.2 billion.',
    'OSLO, March 3, 2026 /PRNewswire/ -- Norrander ASA (OSE: NORR) today announced that it will buy Quillfield Systems for NOK 1.2 billion.',
  ])('strips a press release’s dateline and the speaker’s ticker: %j', (body) => {
    expect(claimsOf(body)).toEqual([expect.objectContaining({
      span: 'it will buy Quillfield Systems for NOK 1.2 billion',
      source: expect.objectContaining({ name: 'Norrander ASA' }),
    })]);
  });

  it('does not read "will report results" as a reporting frame', () => {
    const body = 'Brightwell Bank will report first-quarter results on April 22.';
    expect(claimAbout(body, 'April 22').source.name).toBe('The Daily Record');
  });

  it('makes a counted relative clause in a speaker phrase the publisher’s background', () => {
    const body = 'The Nurses Union, which represents 28,000 nurses in the state, said the new contract would add 600 jobs.';
    const background = claimAbout(body, '28,000 nurses');
    expect(background.source.name).toBe('The Daily Record');
    expect(background.text).toBe('The Nurses Union represents 28,000 nurses in the state.');
    expect(claimAbout(body, '600 jobs').source.name).toMatch(/Nurses Union$/);
  });

  it('writes a "whose" background clause with its owner', () => {
    const body = 'Tom Beck, whose 9-year-old daughter has asthma, told the board he spent $900 on inhalers last year.';
    expect(claimAbout(body, 'asthma').text).toBe('Tom Beck’s 9-year-old daughter has asthma.');
  });

  it('splits a labelled position from what the speaker cautions after it', () => {
    const body = 'Analysts at Orrin Securities called the merger “long overdue” but cautioned that integration costs could reach 200 million dollars.';
    const claim = claimAbout(body, 'integration costs');
    expect(claim.span).toBe('integration costs could reach 200 million dollars');
    expect(claim.source.name).toBe('Orrin Securities');
    expect(claimsOf(body).some((c) => c.span.includes('long overdue'))).toBe(false);
  });

  it('splits ", where …" and ", when …" clauses into statements of the same speaker', () => {
    const body = 'The charity opened a warming center at the library, where 75 people slept on Sunday, according to director Paula Grant.';
    expect(claimAbout(body, '75 people').span).toBe('where 75 people slept on Sunday');
    expect(claimAbout(body, '75 people').source.name).toBe('Paula Grant');
    const when = 'Mr. Olsen ran the depot from 2009 until 2021, when he retired after a safety audit, spokesman Karl Bauer said.';
    expect(claimAbout(when, 'retired').span).toBe('when he retired after a safety audit');
  });

  it('splits two past actions joined by "and" ("hired an auditor and changed its rules")', () => {
    const body = 'The district said it has since hired an outside auditor and changed its bidding rules.';
    expect(claimAbout(body, 'bidding rules').span).toBe('changed its bidding rules');
  });

  it('splits "said A and that B" even when B has no familiar verb', () => {
    const body = 'Dr. Hana Ito said about 3,000 children in the county have asthma and that roughly one in five of them miss school each month.';
    expect(claimAbout(body, 'one in five').span).toBe('roughly one in five of them miss school each month');
  });
});
