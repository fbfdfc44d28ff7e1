import type { Config } from './config';
import type { Database } from './db/database';
import type { Reviewer } from './entities';
import type { Loaders } from './loaders';
import { UnauthenticatedError } from './errors';

/**
 * What a service needs of one request: who acts, the database, the settings. A leaf: it imports no
 * service, loader or GraphQL type, so services depend on it and nothing depends back.
 */
export interface RequestContext {
  /** The authenticated caller, or null (anonymous readers, seed scripts). */
  actor: Reviewer | null;
  db: Database;
  config: Config;
}

/** The caller of a write; an anonymous one is refused (the resolvers' @Authorized normally stops it first). */
export function requireActor(ctx: RequestContext): Reviewer {
  if (!ctx.actor) throw new UnauthenticatedError();
  return ctx.actor;
}

/** A request context that reads through the request's own loaders (batched, cached for this request only). */
export interface ReadContext extends RequestContext {
  loaders: Loaders;
}
