import { anchorQuote, quoteAt, QUOTE_CONTEXT } from '../../src/domain/anchoring';
import { fromCursor, fromGlobalId, toCursor, toGlobalId } from '../../src/domain/global-id';

const BODY = 'Rates rose in May. Officials said rates rose faster than expected. “Rates rose,” she said.';

describe('anchorQuote', () => {
  it('anchors a quote that occurs once, with prefix and suffix from the body', () => {
    const result = anchorQuote(BODY, { exact: 'faster than expected' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(BODY.slice(result.quote.start, result.quote.end)).toBe('faster than expected');
    expect(result.quote.prefix).toBe(BODY.slice(result.quote.start - QUOTE_CONTEXT, result.quote.start));
    expect(result.quote.suffix).toBe('. “Rates rose,” she said.');
  });

  it('refuses an ambiguous quote, then picks one occurrence by prefix, suffix or position', () => {
    expect(anchorQuote(BODY, { exact: 'ates rose' })).toMatchObject({ ok: false, reason: 'AMBIGUOUS' });
    const byPrefix = anchorQuote(BODY, { exact: 'Rates rose', prefix: '“' });
    expect(byPrefix.ok && byPrefix.quote.start).toBe(BODY.indexOf('“Rates rose') + 1);
    const bySuffix = anchorQuote(BODY, { exact: 'Rates rose', suffix: ' in May' });
    expect(bySuffix.ok && bySuffix.quote.start).toBe(0);
    const byPosition = anchorQuote(BODY, { exact: 'Rates rose', start: 80 });
    expect(byPosition.ok && byPosition.quote.start).toBe(BODY.lastIndexOf('Rates rose'));
  });

  it('reports a quote that is not in the body, and an empty one', () => {
    expect(anchorQuote(BODY, { exact: 'rates fell' })).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
    expect(anchorQuote(BODY, { exact: '  ' })).toMatchObject({ ok: false, reason: 'EMPTY' });
  });

  it('counts offsets in UTF-16 code units, as JavaScript strings and the W3C selectors do', () => {
    const body = '📈 Exports rose 5%.';
    const result = anchorQuote(body, { exact: 'Exports rose 5%' });
    expect(result.ok && [result.quote.start, result.quote.end]).toEqual([3, 18]);
  });

  it('refuses a span outside the body', () => {
    expect(() => quoteAt(BODY, 5, BODY.length + 1)).toThrow(RangeError);
  });
});

describe('global ids and cursors', () => {
  it('round-trips a type and row id, and rejects everything else', () => {
    expect(fromGlobalId(toGlobalId('Claim', 42))).toEqual({ type: 'Claim', id: 42 });
    for (const bad of ['', 'x', '!!!', toGlobalId('Claim', 0), Buffer.from('Claim:abc').toString('base64url'), Buffer.from('Claim:1:2').toString('base64url')]) {
      expect(fromGlobalId(bad)).toBeNull();
    }
  });

  it('keeps cursors of one type from being used for another', () => {
    expect(fromCursor('Claim', toCursor('Claim', 7))).toBe(7);
    expect(fromCursor('Article', toCursor('Claim', 7))).toBeNull();
    expect(fromCursor('Claim', toGlobalId('Claim', 7))).toBeNull();
  });
});

describe('anchorQuote on a quote that occurs 200,000 times', () => {
  const body = 'ab '.repeat(200_000);

  it('answers AMBIGUOUS with the count instead of throwing', () => {
    const result = anchorQuote(body, { exact: 'ab' });
    expect(result).toMatchObject({ ok: false, reason: 'AMBIGUOUS' });
    expect(!result.ok && result.message).toContain('200000 times');
  });

  it('anchors by position hint, by prefix and by suffix', () => {
    expect(anchorQuote(body, { exact: 'ab', start: 300_001 })).toMatchObject({ ok: true, quote: { start: 300_000, end: 300_002 } });
    expect(anchorQuote(`${body}xy ab`, { exact: 'ab', prefix: 'xy ' })).toMatchObject({ ok: true, quote: { start: 600_003 } });
    expect(anchorQuote(`ab!${body}`, { exact: 'ab', suffix: '!' })).toMatchObject({ ok: true, quote: { start: 0 } });
  });

  it('still answers AMBIGUOUS when the hint lies halfway between two occurrences', () => {
    expect(anchorQuote('ab  '.repeat(200_000), { exact: 'ab', start: 400_002 })).toMatchObject({ ok: false, reason: 'AMBIGUOUS' });
  });

  it('finds overlapping occurrences of a self-overlapping quote', () => {
    expect(anchorQuote('a'.repeat(100_000), { exact: 'a'.repeat(1_000), start: 5 })).toMatchObject({ ok: true, quote: { start: 5 } });
    expect(anchorQuote('a'.repeat(100_000), { exact: 'a'.repeat(1_000), prefix: 'a'.repeat(500), suffix: 'b' })).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
  });
});
