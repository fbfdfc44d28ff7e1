import { GraphQLError } from 'graphql';

/** The stable `extensions.code` values clients can switch on. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
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

/** No token, an unknown token or a revoked one. */
export class UnauthenticatedError extends AppError {
  constructor(message = 'A valid API token is required: send Authorization: Bearer TOKEN') {
    super(message, ErrorCode.UNAUTHENTICATED);
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
