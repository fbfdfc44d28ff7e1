import type { Response } from 'express';
import { ErrorCode } from './index';

/**
 * Answers a request with a GraphQL-shaped error from the HTTP layer itself (before Apollo, or on a plain
 * route): the same `{ errors: [{ message, extensions: { code } }] }` a client reads from every other answer.
 * A 401 always carries the Bearer challenge.
 */
export function sendError(res: Response, status: number, code: ErrorCode | string, message: string, headers: Record<string, string> = {}): void {
  const challenge: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer realm="claimgraph"' } : {};
  res.status(status).set({ ...challenge, ...headers }).json({ errors: [{ message, extensions: { code } }] });
}
