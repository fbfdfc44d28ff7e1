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
  introspection: boolean;
  requireAuthForReads: boolean;
  seedOnEmpty: boolean;
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
  /** Serve GraphiQL at /graphiql; like introspection, off in production unless asked for. */
  graphiql: boolean;
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
    maxQueryCost: integer(env, 'MAX_QUERY_COST', 50_000, 10, 10_000_000),
    introspection: bool(env, 'INTROSPECTION', !production),
    requireAuthForReads: bool(env, 'REQUIRE_AUTH_FOR_READS', false),
    seedOnEmpty: bool(env, 'SEED_ON_EMPTY', true),
    maxSubscriptionsPerConnection: integer(env, 'MAX_SUBSCRIPTIONS_PER_CONNECTION', 20, 1, 10_000),
    maxConnectionsPerAddress: integer(env, 'MAX_WS_CONNECTIONS_PER_ADDRESS', 20, 1, 100_000),
    changeFeedPollMs: integer(env, 'CHANGE_FEED_POLL_MS', 250, 10, 60_000),
    publicBaseUrl,
    claimReviewOrganization: {
      name: env.CLAIMREVIEW_ORGANIZATION_NAME?.trim() || 'claimgraph',
      url: httpUrl(env, 'CLAIMREVIEW_ORGANIZATION_URL', publicBaseUrl),
    },
    graphiql: bool(env, 'GRAPHIQL', !production),
  };
}

/** Which database this process talks to; entity column types depend on it. */
export function databaseKind(env: Env = process.env): DatabaseTarget['kind'] {
  return /^postgres(ql)?:\/\//i.test(env.DATABASE_URL?.trim() ?? '') ? 'postgres' : 'sqlite';
}
