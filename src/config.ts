import path from 'node:path';

/** Every environment variable claimgraph reads, parsed and validated in one place. */
export interface Config {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  database: DatabaseTarget;
  logLevel: string;
  reviewQuorum: number;
  maxBodyBytes: number;
  maxArticleBytes: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  maxQueryTokens: number;
  maxQueryAliases: number;
  maxQueryDirectives: number;
  /** Cost points per minute for each anonymous client address; 0 = unlimited. */
  rateLimitAnonymousCost: number;
  /** Cost points per minute for each API token; 0 = unlimited. */
  rateLimitTokenCost: number;
  /** A request still running after this long is answered 503 REQUEST_TIMEOUT. */
  requestTimeoutMs: number;
  introspection: boolean;
  requireAuthForReads: boolean;
  /** Until a claim is final, a reviewer sees others' reviews of it only after submitting one of their own. */
  blindReview: boolean;
  seedOnEmpty: boolean;
  /** Read-only SQLite connections that reads share, so one slow read does not hold up the others. */
  sqliteReaders: number;
  /** A statement running longer is cancelled (PostgreSQL) or interrupted (SQLite reads): REQUEST_TIMEOUT. */
  dbStatementTimeoutMs: number;
  /** PostgreSQL connections in the pool. */
  dbPoolSize: number;
  /** Waiting longer for a pooled PostgreSQL connection or a free SQLite reader answers SERVER_BUSY. */
  dbAcquireTimeoutMs: number;
  /** SQLite writes waiting in the write lane; one more is refused with SERVER_BUSY. */
  writeQueueMax: number;
  /** A queued SQLite write not started within this is refused with SERVER_BUSY, unwritten. */
  writeQueueTimeoutMs: number;
  /** The most queued SQLite writes committed together in one transaction (group commit); 1 commits each alone. */
  writeGroupMax: number;
  /** On SIGTERM/SIGINT, requests in flight get this long to finish before their connections are closed. */
  shutdownTimeoutMs: number;
  /** Subscriptions one WebSocket may carry at once. */
  maxSubscriptionsPerConnection: number;
  /** Open WebSockets per client address. */
  maxConnectionsPerAddress: number;
  /** On SQLite, how often the change feed looks for rows other writers committed (only while someone subscribes). */
  changeFeedPollMs: number;
  /** Where clients reach this service (no trailing slash); the exports' links are built on it. */
  publicBaseUrl: string;
  /** The organisation that publishes the fact checks, the `author` of every ClaimReview. */
  claimReviewOrganization: { name: string; url: string };
  /** Worker threads that extract claims from articles sent without them. */
  extractionWorkers: number;
  /** Time one article's extraction may take before its worker is stopped and the article refused. */
  extractionTimeoutMs: number;
  /** Serve GraphiQL at /graphiql; like introspection, off in production unless asked for. */
  graphiql: boolean;
  /** Whole-response cache for queries, checked against the database's change version on every request. */
  responseCache: boolean;
  responseCacheBytes: number;
  /** graphql-jit's compiled execution (default), or graphql-js's interpreter. */
  compiledExecution: boolean;
}

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string };

/** Thrown at startup for a missing or malformed setting; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** An http(s) URL without a trailing slash. */
function httpUrl(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http or https URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an http or https URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** `sqlite:relative/or/absolute.db`, a bare file path, or `postgres://…`. */
export function parseDatabaseUrl(raw: string, cwd = process.cwd()): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError(`DATABASE_URL is not a valid PostgreSQL URL`);
    }
    return { kind: 'postgres', url: raw };
  }
  const file = raw.replace(/^(sqlite|file):(\/\/)?/i, '');
  if (file === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw new ConfigError(
      `DATABASE_URL must be postgres://…, sqlite:FILE or a file path, got "${raw.replace(/\/\/[^@]*@/, '//***@')}"`,
    );
  }
  return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
}

// A budget smaller than the costliest admissible query would refuse that query forever.
function budget(env: Env, name: string, fallback: number, maxQueryCost: number): number {
  const value = integer(env, name, fallback, 0, 1_000_000_000);
  if (value !== 0 && value < maxQueryCost) {
    throw new ConfigError(`${name} must be 0 (unlimited) or at least MAX_QUERY_COST (${maxQueryCost}), got "${env[name]}"`);
  }
  return value;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = env.NODE_ENV?.trim() || 'development';
  const production = nodeEnv === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || 'sqlite:data/claimgraph.db';
  const logLevel = env.LOG_LEVEL?.trim().toLowerCase() || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const maxQueryCost = integer(env, 'MAX_QUERY_COST', 100_000, 10, 10_000_000);
  const publicBaseUrl = httpUrl(env, 'PUBLIC_BASE_URL', `http://localhost:${integer(env, 'PORT', 4000, 0, 65535)}`);
  return {
    nodeEnv,
    production,
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    database: parseDatabaseUrl(databaseUrl),
    logLevel,
    reviewQuorum: integer(env, 'REVIEW_QUORUM', 2, 1, 100),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 2 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    maxArticleBytes: integer(env, 'MAX_ARTICLE_BYTES', 1024 * 1024, 1, 1024 * 1024 * 1024),
    maxQueryDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 2, 100),
    maxQueryCost,
    maxQueryTokens: integer(env, 'MAX_QUERY_TOKENS', 5_000, 100, 1_000_000),
    maxQueryAliases: integer(env, 'MAX_QUERY_ALIASES', 50, 0, 100_000),
    maxQueryDirectives: integer(env, 'MAX_QUERY_DIRECTIVES', 50, 0, 100_000),
    rateLimitAnonymousCost: budget(env, 'RATE_LIMIT_ANONYMOUS_COST', 10 * maxQueryCost, maxQueryCost),
    rateLimitTokenCost: budget(env, 'RATE_LIMIT_TOKEN_COST', 50 * maxQueryCost, maxQueryCost),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    introspection: bool(env, 'INTROSPECTION', !production),
    requireAuthForReads: bool(env, 'REQUIRE_AUTH_FOR_READS', false),
    blindReview: bool(env, 'BLIND_REVIEW', false),
    seedOnEmpty: bool(env, 'SEED_ON_EMPTY', true),
    sqliteReaders: integer(env, 'SQLITE_READERS', 4, 1, 64),
    dbStatementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 10_000, 1, 3_600_000),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 1000),
    dbAcquireTimeoutMs: integer(env, 'DB_ACQUIRE_TIMEOUT_MS', 5_000, 1, 3_600_000),
    writeQueueMax: integer(env, 'WRITE_QUEUE_MAX', 1000, 1, 1_000_000),
    writeQueueTimeoutMs: integer(env, 'WRITE_QUEUE_TIMEOUT_MS', 10_000, 1, 3_600_000),
    writeGroupMax: integer(env, 'WRITE_GROUP_MAX', 64, 1, 10_000),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 3_600_000),
    maxSubscriptionsPerConnection: integer(env, 'MAX_SUBSCRIPTIONS_PER_CONNECTION', 20, 1, 10_000),
    maxConnectionsPerAddress: integer(env, 'MAX_WS_CONNECTIONS_PER_ADDRESS', 20, 1, 100_000),
    changeFeedPollMs: integer(env, 'CHANGE_FEED_POLL_MS', 250, 10, 60_000),
    publicBaseUrl,
    claimReviewOrganization: {
      name: env.CLAIMREVIEW_ORGANIZATION_NAME?.trim() || 'claimgraph',
      url: httpUrl(env, 'CLAIMREVIEW_ORGANIZATION_URL', publicBaseUrl),
    },
    extractionWorkers: integer(env, 'EXTRACTION_WORKERS', 2, 1, 64),
    extractionTimeoutMs: integer(env, 'EXTRACTION_TIMEOUT_MS', 60_000, 1, 3_600_000),
    graphiql: bool(env, 'GRAPHIQL', !production),
    responseCache: bool(env, 'RESPONSE_CACHE', true),
    responseCacheBytes: integer(env, 'RESPONSE_CACHE_BYTES', 32 * 1024 * 1024, 0, 16 * 1024 * 1024 * 1024),
    compiledExecution: bool(env, 'COMPILED_EXECUTION', true),
  };
}

/** Which database this process talks to; entity column types depend on it. */
export function databaseKind(env: Env = process.env): DatabaseTarget['kind'] {
  return /^postgres(ql)?:\/\//i.test(env.DATABASE_URL?.trim() ?? '') ? 'postgres' : 'sqlite';
}
