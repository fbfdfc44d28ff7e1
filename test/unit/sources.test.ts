import { normalizeSourceName, sameSource, sameSourceLookup } from '../../src/domain/sources';
import { type SourceRef, SourceKind } from '../../src/domain/types';

/*
 * Stored sources are deduplicated on normalizeSourceName and merged by sameSource: a change to either
 * re-keys sources already in the database. These tables pin both; a row that has to change is a
 * migration of stored sources, not a tuning of the extractor.
 */

const person = (name: string): SourceRef => ({ name, kind: SourceKind.PERSON });
const org = (name: string): SourceRef => ({ name, kind: SourceKind.ORGANIZATION });
const gov = (name: string): SourceRef => ({ name, kind: SourceKind.GOVERNMENT });
const unknown = (name: string): SourceRef => ({ name, kind: SourceKind.UNKNOWN });

describe('normalizeSourceName', () => {
  it('folds case, diacritics, a leading "the", possessives, punctuation and spaces', () => {
    expect(normalizeSourceName('  The  Conference   Board ')).toBe('conference board');
    expect(normalizeSourceName('Raúl Ortega')).toBe('raul ortega');
    expect(normalizeSourceName('China’s Ministry of Commerce')).toBe(normalizeSourceName("china's ministry of commerce"));
    expect(normalizeSourceName('U.S. Treasury')).toBe('us treasury');
    expect(normalizeSourceName('Montufar-Helu')).toBe('montufar helu');
  });

  it.each([
    // Institutions: possessives, dots and curly apostrophes fold away.
    ['The U.S. Treasury’s', 'us treasury'],
    ['u.s. treasury', 'us treasury'],
    ['U.N. Security Council', 'un security council'],
    ['Bank of England', 'bank of england'],
    ['Centers for Disease Control and Prevention', 'centers for disease control and prevention'],
    ['China’s Ministry of Commerce', 'china ministry of commerce'],
    ['St. Mary’s Hospital', 'st mary hospital'],
    ['The Associated Press', 'associated press'],
    ['Calder Court Tenants’ Association', 'calder court tenants association'],
    ["Calder Court Tenants' Association", 'calder court tenants association'],
    ['AT&T Inc.', 'at t inc'],
    ['Group of 20', 'group of 20'],
    ['G7', 'g7'],
    ['3M', '3m'],
    // Titles stay in the key: only sameSource looks past them.
    ['Dr. Jane Doe', 'dr jane doe'],
    ['Sen. María Cantwell', 'sen maria cantwell'],
    ['Prime Minister Keir Starmer', 'prime minister keir starmer'],
    ['Mr.', 'mr'],
    // People: diacritics fold, hyphens and apostrophes do not split a name into two keys.
    ['Raúl Ortega', 'raul ortega'],
    ['Montufar-Helu', 'montufar helu'],
    ["O'Brien", 'obrien'],
    ['Ursula von der Leyen', 'ursula von der leyen'],
    // Letters that are not a base letter with a mark are kept as they are.
    ['Ørsted', 'ørsted'],
    // Metonyms are their own keys: "Beijing" is not merged with "China" here.
    ['Beijing', 'beijing'],
    ['the Kremlin', 'kremlin'],
    ['Washington', 'washington'],
    ['Élysée Palace', 'elysee palace'],
  ])('keys %j as %j', (name, key) => {
    expect(normalizeSourceName(name)).toBe(key);
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

  it.each<[SourceRef, SourceRef, boolean]>([
    // Titles and honorifics before a person's name are looked past.
    [person('Dr. Jane Doe'), person('Jane Doe'), true],
    [person('Prime Minister Keir Starmer'), person('Starmer'), true],
    [person('Sen. María Cantwell'), unknown('Cantwell'), true],
    [person('Mayor Jane Doe'), person('Doe'), true],
    // Different first names, or a surname inside another name, are different people.
    [person('Dr. Jane Doe'), person('John Doe'), false],
    [person('Ann Lee'), person('Ann Leeson'), false],
    // An organisation is never a person's surname, nor a suffix of another organisation.
    [org('Doe Holdings'), person('Jane Doe'), false],
    [org('Ministry of Commerce'), org('Orlandia Ministry of Commerce'), false],
    [gov('Treasury'), gov('U.S. Treasury'), false],
    // Metonyms and institutions match only by their own key.
    [gov('Beijing'), gov('the Chinese government'), false],
    [gov('The U.S. Treasury’s'), org('u.s. treasury'), true],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameSource(a, b)).toBe(same);
    expect(sameSource(b, a)).toBe(same);
  });
});

describe('sameSourceLookup', () => {
  it('finds, in list order, exactly the references sameSource pairs with a given one', () => {
    const refs = [person('Jane Doe'), org('Doe Holdings'), person('Doe'), person('Dr. Jane Doe'), person('John Doe'), unknown('jane doe')];
    const lookup = sameSourceLookup(refs);
    for (const ref of refs) {
      const expected = refs.flatMap((other, index) => (sameSource(other, ref) ? [index] : []));
      expect(lookup(ref)).toEqual(expected);
    }
  });
});
