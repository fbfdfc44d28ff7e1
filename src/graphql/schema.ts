import path from 'node:path';
import { GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { authChecker } from '../auth';
import { RESOLVERS } from '../resolvers';
import { NO_PUBSUB } from '../subscriptions';

/** Where the committed schema lives; a test fails when it drifts from the code. */
export const SCHEMA_FILE = path.resolve(__dirname, '../../schema/schema.graphql');

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the resolvers. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: RESOLVERS, authChecker, validate: false, pubSub: NO_PUBSUB }).then(readPropertiesDirectly);
  return built;
}

/**
 * type-graphql wraps every plain field in a resolver that runs the (here empty) middleware chain: on a page
 * of claims that is thousands of calls. A field with no field resolver, roles or middleware only reads its
 * property, so it gets exactly that (by the property's name: `id` reads the `globalId` getter).
 */
const LAZY_PROPERTIES = new Set(['totalCount', 'totalCountIsExact']);

function readPropertiesDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const hasResolver = storage.fieldResolvers.some((resolver) => resolver.getObjectType?.() === field.target && resolver.methodName === field.name);
      if (hasResolver || (field.roles?.length ?? 0) > 0 || (field.middlewares?.length ?? 0) > 0 || !fields[field.schemaName]) continue;
      const property = field.name;
      // A promise-valued property (a connection's lazy total) needs a resolver: compiled execution inlines plain reads.
      const plain = property === field.schemaName && !LAZY_PROPERTIES.has(property);
      fields[field.schemaName].resolve = plain ? undefined : (root: Record<string, unknown>) => root[property];
    }
  }
  // type-graphql's wrapped resolveType answers asynchronously; compiled execution wants the type's name at once.
  const node = schema.getType('Node');
  if (node instanceof GraphQLInterfaceType) node.resolveType = (value: { constructor: { name: string } }) => value.constructor.name;
  return schema;
}

/** The schema as SDL, sorted so that the committed file diffs cleanly. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
