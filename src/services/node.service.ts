import type { ReadContext } from '../request-context';
import { fromGlobalId } from '../domain/global-id';
import { BadUserInputError } from '../errors';
import type { Loaders } from '../loaders';
import { Review } from '../entities';
import type { ReviewVisibility } from './review-visibility';

const LOADER_BY_TYPE = {
  Article: 'article',
  Claim: 'claim',
  Source: 'source',
  Review: 'review',
  Reviewer: 'reviewer',
} as const satisfies Record<string, keyof Loaders>;

/** Resolves any global id to its object, for `Query.node`. */
export class NodeService {
  constructor(private readonly visibility: ReviewVisibility) {}

  async get(ctx: ReadContext, globalId: string): Promise<object> {
    const decoded = fromGlobalId(globalId);
    if (!decoded || !(decoded.type in LOADER_BY_TYPE)) {
      throw new BadUserInputError('id is not a valid id', [{ field: 'id', message: 'not an id from this API' }]);
    }
    const loader = ctx.loaders[LOADER_BY_TYPE[decoded.type as keyof typeof LOADER_BY_TYPE]];
    const node = await loader.load(decoded.id);
    if (node instanceof Review) return this.visibility.check(ctx, node);
    return node;
  }
}
