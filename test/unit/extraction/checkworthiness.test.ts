import { extractClaims } from '../../../src/domain/extraction';
import { claimsOf } from './support';

describe('extractClaims check-worthiness', () => {
  it('keeps statements with numbers, money, dates and named actors, scored between 0 and 1', () => {
    const claims = claimsOf('The Millbrook City Council voted 5-2 on Tuesday to raise water rates by 18 percent.');
    expect(claims).toHaveLength(1);
    expect(claims[0].checkworthiness).toBeGreaterThan(0.8);
    expect(claims[0].checkworthiness).toBeLessThanOrEqual(1);
  });

  it.each([
    ['a question', 'Will the House act before the summer recess?'],
    ['a call to action', 'Subscribe to our newsletter for the latest updates on the trade talks.'],
    ['service information', 'Residents with questions can call the utilities department or visit the city’s website.'],
    ['musing', 'As public interest heightens, observers are left pondering what the next steps might entail.'],
    ['scene-setting', 'A handful of fans waited in the rain for a glimpse of the striker.'],
    ['an opinion of what ought to be', '“The council should have spread the increase over five years,” he said.'],
    ['a judgement', '“This is the wrong bill at the wrong time,” Ortega said.'],
    ['a refusal to comment', 'The Army Corps of Engineers declined to comment.'],
    ['a refusal to answer a question with numbers in it', 'Asked whether the airline would cut 300 jobs by 2026, its chairman declined to say.'],
    ['a transition about who disagrees', 'Not everyone in Harwick is convinced by the plan.'],
    ['an open question left to the reader', 'What the 12 percent levy will mean for small bakeries is another question.'],
    ['advice to whoever is told to act', 'The rail company advised commuters to avoid the coastal stations.'],
    ['a reaction to the news', 'The scale of the cuts caught many investors by surprise.'],
    ['what onlookers watched', 'Spectators on the pier watched the boats drift into the fog.'],
    ['a feeling about the news', 'For the volunteers who ran the shelter, the closure was hard to take.'],
    ['an answer that avoids the question', 'Asked about a 2026 rate cut, Governor Ann Berg said only that the board would watch the data.'],
  ])('leaves out %s', (_, body) => {
    expect(claimsOf(body)).toEqual([]);
  });

  it('lets the caller lower the threshold to see every scored statement', () => {
    const body = 'Will the House act before the summer recess?';
    const all = extractClaims(body, { threshold: 0 });
    expect(all).toHaveLength(1);
    expect(all[0].checkworthiness).toBeLessThan(0.2);
  });
});

describe('extractClaims check-worthiness of deferrals, open questions and labels', () => {
  it.each([
    ['a deferral ("too early to say")', 'Is the slump over? Chief Executive Ola Berg said it was too early to say.'],
    ['a deferred question', 'Will the school reopen? Principal Dana Fox said that question would have to wait until the inspection.'],
    ['an open question', 'Why the alarm failed to sound remains unclear.'],
    ['a quoted label', 'Dr. Ivo Marin, a chemist at Delta University, called the results “striking and important.”'],
    ['praise of a person', '“Mr. Lund is a dedicated public servant,” his lawyer said.'],
  ])('drops %s', (_, body) => {
    expect(claimsOf(body)).toHaveLength(0);
  });

  it('keeps a reported statement with a quoted phrase in it ("said the product “has been tested”")', () => {
    const body = 'Borel Chemicals said in a statement that the spray “has been widely tested” and is safe when applied as directed.';
    expect(claimsOf(body).length).toBeGreaterThan(0);
  });

  it('keeps a quote about what an office holder did ("The governor has not taken a position")', () => {
    const body = 'A spokesman for the governor, Luis Ferro, spoke on Friday. “The governor has not taken a position on the tax plan,” Ferro said.';
    expect(claimsOf(body).some((c) => c.span.includes('has not taken a position'))).toBe(true);
  });
});
