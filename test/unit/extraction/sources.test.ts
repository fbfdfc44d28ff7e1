import { classifySource, normalizeSourceName, sameSource } from '../../../src/domain/extraction';
import { SourceKind } from '../../../src/domain/types';
import { claimsOf } from './support';

const person = (name: string) => ({ name, kind: SourceKind.PERSON });

describe('normalizeSourceName', () => {
  it('folds case, diacritics, a leading "the", possessives, punctuation and spaces', () => {
    expect(normalizeSourceName('  The  Conference   Board ')).toBe('conference board');
    expect(normalizeSourceName('Raúl Ortega')).toBe('raul ortega');
    expect(normalizeSourceName('China’s Ministry of Commerce')).toBe(normalizeSourceName("china's ministry of commerce"));
    expect(normalizeSourceName('U.S. Treasury')).toBe('us treasury');
    expect(normalizeSourceName('Montufar-Helu')).toBe('montufar helu');
  });
});

describe('sameSource', () => {
  it('matches a bare surname with the full name of a person', () => {
    expect(sameSource(person('Montufar-Helu'), person('Alfredo Montufar-Helu'))).toBe(true);
    expect(sameSource(person('Alfredo Montufar-Helu'), { name: 'Montufar-Helu', kind: SourceKind.UNKNOWN })).toBe(true);
  });

  it('matches names that normalise the same, whatever their kind', () => {
    expect(sameSource({ name: 'The Conference Board', kind: SourceKind.ORGANIZATION }, { name: 'conference board', kind: SourceKind.UNKNOWN })).toBe(true);
  });

  it('keeps different people and suffixes of organisations apart', () => {
    expect(sameSource(person('Jane Doe'), person('John Doe Smith'))).toBe(false);
    expect(sameSource(person('Jane Doe'), person('Gloria Henning'))).toBe(false);
    expect(sameSource({ name: 'Board', kind: SourceKind.ORGANIZATION }, { name: 'The Conference Board', kind: SourceKind.ORGANIZATION })).toBe(false);
  });
});

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
    ['experts', SourceKind.UNKNOWN],
  ])('classifies %s as %s', (name, kind) => {
    expect(classifySource(name)).toBe(kind);
  });
});

describe('extractClaims source dedupe', () => {
  const body =
    'Councilmember Raúl Ortega said the department spent $3 million on consultants in 2023. ' +
    'Ortega also claimed that the plan was delivered 14 months late. ' +
    '“We asked for the plan 6 times,” he said.';

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
