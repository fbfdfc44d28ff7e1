import type { NextFunction, Request, Response } from 'express';

const HOST_PATTERN = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The Host header when it is a plain host[:port], else where the socket really is: never echo raw input into HTML. */
export function requestHost(req: Request): string {
  const host = req.headers.host?.trim() ?? '';
  if (host.length <= 255 && HOST_PATTERN.test(host)) return host;
  return `localhost:${req.socket.localPort ?? 4000}`;
}

export function landingPageHtml(origin: string, graphiql: boolean): string {
  const endpoint = `${origin}/graphql`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>claimgraph</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:1rem;overflow:auto}</style>
</head><body>
<h1>claimgraph</h1>
<p>A GraphQL API for checkable claims in news articles. Send <code>POST /graphql</code> with a JSON body:</p>
<pre>curl -s ${endpoint} \\
  -H 'content-type: application/json' \\
  -d '{"query":"{ claims(first: 5) { totalCount edges { node { text stance state source { name } } } } }"}'</pre>
<p>Mutations need <code>Authorization: Bearer TOKEN</code>; create a token with
<code>npm run cli -- reviewer add --name NAME --role REVIEWER</code>.</p>
<p>Reviewer console: <a href="/">${origin}/</a>${graphiql ? ` · GraphiQL: <a href="/graphiql">${origin}/graphiql</a>` : ''}</p>
<p>Health: <a href="/healthz">/healthz</a> · Metrics: <a href="/metrics">/metrics</a></p>
</body></html>`;
}

/**
 * `GET /graphql` from a browser: a short local help page naming the host and port the request came to.
 * Apollo's own landing page cannot see the request and loads from a CDN, so it is disabled.
 */
export function landingPage(options: { graphiql: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.query.query !== undefined || req.accepts(['json', 'html']) !== 'html') {
      return next();
    }
    res.type('html').set('cache-control', 'no-store').send(landingPageHtml(`${req.protocol}://${requestHost(req)}`, options.graphiql));
  };
}
