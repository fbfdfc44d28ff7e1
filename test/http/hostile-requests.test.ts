import { gzipSync } from 'node:zlib';
import { BODY_REFUSED, gql, HostileCase, hostileServer, post } from '../support/hostile';

// Requests that are wrong before any GraphQL is read: the body, its shape, its type, its size.
const server = hostileServer();

const JSON_TYPE = 'application/json';
const QUERY = '{ claims(first: 1) { totalCount } }';
const VALID = JSON.stringify({ query: QUERY });
const MB = 1024 * 1024;
/** Persisted queries are turned off: Apollo answers any persistedQuery extension with PERSISTED_QUERY_NOT_SUPPORTED (HTTP 200, so clients fall back to sending the query). */
const APQ_REFUSED = [...BODY_REFUSED, 'PERSISTED_QUERY_NOT_SUPPORTED'];
const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);
/** A valid request padded to exactly `bytes`. */
const exactly = (bytes: number) => {
  const empty = JSON.stringify({ query: QUERY, variables: { pad: '' } });
  return JSON.stringify({ query: QUERY, variables: { pad: 'x'.repeat(bytes - empty.length) } });
};
const getQuery = (query: string, variables?: string) =>
  `/graphql?query=${encodeURIComponent(query)}${variables === undefined ? '' : `&variables=${encodeURIComponent(variables)}`}`;

server.category('malformed JSON bodies', [
  { name: 'a truncated JSON object', request: post('{"query": ', JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'a lone opening brace', request: post('{', JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'an object with a trailing comma', request: post(`{"query":${JSON.stringify(QUERY)},}`, JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'single-quoted JSON', request: post(`{'query':'${QUERY}'}`, JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'unquoted keys', request: post(`{query:${JSON.stringify(QUERY)}}`, JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'NaN as the variables', request: post(`{"query":${JSON.stringify(QUERY)},"variables":NaN}`, JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'a comment inside the JSON', request: post(`{"query":${JSON.stringify(QUERY)} /* hi */}`, JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'two JSON objects back to back', request: post(`${VALID}${VALID}`, JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'bytes that are not UTF-8', request: post(Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0xc0, 0x80, 0x22, 0x7d]), JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'random binary bytes', request: post(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'JSON null', request: post('null', JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'a JSON string', request: post('"{ claims { totalCount } }"', JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'a JSON number', request: post('12345', JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'JSON true', request: post('true', JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'an unterminated string in the body', request: post('{"query":"{ claims { totalCount } }', JSON_TYPE), status: 400, code: BODY_REFUSED },
]);

server.category('wrong JSON shapes', [
  { name: 'an empty JSON body', request: post('', JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'an empty JSON object', request: post('{}', JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'a query that is a number', request: { json: { query: 42 } }, status: 400, code: BODY_REFUSED },
  { name: 'a query that is null', request: { json: { query: null } }, status: 400, code: BODY_REFUSED },
  { name: 'a query that is an array', request: { json: { query: [QUERY] } }, status: 400, code: BODY_REFUSED },
  { name: 'a query that is an object', request: { json: { query: { claims: true } } }, status: 400, code: BODY_REFUSED },
  { name: 'a query that is true', request: { json: { query: true } }, status: 400, code: BODY_REFUSED },
  { name: 'an empty query string', request: { json: { query: '' } }, status: 400, code: BODY_REFUSED },
  { name: 'variables that are a string', request: { json: { query: QUERY, variables: 'first=1' } }, status: 400, code: BODY_REFUSED },
  { name: 'variables that are JSON encoded twice', request: { json: { query: QUERY, variables: '{"first":1}' } }, status: 400, code: BODY_REFUSED },
  { name: 'variables that are an array', request: { json: { query: QUERY, variables: [1, 2] } }, status: 400, code: BODY_REFUSED },
  { name: 'variables that are a number', request: { json: { query: QUERY, variables: 7 } }, status: 400, code: BODY_REFUSED },
  { name: 'an operationName that is a number', request: { json: { query: QUERY, operationName: 42 } }, status: 400, code: BODY_REFUSED },
  { name: 'an operationName that is an object', request: { json: { query: QUERY, operationName: { a: 1 } } }, status: 400, code: BODY_REFUSED },
  { name: 'extensions that are a string', request: { json: { query: QUERY, extensions: 'junk' } }, status: 400, code: BODY_REFUSED },
  { name: 'extensions that are an array', request: { json: { query: QUERY, extensions: [1, 2, 3] } }, status: 400, code: BODY_REFUSED },
  { name: 'a persistedQuery extension that is a string', request: { json: { query: QUERY, extensions: { persistedQuery: 'x' } } }, status: 200, code: APQ_REFUSED },
  { name: 'a persisted query of an unknown version', request: { json: { query: QUERY, extensions: { persistedQuery: { version: 99, sha256Hash: 'abc' } } } }, status: 200, code: APQ_REFUSED },
  { name: 'a persisted query whose hash does not match the query', request: { json: { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } } }, status: 200, code: APQ_REFUSED },
  { name: 'an operationName that names no operation', request: { json: { query: 'query A { me { id } }', operationName: 'B' } }, status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  { name: 'two anonymous operations', request: gql('{ me { id } } { me { name } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a query with 100,000 unknown variables', request: { json: { query: QUERY, variables: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`v${i}`, i])) } }, status: 200, code: null, or: { status: 400, code: BODY_REFUSED } },
]);

server.category('GET requests and cross-site (CSRF) simple requests', [
  { name: 'a GET query without a preflight header', request: { method: 'GET', path: getQuery(QUERY) }, status: 400, code: 'BAD_REQUEST' },
  { name: 'a GET query with apollo-require-preflight', request: { method: 'GET', path: getQuery(QUERY), headers: PREFLIGHT }, status: 200, code: null },
  { name: 'a GET query with x-apollo-operation-name', request: { method: 'GET', path: getQuery(QUERY), headers: { 'x-apollo-operation-name': 'Q' } }, status: 200, code: null },
  { name: 'a GET mutation with a preflight header', request: { method: 'GET', path: getQuery('mutation { startReview(input: { claimId: "x", expectedVersion: 1 }) { id } }'), headers: PREFLIGHT, as: 'editor' }, status: 405, code: 'BAD_REQUEST' },
  { name: 'a GET whose variables are not JSON', request: { method: 'GET', path: getQuery(QUERY, '{nope'), headers: PREFLIGHT }, status: 400, code: BODY_REFUSED },
  { name: 'a GET without a query', request: { method: 'GET', path: '/graphql?variables=%7B%7D', headers: { ...PREFLIGHT, accept: 'application/json' } }, status: 400, code: BODY_REFUSED },
  { name: 'a GET with 3,000 closing braces as the query', request: { method: 'GET', path: getQuery('}'.repeat(3000)), headers: PREFLIGHT }, status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  // A simple cross-site POST is not JSON, so it is refused with 415 before a CSRF check is even needed.
  { name: 'a text/plain POST of a valid query', request: post(VALID, 'text/plain'), status: 415, code: 'BAD_REQUEST' },
  { name: 'a TEXT/PLAIN POST in capitals', request: post(VALID, 'TEXT/PLAIN; charset=UTF-8'), status: 415, code: 'BAD_REQUEST' },
  { name: 'a multipart/form-data POST', request: post(`--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n${QUERY}\r\n--b--\r\n`, 'multipart/form-data; boundary=b'), status: 415, code: 'BAD_REQUEST' },
  { name: 'a urlencoded form POST', request: post(`query=${encodeURIComponent(QUERY)}`, 'application/x-www-form-urlencoded'), status: 415, code: 'BAD_REQUEST' },
  { name: 'a POST with no content type', request: post(VALID), status: 415, code: 'BAD_REQUEST' },
  { name: 'a text/plain POST of a mutation with a valid token', request: { ...post(JSON.stringify({ query: 'mutation { startReview(input: { claimId: "x", expectedVersion: 1 }) { id } }' }), 'text/plain'), as: 'editor' }, status: 415, code: 'BAD_REQUEST' },
]);

server.category('unsupported content types, charsets and encodings', [
  { name: 'application/xml', request: post(`<query>${QUERY}</query>`, 'application/xml'), status: 415, code: 'BAD_REQUEST' },
  { name: 'application/graphql', request: post(QUERY, 'application/graphql'), status: 415, code: 'BAD_REQUEST' },
  { name: 'image/png', request: post(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'), status: 415, code: 'BAD_REQUEST' },
  { name: 'text/plain with a preflight header', request: post(VALID, 'text/plain', PREFLIGHT), status: 415, code: 'BAD_REQUEST' },
  { name: 'a urlencoded form with a preflight header', request: post(`query=${encodeURIComponent(QUERY)}`, 'application/x-www-form-urlencoded', PREFLIGHT), status: 415, code: 'BAD_REQUEST' },
  { name: 'a content type that is not a media type', request: post(VALID, ';;;=='), status: 415, code: 'BAD_REQUEST' },
  { name: 'JSON in charset latin1', request: post(VALID, 'application/json; charset=latin1'), status: 415, code: 'BAD_REQUEST' },
  { name: 'JSON in charset iso-8859-1', request: post(VALID, 'application/json; charset=iso-8859-1'), status: 415, code: 'BAD_REQUEST' },
  { name: 'JSON in a charset that does not exist', request: post(VALID, 'application/json; charset=klingon'), status: 415, code: 'BAD_REQUEST' },
  { name: 'JSON in a content encoding that does not exist', request: post(VALID, JSON_TYPE, { 'content-encoding': 'x-bogus' }), status: 415, code: 'BAD_REQUEST' },
  { name: 'a gzip content encoding over bytes that are not gzip', request: post(VALID, JSON_TYPE, { 'content-encoding': 'gzip' }), status: 400, code: BODY_REFUSED },
]);

server.category('batched (array) requests', [
  { name: 'an array of two queries', request: { json: [{ query: QUERY }, { query: QUERY }] }, status: 400, code: 'BAD_REQUEST' },
  { name: 'an array of one query', request: { json: [{ query: QUERY }] }, status: 400, code: 'BAD_REQUEST' },
  { name: 'an empty array', request: { json: [] }, status: 400, code: 'BAD_REQUEST' },
  { name: 'an array of 10,000 queries', request: { json: Array.from({ length: 10_000 }, () => ({ query: QUERY })) }, status: 400, code: 'BAD_REQUEST' },
  { name: 'an array with a mutation and a valid token', request: { json: [{ query: 'mutation { startReview(input: { claimId: "x", expectedVersion: 1 }) { id } }' }], as: 'editor' }, status: 400, code: 'BAD_REQUEST' },
  { name: 'an array nested 100,000 deep', request: post(nested(100_000, '[', ']'), JSON_TYPE), status: 400, code: 'BAD_REQUEST' },
]);

server.category('giant bodies', [
  { name: 'a body one byte over 2 MB', request: post(exactly(2 * MB + 1), JSON_TYPE), status: 413, code: 'BAD_USER_INPUT' },
  { name: 'a 5 MB body', request: post(JSON.stringify({ query: QUERY, variables: { pad: 'x'.repeat(5 * MB) } }), JSON_TYPE), status: 413, code: 'BAD_USER_INPUT' },
  { name: 'a 3 MB query string', request: { json: { query: `{ claims { totalCount } }${' '.repeat(3 * MB)}` } }, status: 413, code: 'BAD_USER_INPUT' },
  { name: 'a 3 MB body sent in chunks without a length', request: { body: JSON.stringify({ query: QUERY, variables: { pad: 'x'.repeat(3 * MB) } }), headers: { 'content-type': JSON_TYPE, 'transfer-encoding': 'chunked' } }, status: 413, code: 'BAD_USER_INPUT' },
  { name: 'a content-length of 50 MB', request: { body: VALID, headers: { 'content-type': JSON_TYPE, 'content-length': String(50 * MB) } }, status: 413, code: 'BAD_USER_INPUT' },
  { name: 'a 50 KB gzip body that inflates to 50 MB', request: post(gzipSync(Buffer.from(`{"query":"${QUERY}","variables":{"pad":"${'0'.repeat(50 * MB)}"}}`)), JSON_TYPE, { 'content-encoding': 'gzip' }), status: 413, code: 'BAD_USER_INPUT' },
]);

server.category('deeply nested JSON', [
  { name: 'variables nested 100,000 objects deep', request: post(`{"query":${JSON.stringify(QUERY)},"variables":{"x":${nested(100_000, '{"x":', '}')}}}`, JSON_TYPE), status: 200, code: null, or: { status: 400, code: BODY_REFUSED } },
  { name: 'extensions nested 100,000 arrays deep', request: post(`{"query":${JSON.stringify(QUERY)},"extensions":{"x":${nested(100_000, '[', ']')}}}`, JSON_TYPE), status: 200, code: null, or: { status: 400, code: BODY_REFUSED } },
  { name: 'a list variable nested 100,000 arrays deep', request: post(`{"query":"query ($s: [Stance!]) { claims(first: 1, filter: { stances: $s }) { totalCount } }","variables":{"s":${nested(100_000, '[', ']', '"ASSERTS"')}}}`, JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'an input object variable nested 100,000 objects deep', request: post(`{"query":"query ($f: ClaimFilter) { claims(first: 1, filter: $f) { totalCount } }","variables":{"f":${nested(100_000, '{"search":', '}', '"x"')}}}`, JSON_TYPE), status: 400, code: BODY_REFUSED },
  { name: 'a body of 300,000 nested objects', request: post(nested(300_000, '{"a":', '}'), JSON_TYPE), status: 400, code: BODY_REFUSED },
]);
