import { gql, hostileServer } from '../support/hostile';

// GraphQL documents that do not parse, or parse into something too expensive to validate or run.
const server = hostileServer();

const PARSE = 'GRAPHQL_PARSE_FAILED';
const VALIDATION = 'GRAPHQL_VALIDATION_FAILED';
const nested = (depth: number, open: string, close: string, inner: string) => open.repeat(depth) + inner + close.repeat(depth);

/** `{ ...F0 }` where each fragment spreads the next one twice: 2^levels leaves from a few hundred bytes. */
function doublingFragments(levels: number, on: string, leaf: string): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    `fragment F${i} on ${on} { ${i === levels - 1 ? leaf : `...F${i + 1} ...F${i + 1}`} }`);
  return fragments.join('\n');
}

/** `count` aliases of the same selection. */
const aliases = (count: number, selection: string) => Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ');

/** Claims nested `levels` fields deep through article → claims → edges → node. */
function deepClaims(levels: number): string {
  let inner = 'id';
  // Each round adds four fields: article { claims { edges { node { … } } } }.
  for (let depth = 4; depth < levels; depth += 4) inner = `article { claims(first: 1) { edges { node { ${inner} } } } }`;
  return `{ claims(first: 1) { edges { node { ${inner} } } } }`;
}

const EXPENSIVE = 'expensive: articles(first: 100) { edges { node { claims(first: 100) { edges { node { text reviews { rationale evidence { url } } } } } } } }';

server.category('parse failures', [
  { name: 'an unterminated argument list', request: gql('{ claims( '), status: 400, code: PARSE },
  { name: 'an unterminated string', request: gql('{ claims(filter: { search: "abc }) { totalCount } }'), status: 400, code: PARSE },
  { name: 'an unterminated block string', request: gql('{ claims(filter: { search: """abc }) { totalCount } }'), status: 400, code: PARSE },
  { name: 'a string with a bad escape', request: gql('{ claims(filter: { search: "\\x41" }) { totalCount } }'), status: 400, code: PARSE },
  { name: 'a string with an escape beyond Unicode', request: gql('{ claims(filter: { search: "\\u{110000}" }) { totalCount } }'), status: 400, code: PARSE },
  { name: 'a string with a raw newline', request: gql('{ claims(filter: { search: "a\nb" }) { totalCount } }'), status: 400, code: PARSE },
  { name: 'junk', request: gql('%%% ??? !!!'), status: 400, code: PARSE },
  { name: 'only closing braces', request: gql('}}}}'), status: 400, code: PARSE },
  { name: 'a lone opening brace', request: gql('{'), status: 400, code: PARSE },
  { name: 'a NUL character in the document', request: gql('{ claims\u0000 { totalCount } }'), status: 400, code: PARSE },
  { name: 'a lone surrogate in the document', request: gql('{ claims \ud800 { totalCount } }'), status: 400, code: PARSE },
  { name: 'a document of only whitespace and commas', request: gql(' ,,, \n\t ,,, '), status: 400, code: PARSE },
  { name: 'a document of only a comment', request: gql('# nothing here'), status: 400, code: PARSE },
  { name: 'a fragment without a type condition', request: gql('{ ...F } fragment F { id }'), status: 400, code: PARSE },
  { name: 'a number that is not one', request: gql('{ claims(first: 1.2.3) { totalCount } }'), status: 400, code: PARSE },
  { name: '100,000 nested opening braces', request: gql('{'.repeat(100_000)), status: 400, code: PARSE },
  { name: '100,000 nested selection sets', request: gql(nested(100_000, 'a { ', ' }', 'a').replace(/^/, '{ ') + ' }'), status: 400, code: PARSE },
  { name: '100,000 nested list values', request: gql(`{ claims(filter: { states: ${nested(100_000, '[', ']', 'VERIFIED')} }) { totalCount } }`), status: 400, code: PARSE },
  { name: '100,000 nested object values', request: gql(`{ claims(filter: ${nested(100_000, '{ search: ', ' }', '"x"')}) { totalCount } }`), status: 400, code: PARSE },
  { name: '100,000 unclosed list brackets', request: gql(`{ claims(filter: { states: ${'['.repeat(100_000)}`), status: 400, code: PARSE },
  { name: '100,000 nested parentheses', request: gql(`{ claims${'('.repeat(100_000)}${')'.repeat(100_000)} { totalCount } }`), status: 400, code: PARSE },
  { name: '100,000 nested list types in a variable definition', request: gql(`query (${'$v'}: ${nested(100_000, '[', ']', 'Int')}) { me { id } }`), status: 400, code: PARSE },
  { name: 'a document of 200,000 tokens', request: gql(`{ ${'a '.repeat(200_000)}}`), status: 400, code: PARSE },
  { name: 'a document of 900,000 tokens', request: gql(`{ ${'a '.repeat(900_000)}}`), status: 400, code: PARSE },
  { name: 'a document with 50,000 variable definitions', request: gql(`query (${Array.from({ length: 50_000 }, (_, i) => `$v${i}: Int`).join(', ')}) { me { id } }`), status: 400, code: PARSE },
]);

server.category('expensive documents', [
  { name: 'a doubling fragment chain 40 levels deep on Query', request: gql(`{ ...F0 }\n${doublingFragments(40, 'Query', '__typename')}`), status: 400, code: VALIDATION, message: /at most|limit/i },
  { name: 'a doubling fragment chain 40 levels deep on Query ending in a field', request: gql(`{ ...F0 }\n${doublingFragments(40, 'Query', 'me { id }')}`), status: 400, code: VALIDATION, message: /at most|limit/i },
  { name: 'a doubling fragment chain 40 levels deep inside a page of claims', request: gql(`{ claims(first: 1) { edges { node { ...F0 } } } }\n${doublingFragments(40, 'Claim', 'id')}`), status: 400, code: VALIDATION, message: /at most|limit/i },
  { name: 'a doubling fragment chain 40 levels deep on claims of a source', request: gql(`{ sources(first: 1) { edges { node { claims(first: 1) { edges { node { ...F0 } } } } } } }\n${doublingFragments(40, 'Claim', 'text')}`), status: 400, code: VALIDATION, message: /at most|limit/i },
  { name: 'a fragment that spreads itself', request: gql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'), status: 400, code: VALIDATION },
  { name: 'a query 13 levels deep', request: gql(deepClaims(13)), status: 400, code: VALIDATION, message: /nested \d+ levels.*at most 12/ },
  // Deeper than any query within the depth limit can nest brackets: refused before the recursive parser runs.
  { name: 'a query 200 levels deep', request: gql(deepClaims(200)), status: 400, code: PARSE, message: /nests brackets more than \d+ levels/ },
  { name: 'a query nested too deep through node()', request: gql(`{ node(id: "x") { ... on Claim { ${deepClaims(16).slice(2, -2)} } } }`), status: 400, code: VALIDATION, message: /nested \d+ levels.*at most 12/ },
  { name: 'a query nested too deep through fragments', request: gql('{ ...A } fragment A on Query { claims { edges { node { ...B } } } } fragment B on Claim { article { claims { edges { node { ...C } } } } } fragment C on Claim { source { claims { edges { node { ...D } } } } } fragment D on Claim { article { claims { edges { node { id } } } } }'), status: 400, code: VALIDATION, message: /nested \d+ levels.*at most 12/ },
  { name: 'a page of 100 articles with 100 claims each and their reviews', request: gql(`{ ${EXPENSIVE} }`), status: 400, code: VALIDATION, message: /costs \d+.*at most 100000/ },
  { name: '100 aliases of a page of 100 claims', request: gql(`{ ${aliases(100, 'claims(first: 100) { edges { node { text source { name } } } }')} }`), status: 400, code: VALIDATION, message: /alias limit/ },
  { name: '100 aliases of me', request: gql(`{ ${aliases(100, 'me { id }')} }`), status: 400, code: VALIDATION, message: /alias limit/i },
  { name: '100 aliases of __typename', request: gql(`{ ${aliases(100, '__typename')} }`), status: 400, code: VALIDATION, message: /alias limit/i },
  { name: '100 aliases of a claim lookup', request: gql(`{ ${aliases(100, 'claim(id: "Q2xhaW06MQ") { id }')} }`), status: 400, code: VALIDATION, message: /alias limit/i },
  // A thousand aliases or directives make more tokens than a document may have: the parser stops first.
  { name: '1,000 aliases of me', request: gql(`{ ${aliases(1000, 'me { id }')} }`), status: 400, code: PARSE, message: /tokens/i },
  { name: '1,000 aliases of a claim lookup', request: gql(`{ ${aliases(1000, 'claim(id: "Q2xhaW06MQ") { id }')} }`), status: 400, code: PARSE, message: /tokens/i },
  { name: '100 @include directives on one field', request: gql(`{ me ${'@include(if: true) '.repeat(100)}{ id } }`), status: 400, code: VALIDATION, message: /directive/i },
  { name: '100 @skip directives on __typename', request: gql(`{ __typename ${'@skip(if: false) '.repeat(100)}}`), status: 400, code: VALIDATION, message: /directive/i },
  { name: '100 fields each with its own @include', request: gql(`{ me { ${'id @include(if: true) '.repeat(100)}} }`), status: 400, code: VALIDATION, message: /directive limit/i },
  { name: '1,000 @include directives on one field', request: gql(`{ me ${'@include(if: true) '.repeat(1000)}{ id } }`), status: 400, code: PARSE, message: /tokens/i },
  { name: '1,000 unknown directives', request: gql(`{ me ${'@x '.repeat(1000)}{ id } }`), status: 400, code: VALIDATION, message: /directive/i },
  { name: '5,000 repeated fields in a page of 100 claims', request: gql(`{ claims(first: 100) { edges { node { ${'text '.repeat(5000)}} } } }`), status: 400, code: PARSE, message: /tokens/i },
  { name: 'a cheap sibling with first: -1000000 next to an expensive one', request: gql(`{ cheap: claims(first: -1000000) { edges { node { text reviews { rationale } } } } ${EXPENSIVE} }`), status: 400, code: VALIDATION, message: /costs \d+/ },
  { name: 'a cheap sibling with first: -2147483648 next to an expensive one', request: gql(`{ cheap: claims(first: -2147483648) { edges { node { id } } } ${EXPENSIVE} }`), status: 400, code: VALIDATION, message: /costs \d+/ },
  { name: 'a sibling with a negative first from a variable next to an expensive one', request: gql(`query ($n: Int) { cheap: sources(first: $n) { edges { node { name } } } ${EXPENSIVE} }`, { n: -2147483648 }), status: 400, code: VALIDATION, message: /costs \d+/ },
  { name: 'a sibling with first: 0 next to an expensive one', request: gql(`{ zero: claims(first: 0) { totalCount } ${EXPENSIVE} }`), status: 400, code: VALIDATION, message: /costs \d+/ },
  { name: 'a sibling with first: 2147483647 next to an expensive one', request: gql(`{ huge: claims(first: 2147483647) { totalCount } ${EXPENSIVE} }`), status: 400, code: VALIDATION },
  { name: 'a negative first nested under an expensive page', request: gql('{ articles(first: 100) { edges { node { a: claims(first: -100000) { edges { node { text } } } b: claims(first: 100) { edges { node { text reviews { rationale } } } } } } } }'), status: 400, code: VALIDATION, message: /costs \d+/ },
  { name: 'introspection in production', request: gql('{ __schema { types { name fields { name } } } }'), status: 400, code: VALIDATION },
  { name: 'a deep introspection type query', request: gql(`{ __type(name: "Query") { ${nested(10, 'fields { type { ofType { ', ' } } }', 'name')} } }`), status: 400, code: VALIDATION },
  { name: 'an unknown field, without suggestions', request: gql('{ claimz { totalCount } }'), status: 400, code: VALIDATION },
  { name: 'an unknown argument, without suggestions', request: gql('{ claims(frist: 1) { totalCount } }'), status: 400, code: VALIDATION },
  { name: 'a misspelt enum value, without suggestions', request: gql('{ claims(filter: { states: [VERIFIEDD] }) { totalCount } }'), status: 400, code: VALIDATION },
  { name: 'a misspelt input field, without suggestions', request: gql('{ claims(filter: { serach: "x" }) { totalCount } }'), status: 400, code: VALIDATION },
  { name: 'a misspelt type in a fragment, without suggestions', request: gql('{ ...F } fragment F on Quer { me { id } }'), status: 400, code: VALIDATION },
  { name: 'a subscription over POST', request: gql('subscription { claimChanged { __typename } }'), status: 400, code: [VALIDATION, 'BAD_REQUEST'] },
]);

server.category('page sizes', [
  { name: 'first: 0', request: gql('{ claims(first: 0) { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'first: 101', request: gql('{ claims(first: 101) { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'first: -1', request: gql('{ articles(first: -1) { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'first: -1 on sources', request: gql('{ sources(first: -1) { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'first: 101 on the claims of an article', request: (f) => gql(`{ article(slug: ${JSON.stringify(f.article.slug)}) { claims(first: 101) { totalCount } } }`), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'first: 2147483648 written in the document', request: gql('{ claims(first: 2147483648) { totalCount } }'), status: 400, code: VALIDATION },
  { name: 'first: 1e100 written in the document', request: gql('{ claims(first: 1e100) { totalCount } }'), status: 400, code: VALIDATION },
  { name: 'first: "10" written as a string', request: gql('{ claims(first: "10") { totalCount } }'), status: 400, code: VALIDATION },
  { name: 'first: 0 from a variable', request: gql('query ($n: Int) { claims(first: $n) { totalCount } }', { n: 0 }), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'first: 101 from a variable', request: gql('query ($n: Int) { claims(first: $n) { totalCount } }', { n: 101 }), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'first: -1 from a variable', request: gql('query ($n: Int) { claims(first: $n) { totalCount } }', { n: -1 }), status: 200, code: 'BAD_USER_INPUT' },
]);
