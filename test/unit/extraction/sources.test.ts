import { classifySource } from '../../../src/domain/extraction';
import { SourceKind } from '../../../src/domain/types';
import { claimsOf } from './support';

describe('classifySource', () => {
  it.each([
    ['China’s Ministry of Commerce', SourceKind.GOVERNMENT],
    ['the Chinese government', SourceKind.GOVERNMENT],
    ['the White House', SourceKind.GOVERNMENT],
    ['Washington', SourceKind.GOVERNMENT],
    ['The Conference Board', SourceKind.ORGANIZATION],
    ['Apple Inc.', SourceKind.ORGANIZATION],
    ['Harvard University', SourceKind.ORGANIZATION],
    ['Bank of England', SourceKind.ORGANIZATION],
    ['Jane Doe', SourceKind.PERSON],
    // A church or a town named after a saint is nobody who speaks.
    ['St. Aldric', SourceKind.UNKNOWN],
    ['Saint Mary', SourceKind.UNKNOWN],
    // Titles with no name after them name nobody.
    ['Superintendent Dr', SourceKind.UNKNOWN],
    ['experts', SourceKind.UNKNOWN],
    // A court of law names its kind; a block of flats called a court is nobody who speaks.
    ['Harwick Crown Court', SourceKind.GOVERNMENT],
    ['the Court of Appeal', SourceKind.GOVERNMENT],
    ['Calder Court', SourceKind.UNKNOWN],
  ])('classifies %s as %s', (name, kind) => {
    expect(classifySource(name)).toBe(kind);
  });
});

describe('extractClaims source dedupe', () => {
  const body =
    'Councilmember Raúl Ortega said the department spent $3 million on consultants in 2023. ' +
    'Ortega also claimed that the plan was delivered 14 months late. ' +
    '“We asked for the plan 6 times,” he said.';

  it('gives "he" after a quote to the speaker, not to the church his title names ("the vicar of St. Aldric’s. He said…")', () => {
    const text = '“She found the original glass in the hedge,” said Tobias Renwick, the vicar of St. Aldric’s. He said more than 80 percent of the window is original glass.';
    const claim = claimsOf(text).find((c) => c.span.includes('80 percent'));
    expect(claim?.source.name).toBe('Tobias Renwick');
  });

  it('never joins a heading to the name opening the paragraph under it ("Outlook" / "Vellacourt now expects…")', () => {
    const text = 'Vellacourt Instruments reported revenue of £92 million for the third quarter.\n\nOutlook\nVellacourt now expects full-year revenue of between £182 million and £188 million.';
    const claim = claimsOf(text).find((c) => c.span.includes('£182 million'));
    expect(claim?.source.name).not.toMatch(/Outlook/);
  });

  it('gives a surname and a pronoun the full name of the person named first', () => {
    const names = new Set(claimsOf(body).map((c) => c.source.name));
    expect([...names]).toEqual(['Raúl Ortega']);
  });

  it('uses one canonical source object per speaker, with the affiliation any mention gave', () => {
    const text = 'Alfredo Montufar-Helu from The Conference Board said exports fell 8 percent. Montufar-Helu said imports rose 3 percent.';
    const [first, second] = claimsOf(text);
    expect(first.source).toEqual(second.source);
    expect(second.source.affiliation).toBe('The Conference Board');
  });
});
