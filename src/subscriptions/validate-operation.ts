import { DocumentNode, getOperationAST, GraphQLError, GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import type { Config } from '../config';
import { BadRequestError } from '../errors';
import { bracketNesting, documentLimits, documentLimitsRule, maxBracketNesting } from '../graphql/limits';

/**
 * Parses and validates a subscription document with the same rules as POST /graphql: the bracket and token
 * caps before parsing, graphql's own rules and the document limits after. Returns the document or the errors,
 * each with its extensions.code. Credentials, cost and budgets are checked by admission, as over HTTP.
 */
export function parseSubscription(schema: GraphQLSchema, config: Config, query: string, operationName?: string | null):
  { document: DocumentNode } | { errors: GraphQLError[] } {
  const max = maxBracketNesting(config);
  if (bracketNesting(query) > max) {
    return { errors: [new GraphQLError(`Syntax Error: the document nests brackets more than ${max} levels deep`, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] };
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: config.maxQueryTokens });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { errors: [new GraphQLError(error.message, { source: error.source, positions: error.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] };
  }
  const invalid = validate(schema, document, [...specifiedRules, documentLimitsRule(documentLimits(config))]);
  if (invalid.length > 0) {
    return {
      errors: invalid.map((error) => new GraphQLError(error.message, {
        nodes: error.nodes, source: error.source, positions: error.positions,
        extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
      })),
    };
  }
  const operation = getOperationAST(document, operationName);
  if (operation && operation.operation !== 'subscription') {
    return { errors: [new BadRequestError('Only subscriptions are served over WebSocket; send queries and mutations with POST /graphql')] };
  }
  return { document };
}
