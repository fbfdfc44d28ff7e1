import fc from 'fast-check';
import {
  EvidenceDraft,
  MAX_EVIDENCE_EXCERPT_LENGTH,
  MAX_EVIDENCE_ITEMS,
  MAX_EVIDENCE_TITLE_LENGTH,
  MAX_EVIDENCE_URL_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_RATIONALE_LENGTH,
  ReviewDraft,
  validateNote,
  validateReview,
} from '../../src/domain/review-rules';
import { EvidenceStance, Verdict } from '../../src/domain/types';

const link: EvidenceDraft = {
  url: 'https://www.reuters.com/world/us-tariffs-2024-05-14/',
  title: 'U.S. keeps tariffs on Chinese goods',
  excerpt: 'The administration said the tariffs would stay in place.',
  stance: EvidenceStance.REFUTES,
};

function review(overrides: Partial<ReviewDraft> = {}): ReviewDraft {
  return {
    verdict: Verdict.REFUTED,
    confidence: 0.8,
    rationale: 'The official statement says the restrictions stay.',
    evidence: [link],
    ...overrides,
  };
}

const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field);

describe('validateReview', () => {
  it('accepts a well-formed review', () => {
    expect(validateReview(review())).toEqual([]);
  });

  it('accepts evidence without a title or excerpt, and with null ones', () => {
    expect(validateReview(review({ evidence: [{ url: 'http://example.org', stance: EvidenceStance.CONTEXT }] }))).toEqual(
      [],
    );
    expect(validateReview(review({ evidence: [{ ...link, title: null, excerpt: null }] }))).toEqual([]);
  });

  describe('confidence', () => {
    it.each([0, 0.5, 1])('accepts %s', (confidence) => {
      expect(validateReview(review({ confidence }))).toEqual([]);
    });

    it.each([-0.01, 1.01, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
      'refuses %s',
      (confidence) => {
        expect(validateReview(review({ confidence }))).toEqual([
          { field: 'confidence', message: 'Confidence must be a number from 0 to 1.' },
        ]);
      },
    );

    it('refuses a confidence that is not a number', () => {
      expect(fields(validateReview(review({ confidence: '0.5' as unknown as number })))).toEqual(['confidence']);
    });

    it('accepts every number from 0 to 1 and refuses every finite number outside it', () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (confidence) => {
          const ok = confidence >= 0 && confidence <= 1;
          expect(fields(validateReview(review({ confidence })))).toEqual(ok ? [] : ['confidence']);
        }),
      );
    });
  });

  describe('rationale', () => {
    it.each([Verdict.SUPPORTED, Verdict.REFUTED, Verdict.MISLEADING])(
      'requires a non-empty rationale for a %s verdict, whitespace only counting as empty',
      (verdict) => {
        for (const rationale of ['', '   ', '\n\t ']) {
          expect(validateReview(review({ verdict, rationale }))).toEqual([
            { field: 'rationale', message: `A ${verdict} verdict's rationale must not be empty.` },
          ]);
        }
      },
    );

    it('allows an UNVERIFIABLE verdict without rationale or evidence', () => {
      expect(validateReview(review({ verdict: Verdict.UNVERIFIABLE, rationale: '  ', evidence: [] }))).toEqual([]);
    });

    it(`accepts a rationale of exactly ${MAX_RATIONALE_LENGTH} characters and refuses one more`, () => {
      expect(validateReview(review({ rationale: 'a'.repeat(MAX_RATIONALE_LENGTH) }))).toEqual([]);
      expect(validateReview(review({ rationale: 'a'.repeat(MAX_RATIONALE_LENGTH + 1) }))).toEqual([
        {
          field: 'rationale',
          message: `A REFUTED verdict's rationale must be at most ${MAX_RATIONALE_LENGTH} characters; it has ${MAX_RATIONALE_LENGTH + 1}.`,
        },
      ]);
    });

    it('measures the rationale after trimming', () => {
      expect(validateReview(review({ rationale: `  ${'a'.repeat(MAX_RATIONALE_LENGTH)}\n\n` }))).toEqual([]);
    });

    it('counts an emoji as one character', () => {
      expect(validateReview(review({ rationale: '😀'.repeat(MAX_RATIONALE_LENGTH) }))).toEqual([]);
      expect(fields(validateReview(review({ rationale: '😀'.repeat(MAX_RATIONALE_LENGTH + 1) })))).toEqual([
        'rationale',
      ]);
    });

    it('limits an UNVERIFIABLE rationale too', () => {
      const rationale = 'a'.repeat(MAX_RATIONALE_LENGTH + 1);
      expect(fields(validateReview(review({ verdict: Verdict.UNVERIFIABLE, rationale })))).toEqual(['rationale']);
    });
  });

  describe('evidence', () => {
    it.each([Verdict.SUPPORTED, Verdict.REFUTED, Verdict.MISLEADING])(
      'requires at least one evidence link for a %s verdict',
      (verdict) => {
        expect(validateReview(review({ verdict, evidence: [] }))).toEqual([
          { field: 'evidence', message: `A ${verdict} verdict needs at least one evidence link.` },
        ]);
      },
    );

    it.each([
      'https://example.com',
      'http://example.com/path?q=1#frag',
      'HTTPS://EXAMPLE.COM/',
      'https://192.0.2.1:8443/report',
      'https://例え.jp/記事',
    ])('accepts the http(s) URL %s', (url) => {
      expect(validateReview(review({ evidence: [{ ...link, url }] }))).toEqual([]);
    });

    it.each([
      ['a javascript: URL', 'javascript:alert(1)'],
      ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
      ['an ftp: URL', 'ftp://example.com/file.pdf'],
      ['a file: URL', 'file:///etc/passwd'],
      ['a mailto: URL', 'mailto:desk@example.com'],
      ['a relative URL', '/world/article'],
      ['a protocol-relative URL', '//example.com/article'],
      ['a bare host name', 'example.com'],
      ['an empty string', ''],
      ['whitespace only', '   '],
      ['a URL with surrounding spaces', ' https://example.com '],
      ['a URL with a newline inside', 'https://exam\nple.com'],
      ['an http URL without a host', 'http://'],
      ['a malformed host', 'https://exa mple.com'],
    ])('refuses %s', (_label, url) => {
      expect(fields(validateReview(review({ evidence: [{ ...link, url }] })))).toEqual(['evidence[0].url']);
    });

    it('says which protocol it refused', () => {
      expect(validateReview(review({ evidence: [{ ...link, url: 'javascript:alert(1)' }] }))).toEqual([
        { field: 'evidence[0].url', message: 'Evidence URL must use http or https, not javascript.' },
      ]);
    });

    it(`refuses a URL longer than ${MAX_EVIDENCE_URL_LENGTH} characters`, () => {
      const base = 'https://example.com/';
      const fits = base + 'a'.repeat(MAX_EVIDENCE_URL_LENGTH - base.length);
      expect(validateReview(review({ evidence: [{ ...link, url: fits }] }))).toEqual([]);
      expect(fields(validateReview(review({ evidence: [{ ...link, url: `${fits}a` }] })))).toEqual([
        'evidence[0].url',
      ]);
    });

    it('only ever accepts URLs whose protocol is http or https', () => {
      fc.assert(
        fc.property(fc.oneof(fc.webUrl(), fc.string(), fc.webUrl().map((url) => url.replace(/^https?/, 'ftp'))), (url) => {
          const accepted = validateReview(review({ evidence: [{ ...link, url }] })).length === 0;
          if (accepted) expect(['http:', 'https:']).toContain(new URL(url).protocol);
        }),
      );
    });

    it('accepts every generated web URL', () => {
      fc.assert(
        fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
          expect(validateReview(review({ evidence: [{ ...link, url }] }))).toEqual([]);
        }),
      );
    });

    it(`accepts ${MAX_EVIDENCE_ITEMS} evidence links and refuses one more`, () => {
      const evidence = Array.from({ length: MAX_EVIDENCE_ITEMS }, () => link);
      expect(validateReview(review({ evidence }))).toEqual([]);
      expect(validateReview(review({ evidence: [...evidence, link] }))).toEqual([
        {
          field: 'evidence',
          message: `A review may have at most ${MAX_EVIDENCE_ITEMS} evidence links; it has ${MAX_EVIDENCE_ITEMS + 1}.`,
        },
      ]);
    });

    it(`limits a title to ${MAX_EVIDENCE_TITLE_LENGTH} and an excerpt to ${MAX_EVIDENCE_EXCERPT_LENGTH} characters`, () => {
      const atLimit = { ...link, title: 't'.repeat(MAX_EVIDENCE_TITLE_LENGTH), excerpt: 'e'.repeat(MAX_EVIDENCE_EXCERPT_LENGTH) };
      expect(validateReview(review({ evidence: [atLimit] }))).toEqual([]);
      const overLimit = { ...atLimit, title: `${atLimit.title}t`, excerpt: `${atLimit.excerpt}e` };
      expect(fields(validateReview(review({ evidence: [link, overLimit] })))).toEqual([
        'evidence[1].title',
        'evidence[1].excerpt',
      ]);
    });

    it('refuses an evidence stance it does not know', () => {
      expect(
        validateReview(review({ evidence: [{ ...link, stance: 'AGREES' as EvidenceStance }] })),
      ).toEqual([{ field: 'evidence[0].stance', message: 'Evidence stance must be one of SUPPORTS, REFUTES, CONTEXT.' }]);
    });

    it('refuses evidence that is not a list, and items that are not objects', () => {
      expect(fields(validateReview(review({ evidence: null as unknown as EvidenceDraft[] })))).toEqual(['evidence']);
      expect(fields(validateReview(review({ evidence: [link, null as unknown as EvidenceDraft] })))).toEqual([
        'evidence[1]',
      ]);
    });
  });

  it('refuses a verdict it does not know', () => {
    expect(validateReview(review({ verdict: 'TRUE' as Verdict }))).toEqual([
      { field: 'verdict', message: 'Verdict must be one of SUPPORTED, REFUTED, MISLEADING, UNVERIFIABLE.' },
    ]);
  });

  it('reports every problem at once, each under its own field', () => {
    const problems = validateReview({
      verdict: Verdict.SUPPORTED,
      confidence: 2,
      rationale: ' ',
      evidence: [link, { url: 'ftp://x.org', stance: EvidenceStance.SUPPORTS }, { ...link, url: 'notes.txt' }],
    });
    expect(fields(problems)).toEqual(['confidence', 'rationale', 'evidence[1].url', 'evidence[2].url']);
    for (const { message } of problems) expect(message).toMatch(/^[A-Z].*\.$/);
  });
});

describe('validateNote', () => {
  it('accepts a note explaining the change', () => {
    expect(validateNote('Reopened: the ministry published a correction.')).toEqual([]);
  });

  it.each(['', ' ', '\n\t  '])('refuses an empty or whitespace-only note (%j)', (note) => {
    expect(validateNote(note)).toEqual([{ field: 'note', message: 'Note must not be empty.' }]);
  });

  it(`accepts a note of ${MAX_NOTE_LENGTH} characters after trimming and refuses a longer one`, () => {
    expect(validateNote(`  ${'n'.repeat(MAX_NOTE_LENGTH)}  `)).toEqual([]);
    expect(validateNote('n'.repeat(MAX_NOTE_LENGTH + 1))).toEqual([
      { field: 'note', message: `Note must be at most ${MAX_NOTE_LENGTH} characters; it has ${MAX_NOTE_LENGTH + 1}.` },
    ]);
  });

  it('refuses a note that is not text', () => {
    expect(fields(validateNote(undefined as unknown as string))).toEqual(['note']);
  });
});
