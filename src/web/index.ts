import fs from 'node:fs';
import path from 'node:path';
import express, { Express, NextFunction, Request, Response } from 'express';
import type { Config } from '../config';
import { landingPage } from '../graphql/landing-page';

/** The console's client-side routes; only these fall back to its index.html, so no server route is ever shadowed. */
const CONSOLE_ROUTE = /^\/(?:articles\/[A-Za-z0-9_-]+|claims(?:\/[A-Za-z0-9_=-]+)?)\/?$/;

/** Where `npm run build:console` writes the bundles: dist/ at the project root, from src/ or dist/src/ alike. */
export function bundleDir(name: 'console' | 'graphiql'): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', name);
}

/** Hashed assets never change; index.html must always be fetched anew to pick up a new build. */
function serveBundle(dir: string) {
  return express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, file) => {
      res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

function sendIndex(dir: string, name: string) {
  const index = path.join(dir, 'index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('text').send(`The ${name} is not built: run \`npm run build\` (or \`npm start\`, which builds it).`);
      return;
    }
    res.set('cache-control', 'no-cache').sendFile(index);
  };
}

/**
 * Mounts the browser-facing routes: the help page at GET /graphql, the reviewer console at / (with its
 * client-side routes), and GraphiQL at /graphiql when enabled. Call before the /graphql API middleware.
 */
export function mountWebApps(app: Express, config: Config): void {
  app.get('/graphql', landingPage({ graphiql: config.graphiql }));

  if (config.graphiql) {
    const graphiql = bundleDir('graphiql');
    app.get(['/graphiql', '/graphiql/'], sendIndex(graphiql, 'GraphiQL'));
    app.use('/graphiql', serveBundle(graphiql));
  }

  const consoleDir = bundleDir('console');
  app.get('/', sendIndex(consoleDir, 'console'));
  app.use('/assets', serveBundle(path.join(consoleDir, 'assets')));
  app.get(CONSOLE_ROUTE, sendIndex(consoleDir, 'console'));
}
