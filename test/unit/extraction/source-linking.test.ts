import { SourceKind } from '../../../src/domain/types';
import { classifySource } from '../../../src/domain/extraction';
import { claimAbout, claimsOf } from './support';

describe('extractClaims linking sources to the institutions they stand for', () => {
  it('classifies "Centers for …" and "Institute for …" by the word before "for"', () => {
    expect(classifySource('Centers for Coastal Weather Studies')).toBe(SourceKind.ORGANIZATION);
    expect(classifySource('Institute for Rural Transport')).toBe(SourceKind.ORGANIZATION);
  });

  it('reads an acronym that leaves out the last words of a name as that name', () => {
    const body =
      'Flu admissions rose 12 percent in a week, according to figures released by the Agency for Coastal Flood Defence. ' +
      'Most of the patients were over 70, the ACF said.';
    expect(claimAbout(body, 'over 70').source.name).toBe('Agency for Coastal Flood Defence');
  });

  it('gives what "Acme engineers" or "the NWS forecasters" say to the body that employs them', () => {
    const body =
      'Snowfall totals were revised upward on Sunday by the National Weather Service. ' +
      'The storm is likely to stall over the valley, NWS forecasters warned, because the jet stream has weakened.';
    expect(claimAbout(body, 'likely to stall').source.name).toBe('National Weather Service');
  });

  it('resolves a document with describing words between its owner and its noun ("the agency’s latest traffic count")', () => {
    const body =
      'The Port Agency of Lundby said the harbour will dredge its main channel this summer. ' +
      'About 3,400 ships called at the port last year, according to the agency’s most recent traffic count.';
    expect(claimAbout(body, '3,400 ships').source.name).toBe('Port Agency of Lundby');
  });

  it('keeps "county tax data" as the source when no name or source noun owns the numbers', () => {
    const body = 'Home values in the district rose 9 percent last year, according to state tax data.';
    expect(claimAbout(body, 'Home values').source.name).toMatch(/tax data$/i);
  });

  it('resolves "the investigators’ report" to whoever ran the investigation', () => {
    const body =
      'An investigation by Halden College has found that a lab manager misused grant money for three years. ' +
      'The investigators’ report found that $240,000 was spent on personal travel.';
    expect(claimAbout(body, '$240,000').source.name).toBe('Halden College');
  });

  it('takes a business named after its kind ("Telecom operator Acme Mobile") by its name, and "the company" as it', () => {
    const body =
      'Telecom operator Vantel Mobile said on Monday that an outage had cut service to 80,000 homes. ' +
      'Tomas Berg, an engineer at the security firm Kestrel Labs, said the fault lay in a routing update. ' +
      'Vantel has about 2 million customers. Service was fully restored by midnight, the company said.';
    expect(claimAbout(body, 'an outage').source.name).toBe('Vantel Mobile');
    expect(claimAbout(body, 'fully restored').source.name).toBe('Vantel Mobile');
  });

  it('never gives "the regulator" to a company that spoke last', () => {
    const body =
      'The Office of Rail Standards opened an inquiry into the derailment on Friday. ' +
      'Carrier Northway Rail said the track had been inspected in May. ' +
      'Northway was fined twice before for late inspections, according to regulator records.';
    expect(claimAbout(body, 'fined twice').source.name).toBe('Office of Rail Standards');
  });

  it('takes a two-word name whose first word the article uses alone as a business, not a person', () => {
    const body =
      'Salmonella in eggs from Hallett Farms has sickened 14 people, state health officials said on Monday. ' +
      'Hallett eggs were sold in three states. ' +
      'The recall covers about 90,000 cartons, the company announced.';
    expect(claimAbout(body, '90,000 cartons').source.name).toBe('Hallett Farms');
  });

  it('reads a shorter form of a business name as the full name', () => {
    const body =
      'Greenvale Fresh Foods is recalling 5,000 bags of spinach. ' +
      'In a statement, Greenvale Fresh said it had stopped shipments from one packing line.';
    expect(claimAbout(body, 'stopped shipments').source.name).toBe('Greenvale Fresh Foods');
  });

  it('gives what an unnamed spokesperson says after a statement to the name the statement is about', () => {
    const body =
      'The Harbour Review retracted the paper on Monday. ' +
      'Coastal Science Letters is reviewing two more of the papers, a spokesperson said.';
    expect(claimAbout(body, 'reviewing two more').source.name).toBe('Coastal Science Letters');
  });

  it('reads "its editor-in-chief, Dr. Jane Roe, confirmed" as Jane Roe speaking', () => {
    const body = 'The Harbour Review retracted the study on Thursday, its editor-in-chief, Dr. Ines Marlow, confirmed.';
    expect(claimAbout(body, 'retracted the study').source.name).toBe('Ines Marlow');
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
