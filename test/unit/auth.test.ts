import { authChecker, bearerToken, generateToken, hashToken, hasRole } from '../../src/auth';
import type { Context } from '../../src/context';
import { Role } from '../../src/domain/types';
import type { Reviewer } from '../../src/entities';

describe('bearerToken', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['Bearer cg_abc', 'cg_abc'],
    ['bearer   cg_abc  ', 'cg_abc'],
    ['Basic dXNlcjpwYXNz', null],
    ['Bearer', null],
    ['Bearer two tokens', null],
    ['cg_abc', null],
  ])('reads %j as %j (undefined: no token, null: malformed)', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('tokens', () => {
  it('are random, URL-safe and recognisable by their prefix', () => {
    const tokens = new Set(Array.from({ length: 100 }, generateToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
  });

  it('are stored as a sha256 that does not contain the token', () => {
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token.slice(3));
  });
});

describe('roles', () => {
  it('rank VIEWER < REVIEWER < EDITOR', () => {
    const roles = [Role.VIEWER, Role.REVIEWER, Role.EDITOR];
    for (const [i, role] of roles.entries()) {
      for (const [j, required] of roles.entries()) expect(hasRole(role, required)).toBe(i >= j);
    }
  });
});

describe('authChecker', () => {
  const check = (reviewer: Partial<Reviewer> | null, required: Role) =>
    authChecker({ context: { reviewer } as Context, root: {}, args: {}, info: {} as never }, [required]);

  it('refuses an anonymous caller with UNAUTHENTICATED', () => {
    expect(() => check(null, Role.REVIEWER)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
  });

  it('refuses a role too low with FORBIDDEN, naming the role needed', () => {
    expect(() => check({ role: Role.REVIEWER }, Role.EDITOR)).toThrow(/needs the EDITOR role/);
    expect(() => check({ role: Role.VIEWER }, Role.REVIEWER)).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
  });

  it('lets a higher role do what a lower one may', () => {
    expect(check({ role: Role.EDITOR }, Role.REVIEWER)).toBe(true);
  });
});
