import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { ExecutionResult, GraphQLError, GraphQLSchema, printSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** graphql-jit's errors are plain objects; Apollo's error handling (codes, 400 for bad variables) needs GraphQLErrors. */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  // No data at all: nothing ran, the variables did not coerce (the document was validated already).
  const refused = !('data' in result) || result.data === undefined;
  const errors = result.errors.map((error) => {
    if (error instanceof GraphQLError && Object.keys((error.extensions as object | undefined) ?? {}).length > 0) return error;
    const original = (error as { originalError?: Error }).originalError;
    const extensions = refused
      ? { code: 'BAD_USER_INPUT', http: { status: 400 } }
      : (original as { extensions?: Record<string, unknown> } | undefined)?.extensions ?? {};
    return new GraphQLError(error.message, { path: error.path, originalError: original, extensions });
  });
  return { ...result, errors };
}

/**
 * Compiled execution (graphql-jit) behind Apollo's executor path: Apollo still parses, validates and runs
 * every plugin (admission, cost, the response cache); only execution is a function compiled once per
 * document, which skips graphql-js's per-field bookkeeping. The gateway interface is Apollo 5's one way to
 * supply an executor.
 */
export function compiledExecution(schema: GraphQLSchema, maxDocuments = 1_000): Gateway {
  const compiled = new Map<string, CompiledQuery | ExecutionResult>();
  const executor: Executor = async (request) => {
    // graphql-js reports these from execute, and Apollo turns them into 400s; on the executor path we must.
    if (!request.operation) {
      const name = request.request.operationName;
      const message = name ? `Unknown operation named "${name}".` : 'Must provide operation name if query contains multiple operations.';
      return { errors: [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } })] };
    }
    const key = `${request.queryHash}\n${request.operationName ?? ''}`;
    let entry = compiled.get(key);
    if (!entry) {
      entry = compileQuery(schema, request.document, request.operationName ?? undefined);
      // Oldest first out: documents are few and stable; this only bounds a flood of distinct ones.
      if (compiled.size >= maxDocuments) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, entry);
    }
    if (!isCompiledQuery(entry)) return withGraphQLErrors(entry);
    return withGraphQLErrors(await entry.query(undefined, request.context, request.request.variables ?? {}));
  };
  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}
