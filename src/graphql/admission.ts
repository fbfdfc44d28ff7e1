import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLSchema, visit } from 'graphql';
import type { Context } from '../context';
import { unstorableText } from '../domain/limits';
import { BadUserInputError, UnauthenticatedError } from '../errors';
import type { CostBudget } from './cost-budget';
import { costLimitError, operationCost } from './limits';

/** What an operation must pass before it runs. */
export interface AdmissionOptions {
  schema: GraphQLSchema;
  maxCost: number;
  requireAuthForReads: boolean;
  budget: CostBudget;
}

/** The first string in a JSON value that cannot be stored (NUL, lone surrogate), with its path. */
function unstorableIn(value: unknown, path: string): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = unstorableText(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableIn(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableIn(item, path === '' ? key : `${path}.${key}`);
      if (found) return found;
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
          if (!contextValue.actor && (kind === 'mutation' || options.requireAuthForReads)) throw new UnauthenticatedError();

          const inVariables = unstorableIn(request.variables ?? {}, '');
          const inLiterals = inVariables ? null : unstorableLiteral(document);
          if (inVariables || inLiterals) {
            const field = inVariables ? `variables.${inVariables.path}` : 'query';
            const problem = inVariables?.problem ?? inLiterals!;
            const error = BadUserInputError.fromProblems([{ field, message: problem }]);
            // Refused before execution, like a variable that fails coercion: a client error, HTTP 400.
            Object.assign(error.extensions, { http: { status: 400 } });
            throw error;
          }

          const cost = operationCost(options.schema, document, request.operationName, request.variables);
          if (cost === null) return; // the variables do not fit: execution refuses them as BAD_USER_INPUT, running nothing
          if (cost > options.maxCost) throw costLimitError(cost, options.maxCost);
          const key = contextValue.actor ? `token:${contextValue.actor.id}` : `address:${contextValue.clientAddress}`;
          charge = await options.budget.charge(key, Math.max(1, cost), contextValue.actor !== null);
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

