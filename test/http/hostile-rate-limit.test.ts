import { gql, hostileServer } from '../support/hostile';

// An anonymous client that spends its tiny budget is told to wait; clients with a token are not.
// A budget must cover the costliest admissible query, so the cost limit comes down with it.
const server = hostileServer({ env: { MAX_QUERY_COST: '2000', RATE_LIMIT_ANONYMOUS_COST: '2000', RATE_LIMIT_TOKEN_COST: '1000000' } });

const PAGE = '{ claims(first: 100) { edges { node { text source { name } } } } }';

server.category('rate limits', [
  { name: 'an anonymous page of 100 claims, ten times in a row', request: gql(PAGE), repeat: 10, status: 429, code: 'RATE_LIMITED' },
  { name: 'a simple anonymous query once the budget is spent', request: gql('{ claims(first: 1) { totalCount } }'), status: 429, code: 'RATE_LIMITED' },
  { name: 'an anonymous GET query once the budget is spent', request: { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ claims(first: 1) { totalCount } }')}`, headers: { 'apollo-require-preflight': 'true' } }, status: 429, code: 'RATE_LIMITED' },
  { name: 'an anonymous page of 100 claims once more', request: gql(PAGE), status: 429, code: 'RATE_LIMITED' },
  { name: 'a page of 100 claims from a VIEWER with a token', request: gql(PAGE, undefined, 'viewer'), status: 200, code: null },
  { name: 'a page of 100 claims from a REVIEWER with a token, five times', request: gql(PAGE, undefined, 'reviewer'), repeat: 5, status: 200, code: null },
], { probeAs: 'editor' });
