import type { Config } from './config';
import type { Database } from './db/database';
import type { Reviewer } from './entities';
import { createLoaders, Loaders } from './loaders';
import type { Logger } from './logger';
import { createServices, Services } from './services';
import { pooledExtractor } from './services/extraction';
import { ExtractionPool } from './services/extraction-pool';

/** What every resolver and service sees of one request: who asks, and its own loaders. */
export interface Context {
  config: Config;
  db: Database;
  logger: Logger;
  services: Services;
  loaders: Loaders;
  /** The worker threads claims are extracted in; whoever creates the app context closes it. */
  extraction: ExtractionPool;
  /** The authenticated caller, or null for an anonymous request. */
  reviewer: Reviewer | null;
  /** A token was sent but is unknown, revoked or malformed: the request is refused, not treated as anonymous. */
  badToken: boolean;
  /** Where the request came from (the socket's address), the key of an anonymous caller's cost budget; null in-process (scripts, tests). */
  clientAddress: string | null;
}

/** Builds a fresh per-request context; loaders are never shared between requests. */
export function createContext(app: AppContext, reviewer: Reviewer | null, badToken = false, clientAddress: string | null = null): Context {
  return { ...app, reviewer, badToken, clientAddress, loaders: createLoaders(app.db.reader) };
}

/** The process-wide part of the context, for the server and the scripts alike. */
export function createAppContext(config: Config, db: Database, logger: Logger): AppContext {
  const extraction = new ExtractionPool({ workers: config.extractionWorkers, timeoutMs: config.extractionTimeoutMs, logger });
  return { config, db, logger, extraction, services: createServices(pooledExtractor(extraction)) };
}

/** The part of the context that lives as long as the process. */
export type AppContext = Omit<Context, 'loaders' | 'reviewer' | 'badToken' | 'clientAddress'>;
