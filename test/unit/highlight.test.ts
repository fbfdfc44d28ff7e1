import { segmentBody } from '../../console/app/src/highlight';

const plain = (segments: { text: string; items: string[] }[]) => segments.map(({ text, items }) => [text, items]);

describe('segmentBody (the console’s claim highlighting)', () => {
  it('leaves a body without claims as one plain segment', () => {
    expect(plain(segmentBody('Nothing to check here.', []))).toEqual([['Nothing to check here.', []]]);
  });

  it('highlights each claim exactly over its quote', () => {
    const body = 'Rates rise 18%. Mains are old.';
    const segments = segmentBody(body, [
      { start: 0, end: 15, item: 'a' },
      { start: 16, end: 30, item: 'b' },
    ]);
    expect(plain(segments)).toEqual([['Rates rise 18%.', ['a']], [' ', []], ['Mains are old.', ['b']]]);
  });

  it('splits overlapping claims so the shared words show both', () => {
    const body = 'The council voted 5-2 to raise rates.';
    const segments = segmentBody(body, [
      { start: 0, end: 21, item: 'vote' },
      { start: 12, end: 36, item: 'raise' },
    ]);
    expect(plain(segments)).toEqual([
      ['The council ', ['vote']],
      ['voted 5-2', ['vote', 'raise']],
      [' to raise rates', ['raise']],
      ['.', []],
    ]);
  });

  it('shows a claim nested inside another as covered by both', () => {
    const segments = segmentBody('abcdefghij', [
      { start: 0, end: 10, item: 'outer' },
      { start: 3, end: 6, item: 'inner' },
    ]);
    expect(plain(segments)).toEqual([['abc', ['outer']], ['def', ['outer', 'inner']], ['ghij', ['outer']]]);
  });

  it('counts offsets in UTF-16 code units, as the API does', () => {
    const body = 'Größe 😀 matters';
    const start = body.indexOf('matters');
    const segments = segmentBody(body, [{ start, end: start + 7, item: 'x' }]);
    expect(plain(segments)).toEqual([['Größe 😀 ', []], ['matters', ['x']]]);
  });

  it('keeps the whole body, in order, whatever the anchors', () => {
    const body = 'one two three four five';
    const segments = segmentBody(body, [
      { start: 4, end: 13, item: 1 },
      { start: 0, end: 7, item: 2 },
      { start: 8, end: 99, item: 3 },
      { start: 5, end: 5, item: 4 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(body);
    expect(segments.every((s, i) => i === 0 || s.start === segments[i - 1].end)).toBe(true);
    expect(segments.some((s) => s.items.includes(4))).toBe(false);
  });
});
