import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLSchema } from 'graphql';
import { authenticate } from './auth';
import type { Config } from './config';
import { AppContext, Context, createAppContext, createContext } from './context';
import type { Database } from './db/database';
import type { Reviewer } from './entities';
import { ErrorCode, RequestTimeoutError, ServerBusyError } from './errors';
import { sendError } from './errors/http';
import { AdmissionOptions, admissionPlugin } from './graphql/admission';
import { createCostBudget } from './graphql/cost-budget';
import { changeVersion } from './db/change-version';
import { exportsRouter } from './exports';
import { createErrorFormatter } from './graphql/errors';
import { compiledExecution } from './graphql/executor';
import { bracketNesting, documentLimits, documentLimitsRule, maxBracketNesting } from './graphql/limits';
import { responseCachePlugin } from './graphql/response-cache';
import { buildAppSchema } from './graphql/schema';
import { createLogger, Logger } from './logger';
import { createMetrics, Metrics } from './metrics';
import { LiveUpdates, serveSubscriptions } from './subscriptions';
import { mountWebApps } from './web';

export interface AppServer {
  app: express.Express;
  apollo: ApolloServer<Context>;
  schema: GraphQLSchema;
  metrics: Metrics;
  logger: Logger;
  /** Subscriptions' change feed and bus (graphql-ws on the same port and path as POST /graphql). */
  live: LiveUpdates;
  /** A request context as the HTTP layer would build it, for scripts and executeOperation tests. */
  context(reviewer?: Reviewer | null): Context;
  /** Starts listening; port 0 picks a free one. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /**
   * Stops accepting connections, answers 503 to requests arriving on open ones, and waits up to
   * SHUTDOWN_TIMEOUT_MS for the requests in flight before closing their connections; the database stays open.
   */
  close(): Promise<void>;
}

const KNOWN_ROUTES = new Set(['/graphql', '/healthz', '/metrics', '/']);

/** Builds the whole service on an open database: used by main, the tests and the benchmarks alike. */
export async function createServer(options: { config: Config; db: Database; logger?: Logger }): Promise<AppServer> {
  const { config, db } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  db.onStatements(() => metrics.dbStatements.inc());
  db.onWriteGroups((writes, seconds) => {
    metrics.writeGroups.inc();
    metrics.groupedWrites.inc(writes);
    metrics.writeLaneBusy.inc(seconds);
  });
  const appContext: AppContext = createAppContext(config, db, logger);
  const schema = await buildAppSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const version = config.responseCache ? changeVersion(db.target, db.pool, () => db.noteStatement('change version')) : null;
  let closing = false;
  // One admission for both transports: the same credentials, limits and cost budgets over HTTP and WebSocket.
  const admission: AdmissionOptions = {
    schema,
    maxCost: config.maxQueryCost,
    requireAuthForReads: config.requireAuthForReads,
    budget: createCostBudget({
      anonymousPoints: config.rateLimitAnonymousCost,
      tokenPoints: config.rateLimitTokenCost,
      windowSeconds: 60,
      pool: db.pool,
      logger,
    }),
  };
  const subscriptions = serveSubscriptions({ httpServer, schema, appContext, config, logger, admission });

  const apollo = new ApolloServer<Context>({
    ...(config.compiledExecution ? { gateway: compiledExecution(schema) } : { schema }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: a cache filled by anonymous callers is memory we do not bound.
    persistedQueries: false,
    csrfPrevention: true,
    // The parser stops at this many tokens, so a huge or deeply nested document costs little to refuse.
    parseOptions: { maxTokens: config.maxQueryTokens },
    validationRules: [documentLimitsRule(documentLimits(config))],
    // In production, "Did you mean …?" suggestions would map the schema for whoever asks.
    hideSchemaDetailsFromClientErrors: config.production,
    formatError: createErrorFormatter(logger, config.production),
    // Compact JSON: Apollo pretty-prints by default, which costs time and bytes on every page of claims.
    stringifyResult: (result) => JSON.stringify(result),
    // main.ts owns SIGTERM/SIGINT: Apollo's own handler would re-send the signal and exit before the database closes.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      subscriptions.drainPlugin,
      // No cache hints are used; without this plugin Apollo wraps every field resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      // GET /graphql from a browser gets our own help page (src/web), which can name the request's host.
      ApolloServerPluginLandingPageDisabled(),
      admissionPlugin(admission),
      errorMetricsPlugin(metrics),
      // Last, so every check above still runs for an answer served from the cache.
      ...(version ? [responseCachePlugin(version, config.responseCacheBytes)] : []),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    // Read the path now: mounted routers rewrite req.path while they run.
    const route = KNOWN_ROUTES.has(req.path) ? req.path : 'other';
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method, route }, seconds);
      logger.info({ method: req.method, path: route, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  });
  app.use(refuseWhileClosing(() => closing));

  app.get('/healthz', async (_req, res) => {
    const ok = await db.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'database unavailable' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(exportsRouter(appContext));
  mountWebApps(app, config);
  // GraphQL answers carry no ETag: nobody revalidates a POST, and hashing every answer (122 KB for a page of
  // claims) cost about 2% of a request. The rest of the app keeps its ETags (exports, pages).
  const graphql = express();
  graphql.set('etag', false);
  graphql.use(
    requestDeadline(config.requestTimeoutMs),
    acceptableBodies(config.maxBodyBytes),
    express.json({ limit: config.maxBodyBytes }),
    nestingLimit(maxBracketNesting(config)),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const { reviewer, badToken } = await authenticate(db, req.headers.authorization);
        return createContext(appContext, reviewer, badToken, req.socket.remoteAddress ?? 'unknown');
      },
    }),
  );
  app.use('/graphql', graphql);
  app.use(bodyErrorHandler(logger, config.production));
  // A client that sends its request slowly holds a socket: the whole request must arrive within the deadline.
  httpServer.requestTimeout = config.requestTimeoutMs;
  httpServer.headersTimeout = Math.min(60_000, config.requestTimeoutMs);

  return {
    app,
    apollo,
    schema,
    metrics,
    logger,
    live: subscriptions.live,
    context: (reviewer = null) => createContext(appContext, reviewer),
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve({ url: `http://${shownHost}:${address.port}/graphql`, port: address.port });
        });
      }),
    close: async () => {
      closing = true;
      await apollo.stop();
      await version?.close();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await appContext.extraction.close();
    },
  };
}

/** During shutdown, requests arriving on connections still open get a retryable 503 and the connection is closed. */
function refuseWhileClosing(closing: () => boolean) {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (!closing()) return next();
    const error = new ServerBusyError('The server is shutting down: retry shortly');
    sendError(res, 503, ErrorCode.SERVER_BUSY, error.message, { connection: 'close', 'retry-after': String(error.extensions.retryAfterSeconds) });
  };
}

function errorMetricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            metrics.graphqlErrors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
          }
        },
      };
    },
  };
}

/** How long a refused body may keep arriving before the answer goes out and the connection is closed. */
const DRAIN_MS = 2_000;

/**
 * POST bodies are UTF-8 JSON, nothing else: other media types (and CSRF's simple form posts) get 415 before any
 * parsing. A declared length over the limit gets 413 without a byte of the body being kept.
 */
function acceptableBodies(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST') return next();
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1].toLowerCase();
    if (!req.is('application/json') || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
      sendError(res, 415, ErrorCode.BAD_REQUEST, 'POST bodies must be UTF-8 JSON: send content-type: application/json');
      return;
    }
    // Nothing of the body is kept: it is read and dropped, and the 413 goes out once it has arrived (so the client
    // is not cut off mid-send), or after DRAIN_MS with the connection closed, whichever comes first.
    if (Number(req.headers['content-length']) > maxBytes) {
      const refuse = (close: boolean) => {
        clearTimeout(cut);
        if (res.headersSent) return;
        if (close) res.set('connection', 'close');
        sendError(res, 413, ErrorCode.BAD_USER_INPUT, 'Request body is too large');
      };
      const cut = setTimeout(() => refuse(true), DRAIN_MS);
      req.once('end', () => refuse(false)).resume();
      return;
    }
    next();
  };
}

/** Refuses a document nested deeper than `max` brackets before the recursive parser sees it. */
function nestingLimit(max: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body: unknown = req.method === 'GET' ? req.query : req.body;
    const query = body !== null && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
    if (typeof query === 'string' && bracketNesting(query) > max) {
      sendError(res, 400, 'GRAPHQL_PARSE_FAILED', `Syntax Error: the document nests brackets more than ${max} levels deep`);
      return;
    }
    next();
  };
}

/**
 * Answers 503 REQUEST_TIMEOUT when a request is still running after `ms`. Reads stop at their statement
 * timeout and writes at the write queue's deadline well before this; it is the last guard, not the first.
 */
function requestDeadline(ms: number) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const error = new RequestTimeoutError();
      sendError(res, 503, ErrorCode.REQUEST_TIMEOUT, error.message, { 'retry-after': '1' });
    }, ms);
    res.on('close', () => clearTimeout(timer));
    next();
  };
}

/** Oversized, malformed or undecodable bodies get a GraphQL-shaped error with the right status. */
function bodyErrorHandler(logger: Logger, production: boolean) {
  return (error: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error.type === 'entity.too.large') {
      sendError(res, 413, ErrorCode.BAD_USER_INPUT, 'Request body is too large');
      return;
    }
    if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
      sendError(res, 415, ErrorCode.BAD_REQUEST, 'Request bodies must be UTF-8 JSON, without content encoding');
      return;
    }
    if (error.type === 'entity.parse.failed') {
      sendError(res, 400, ErrorCode.BAD_USER_INPUT, 'Request body is not valid JSON');
      return;
    }
    if (error.status !== undefined && error.status >= 400 && error.status < 500) {
      sendError(res, error.status, ErrorCode.BAD_REQUEST, 'The request could not be read');
      return;
    }
    const id = randomUUID();
    logger.error({ err: error, id }, 'unhandled HTTP error');
    sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, production ? `Internal server error (${id})` : String(error.message));
  };
}
