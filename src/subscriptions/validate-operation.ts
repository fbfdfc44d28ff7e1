import type { BaseContext, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, specifiedRules, validate } from 'graphql';
import type { Config } from '../config';
import { costLimitPlugin, depthLimit } from '../graphql/limits';

/**
 * Checks a subscription document against the same rules as a query over HTTP: graphql's own rules,
 * the depth limit and the cost limit. Returns the errors, each with its extensions.code; none when valid.
 */
export async function validateOperation(
  schema: GraphQLSchema,
  config: Config,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): Promise<readonly GraphQLError[]> {
  const invalid = validate(schema, document, [...specifiedRules, depthLimit(config.maxQueryDepth)]);
  if (invalid.length > 0) {
    return invalid.map((error) => new GraphQLError(error.message, {
      nodes: error.nodes, source: error.source, positions: error.positions,
      extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
    }));
  }
  try {
    // The cost rule exists only as an Apollo plugin; run its check with the two fields it reads.
    const listener = await costLimitPlugin(schema, config.maxQueryCost).requestDidStart?.(undefined as never);
    await listener?.didResolveOperation?.({ request: { operationName, variables }, document } as unknown as GraphQLRequestContextDidResolveOperation<BaseContext>);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  return [];
}
