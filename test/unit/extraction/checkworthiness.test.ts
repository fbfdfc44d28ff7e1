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

describe('statements that are not claims', () => {
  it('drops a refusal to say something', () => {
    const body = 'The spokesperson declined to say whether the company had paid a ransom to the 3 hackers.';
    expect(claimsOf(body)).toHaveLength(0);
  });

  it('drops an appeal to act', () => {
    const body = 'Dr. Ruiz urged parents to book vaccination appointments before the school year begins in September.';
    expect(claimsOf(body)).toHaveLength(0);
  });
});
