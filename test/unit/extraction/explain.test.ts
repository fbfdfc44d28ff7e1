import {
  type CuratedClaim,
  explainExtra,
  explainMismatch,
  explainMissed,
  type Explanation,
  scoreExtraction,
  traceExtraction,
} from '../../../src/domain/extraction';
import { SourceKind, Stance } from '../../../src/domain/types';

const PUBLISHER = 'The Daily Record';
const person = (name: string): CuratedClaim['source'] => ({ name, kind: SourceKind.PERSON });
const publisher = { name: PUBLISHER, kind: SourceKind.PUBLICATION };

/** Every explanation `--explain` would print for one article: missed, extra, then wrong source or stance. */
const explain = (body: string, curated: CuratedClaim[]): Explanation[] => {
  const { claims, trace } = traceExtraction(body, { publisher: PUBLISHER });
  const score = scoreExtraction(body, claims, curated);
  const spans = [...score.missed, ...score.matches.map((m) => m.curated)];
  return [
    ...score.missed.map((c) => explainMissed(trace, c)),
    ...score.extra.map((c) => explainExtra(trace, c, spans)),
    ...score.matches.flatMap((m) => explainMismatch(trace, m) ?? []),
  ];
};

describe('explaining an extraction stage by stage', () => {
  it.each<[Explanation['stage'], string, string, CuratedClaim[]]>([
    [
      'segmentation',
      'a curated line read as a heading',
      'Council raises water rates by 18 percent\n\nThe Millbrook City Council voted 5-2 on Tuesday to raise water rates.',
      [
        { text: 'Rates rise 18 percent.', quote: 'Council raises water rates by 18 percent', source: publisher, stance: Stance.ASSERTS },
        { text: 'The council voted 5-2.', quote: 'The Millbrook City Council voted 5-2 on Tuesday to raise water rates', source: publisher, stance: Stance.ASSERTS },
      ],
    ],
    [
      'check-worthiness',
      'a curated claim scored below the threshold',
      'A handful of fans waited in the rain for a glimpse of the striker.',
      [{ text: 'Fans waited.', quote: 'A handful of fans waited in the rain for a glimpse of the striker', source: publisher, stance: Stance.ASSERTS }],
    ],
    [
      'check-worthiness',
      'an extracted claim nobody curated',
      'The Millbrook City Council voted 5-2 on Tuesday to raise water rates by 18 percent.',
      [],
    ],
    [
      'attribution',
      'a quote given to the publisher instead of its speaker',
      'The Millbrook City Council voted 5-2 on Tuesday to raise water rates by 18 percent.',
      [{ text: 'The council voted 5-2.', quote: 'The Millbrook City Council voted 5-2 on Tuesday to raise water rates by 18 percent', source: person('Ana Ruiz'), stance: Stance.ASSERTS }],
    ],
    [
      'speaker resolution',
      'a speaker resolved to someone else',
      'Mayor Ana Ruiz said the council would raise water rates by 18 percent in 2026.',
      [{ text: 'Rates will rise 18 percent.', quote: 'the council would raise water rates by 18 percent in 2026', source: person('Tom Berg'), stance: Stance.ASSERTS }],
    ],
    [
      'stance',
      'a stance read otherwise',
      'Mayor Ana Ruiz said the council would raise water rates by 18 percent in 2026.',
      [{ text: 'Rates will rise 18 percent.', quote: 'the council would raise water rates by 18 percent in 2026', source: person('Ana Ruiz'), stance: Stance.DENIES }],
    ],
  ])('blames the %s stage for %s', (stage, _, body, curated) => {
    const explanations = explain(body, curated);
    expect(explanations).toHaveLength(1);
    expect(explanations[0].stage).toBe(stage);
  });

  it('shows the sentence and the score that dropped a clause', () => {
    const body = 'The Millbrook City Council voted 5-2 on Tuesday. A handful of fans waited in the rain for a glimpse of the striker.';
    const [why] = explain(body, [
      { text: 'The council voted 5-2.', quote: 'The Millbrook City Council voted 5-2 on Tuesday', source: publisher, stance: Stance.ASSERTS },
      { text: 'Fans waited.', quote: 'A handful of fans waited in the rain for a glimpse of the striker', source: publisher, stance: Stance.ASSERTS },
    ]);
    expect(body.slice(why.sentence?.start, why.sentence?.end)).toBe('A handful of fans waited in the rain for a glimpse of the striker.');
    expect(why.decision?.kept).toBe(false);
    expect(why.decision?.checkworthiness).toBeLessThan(why.decision?.threshold ?? 0);
  });

  it('traces every clause it reads without changing the claims it extracts', () => {
    const body = 'The Millbrook City Council voted 5-2 on Tuesday. A handful of fans waited in the rain for a glimpse of the striker.';
    const { claims, trace } = traceExtraction(body, { publisher: PUBLISHER });
    expect(trace.clauses.filter((d) => d.kept).map((d) => [d.start, d.end])).toEqual(claims.map((c) => [c.start, c.end]));
    expect(trace.clauses.filter((d) => !d.kept)).toHaveLength(1);
  });
});
