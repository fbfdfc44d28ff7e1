import type { Context } from '../context';
import { fromGlobalId } from '../domain/global-id';
import { BadUserInputError } from '../errors';
import type { Loaders } from '../loaders';

const LOADER_BY_TYPE = {
  Article: 'article',
  Claim: 'claim',
  Source: 'source',
  Review: 'review',
  Reviewer: 'reviewer',
} as const satisfies Record<string, keyof Loaders>;

/** Resolves any global id to its object, for `Query.node`. */
export class NodeService {
  async get(ctx: Context, globalId: string): Promise<object> {
    const decoded = fromGlobalId(globalId);
    if (!decoded || !(decoded.type in LOADER_BY_TYPE)) {
      throw new BadUserInputError('id is not a valid id', [{ field: 'id', message: 'not an id from this API' }]);
    }
    const loader = ctx.loaders[LOADER_BY_TYPE[decoded.type as keyof typeof LOADER_BY_TYPE]];
    return loader.load(decoded.id);
  }
}
