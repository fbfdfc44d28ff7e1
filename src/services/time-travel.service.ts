import DataLoader from 'dataloader';
import { LISTS } from '../domain/limits';
import { parseSnapshot } from '../domain/snapshot';
import { Article, ArticleRevision, Claim, ClaimEvent, Review } from '../entities';
import { BadUserInputError } from '../errors';
import type { Loaders } from '../loaders';
import type { ReadContext } from '../request-context';
import { applyClaimFilter, ClaimFilter } from './claim-filter';
import { rowId } from './ids';
import { Connection, PageArgs, paginate } from './pagination';

/** The per-request loaders of past reviews and events, kept beside (not inside) the request's own loaders. */
interface PastLoaders {
  reviews: DataLoader<string, Review[]>;
  events: DataLoader<string, ClaimEvent[]>;
}

const PAST = new WeakMap<Loaders, PastLoaders>();

/** Children of each claim as of an instant, newest `newest` first then listed oldest first; keys are `claimId@iso`. */
function pastChildren<T extends Review | ClaimEvent>(ctx: ReadContext, entity: typeof Review | typeof ClaimEvent, timeColumn: string, newest: number) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, number[]>();
    for (const key of keys) {
      const [id, iso] = key.split('@');
      groups.set(iso, [...(groups.get(iso) ?? []), Number(id)]);
    }
    const found = new Map<string, T[]>();
    for (const [iso, ids] of groups) {
      const rows = await ctx.db.reader.getRepository<T>(entity).createQueryBuilder('child')
        .where(`child.claimId IN (:...ids) AND child.${timeColumn} <= :asOf`, { ids, asOf: new Date(iso) })
        .orderBy('child.id', 'ASC').getMany();
      for (const id of ids) found.set(`${id}@${iso}`, rows.filter((row) => row.claimId === id).slice(-newest));
    }
    return keys.map((key) => found.get(key) ?? []);
  });
}

/**
 * Time travel: claims and articles as they stood at an instant, rebuilt from the append-only history. A
 * claim's state and version come from its last event at or before the instant, its other columns from the
 * snapshot that event recorded; its reviews and history stop at the instant; an article shows the revision
 * current then. Events recorded before snapshots existed fall back to the claim's current columns.
 */
export class TimeTravel {
  /** The claim as it stood at `asOf`; null if it did not exist yet. */
  async claim(ctx: ReadContext, globalId: string, asOf: Date): Promise<Claim | null> {
    const id = rowId('Claim', globalId);
    const row = await ctx.loaders.claim.load(id).catch(() => null);
    if (!row) return null;
    return (await this.rebuild(ctx, [row], asOf))[0] ?? null;
  }

  /** Claims as they stood at `asOf`: those that existed then, filtered by their state then. */
  async claims(ctx: ReadContext, filter: ClaimFilter | null | undefined, page: PageArgs, asOf: Date): Promise<Connection<Claim>> {
    const unsupported = (['stances', 'sourceId', 'search'] as const).filter((field) => filter?.[field] != null);
    if (unsupported.length > 0) {
      throw BadUserInputError.fromProblems(unsupported.map((field) => ({
        field: `filter.${field}`, message: 'cannot be combined with asOf; filter by articleId and states', })));
    }
    const { states, ...rest } = filter ?? {};
    const query = applyClaimFilter(ctx.db.reader.getRepository(Claim).createQueryBuilder('claim'), rest)
      .andWhere('claim.createdAt <= :asOf', { asOf });
    if (states != null) {
      if (states.length === 0) query.andWhere('1 = 0');
      else {
        query.andWhere(`claim.id IN (SELECT e.claim_id FROM claim_event e WHERE e.at <= :asOf AND e.to_state IN (:...states)
          AND e.version = (SELECT MAX(e2.version) FROM claim_event e2 WHERE e2.claim_id = e.claim_id AND e2.at <= :asOf))`, { asOf, states });
      }
    }
    const connection = await paginate('Claim', query, page);
    const rebuilt = await this.rebuild(ctx, connection.edges.map((edge) => edge.node), asOf);
    const byId = new Map(rebuilt.map((claim) => [claim.id, claim]));
    return new Connection(connection.edges.map((edge) => ({ ...edge, node: byId.get(edge.node.id)! })), connection.pageInfo,
      async () => ({ count: await connection.totalCount, exact: await connection.totalCountIsExact }));
  }

  /** The article as it stood at `asOf`: the revision current then; null if it was not stored yet. */
  async article(ctx: ReadContext, article: Article, asOf: Date): Promise<Article | null> {
    const revision = await ctx.db.reader.getRepository(ArticleRevision).createQueryBuilder('revision').addSelect('revision.body')
      .where('revision.articleId = :id AND revision.createdAt <= :asOf', { id: article.id, asOf })
      .orderBy('revision.revision', 'DESC').getOne();
    if (!revision) return null;
    return Object.assign(Object.create(Article.prototype) as Article, article,
      { title: revision.title, body: revision.body, revision: revision.revision, asOf });
  }

  /** A claim's reviews as of the claim's instant. */
  reviews(ctx: ReadContext, claim: { id: number; asOf: Date }): Promise<Review[]> {
    return this.loaders(ctx).reviews.load(`${claim.id}@${claim.asOf.toISOString()}`);
  }

  /** A claim's history up to the claim's instant. */
  history(ctx: ReadContext, claim: { id: number; asOf: Date }): Promise<ClaimEvent[]> {
    return this.loaders(ctx).events.load(`${claim.id}@${claim.asOf.toISOString()}`);
  }

  private loaders(ctx: ReadContext): PastLoaders {
    let past = PAST.get(ctx.loaders);
    if (!past) {
      past = {
        reviews: pastChildren<Review>(ctx, Review, 'createdAt', LISTS.reviewsShown),
        events: pastChildren<ClaimEvent>(ctx, ClaimEvent, 'at', LISTS.historyShown),
      };
      PAST.set(ctx.loaders, past);
    }
    return past;
  }

  /** Each claim as of `asOf`, from its last event then; claims without one (not created yet) are left out. */
  private async rebuild(ctx: ReadContext, rows: Claim[], asOf: Date): Promise<Claim[]> {
    if (rows.length === 0) return [];
    const events = await ctx.db.reader.getRepository(ClaimEvent).createQueryBuilder('event')
      .where(`event.claimId IN (:...ids) AND event.at <= :asOf AND event.version = (SELECT MAX(e2.version) FROM claim_event e2
        WHERE e2.claim_id = event.claim_id AND e2.at <= :asOf)`, { ids: rows.map((row) => row.id), asOf })
      .getMany();
    const last = new Map(events.map((event) => [event.claimId, event]));
    return rows.flatMap((row) => {
      const event = last.get(row.id);
      if (!event) return [];
      // These events are read whole (the query above), so the snapshot is here when it was recorded.
      const snapshot = parseSnapshot(event.snapshot ?? null) ?? {};
      return [Object.assign(Object.create(Claim.prototype) as Claim, row, snapshot,
        { state: event.toState ?? row.state, version: event.version, updatedAt: event.at, asOf })];
    });
  }
}
