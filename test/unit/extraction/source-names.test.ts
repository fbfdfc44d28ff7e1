import { SourceKind } from '../../../src/domain/types';
import { claimAbout, claimsOf } from './support';

const sourceOf = (body: string, fragment: string): string => claimAbout(body, fragment).source.name;

describe('source names a reader would accept', () => {
  it('gives "the data show" to the body that released the data, without when it did', () => {
    const body =
      'Unemployment in the region fell to 4.1 percent in May, according to data released by the state Labor Department on Friday. ' +
      'The data show that 12,000 jobs were added in construction alone. Wages rose 3 percent over the year, the figures show.';
    expect(sourceOf(body, 'fell to 4.1 percent')).toBe('State Labor Department');
    expect(sourceOf(body, '12,000 jobs')).toBe('State Labor Department');
    expect(sourceOf(body, 'Wages rose')).toBe('State Labor Department');
  });

  it('names "the county Department" after the county the story is about', () => {
    const body =
      'Marlow County recorded 40 new cases in June. Marlow County schools reopened on Monday. ' +
      'Cases doubled over the summer, according to figures released by the county Department of Public Health on Tuesday.';
    expect(sourceOf(body, 'Cases doubled')).toBe('Marlow County Department of Public Health');
  });

  it('reads "state media reported" as the state media, not as a verb', () => {
    const body = 'Russian state media reported that the two leaders signed 14 agreements on energy and shipping.';
    const claim = claimAbout(body, '14 agreements');
    expect(claim.source.name).toBe('Russian state media');
    expect(claim.span.startsWith('the two leaders')).toBe(true);
  });

  it('reads "others say" as more of the group named just before, or leaves it vague', () => {
    const grouped = 'Economists were split on the forecast. Others say inflation could reach 6 percent by December.';
    expect(sourceOf(grouped, '6 percent')).toBe('Other economists');
    const alone = 'The bridge opened in 1998. Others say the repairs will cost $2 billion over ten years.';
    const claim = claimAbout(alone, '$2 billion');
    expect(claim.source).toMatchObject({ name: 'Others', kind: SourceKind.UNKNOWN });
  });

  it('resolves "the league" to the conference that spoke before', () => {
    const body =
      'The Western Rivers Hockey Conference said on Friday that it had fined Dunmore College $50,000. ' +
      'The penalty covers three games played in March, the league said. ' +
      'Two players were suspended, according to the conference’s report.';
    expect(sourceOf(body, 'three games')).toMatch(/^(?:The )?Western Rivers Hockey Conference$/);
    expect(sourceOf(body, 'Two players')).toMatch(/^(?:The )?Western Rivers Hockey Conference$/);
  });

  it('resolves "the alliance" to the alliance named before', () => {
    const body = 'The Coastal Growers Alliance filed suit over the water rules in 2023. The alliance said it would appeal the ruling to the state Supreme Court.';
    expect(sourceOf(body, 'appeal the ruling')).toBe('Coastal Growers Alliance');
  });

  it('takes "the company" to be a business described as one, even without "Inc."', () => {
    const body =
      'Brightloom, the Denver-based maker of smart thermostats, said on Tuesday that its servers were breached in March. ' +
      'Customer passwords were not exposed because they are stored separately, the company said.';
    expect(claimAbout(body, 'servers were breached').source).toMatchObject({ name: 'Brightloom', kind: SourceKind.ORGANIZATION });
    expect(sourceOf(body, 'passwords were not exposed')).toBe('Brightloom');
  });

  it('gives a report to the researchers who wrote it, not to whoever commissioned it', () => {
    const body =
      'The report, commissioned by the Greenway Fund, concludes that farm runoff caused 60 percent of the pollution. ' +
      'Researchers at the Halden Institute, who carried out the survey, sampled water at 400 sites. ' +
      'Cleaning the river would cost about $80 million, the report said.';
    expect(sourceOf(body, 'farm runoff')).toBe('Halden Institute');
    expect(sourceOf(body, '$80 million')).toBe('Halden Institute');
  });

  it('gives a spokesperson to the institution that spoke before the frame, not to a place in the statement', () => {
    const body =
      'Ferrowave said on Monday that it had cut 200 jobs at its plant in 2024. ' +
      'A spokesperson confirmed that Ferrowave had informed regulators in Germany and the European Commission and had begun notifying 1,200 staff.';
    expect(sourceOf(body, 'begun notifying')).toBe('Ferrowave');
  });

  it('keeps an anonymous official as the source of "the official said"', () => {
    const body =
      'But a senior Kenyan official, speaking on condition of anonymity, said the talks had stalled over tariffs on 40 goods set by the Kenya Revenue Authority. ' +
      'The delay cost exporters $40 million, the official said.';
    expect(sourceOf(body, 'stalled over tariffs')).toBe('Senior Kenyan official');
    expect(sourceOf(body, 'cost exporters')).toBe('Senior Kenyan official');
  });

  it('gives a joint statement to the two governments named together', () => {
    const body =
      'Japan and India signed a trade pact on Monday. In a joint statement, the two governments said tariffs on 300 goods would fall to zero by 2027. ' +
      'Tokyo will fund half of the $2 billion port upgrade, the statement said.';
    expect(sourceOf(body, '300 goods')).toBe('Governments of Japan and India');
    expect(sourceOf(body, 'port upgrade')).toBe('Governments of Japan and India');
  });

  it('names a former employee after the company rather than as the company', () => {
    const body =
      'Brightloom, the Denver-based maker of smart thermostats, said on Tuesday that its servers were breached in March. ' +
      'A former engineer at the company claimed on Friday that Brightloom had known about the breach for six weeks.';
    expect(sourceOf(body, 'six weeks')).toBe('Former Brightloom engineer');
  });

  it('speaks for the body an official is named for: "health officials" and the Department of Health', () => {
    const body =
      'Measles vaccination fell to 88 percent in 2024, according to data released by the Department of Health. ' +
      'Health officials warned that 12 schools are now below the 90 percent threshold.';
    expect(sourceOf(body, '12 schools')).toBe('Department of Health');
  });

  it('finds the speaker of a sentence after an opening phrase, in lower case', () => {
    const body = 'In a letter to students on Friday, the college’s provost, Maria Lenz, wrote that 40 courses would move online in 2025.';
    expect(sourceOf(body, '40 courses')).toBe('Maria Lenz');
  });

  it('starts a statement told to an audience after the "that"', () => {
    const body = 'Trade Minister Ana Souza told a news conference that exports rose 12 percent in 2024.';
    expect(claimAbout(body, 'exports rose').span).toBe('exports rose 12 percent in 2024');
  });

  it('reads "X announced on Monday that …" as a report, not as a position about Monday', () => {
    const body = 'The Harbour Board announced on Monday that port fees will rise 8 percent in July.';
    expect(claimAbout(body, 'port fees').span).toBe('port fees will rise 8 percent in July');
  });

  it('gives a report joined to narration by ", and it said" to the sentence’s subject', () => {
    const body =
      'Analysts at Corbin & Wade estimate the outage cost $5 million. ' +
      'Northgate Bank is urging customers to reset their PINs, and it said it had blocked 12,000 cards as a precaution.';
    expect(sourceOf(body, '12,000 cards')).toBe('Northgate Bank');
  });

  it('reads a nationality alone as that country’s government', () => {
    const body = 'The Chinese said on Friday that the talks would resume in Geneva in May with 12 delegations.';
    expect(claimAbout(body, 'talks would resume').source).toMatchObject({ name: 'Chinese government', kind: SourceKind.GOVERNMENT });
  });

  it('never names a source with a lower-case word or a bare determiner', () => {
    const body =
      'Sales fell 4 percent in 2024, according to data released by the Retail Council. The data show that 300 stores closed. ' +
      'A spokesperson for the council said 40 more would close in 2025.';
    for (const claim of claimsOf(body)) {
      expect(claim.source.name).toMatch(/^\P{Ll}/u);
      expect(claim.source.name).not.toMatch(/^(?:The|A|An)$/);
    }
  });
});
