import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, visit } from 'graphql';
import type { Context } from '../context';
import { unstorableText } from '../domain/limits';
import { BadRequestError, BadUserInputError, UnauthenticatedError } from '../errors';
import type { CostBudget } from './cost-budget';
import { costLimitError, operationCost } from './limits';

/** What an operation must pass before it runs. */
export interface AdmissionOptions {
  schema: GraphQLSchema;
  maxCost: number;
  requireAuthForReads: boolean;
  budget: CostBudget;
}

/** No input type of ours nests deeper than this; deeper variables are refused before anything recurses into them. */
export const MAX_VARIABLE_NESTING = 32;

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
      if (depth > MAX_VARIABLE_NESTING) return { path, problem: `nests deeper than ${MAX_VARIABLE_NESTING} levels` };
      for (const [key, item] of Object.entries(value)) {
        stack.push({ value: item, path: Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth: depth + 1 });
      }
    }
  }
  return null;
}

function unstorableLiteral(document: DocumentNode): string | null {
  let problem: string | null = null;
  visit(document, {
    StringValue(node) {
      problem ??= unstorableText(node.value);
    },
  });
  return problem;
}

/** Marks an error raised before execution as the client's: HTTP 400 rather than Apollo's 500 for plugin errors. */
function requestError<E extends GraphQLError>(error: E): E {
  Object.assign(error.extensions, { http: { status: 400 } });
  return error;
}

/**
 * Admits an operation, in order: the caller's credentials, text that could not be stored, the cost limit,
 * then the caller's cost budget. All of it runs before any resolver, and each refusal has its HTTP status.
 */
export function admissionPlugin(options: AdmissionOptions): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let charge: { cost: number; remaining: number; limit: number; resetSeconds: number } | null = null;
      return {
        async didResolveOperation({ contextValue, operation, document, request }) {
          if (contextValue.badToken) throw new UnauthenticatedError('The API token is unknown, revoked or malformed');
          const kind = operation?.operation;
          if (!contextValue.reviewer && (kind === 'mutation' || options.requireAuthForReads)) throw new UnauthenticatedError();

          if (kind === 'subscription') {
            throw requestError(new BadRequestError('Subscriptions are served over WebSocket (graphql-ws) on this same path'));
          }
          const inVariables = variableProblem(request.variables ?? {});
          const inLiterals = inVariables ? null : unstorableLiteral(document);
          if (inVariables || inLiterals) {
            const field = inVariables?.path ?? 'query';
            const problem = inVariables?.problem ?? inLiterals!;
            // Refused before execution, like a variable that fails coercion: HTTP 400.
            throw requestError(BadUserInputError.fromProblems([{ field, message: problem }]));
          }

          const cost = operationCost(options.schema, document, request.operationName, request.variables);
          if (cost === null) return; // the variables do not fit: execution refuses them as BAD_USER_INPUT, running nothing
          if (cost > options.maxCost) throw costLimitError(cost, options.maxCost);
          // Budgets ration network callers; an operation run in-process by a script has no address and no budget.
          if (contextValue.clientAddress === null) return;
          const key = contextValue.reviewer ? `token:${contextValue.reviewer.id}` : `address:${contextValue.clientAddress}`;
          charge = await options.budget.charge(key, Math.max(1, cost), contextValue.reviewer !== null);
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

