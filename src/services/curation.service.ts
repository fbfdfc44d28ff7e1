import { EntityManager } from 'typeorm';
import { ClaimSeed, claimSeedFrom, PreparedClaim, Problem, prepareClaim } from '../domain/article-rules';
import { Role, SourceKind, Stance } from '../domain/types';
import { Article, Claim, Reviewer, Source } from '../entities';
import { BadUserInputError, FieldProblem, NotFoundError } from '../errors';
import { RequestContext, requireActor } from '../request-context';
import { bulkTargets, ClaimColumns, ClaimLedger, claimTarget, ClaimVersion, eachTarget } from './claim-ledger';
import { LISTS } from '../domain/limits';
import { ClaimEventKind } from '../domain/types';
import { rowId } from './ids';
import { SourceService } from './source.service';

/** Where a quote stands, as a client gives it. */
export interface QuoteRequest {
  exact: string;
  prefix?: string | null;
  suffix?: string | null;
  start?: number | null;
}

/** Who makes a statement, as a client gives it. */
export interface SourceRequest {
  name: string;
  kind?: SourceKind | null;
  affiliation?: string | null;
}

export interface CreateClaimRequest {
  articleId: string;
  text: string;
  quote: QuoteRequest;
  source: SourceRequest;
  stance: Stance;
  checkworthiness?: number | null;
}

/** Absent (or null) fields stay as they are, except `checkworthiness`, which an explicit null clears. */
export interface UpdateClaimRequest {
  claimId: string;
  expectedVersion: number;
  text?: string | null;
  quote?: QuoteRequest | null;
  source?: SourceRequest | null;
  stance?: Stance | null;
  checkworthiness?: number | null;
}

export interface AssignClaimRequest {
  claimId: string;
  reviewerId: string;
  expectedVersion: number;
}

/**
 * Editors' curation of claims: create, edit, assign. Every write goes through the ClaimLedger, one
 * transaction per request; a refused request writes nothing.
 */
export class CurationService {
  constructor(private readonly ledger: ClaimLedger, private readonly sources: SourceService) {}

  /** A new claim in a stored article, at version 1 with one CREATED event by the editor. */
  async createClaim(ctx: RequestContext, input: CreateClaimRequest): Promise<Claim> {
    const actor = requireActor(ctx);
    const articleId = rowId('Article', input.articleId, 'articleId');
    const seed = claimSeedFrom(input);
    return ctx.db.write(async (manager) => {
      // Anchored inside the transaction: a revision committed meanwhile cannot leave the quote pointing into an old body.
      const query = manager.getRepository(Article).createQueryBuilder('article').where('article.id = :id', { id: articleId });
      // On PostgreSQL a revision waits for this claim (and re-anchors it) instead of racing it.
      if (ctx.db.kind === 'postgres') query.setLock('pessimistic_read');
      const article = await query.getOne();
      if (!article) throw new NotFoundError('Article', input.articleId);
      const prepared = prepareOrThrow(article.body, seed);
      const source = await this.resolveSource(manager, prepared);
      const [id] = await this.ledger.create(manager, [newClaimRow(article, prepared, source.id)], actor.id);
      return manager.getRepository(Claim).findOneByOrFail({ id });
    });
  }

  /** Changes a claim's text, quote (anchored again in the body), source, stance or checkworthiness: one EDITED event. */
  async updateClaim(ctx: RequestContext, input: UpdateClaimRequest): Promise<Claim> {
    requireActor(ctx);
    const target = claimTarget(input);
    const given = {
      text: input.text != null,
      quote: input.quote != null,
      source: input.source != null,
      stance: input.stance != null,
      checkworthiness: input.checkworthiness !== undefined,
    };
    if (!Object.values(given).some(Boolean)) {
      throw BadUserInputError.fromProblems([
        { field: 'input', message: 'give at least one of text, quote, source, stance, checkworthiness' },
      ]);
    }
    // Validate against the stored claim before writing; the ledger refuses a stale version anyway.
    const snapshot = await ctx.db.reader.getRepository(Claim).findOneBy({ id: target.id });
    if (!snapshot) throw new NotFoundError('Claim', target.globalId);
    const currentSource = await ctx.db.reader.getRepository(Source).findOneByOrFail({ id: snapshot.sourceId });
    const seed = claimSeedFrom({
      text: input.text ?? snapshot.text,
      quote: input.quote ?? { exact: snapshot.quoteExact, prefix: snapshot.quotePrefix, suffix: snapshot.quoteSuffix, start: snapshot.quoteStart },
      source: input.source ?? currentSource,
      stance: input.stance ?? snapshot.stance,
      checkworthiness: given.checkworthiness ? input.checkworthiness ?? null : snapshot.checkworthiness,
    });
    return ctx.db.write((manager) => this.ledger.change(ctx, manager, target, { type: 'EDIT' }, async (current) => {
      const article = await manager.getRepository(Article).findOneByOrFail({ id: current.articleId });
      const prepared = prepareOrThrow(article.body, seed);
      const columns: ClaimColumns = {};
      const changed: string[] = [];
      if (given.text && prepared.text !== current.text) {
        columns.text = prepared.text;
        changed.push('text');
      }
      if (given.quote && (prepared.quote.start !== current.quoteStart || prepared.quote.end !== current.quoteEnd)) {
        Object.assign(columns, quoteColumns(prepared));
        changed.push('quote');
      }
      if (given.source) {
        const source = await this.resolveSource(manager, prepared);
        if (source.id !== current.sourceId) {
          columns.sourceId = source.id;
          changed.push('source');
        }
      }
      if (given.stance && prepared.stance !== current.stance) {
        columns.stance = prepared.stance;
        changed.push('stance');
      }
      if (given.checkworthiness && prepared.checkworthiness !== current.checkworthiness) {
        columns.checkworthiness = prepared.checkworthiness;
        changed.push('checkworthiness');
      }
      if (changed.length === 0) {
        throw BadUserInputError.fromProblems([{ field: 'input', message: 'changes nothing: every field given has its current value' }]);
      }
      return { kind: ClaimEventKind.EDITED, toState: current.state, note: `Changed ${changed.join(', ')}`, columns };
    }));
  }

  /** Assigns an active REVIEWER or EDITOR to a claim: one ASSIGNED event, the state stays. */
  async assignClaim(ctx: RequestContext, input: AssignClaimRequest): Promise<Claim> {
    requireActor(ctx);
    const target = claimTarget(input);
    const reviewerId = rowId('Reviewer', input.reviewerId, 'reviewerId');
    return ctx.db.write(async (manager) => {
      const current = await this.ledger.lock(ctx, manager, target);
      const assignee = await this.assignee(manager, reviewerId, input.reviewerId);
      return this.assign(ctx, manager, current, target, assignee, 'reviewerId');
    });
  }

  /**
   * Assigns one reviewer to many claims, all or nothing: one transaction, each claim its own ASSIGNED event
   * and version. Any refusal (a stale version, an unknown claim, one already assigned to them) writes nothing
   * and names the item in its message and `extensions.index`.
   */
  async assignClaims(ctx: RequestContext, input: { reviewerId: string; claims: readonly ClaimVersion[] }): Promise<Claim[]> {
    requireActor(ctx);
    const targets = bulkTargets(input.claims, LISTS.bulkClaims);
    const reviewerId = rowId('Reviewer', input.reviewerId, 'reviewerId');
    return ctx.db.write(async (manager) => {
      const claims = await this.ledger.lockAll(ctx, manager, targets);
      const assignee = await this.assignee(manager, reviewerId, input.reviewerId);
      return eachTarget(targets, (target, i) => this.assign(ctx, manager, claims.get(target.id)!, target, assignee, `claims[${i}].claimId`));
    });
  }

  private async assignee(manager: EntityManager, reviewerId: number, globalId: string): Promise<Reviewer> {
    const assignee = await manager.getRepository(Reviewer).findOneBy({ id: reviewerId });
    if (!assignee) throw new NotFoundError('Reviewer', globalId);
    const problems: FieldProblem[] = [];
    if (assignee.revokedAt) problems.push({ field: 'reviewerId', message: `${assignee.name}'s token is revoked` });
    else if (assignee.role === Role.VIEWER) problems.push({ field: 'reviewerId', message: `${assignee.name} is a VIEWER; assign a REVIEWER or EDITOR` });
    if (problems.length > 0) throw BadUserInputError.fromProblems(problems);
    return assignee;
  }

  private async assign(
    ctx: RequestContext, manager: EntityManager, current: Claim, target: ReturnType<typeof claimTarget>, assignee: Reviewer, field: string,
  ): Promise<Claim> {
    this.ledger.check(current, target, { type: 'ASSIGN' });
    if (current.assigneeId === assignee.id) {
      throw BadUserInputError.fromProblems([{ field, message: `the claim is already assigned to ${assignee.name}` }]);
    }
    return this.ledger.record(manager, current, target.expectedVersion, ctx.actor?.id ?? null, {
      kind: ClaimEventKind.ASSIGNED, toState: current.state, note: `Assigned to ${assignee.name}`, columns: { assigneeId: assignee.id },
    });
  }

  private async resolveSource(manager: EntityManager, prepared: PreparedClaim): Promise<Source> {
    const sources = await this.sources.resolve(manager, [prepared.source]);
    const source = sources.get(prepared.normalizedSource);
    if (!source) throw new Error(`source "${prepared.normalizedSource}" was neither found nor created`);
    return source;
  }
}

/** The row of a new claim anchored in `article`'s current body. */
export function newClaimRow(article: Article, prepared: PreparedClaim, sourceId: number) {
  return {
    articleId: article.id,
    sourceId,
    assigneeId: null,
    text: prepared.text,
    quoteExact: prepared.quote.exact,
    quotePrefix: prepared.quote.prefix,
    quoteSuffix: prepared.quote.suffix,
    quoteStart: prepared.quote.start,
    quoteEnd: prepared.quote.end,
    stance: prepared.stance,
    checkworthiness: prepared.checkworthiness,
    anchorRevision: article.revision,
  };
}

function prepareOrThrow(body: string, seed: ClaimSeed): PreparedClaim {
  const problems: Problem[] = [];
  const prepared = prepareClaim(body, seed, 'input', problems);
  if (!prepared || problems.length > 0) {
    throw BadUserInputError.fromProblems(problems.map((p) => ({ ...p, field: p.field.replace(/^input\./, '') })));
  }
  return prepared;
}

function quoteColumns(prepared: PreparedClaim): ClaimColumns {
  return {
    quoteExact: prepared.quote.exact,
    quotePrefix: prepared.quote.prefix,
    quoteSuffix: prepared.quote.suffix,
    quoteStart: prepared.quote.start,
    quoteEnd: prepared.quote.end,
  };
}
