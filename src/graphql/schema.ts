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
  built ??= buildSchema({ resolvers: RESOLVERS, authChecker, validate: false, pubSub: NO_PUBSUB }).then(readPropertiesDirectly).then(callFieldResolversDirectly);
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

type ResolverArgs = [root: unknown, args: unknown, context: unknown, info: unknown];

/**
 * type-graphql calls every field resolver through a wrapper that, on each call, sorts and maps its parameter
 * metadata, converts the root to its class and runs the (here empty) middleware chain: on a page of claims
 * that is hundreds of calls. A field resolver with no roles, no middleware and only `@Root()`, `@Ctx()` and
 * `@Info()` parameters (no arguments to convert) is called directly instead, with the parameters picked
 * once; a root that is not already of its class still goes through type-graphql's own wrapper.
 * (No global middlewares are configured: buildSchema above is the only place that would add them.)
 */
function callFieldResolversDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const instances = new Map<Function, Record<string, (...params: unknown[]) => unknown>>();
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== 'external' || !(RESOLVERS as Function[]).includes(resolver.target)) continue;
    if ((resolver.roles?.length ?? 0) > 0 || (resolver.middlewares?.length ?? 0) > 0) continue;
    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    const picks: ((call: ResolverArgs) => unknown)[] = [];
    let rootClass: Function | null = null;
    for (const param of params) {
      if (param.kind === 'root' && !param.propertyName) {
        const type = param.getType?.();
        if (typeof type === 'function') rootClass = type;
        picks.push((call) => call[0]);
      } else if (param.kind === 'context' && !param.propertyName) {
        picks.push((call) => call[2]);
      } else if (param.kind === 'info') {
        picks.push((call) => call[3]);
      } else {
        picks.length = 0;
        break;
      }
    }
    if (picks.length !== params.length) continue;
    const objectClass = resolver.resolverClassMetadata?.getObjectType() ?? resolver.getObjectType?.();
    const typeName = storage.objectTypes.find((objectType) => objectType.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = type instanceof GraphQLObjectType ? type.getFields()[resolver.schemaName] : undefined;
    if (!field?.resolve) continue;
    let instance = instances.get(resolver.target);
    if (!instance) {
      instance = new (resolver.target as new () => Record<string, (...params: unknown[]) => unknown>)();
      instances.set(resolver.target, instance);
    }
    const target = instance;
    const method = target[resolver.methodName];
    const wrapped = field.resolve;
    const root = rootClass;
    field.resolve = (...call: ResolverArgs) => {
      if (root && call[0] != null && !(call[0] instanceof root)) return (wrapped as (...args: ResolverArgs) => unknown)(...call);
      return method.apply(target, picks.map((pick) => pick(call)));
    };
  }
  return schema;
}

/** The schema as SDL, sorted so that the committed file diffs cleanly. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
