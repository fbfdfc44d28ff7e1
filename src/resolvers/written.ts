import type { Context } from '../context';
import type { Claim } from '../entities';

/** A mutation's response shows the committed claims: the request's loaders must not serve what they held before. */
export function written<T extends Claim | Claim[]>(ctx: Context, result: T): T {
  for (const claim of Array.isArray(result) ? result : [result]) {
    ctx.loaders.claim.clear(claim.id).prime(claim.id, claim);
    ctx.loaders.eventsByClaim.clear(claim.id);
    ctx.loaders.reviewsByClaim.clear(claim.id);
    if (ctx.actor) ctx.loaders.reviewedBy.clear(`${ctx.actor.id}:${claim.id}`);
  }
  return result;
}
