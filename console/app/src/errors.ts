import type { CombinedError } from 'urql';

export interface Problem {
  field: string;
  message: string;
}

/** What the API said went wrong, by its stable `extensions.code`. */
export interface ApiFailure {
  code: string;
  message: string;
  problems: Problem[];
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).field === 'string' && typeof (value as Problem).message === 'string';
}

export function failureOf(error: CombinedError | undefined): ApiFailure | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (!first) return { code: 'NETWORK_ERROR', message: error.networkError?.message ?? error.message, problems: [] };
  const problems = first.extensions.problems;
  return {
    code: String(first.extensions.code ?? 'INTERNAL_SERVER_ERROR'),
    message: first.message,
    problems: Array.isArray(problems) ? problems.filter(isProblem) : [],
  };
}

/** Problems for one field, e.g. `rationale` or `evidence[0].url`. */
export function problemsFor(failure: ApiFailure | null, field: string): string[] {
  return failure?.problems.filter((problem) => problem.field === field).map((problem) => problem.message) ?? [];
}
