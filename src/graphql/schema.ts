import path from 'node:path';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth';
import { RESOLVERS } from '../resolvers';
import { NO_PUBSUB } from '../subscriptions';

/** Where the committed schema lives; a test fails when it drifts from the code. */
export const SCHEMA_FILE = path.resolve(__dirname, '../../schema/schema.graphql');

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the resolvers. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: RESOLVERS, authChecker, validate: false, pubSub: NO_PUBSUB });
  return built;
}

/** The schema as SDL, sorted so that the committed file diffs cleanly. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
