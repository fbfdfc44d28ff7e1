import { GraphQLError } from 'graphql';

/** The stable `extensions.code` values clients can switch on. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** The HTTP request itself cannot be taken: not UTF-8 JSON (415), a CSRF-blocked GET, a batch, a subscription over POST. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The caller's cost budget is spent; retry after `extensions.retryAfterSeconds` (HTTP 429). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Too many writes are queued, or one waited past its deadline; nothing was written, retry (HTTP 503). */
  SERVER_BUSY = 'SERVER_BUSY',
  /** The request ran past its time limit; a write in it was rolled back, retry (HTTP 503). */
  REQUEST_TIMEOUT = 'REQUEST_TIMEOUT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** A WebSocket already carries as many subscriptions as allowed; complete one first. */
  TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS',
}

/** A problem with one input field, as listed in `extensions.problems`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Base of every error claimgraph reports on purpose; anything else is an internal error. */
export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = new.target.name;
  }
}

/** No token, an unknown token or a revoked one: HTTP 401 with a `WWW-Authenticate: Bearer` challenge. */
export class UnauthenticatedError extends AppError {
  constructor(message = 'A valid API token is required: send Authorization: Bearer TOKEN') {
    super(message, ErrorCode.UNAUTHENTICATED, { http: { status: 401, headers: new Map([['www-authenticate', 'Bearer realm="claimgraph"']]) } });
  }
}

/** The caller's role is below what the operation needs. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.FORBIDDEN);
  }
}

/** A well-formed id of the right type that names nothing. */
export class NotFoundError extends AppError {
  constructor(type: string, id: string) {
    super(`${type} ${id} does not exist`, ErrorCode.NOT_FOUND, { type, id });
  }
}

/** Input that breaks a rule; `problems` lists each field that is wrong. */
export class BadUserInputError extends AppError {
  constructor(message: string, problems: FieldProblem[] = []) {
    super(message, ErrorCode.BAD_USER_INPUT, problems.length > 0 ? { problems } : {});
  }

  static fromProblems(problems: FieldProblem[]): BadUserInputError {
    const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    return new BadUserInputError(`Invalid input: ${summary}`, problems);
  }
}

/** A request the HTTP API cannot take as sent (a subscription over POST, a body that is not JSON). */
export class BadRequestError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.BAD_REQUEST);
  }
}

/** A stale `expectedVersion` (somebody else changed the claim first), or a slug taken by another article. Nothing was written. */
export class ConflictError extends AppError {
  constructor(message: string, currentVersion?: number) {
    super(message, ErrorCode.CONFLICT, currentVersion === undefined ? {} : { currentVersion });
  }
}

/** The claim's state does not allow this action. */
export class InvalidTransitionError extends AppError {
  constructor(message: string, state: string) {
    super(message, ErrorCode.INVALID_TRANSITION, { state });
  }
}

/** An error the client should retry after a pause; `retryAfterSeconds` also becomes the `Retry-After` header. */
export class RetryableError extends AppError {
  constructor(message: string, code: ErrorCode.RATE_LIMITED | ErrorCode.SERVER_BUSY | ErrorCode.REQUEST_TIMEOUT, status: number, retryAfterSeconds: number, extensions: Record<string, unknown> = {}) {
    super(message, code, { ...extensions, retryAfterSeconds, http: { status, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } });
  }
}

/** The caller spent its cost budget (per token, or per address when anonymous). */
export class RateLimitedError extends RetryableError {
  constructor(retryAfterSeconds: number, extensions: Record<string, unknown> = {}) {
    super(`Rate limit reached: retry in ${retryAfterSeconds} s`, ErrorCode.RATE_LIMITED, 429, retryAfterSeconds, extensions);
  }
}

/** The write queue is full, or a queued write waited past its deadline. Nothing was written. */
export class ServerBusyError extends RetryableError {
  constructor(message = 'The server is busy with other writes: nothing was written, retry shortly', retryAfterSeconds = 1) {
    super(message, ErrorCode.SERVER_BUSY, 503, retryAfterSeconds);
  }
}

/** The request, or one of its statements, ran past its time limit. */
export class RequestTimeoutError extends RetryableError {
  constructor(message = 'The request took too long and was stopped: retry, or ask for less', retryAfterSeconds = 1) {
    super(message, ErrorCode.REQUEST_TIMEOUT, 503, retryAfterSeconds);
  }
}

/** One more subscription than a WebSocket may carry (MAX_SUBSCRIPTIONS_PER_CONNECTION). */
export class TooManySubscriptionsError extends AppError {
  constructor(max: number) {
    super(`This connection already has ${max} subscriptions, the most allowed; complete one or open another connection`, ErrorCode.TOO_MANY_SUBSCRIPTIONS, { max });
  }
}
