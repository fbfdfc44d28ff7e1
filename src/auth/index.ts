import { createHash, randomBytes } from 'node:crypto';
import type { AuthCheckerFn } from 'type-graphql';
import { IsNull } from 'typeorm';
import type { Database } from '../db/database';
import { Role } from '../domain/types';
import { Reviewer } from '../entities';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { RequestContext } from '../request-context';

const RANK: Record<Role, number> = { [Role.VIEWER]: 0, [Role.REVIEWER]: 1, [Role.EDITOR]: 2 };

/** True when `role` is at least `required` (VIEWER < REVIEWER < EDITOR). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/** A new random API token; shown once, never stored. */
export function generateToken(): string {
  return `cg_${randomBytes(32).toString('base64url')}`;
}

/** What is stored of a token: its sha256, so a leaked database leaks no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The bearer token of an Authorization header: undefined when absent, null when malformed. */
export function bearerToken(header: string | undefined): string | null | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  return match ? match[1] : null;
}

/** Who sent the request: the reviewer whose live token it is, null when anonymous or the token is bad. */
export async function authenticate(db: Database, header: string | undefined): Promise<{ reviewer: Reviewer | null; badToken: boolean }> {
  const token = bearerToken(header);
  if (token === undefined) return { reviewer: null, badToken: false };
  if (token === null) return { reviewer: null, badToken: true };
  const reviewer = await db.reader.getRepository(Reviewer).findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull() });
  return { reviewer, badToken: reviewer === null };
}

/** type-graphql's check for `@Authorized(Role.X)`: a live token, then a high enough role. */
export const authChecker: AuthCheckerFn<Pick<RequestContext, 'actor'>, Role> = ({ context }, roles) => {
  const reviewer = context.actor;
  if (!reviewer) throw new UnauthenticatedError();
  const required = roles[0] ?? Role.VIEWER;
  if (!hasRole(reviewer.role, required)) {
    throw new ForbiddenError(`This operation needs the ${required} role; you are ${reviewer.role}`);
  }
  return true;
};
