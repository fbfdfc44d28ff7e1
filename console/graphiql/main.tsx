import { createGraphiQLFetcher, Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { DocumentNode, Kind, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import { EXAMPLES } from './examples';

const url = `${location.origin}/graphql`;
const subscriptionUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

// graphql-ws sends the token once, in connection_init; so each Authorization value gets its own socket.
const fetchers = new Map<string, Fetcher>();
function fetcherFor(authorization: string): Fetcher {
  let fetcher = fetchers.get(authorization);
  if (!fetcher) {
    const wsClient = createClient({ url: subscriptionUrl, lazy: true, connectionParams: authorization ? { authorization } : {} });
    fetcher = createGraphiQLFetcher({ url, wsClient });
    fetchers.set(authorization, fetcher);
  }
  return fetcher;
}

function authorizationOf(headers: Record<string, unknown> | undefined): string {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization');
  return typeof entry?.[1] === 'string' ? entry[1] : '';
}

function parsed(query: string): DocumentNode | undefined {
  try {
    return parse(query);
  } catch {
    return undefined;
  }
}

const fetcher: Fetcher = (params, options) => {
  const run = fetcherFor(authorizationOf(options?.headers));
  // Right after a tab switch GraphiQL can still send the previous tab's operationName (and document);
  // a document with one operation runs that one.
  const ast = parsed(params.query);
  const operations = ast?.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION) ?? [];
  const only = operations.length === 1 ? operations[0].name?.value : undefined;
  if (!ast || !only || params.operationName === only) return run(params, options);
  return run({ ...params, operationName: only }, { ...options, documentAST: ast });
};

// A token the console was signed in with (this tab only) starts in the Headers tab; it is never persisted.
const token = sessionStorage.getItem('claimgraph.token');

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={EXAMPLES}
    defaultHeaders={token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : '{}'}
    shouldPersistHeaders={false}
    defaultEditorToolsVisibility="variables"
  />,
);
