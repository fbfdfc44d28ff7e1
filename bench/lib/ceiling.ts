import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { buildSchema, GraphQLObjectType } from 'graphql';
import { SCHEMA_FILE } from '../../src/graphql/schema';

/**
 * The ceiling: a bare Apollo Server (same @apollo/server and graphql, schema built from the committed SDL)
 * whose root fields return a captured answer from memory, so everything under them is property reads.
 */
export async function startCeiling(answers: Record<string, unknown>): Promise<{ url: string; close(): Promise<void> }> {
  const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  const query = schema.getQueryType() as GraphQLObjectType;
  for (const [name, field] of Object.entries(query.getFields())) {
    field.resolve = () => answers[name] ?? null;
  }
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({
    schema,
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '2mb' }), expressMiddleware(apollo));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
