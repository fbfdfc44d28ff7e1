import { Stance } from '../../../src/domain/types';
import { classifyStance } from '../../../src/domain/extraction/stance';
import { claimAbout } from './support';

describe('extractClaims stance', () => {
  it('reads a plain statement as ASSERTS', () => {
    expect(claimAbout('The council voted 5-2 on Tuesday to raise water rates by 18 percent.', '18 percent').stance).toBe(Stance.ASSERTS);
  });

  it.each([
    ['a modal', 'Engineers may need to close the bridge for two weekends in May, the ministry said.', 'close the bridge'],
    ['"likely"', 'China is likely to maintain export controls on 17 rare earths, analysts at Barclays said.', 'export controls'],
    ['a hedging reporting verb', 'Alfredo Montufar-Helu suggests that exports fell 8 percent in May.', 'exports fell'],
    ['"believes"', 'Jane Doe believes that the plant will reopen in 2026.', 'reopen'],
    ['"expected to"', 'About 6,500 households are expected to sign up, city officials said.', '6,500'],
    ['"potential"', 'The deal signals a potential thaw in 40 years of tense negotiations.', 'thaw'],
  ])('reads %s as HEDGES', (_, body, fragment) => {
    expect(claimAbout(body, fragment).stance).toBe(Stance.HEDGES);
  });

  it.each([
    ['"denied that"', 'She denied that the increase was meant to cover a $12 million shortfall.', 'shortfall'],
    ['"dismissed reports that"', 'The Kremlin dismissed reports that Russian warships had blocked three grain vessels.', 'warships'],
    ['"rejected claims that"', 'The ministry rejected claims that 2,000 jobs would be cut in 2025.', 'jobs'],
    ['"not true" in the speaker’s words', '“It is not true that we cut 300 jobs in March,” the company said.', '300 jobs'],
    ['"insisted that no …"', 'Ashford City insisted on Thursday that no agreement had been reached with Harbourside FC.', 'agreement'],
  ])('reads %s as DENIES', (_, body, fragment) => {
    expect(claimAbout(body, fragment).stance).toBe(Stance.DENIES);
  });

  it('does not let a modal inside a subordinate clause hedge the main statement', () => {
    const body = 'Ferretti claimed that Ashford City had promised Varela in 2024 that he could leave for £40 million.';
    expect(claimAbout(body, 'promised').stance).toBe(Stance.ASSERTS);
  });

  it('reads "May" the month as a date, not as a hedge', () => {
    expect(claimAbout('The plant closed in May 2024 after 30 years, the company said.', 'closed').stance).toBe(Stance.ASSERTS);
  });
});

describe('extractClaims stance of comparisons, projections and denial context', () => {
  it('reads "three times as likely" as a measured comparison, not a hedge', () => {
    const body = 'Children in the study were three times as likely to develop asthma, the researchers said.';
    expect(claimAbout(body, 'asthma').stance).toBe(Stance.ASSERTS);
  });

  it('reads "projects that" as HEDGES', () => {
    const body = 'The budget office projects that the program would cost $9 million a year.';
    expect(claimAbout(body, '$9 million').stance).toBe(Stance.HEDGES);
  });

  it('reads "could be wiped out" after "cautioned that" as HEDGES', () => {
    const body = 'Analysts at Brill & Co called the plan “bold” but cautioned that the gains could be wiped out by higher fuel prices.';
    expect(claimAbout(body, 'fuel prices').stance).toBe(Stance.HEDGES);
  });

  it('does not read a quote after "X denied that …" as a denial', () => {
    const body =
      'The club’s lawyer, Nina Park, denied that the club had hidden any payments. ' +
      '“Every transfer the board signed went through two separate audits,” Park said after the hearing.';
    expect(claimAbout(body, 'two separate audits').stance).toBe(Stance.ASSERTS);
  });

  it('reads "had not ruled out" as HEDGES', () => {
    const body = 'The inspectors said they had not ruled out a fault in the 2019 wiring.';
    expect(claimAbout(body, 'wiring').stance).toBe(Stance.HEDGES);
  });

  it('reads "found no evidence" as a reported finding, not a denial', () => {
    const body = 'The auditor said it had found no evidence that the 14 contracts were signed without approval.';
    expect(claimAbout(body, '14 contracts').stance).toBe(Stance.ASSERTS);
  });

  it('does not let "could" in a because-clause hedge the main statement', () => {
    const body = 'Two bakers said they had closed in March because they could no longer pay their energy bills.';
    expect(claimAbout(body, 'closed in March').stance).toBe(Stance.ASSERTS);
  });
});

// The stance stage alone: the frame's verb and the statement's own words.
describe('classifyStance (the stance stage)', () => {
  it.each<[string, string | null, boolean, Stance]>([
    ['The plant will close in May', 'said', true, Stance.ASSERTS],
    ['The plant will close in May', 'according to', true, Stance.ASSERTS],
    ['The plant will close in May', 'denied', true, Stance.DENIES],
    ['The plant will close in May', 'expects', true, Stance.HEDGES],
    ['The plant may close in May', 'said', true, Stance.HEDGES],
    ['It is not clear when the plant will reopen', 'said', true, Stance.HEDGES],
    // Holding firm with a negation rebuts.
    ['no agreement had been reached', 'insisted', true, Stance.DENIES],
    // Denying words deny only in someone else's mouth: the publisher reports them.
    ['The claims are not true', 'said', true, Stance.DENIES],
    ['The claims are not true', null, false, Stance.ASSERTS],
    // A measured likelihood is a finding, not a hedge.
    ['Smokers are three times as likely to fall ill', 'said', true, Stance.ASSERTS],
    // "appear" hedges as "appears to", not as "appeared on" (where something was seen).
    ['A sample appeared on a leak site on 14 November', null, false, Stance.ASSERTS],
    ['The defendant appeared in court on Monday', null, false, Stance.ASSERTS],
    ['The fire appeared to start in the kitchen', null, false, Stance.HEDGES],
    ['It appears the plant will close in May', null, false, Stance.HEDGES],
    // An estimate that labels a figure does not hedge the statement; a figure that "was estimated" does.
    ['Emergency repairs will cost an estimated $3.2 million', 'said', true, Stance.ASSERTS],
    ['A full replacement, estimated at $140 million, remains in the plan', 'said', true, Stance.ASSERTS],
    ['The leak was estimated at less than 200 litres', 'said', true, Stance.HEDGES],
    // Rejecting an account of oneself denies it.
    ['it rejects the characterisation of its management in the indictment', 'said', true, Stance.DENIES],
    ['the ministry rejected these allegations outright', 'said', true, Stance.DENIES],
    ['the court rejected the appeal on Monday', 'said', true, Stance.ASSERTS],
    // A clause whose own subject denies, after a frame that only said.
    ['she denied that the delays had contributed to the failure', 'said', true, Stance.DENIES],
    ['she noted that the delays had contributed to the failure', 'said', true, Stance.ASSERTS],
    // The writer denies in their own voice.
    ['Nor is it true that the charge hits the poorest hardest', null, false, Stance.DENIES],
    ['It is not the case that rents fell last year', null, false, Stance.DENIES],
    // A hedge in a wh-clause after "about" does not qualify the main statement.
    ['She has led the library since 2021 and talked about when readers can expect it to reopen', null, false, Stance.ASSERTS],
  ])('%j after %j (attributed: %s) is %s', (statement, cue, attributed, stance) => {
    expect(classifyStance({ statement, cue, attributed })).toBe(stance);
  });

  it('reads a frame that qualifies its statement as HEDGES', () => {
    expect(classifyStance({ statement: 'The plant will close in May', cue: 'said', attributed: true, hedged: true })).toBe(Stance.HEDGES);
  });
});
