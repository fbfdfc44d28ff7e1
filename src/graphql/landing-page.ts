import type { ApolloServerPlugin } from '@apollo/server';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>claimgraph</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:1rem;overflow:auto}</style>
</head><body>
<h1>claimgraph</h1>
<p>A GraphQL API for checkable claims in news articles. Send <code>POST /graphql</code> with a JSON body:</p>
<pre>curl -s http://localhost:4000/graphql \\
  -H 'content-type: application/json' \\
  -d '{"query":"{ claims(first: 5) { totalCount edges { node { text stance state source { name } } } } }"}'</pre>
<p>Mutations need <code>Authorization: Bearer TOKEN</code>; create a token with
<code>npm run cli -- reviewer add --name NAME --role REVIEWER</code>.</p>
<p>Health: <a href="/healthz">/healthz</a> · Metrics: <a href="/metrics">/metrics</a></p>
</body></html>`;

/** A small local page instead of Apollo's CDN-hosted sandbox, which cannot load offline. */
export function landingPagePlugin(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html: PAGE }; } };
    },
  };
}
