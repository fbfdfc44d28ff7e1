import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  createSourceEventStream, execute, ExecutionArgs, ExecutionResult, getOperationAST, GraphQLError,
  GraphQLFormattedError, GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import { authenticate } from '../auth';
import type { Config } from '../config';
import { AppContext, createContext } from '../context';
import type { Reviewer } from '../entities';
import { AppError, TooManySubscriptionsError } from '../errors';
import { AdmissionOptions, admitOperation } from '../graphql/admission';
import { createErrorFormatter } from '../graphql/errors';
import type { Logger } from '../logger';
import { createChangeFeed, LiveUpdates, SubscriptionContext } from './live-updates';
import { parseSubscription } from './validate-operation';

/** Close codes this server uses; the reason text says why. */
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_TOO_MANY_CONNECTIONS = 1008;

/** The WebSocket side of the server: subscriptions on the same port and path as POST /graphql. */
export interface SubscriptionServer {
  live: LiveUpdates;
  /** Closes every WebSocket and stops the change feed when Apollo drains. */
  drainPlugin: ApolloServerPlugin;
}

interface ConnectionExtra extends Record<PropertyKey, unknown> {
  authorization?: string;
}

/**
 * Serves graphql-ws (`graphql-transport-ws`) on `httpServer` at /graphql, following Apollo's express +
 * graphql-ws recipe. The token comes in connection_init's payload; each document passes the same
 * validation, depth and cost rules as a query; each message runs with fresh loaders, like a request.
 */
export function serveSubscriptions(options: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  appContext: AppContext;
  config: Config;
  logger: Logger;
  admission: AdmissionOptions;
}): SubscriptionServer {
  const { httpServer, schema, appContext, config, logger, admission } = options;
  const { db } = appContext;
  const live = new LiveUpdates(createChangeFeed(db, config, logger));
  const formatError = createErrorFormatter(logger, config.production);
  // graphql-ws wraps an error thrown by a stream without a path, which hides our own errors from the formatter.
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((error) =>
    formatError(error.toJSON(), !error.path && error.originalError instanceof AppError ? error.originalError : error));

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: config.maxBodyBytes });
  limitConnectionsPerAddress(wsServer, config.maxConnectionsPerAddress, logger);

  const contextFor = (reviewer: Reviewer | null): SubscriptionContext => ({ ...createContext(appContext, reviewer), live });

  const server = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization;
        const refuse = (message: string) => {
          ctx.extra.socket.close(CLOSE_UNAUTHENTICATED, `UNAUTHENTICATED: ${message}`);
          return false;
        };
        if (header !== undefined && typeof header !== 'string') return refuse('authorization must be "Bearer TOKEN"');
        const { reviewer, badToken } = await authenticate(db, header);
        if (badToken) return refuse('the API token is unknown, revoked or malformed');
        if (!reviewer && config.requireAuthForReads) return refuse('send { "authorization": "Bearer TOKEN" } in connection_init');
        ctx.extra.authorization = header;
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws registers the new id before this hook, so it is already counted.
        const active = Object.keys(ctx.subscriptions).length;
        if (active > config.maxSubscriptionsPerConnection) return [new TooManySubscriptionsError(config.maxSubscriptionsPerConnection)];
        const parsed = parseSubscription(schema, config, payload.query, payload.operationName);
        if ('errors' in parsed) return parsed.errors;
        const { document } = parsed;
        // The token is checked again for each subscription, so a revoked one stops opening new ones.
        const { reviewer, badToken } = await authenticate(db, ctx.extra.authorization);
        const context = createContext(appContext, reviewer, badToken, ctx.extra.request.socket.remoteAddress ?? 'unknown');
        try {
          await admitOperation(admission, {
            context, document, operation: getOperationAST(document, payload.operationName),
            operationName: payload.operationName, variables: payload.variables,
          });
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: { ...context, live },
        };
        return args;
      },
      subscribe: async (args) => {
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) return stream;
        const { reviewer } = args.contextValue as SubscriptionContext;
        // Each message is executed like a request of its own: fresh loaders, so nothing is served stale.
        return mapStream(stream, (payload) => execute({ ...args, rootValue: payload, contextValue: contextFor(reviewer) }));
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wsServer,
  );

  return {
    live,
    drainPlugin: {
      async serverWillStart() {
        return {
          async drainServer() {
            await server.dispose();
            await live.close();
          },
        };
      },
    },
  };
}

/** Refuses a WebSocket beyond `max` open ones from the same address, closing it with a reason. */
function limitConnectionsPerAddress(wsServer: WebSocketServer, max: number, logger: Logger): void {
  const open = new Map<string, number>();
  // Registered before graphql-ws's own listener, so a refused socket is closed before it is served.
  wsServer.on('connection', (socket: WebSocket, request: http.IncomingMessage) => {
    const address = request.socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= max) {
      logger.warn({ address, max }, 'refused a WebSocket: too many open from this address');
      socket.close(CLOSE_TOO_MANY_CONNECTIONS, `Too many connections from this address: at most ${max}`);
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

/** Maps each source event to its result; `return()` reaches the source at once, even while it waits. */
function mapStream<T>(source: AsyncIterable<T>, run: (value: T) => Promise<ExecutionResult> | ExecutionResult): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const step = await iterator.next();
      if (step.done) return { done: true, value: undefined };
      return { done: false, value: await run(step.value) };
    },
    // graphql-ws ends a subscription by calling return(), so it must exist and reach the source.
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}
