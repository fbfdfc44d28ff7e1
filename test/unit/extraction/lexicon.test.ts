import {
  assertDisjoint,
  buildVerbLexicon,
  DENIAL_VERBS,
  HEDGING_VERBS,
  inflect,
  LexiconConflict,
  REPORTING_VERBS,
  VERB_ROWS,
  type VerbRow,
} from '../../../src/domain/extraction/lexicon';
import { tokenize } from '../../../src/domain/extraction/tokens';

describe('verb inflection', () => {
  it.each([
    ['say', 'says', ['said'], 'saying'],
    ['tell', 'tells', ['told'], 'telling'],
    ['write', 'writes', ['wrote'], 'writing'],
    ['think', 'thinks', ['thought'], 'thinking'],
    ['deny', 'denies', ['denied'], 'denying'],
    ['stress', 'stresses', ['stressed'], 'stressing'],
    ['argue', 'argues', ['argued'], 'arguing'],
    ['admit', 'admits', ['admitted'], 'admitting'],
    ['forecast', 'forecasts', ['forecast'], 'forecasting'],
    ['signal', 'signals', ['signaled', 'signalled'], 'signalling'],
    ['point out', 'points out', ['pointed out'], 'pointing out'],
    ['go on', 'goes on', ['went on'], 'going on'],
  ])('inflects %s as %s, %j, %s', (base, third, past, gerund) => {
    expect(inflect(base)).toEqual({ base, third, past, gerund });
  });
});

describe('the verb lexicon', () => {
  it('derives every stage’s sets from one row per verb', () => {
    for (const form of ['say', 'says', 'said', 'tell', 'told', 'write', 'wrote', 'think', 'thought']) expect(REPORTING_VERBS.has(form)).toBe(true);
    for (const form of ['deny', 'denies', 'denied', 'rebutted']) expect(DENIAL_VERBS.has(form)).toBe(true);
    for (const form of ['expects', 'forecast', 'worried']) expect(HEDGING_VERBS.has(form)).toBe(true);
    expect(new Set(VERB_ROWS.map(([base]) => base)).size).toBe(VERB_ROWS.length);
  });

  it('keeps forms read as nouns first out of the frames', () => {
    for (const form of ['estimates', 'points', 'disputes']) expect(REPORTING_VERBS.has(form)).toBe(false);
    expect(REPORTING_VERBS.has('estimated')).toBe(true);
  });

  it('throws at build when a verb would both deny and hedge', () => {
    expect(() => buildVerbLexicon([...VERB_ROWS, ['scoff', 'reports', 'denies', 'hedges']])).toThrow(LexiconConflict);
    expect(() => buildVerbLexicon([...VERB_ROWS, ['scoff', 'reports', 'denies', 'hedges']])).toThrow('the verb "scoff" cannot both denies and hedges');
  });

  it('throws at build when two rows give one verb', () => {
    expect(() => buildVerbLexicon([...VERB_ROWS, ['say', 'reports']])).toThrow('the verb "say" has two rows');
  });

  it('throws at build when two verbs contradict each other through a shared form', () => {
    // A row for "says" that denies would make the form "says" of "say" both hedge and deny.
    const rows: VerbRow[] = [['say', 'hedges'], ['says', 'denies']];
    expect(() => buildVerbLexicon(rows)).toThrow('the form "says" would both denies and hedges');
  });

  it('throws when two lists that exclude each other share a word', () => {
    expect(() => assertDisjoint({ titles: ['mayor', 'judge'], documents: ['report', 'judge'] })).toThrow('"judge" is in both titles and documents');
    expect(() => assertDisjoint({ titles: ['mayor'], documents: ['report'] })).not.toThrow();
  });
});

describe('adding a reporting verb', () => {
  const RECKON: VerbRow = ['reckon', 'reports', 'hedges', 'takesClause', 'closesTail'];
  const body = 'Port director Ann Lee reckons the new pier will cost $12 million. “The channel silted up twice in 2024,” Lee reckoned.';

  /** The extractor as built from the lexicon's rows, with `extra` rows added to the one list of verbs. */
  const extractorWith = (extra: VerbRow[]): typeof import('../../../src/domain/extraction') => {
    let extraction: typeof import('../../../src/domain/extraction') | undefined;
    jest.isolateModules(() => {
      jest.doMock('../../../src/domain/extraction/lexicon/reporting-verbs', () => {
        const actual = jest.requireActual('../../../src/domain/extraction/lexicon/reporting-verbs');
        return { ...actual, VERB_ROWS: [...actual.VERB_ROWS, ...extra] };
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      extraction = require('../../../src/domain/extraction');
    });
    jest.dontMock('../../../src/domain/extraction/lexicon/reporting-verbs');
    return extraction!;
  };

  it('is one row: "reckons" and "reckoned" then attribute and hedge like "believes"', () => {
    const before = extractorWith([]).extractClaims(body, { publisher: 'The Daily Record' });
    expect(before.map((c) => c.source.name)).not.toContain('Ann Lee');

    const after = extractorWith([RECKON]).extractClaims(body, { publisher: 'The Daily Record' });
    const spans = after.map((c) => ({ text: body.slice(c.start, c.end), source: c.source.name, stance: c.stance }));
    expect(spans).toEqual([
      { text: 'the new pier will cost $12 million', source: 'Ann Lee', stance: 'HEDGES' },
      { text: 'The channel silted up twice in 2024', source: 'Ann Lee', stance: 'HEDGES' },
    ]);
  });
});

describe('the token stream', () => {
  it('tags each word with what the lexicon says it can be, punctuation and case aside', () => {
    const tokens = tokenize('“The ministry has also STATED, in its report, that exports will fall.”');
    const tagsOf = (bare: string): string[] => [...(tokens.find((t) => t.bare === bare)?.tags ?? [])].sort();
    expect(tokens.map((t) => t.bare)).toEqual(['the', 'ministry', 'has', 'also', 'stated', 'in', 'its', 'report', 'that', 'exports', 'will', 'fall']);
    expect(tagsOf('stated')).toEqual(['closesTail', 'reports', 'takesClause']);
    expect(tagsOf('report')).toEqual(['nounOrVerb', 'reports']);
    expect(tagsOf('has')).toEqual(['beforeTailVerb', 'betweenSpeakerAndVerb']);
    // The tail frames' words: "…, she said in a statement".
    expect(tagsOf('in')).toEqual(['tailAdverbial']);
    expect(tagsOf('its')).toEqual(['nounMarker']);
    expect(tagsOf('will')).toEqual(['modal']);
    expect(tagsOf('ministry')).toEqual([]);
    expect(tokens[4]).toMatchObject({ word: 'STATED,', start: 23, end: 30 });
  });

  it('stops at a limit: frames are read near the start of a sentence', () => {
    expect(tokenize('one two three four five', 3).map((t) => t.word)).toEqual(['one', 'two', 'three']);
  });
});
