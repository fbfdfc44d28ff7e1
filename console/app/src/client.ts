import { Client, fetchExchange, subscriptionExchange } from 'urql';
import { cacheExchange, Cache, Data } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { createClient as createWsClient } from 'graphql-ws';

/** A claim changed: lists and per-article counts that may include it are refetched; the claim itself is normalised in place. */
function claimListsChanged(cache: Cache, articleId: string | undefined): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'claims') cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
  }
  const article = articleId ? { __typename: 'Article', id: articleId } : null;
  if (!article) return;
  for (const field of cache.inspectFields(article)) {
    if (field.fieldName === 'claims') cache.invalidate(article, field.fieldName, field.arguments ?? undefined);
  }
}

function articleIdOf(claim: Data | null | undefined): string | undefined {
  const article = claim?.article as Data | undefined;
  return typeof article?.id === 'string' ? article.id : undefined;
}

const afterClaimMutation = (result: Data, _args: unknown, cache: Cache, info: { fieldName: string }) =>
  claimListsChanged(cache, articleIdOf(result[info.fieldName] as Data | undefined));

export interface ConsoleClient {
  client: Client;
  dispose(): void;
}

/**
 * The console's one GraphQL client: graphcache (normalised, Relay-paginated lists), HTTP for queries and
 * mutations, graphql-ws on the same host and path for subscriptions. A new token means a new client.
 */
export function createConsoleClient(token: string | null, onLive: (live: boolean) => void): ConsoleClient {
  const authorization = token ? `Bearer ${token}` : null;
  const ws = createWsClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: authorization ? { authorization } : {},
    lazy: true,
    // A console stays open for hours: keep reconnecting through server restarts (a refused token is not retried).
    retryAttempts: Infinity,
    on: { connected: () => onLive(true), closed: () => onLive(false) },
  });

  const cache = cacheExchange({
    keys: {
      TextQuote: () => null,
      Evidence: () => null,
      PageInfo: () => null,
      ClaimChange: () => null,
      ArticleConnection: () => null,
      ArticleEdge: () => null,
      ClaimConnection: () => null,
      ClaimEdge: () => null,
      SourceConnection: () => null,
      SourceEdge: () => null,
    },
    resolvers: {
      Query: { articles: relayPagination(), claims: relayPagination(), sources: relayPagination() },
      Article: { claims: relayPagination() },
    },
    updates: {
      Mutation: {
        startReview: afterClaimMutation,
        submitReview: afterClaimMutation,
        assignClaim: afterClaimMutation,
        setClaimState: afterClaimMutation,
      },
      Subscription: {
        claimChanged: (result, _args, cache) => {
          const change = result.claimChanged as Data | undefined;
          claimListsChanged(cache, articleIdOf(change?.claim as Data | undefined));
        },
        articleAdded: (_result, _args, cache) => {
          for (const field of cache.inspectFields('Query')) {
            if (field.fieldName === 'articles') cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
          }
        },
      },
    },
  });

  const client = new Client({
    url: '/graphql',
    // POST with a JSON body always: the API's CSRF prevention refuses GET queries without a preflight header.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: (): RequestInit => ({ headers: authorization ? { authorization } : {} }),
    exchanges: [
      cache,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
  });

  return { client, dispose: () => void ws.dispose() };
}
