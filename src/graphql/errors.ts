import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, ErrorCode } from '../errors';
import type { Logger } from '../logger';

// Codes Apollo and graphql-js assign for bad requests; they describe the request, not our internals.
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Gives every error a stable `extensions.code`. Our own errors and request errors pass through;
 * anything else is logged with its stack and becomes INTERNAL_SERVER_ERROR, without internals in production.
 */
export function createErrorFormatter(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) return withoutStack(formatted, production);
    if (original instanceof ArgumentValidationError) {
      const problems = original.extensions.validationErrors?.map((v) => ({
        field: v.property,
        message: Object.values(v.constraints ?? {}).join('; '),
      }));
      return { ...formatted, message: 'Invalid input', extensions: { code: ErrorCode.BAD_USER_INPUT, problems } };
    }
    // Parse, validation and variable errors are GraphQLErrors about the request; a thrown Error is a fault.
    const code = formatted.extensions?.code;
    const aboutTheRequest = typeof code === 'string' && REQUEST_CODES.has(code);
    if (aboutTheRequest && (original instanceof GraphQLError || !(original instanceof Error))) {
      return withoutStack(formatted, production);
    }
    // The id ties the answer a client reports to the logged stack, without showing the stack.
    const id = randomUUID();
    logger.error({ err: original, path: formatted.path, id }, 'internal error while executing an operation');
    return {
      message: production ? `Internal server error (${id})` : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: production
        ? { code: ErrorCode.INTERNAL_SERVER_ERROR, id }
        : { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR, id },
    };
  };
}

// graphql-js suggests names in coercion errors too, which Apollo's hideSchemaDetailsFromClientErrors leaves in.
const SUGGESTION = / ?Did you mean [^?]*\?/g;

function withoutStack(formatted: GraphQLFormattedError, production: boolean): GraphQLFormattedError {
  if (!production) return formatted;
  const message = formatted.message.replace(SUGGESTION, '');
  if (!formatted.extensions?.stacktrace) return { ...formatted, message };
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, message, extensions };
}
