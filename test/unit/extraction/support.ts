import { type ExtractedClaim, extractClaims, type ExtractOptions } from '../../../src/domain/extraction';

/** The claims of a body, each with the text of its span, for assertions that read like the article. */
export const claimsOf = (body: string, options: ExtractOptions = { publisher: 'The Daily Record' }): (ExtractedClaim & { span: string })[] =>
  extractClaims(body, options).map((claim) => ({ ...claim, span: body.slice(claim.start, claim.end) }));

/** The claim whose span contains a fragment of the body; fails the test when there is none. */
export const claimAbout = (body: string, fragment: string, options?: ExtractOptions): ExtractedClaim & { span: string } => {
  const claim = claimsOf(body, options).find((c) => c.span.includes(fragment));
  if (!claim) throw new Error(`no claim contains "${fragment}"`);
  return claim;
};
