import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode, visit } from 'graphql';
import type { Context } from '../context';
import { NESTING, unstorableText } from '../domain/limits';
import { BadRequestError, BadUserInputError, UnauthenticatedError } from '../errors';
import type { Charge, CostBudget } from './cost-budget';
import { costLimitError, operationCost } from './limits';

/** What an operation must pass before it runs. */
export interface AdmissionOptions {
  schema: GraphQLSchema;
  maxCost: number;
  requireAuthForReads: boolean;
  budget: CostBudget;
}

/**
 * The first problem with the variables' values, with its path: nesting deeper than any input type allows,
 * or a string that cannot be stored (NUL, lone surrogate). Iterative, so no input can exhaust the stack.
 */
function variableProblem(variables: Record<string, unknown>): { path: string; problem: string } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: 'variables', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = unstorableText(value);
      if (problem) return { path, problem };
    } else if (value !== null && typeof value === 'object') {
      if (depth > NESTING.variables) return { path, problem: `nests deeper than ${NESTING.variables} levels` };
      for (const [key, item] of Object.entries(value)) {
        stack.push({ value: item, path: Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth: depth + 1 });
      }
    }
  }
  return null;
}

// A document is parsed once per text and reused (Apollo's document store), so its literals are checked once.
const literalProblems = new WeakMap<DocumentNode, string | null>();

function unstorableLiteral(document: DocumentNode): string | null {
  const known = literalProblems.get(document);
  if (known !== undefined) return known;
  let problem: string | null = null;
  visit(document, {
    StringValue(node) {
      problem ??= unstorableText(node.value);
    },
  });
  literalProblems.set(document, problem);
  return problem;
}

/** Marks an error raised before execution as the client's: HTTP 400 rather than Apollo's 500 for plugin errors. */
function requestError<E extends GraphQLError>(error: E): E {
  Object.assign(error.extensions, { http: { status: 400 } });
  return error;
}

/** One operation as admission sees it, whichever transport brought it. */
export interface OperationRequest {
  context: Context;
  document: DocumentNode;
  operation: OperationDefinitionNode | null | undefined;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * Admits an operation, in order: the caller's credentials, text that could not be stored, the cost limit,
 * then the caller's cost budget. Runs before any resolver, for POST /graphql and subscriptions alike;
 * throws the refusal, or returns what the operation cost (null when no budget applies).
 */
export async function admitOperation(options: AdmissionOptions, request: OperationRequest): Promise<Charge | null> {
  const { context, document } = request;
  if (context.badToken) throw new UnauthenticatedError('The API token is unknown, revoked or malformed');
  const kind = request.operation?.operation;
  if (!context.actor && (kind === 'mutation' || options.requireAuthForReads)) throw new UnauthenticatedError();

  const inVariables = variableProblem(request.variables ?? {});
  const inLiterals = inVariables ? null : unstorableLiteral(document);
  if (inVariables || inLiterals) {
    const field = inVariables?.path ?? 'query';
    const problem = inVariables?.problem ?? inLiterals!;
    // Refused before execution, like a variable that fails coercion: HTTP 400.
    throw requestError(BadUserInputError.fromProblems([{ field, message: problem }]));
  }

  const cost = operationCost(options.schema, document, request.operationName, request.variables ?? undefined);
  if (cost === null) return null; // the variables do not fit: execution refuses them as BAD_USER_INPUT, running nothing
  if (cost > options.maxCost) throw costLimitError(cost, options.maxCost);
  // Budgets ration network callers; an operation run in-process by a script has no address and no budget.
  if (context.clientAddress === null) return null;
  const key = context.actor ? `token:${context.actor.id}` : `address:${context.clientAddress}`;
  return options.budget.charge(key, Math.max(1, cost), context.actor !== null);
}

/** Admission for POST /graphql, with the remaining budget in every answer's `extensions.rateLimit`. */
export function admissionPlugin(options: AdmissionOptions): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let charge: Charge | null = null;
      return {
        async didResolveOperation({ contextValue, operation, document, request }) {
          if (operation?.operation === 'subscription') {
            throw requestError(new BadRequestError('Subscriptions are served over WebSocket (graphql-ws) on this same path'));
          }
          charge = await admitOperation(options, {
            context: contextValue, document, operation, operationName: request.operationName, variables: request.variables,
          });
        },
        async willSendResponse({ response }) {
          if (!charge || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, rateLimit: charge };
        },
      };
    },
  };
}
