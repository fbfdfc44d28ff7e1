import { affirmsPremise, readInterview, rejectsPremise, splitSentences } from '../../../src/domain/extraction';
import { Stance } from '../../../src/domain/types';
import { claimsOf } from './support';

const INTRO = 'Mirela Dunst has run Tessaly Foods, the oat-drink maker, since 2019. She spoke to the Weekly at the company’s headquarters.';

const QA_BODY = [
  INTRO,
  'Q: You have raised prices twice in a year. Are customers still buying?',
  'A: They are. Our volumes were down about 4 percent in the first quarter.',
  'Q: Some farmers say you squeezed them on price during the good years.',
  'A: I don’t accept that. We have paid above the market price in each of the last five years.',
  'Q: Is there a risk you’ll switch to imported oats?',
  'A: No. Every oat we use is grown within 200 kilometres of Hallin.',
].join('\n\n');

const NAMED_BODY = [
  'The library’s director, Annelie Hallström, who has led the institution since 2021, talked to the Courier about the attack.',
  'Courier: Did the library pay the ransom?',
  'Hallström: No, we did not pay. We were asked for 40 bitcoin.',
  'Courier: What did the attackers take?',
  'Hallström: They copied about 600 gigabytes of data from an administrative server.',
].join('\n\n');

const UNLABELLED_BODY = [
  'Ruth Ellinger has been county governor of Fennmark since 2020. She talked to the Herald about the storm.',
  'How many homes are still without power?',
  'About 12,000, most of them on the islands. Crews restored 29,000 overnight.',
  'Was the county ready?',
  'We had 40 crews on standby before the storm arrived.',
  'Your critics say the warning came too late.',
  'That’s not true. The red warning was issued 30 hours before landfall.',
].join('\n\n');

const QUESTIONS_LABELLED_BODY = [
  'Sigrun Hald has studied the Vesle glacier for twenty years. She talked to the Post about this summer’s melt.',
  'Post: How fast is the glacier retreating?',
  'About 30 metres a year at the front, twice the rate of the 1990s.',
  'Post: Will it disappear?',
  'On current trends most of the ice will be gone by 2100. The upper basin may survive longer.',
].join('\n\n');

// Layout → which sentences are questions, which are answers, and who answers.
const LAYOUTS: [string, string, string, string[], string[]][] = [
  ['Q:/A: labels', QA_BODY, 'Mirela Dunst', ['You have raised prices twice in a year.', 'Some farmers say you squeezed them on price during the good years.'], ['Our volumes were down about 4 percent in the first quarter.']],
  ['speaker labels', NAMED_BODY, 'Annelie Hallström', ['Did the library pay the ransom?'], ['No, we did not pay.', 'They copied about 600 gigabytes of data from an administrative server.']],
  ['questions labelled, answers not', QUESTIONS_LABELLED_BODY, 'Sigrun Hald', ['How fast is the glacier retreating?'], ['About 30 metres a year at the front, twice the rate of the 1990s.', 'The upper basin may survive longer.']],
  ['no labels', UNLABELLED_BODY, 'Ruth Ellinger', ['How many homes are still without power?', 'Your critics say the warning came too late.'], ['We had 40 crews on standby before the storm arrived.']],
];

describe('interview layout', () => {
  it.each(LAYOUTS)('reads %s: questions, answers and the interviewee', (_, body, interviewee, questions, answers) => {
    const sentences = splitSentences(body);
    const layout = readInterview(sentences);
    expect(layout?.interviewee).toBe(interviewee);
    const roleOf = (text: string): string | undefined => {
      const i = sentences.findIndex((s) => s.text.endsWith(text));
      return layout?.turns.get(i)?.role;
    };
    for (const q of questions) expect(roleOf(q)).toBe('question');
    for (const a of answers) expect(roleOf(a)).toBe('answer');
    // The introduction is nobody's turn.
    expect(layout?.turns.has(0)).toBe(false);
  });

  // Introduction → the interviewee it presents: a hyphenated surname is one word, titles in front are not the name.
  // The third column is how the article names them again later.
  const INTRODUCTIONS: [string, string, string][] = [
    ['Ingrid Solvang-Reyes has been the project’s chief engineer since 2023. She spoke to the Gazette at the site office.', 'Ingrid Solvang-Reyes', 'Solvang-Reyes'],
    ['Superintendent Dr. Lusine Varga, who has led the district since 2021, sat down with the Tribune.', 'Lusine Varga', 'Dr. Varga'],
    ['Chief Inspector Maren Hale has led the county’s fraud squad since 2019. She talked to the Post about the case.', 'Maren Hale', 'Hale'],
  ];
  it.each(INTRODUCTIONS)('names the interviewee of "%s"', (intro, interviewee, later) => {
    const body = [
      intro,
      'Q: How far along is the work?',
      `A: About two thirds of it is done, ${later} said. The team expects to finish in May.`,
      'Q: What has held you up?',
      'A: The winter storms cost us 31 working days.',
    ].join('\n\n');
    expect(readInterview(splitSentences(body))?.interviewee).toBe(interviewee);
  });

  it('does not read a news story with one question in it as an interview', () => {
    const body = 'The council met on Monday.\n\nWhat happens next?\n\nThe mayor said the vote would be held in May.\n\nThe plan costs €4 million.';
    expect(readInterview(splitSentences(body))).toBeNull();
  });
});

// Answer → whether it rejects the premise put to the interviewee.
const REJECTIONS: [string, string, boolean][] = [
  ['No, we did not pay.', 'Did the library pay the ransom?', true],
  ['That’s not accurate.', 'Staff say the library was warned.', true],
  ['I don’t accept that.', 'Some farmers say you squeezed them.', true],
  ['No.', 'Some farmers say you squeezed them.', true],
  // A bare "No." to a real question answers it and says nothing checkable.
  ['No.', 'Is there a risk you’ll switch to imported oats?', false],
  // A rejection that names what it rejects rejects it, even when the turn ends in a question.
  ['That figure is wrong.', 'Waiting lists have grown by 40,000 since you took office. Why?', true],
  ['Those numbers are simply not true.', 'Your critics say 300 jobs went. Is that fair?', true],
  ['That’s not true.', 'You were warned in 2023, weren’t you?', true],
  ['Nobody is ever completely safe.', 'Is the library safe now?', false],
  ['They are, although not as much as we would like.', 'Are customers still buying?', false],
];

describe('an answer rejecting the premise', () => {
  it.each(REJECTIONS)('"%s" after "%s" rejects it: %s', (answer, premise, rejects) => {
    expect(rejectsPremise(answer, premise)).toBe(rejects);
  });
});

// Answer → whether it only affirms (or hedges) the premise of the question put to the interviewee.
const AFFIRMATIONS: [string, string, boolean][] = [
  ['It was one of the triggers, yes.', 'Was the heatwave the trigger?', true],
  ['On a small scale, it does.', 'Does removing urchins by hand work?', true],
  ['It might.', 'Could harvesting urchins help?', true],
  // A bare "Yes." answers the question and says nothing checkable; a negation is no affirmation.
  ['Yes.', 'Did you apologise?', false],
  ['It doesn’t, not at that scale.', 'Does removing urchins by hand work?', false],
  // A premise put as a statement, or a long answer with facts of its own, is read as any answer is.
  ['It was, yes.', 'Your critics say the heatwave was the trigger.', false],
  ['Yes, and we have hired 40 more staff since the spring to clear it.', 'Is the backlog growing?', false],
];

describe('an answer affirming the premise', () => {
  it.each(AFFIRMATIONS)('"%s" after "%s" affirms it: %s', (answer, premise, affirms) => {
    expect(affirmsPremise(answer, premise)).toBe(affirms);
  });

  it('keeps the affirmed premise as the interviewee’s claim, hedged when the answer hedges', () => {
    const body =
      'Soraya Mendelhoff has run the marine station at Lenmouth since 2004. She spoke to the Courier at the station.\n\n' +
      'Q: Was the 2015 heatwave the trigger for the kelp loss?\n\nA: It was one of the triggers, yes. Urchin numbers rose tenfold after it.\n\n' +
      'Q: Could harvesting urchins for food help restore the forests?\n\nA: It might.';
    const claims = claimsOf(body, { publisher: 'Coastal Courier' });
    const trigger = claims.find((c) => c.span === 'It was one of the triggers, yes');
    expect(trigger).toMatchObject({ source: { name: 'Soraya Mendelhoff' }, stance: Stance.ASSERTS });
    expect(trigger?.text).toMatch(/heatwave the trigger/);
    expect(claims.find((c) => c.span === 'It might')).toMatchObject({ source: { name: 'Soraya Mendelhoff' }, stance: Stance.HEDGES });
  });
});

describe('interview attribution', () => {
  it('gives every answer to the interviewee and no question to anybody', () => {
    const claims = claimsOf(QA_BODY, { publisher: 'Provincial Business Weekly' });
    const volumes = claims.find((c) => c.span.includes('4 percent'));
    expect(volumes?.source.name).toBe('Mirela Dunst');
    expect(volumes?.span.startsWith('A:')).toBe(false);
    expect(claims.some((c) => c.span.includes('raised prices twice'))).toBe(false);
    expect(claims.find((c) => c.span.includes('200 kilometres'))?.source.name).toBe('Mirela Dunst');
    // The introduction stays the publisher's.
    expect(claims.find((c) => c.span.includes('since 2019'))?.source.name).toBe('Provincial Business Weekly');
  });

  it('reads a rejected premise as the interviewee denying it', () => {
    const claims = claimsOf(QA_BODY, { publisher: 'Provincial Business Weekly' });
    const denial = claims.find((c) => c.span === 'I don’t accept that');
    expect(denial?.stance).toBe(Stance.DENIES);
    expect(denial?.source.name).toBe('Mirela Dunst');
    expect(denial?.text).toMatch(/squeezed them on price/);
  });

  it('gives the answers of an unlabelled interview to the interviewee', () => {
    const claims = claimsOf(UNLABELLED_BODY, { publisher: 'The Herald' });
    expect(claims.find((c) => c.span.includes('40 crews'))?.source.name).toBe('Ruth Ellinger');
    expect(claims.find((c) => c.span.includes('30 hours'))?.source.name).toBe('Ruth Ellinger');
    expect(claims.find((c) => c.span === 'That’s not true')?.stance).toBe(Stance.DENIES);
    expect(claims.some((c) => c.span.includes('without power?'))).toBe(false);
  });

  it('reads a forecast in an answer as hedged, and only the clause that makes it', () => {
    const body = QA_BODY.replace('A: No. Every oat', 'A: No. The new line should be running by October, and the agency has paid €6 million towards it. Every oat');
    const claims = claimsOf(body, { publisher: 'Provincial Business Weekly' });
    expect(claims.find((c) => c.span.includes('by October'))?.stance).toBe(Stance.HEDGES);
    expect(claims.find((c) => c.span.includes('€6 million'))?.stance).toBe(Stance.ASSERTS);
  });

  it('gives an answer’s background clause to the interviewee too ("…, which is above the industry average")', () => {
    const body = QA_BODY.replace('A: They are. Our volumes', 'A: They are. Leakage was 23 percent, which is above the industry average of about 19 percent. Our volumes');
    const claims = claimsOf(body, { publisher: 'Provincial Business Weekly' });
    expect(claims.find((c) => c.span.includes('19 percent'))?.source.name).toBe('Mirela Dunst');
  });

  it('resolves a surname label to the full name the introduction gives', () => {
    const claims = claimsOf(NAMED_BODY, { publisher: 'The Saltmarsh Courier' });
    const denial = claims.find((c) => c.span.startsWith('No, we did not pay'));
    expect(denial?.source.name).toBe('Annelie Hallström');
    expect(denial?.stance).toBe(Stance.DENIES);
    expect(claims.find((c) => c.span.includes('600 gigabytes'))?.source.name).toBe('Annelie Hallström');
  });
});
