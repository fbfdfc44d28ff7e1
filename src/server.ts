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
import { ErrorCode, UnauthenticatedError } from './errors';
import { exportsRouter } from './exports';
import { createErrorFormatter } from './graphql/errors';
import { costLimitPlugin, depthLimit } from './graphql/limits';
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
  /** Stops accepting requests and waits for the ones in flight; the database stays open. */
  close(): Promise<void>;
}

const KNOWN_ROUTES = new Set(['/graphql', '/healthz', '/metrics', '/']);

/** Builds the whole service on an open database: used by main, the tests and the benchmarks alike. */
export async function createServer(options: { config: Config; db: Database; logger?: Logger }): Promise<AppServer> {
  const { config, db } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  db.onStatements(() => metrics.dbStatements.inc());
  const appContext: AppContext = createAppContext(config, db, logger);
  const schema = await buildAppSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const subscriptions = serveSubscriptions({ httpServer, schema, appContext, config, logger });

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    validationRules: [depthLimit(config.maxQueryDepth)],
    formatError: createErrorFormatter(logger, config.production),
    // Compact JSON: Apollo pretty-prints by default, which costs time and bytes on every page of claims.
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      subscriptions.drainPlugin,
      // No cache hints are used; without this plugin Apollo wraps every field resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      // GET /graphql from a browser gets our own help page (src/web), which can name the request's host.
      ApolloServerPluginLandingPageDisabled(),
      costLimitPlugin(schema, config.maxQueryCost),
      credentialsPlugin(config),
      errorMetricsPlugin(metrics),
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

  app.get('/healthz', async (_req, res) => {
    const ok = await db.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'database unavailable' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(exportsRouter(appContext));
  mountWebApps(app, config);
  app.use(
    '/graphql',
    express.json({ limit: config.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const { reviewer, badToken } = await authenticate(db, req.headers.authorization);
        return createContext(appContext, reviewer, badToken);
      },
    }),
  );
  app.use(bodyErrorHandler(logger, config.production));

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
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** Refuses requests with a bad token, and anonymous reads when reads require a token. */
function credentialsPlugin(config: Config): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.badToken) throw new UnauthenticatedError('The API token is unknown, revoked or malformed');
          if (config.requireAuthForReads && !contextValue.reviewer && operation?.operation === 'query') {
            throw new UnauthenticatedError();
          }
        },
      };
    },
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

/** Oversized or malformed JSON bodies get a GraphQL-shaped error with the right status. */
function bodyErrorHandler(logger: Logger, production: boolean) {
  return (error: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: 'Request body is too large', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
      return;
    }
    if (error.type === 'entity.parse.failed' || error.type === 'encoding.unsupported' || error.status === 400) {
      res.status(400).json({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
      return;
    }
    const id = randomUUID();
    logger.error({ err: error, id }, 'unhandled HTTP error');
    res.status(500).json({
      errors: [{ message: production ? `Internal server error (${id})` : String(error.message), extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }],
    });
  };
}
