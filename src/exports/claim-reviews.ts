import { DataSource, In } from 'typeorm';
import type { Config } from '../config';
import { claimReview, claimReviewGraph, ClaimReviewFacts, claimReviewNode, enteredStateAt, JsonLd } from '../domain/claim-review';
import { FINAL_STATES } from '../domain/workflow';
import { Article, Claim, ClaimEvent, Source } from '../entities';
import { exportLinks } from './links';

/** The facts of one claim's ClaimReview, from its rows. */
export function claimReviewFacts(config: Config, claim: Claim, article: Article, source: Source, events: readonly ClaimEvent[]): ClaimReviewFacts {
  return {
    text: claim.text,
    state: claim.state,
    decidedAt: enteredStateAt(events, claim.state) ?? claim.updatedAt,
    source: { name: source.name, kind: source.kind, affiliation: source.affiliation },
    article: { title: article.title, url: article.url, publishedAt: article.publishedAt, publisher: article.publisher },
    reviewer: config.claimReviewOrganization,
    url: `${exportLinks(config, article.slug).claimReviews}#${claim.globalId}`,
  };
}

/** One claim's ClaimReview document (with its @context), or null before a final verdict. */
export function claimReviewOf(config: Config, claim: Claim, article: Article, source: Source, events: readonly ClaimEvent[]): JsonLd | null {
  return claimReview(claimReviewFacts(config, claim, article, source, events));
}

/** Every final claim of the given articles (all articles when none are given) as one JSON-LD document. */
export async function claimReviewsDocument(reader: DataSource, config: Config, articles?: Article[]): Promise<JsonLd> {
  const scope = articles ?? (await reader.getRepository(Article).find({ order: { id: 'ASC' } }));
  const nodes: JsonLd[] = [];
  // One article at a time keeps every IN list as small as one article's claims.
  for (const article of scope) nodes.push(...(await articleClaimReviews(reader, config, article)));
  return claimReviewGraph(nodes);
}

async function articleClaimReviews(reader: DataSource, config: Config, article: Article): Promise<JsonLd[]> {
  const claims = await reader.getRepository(Claim).find({
    where: { articleId: article.id, state: In([...FINAL_STATES]) },
    order: { id: 'ASC' },
  });
  if (claims.length === 0) return [];
  const [sources, events] = await Promise.all([
    reader.getRepository(Source).findBy({ id: In([...new Set(claims.map((claim) => claim.sourceId))]) }),
    reader.getRepository(ClaimEvent).find({ where: { claimId: In(claims.map((claim) => claim.id)) }, order: { id: 'ASC' } }),
  ]);
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const eventsByClaim = new Map<number, ClaimEvent[]>();
  for (const event of events) eventsByClaim.set(event.claimId, [...(eventsByClaim.get(event.claimId) ?? []), event]);
  return claims
    .map((claim) => claimReviewNode(claimReviewFacts(config, claim, article, sourceById.get(claim.sourceId)!, eventsByClaim.get(claim.id) ?? [])))
    .filter((node): node is JsonLd => node !== null);
}
