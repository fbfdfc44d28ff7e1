import type { Context } from '../context';
import { Role } from '../domain/types';
import { Reviewer } from '../entities';
import { generateToken, hashToken } from '../auth';
import { BadUserInputError, NotFoundError } from '../errors';
import { TEXT, unacceptableName } from '../domain/limits';

const ROLES = new Set<string>(Object.values(Role));

/** Reviewers and their API tokens; only a token's hash is ever stored. */
export class ReviewerService {
  /** Creates a reviewer and returns its token, which cannot be shown again. */
  async create(ctx: Context, input: { name: string; role: string }): Promise<{ reviewer: Reviewer; token: string }> {
    const name = input.name.trim().replace(/\s+/g, ' ');
    const problems = [];
    if (name === '') problems.push({ field: 'name', message: 'must not be empty' });
    if (name.length > TEXT.reviewerName) problems.push({ field: 'name', message: `must be at most ${TEXT.reviewerName} characters` });
    const nameProblem = unacceptableName(name);
    if (nameProblem) problems.push({ field: 'name', message: nameProblem });
    if (!ROLES.has(input.role)) problems.push({ field: 'role', message: `must be one of ${[...ROLES].join(', ')}` });
    if (problems.length > 0) throw BadUserInputError.fromProblems(problems);
    const token = generateToken();
    const reviewer = await ctx.db.write(async (manager) => {
      const repo = manager.getRepository(Reviewer);
      await manager.createQueryBuilder().insert().into(Reviewer)
        .values({ name, role: input.role as Role, tokenHash: hashToken(token), revokedAt: null })
        .updateEntity(false).execute();
      return repo.findOneByOrFail({ tokenHash: hashToken(token) });
    });
    return { reviewer, token };
  }

  async list(ctx: Context): Promise<Reviewer[]> {
    return ctx.db.reader.getRepository(Reviewer).find({ order: { id: 'ASC' } });
  }

  /** Revokes a reviewer's token at once; their history stays. */
  async revoke(ctx: Context, id: number): Promise<Reviewer> {
    return ctx.db.write(async (manager) => {
      const repo = manager.getRepository(Reviewer);
      const reviewer = await repo.findOneBy({ id });
      if (!reviewer) throw new NotFoundError('Reviewer', String(id));
      if (!reviewer.revokedAt) {
        reviewer.revokedAt = new Date();
        await repo.update({ id }, { revokedAt: reviewer.revokedAt });
      }
      return reviewer;
    });
  }
}
