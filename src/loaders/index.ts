import DataLoader from 'dataloader';
import { DataSource, In, ObjectLiteral, EntityTarget } from 'typeorm';
import { LISTS } from '../domain/limits';
import { toGlobalId } from '../domain/global-id';
import { Article, Claim, ClaimEvent, Evidence, Review, Reviewer, Source } from '../entities';
import { NotFoundError } from '../errors';
import { applyClaimFilter, checkClaimFilter, ClaimFilter } from '../services/claim-filter';
import { Connection, PageWindow, toConnection } from '../services/pagination';

/**
 * A DataLoader that also answers at once what it already holds (primed, or loaded earlier in the request):
 * on a page whose statement brought every relation along, each field resolves without a promise and a
 * tick of its own. A primed value is only held: DataLoader's cache of promises is for what is loaded.
 * (A value primed while a load of the same key is still pending is held and answered from then on;
 * DataLoader would keep the pending one: both are rows of the same request.)
 */
export class HeldLoader<K, V> extends DataLoader<K, V> {
  constructor(batch: DataLoader.BatchLoadFn<K, V>, private readonly held = new Map<K, V>()) {
    super(async (keys) => {
      const values = await batch(keys);
      keys.forEach((key, i) => {
        const value = values[i];
        if (!(value instanceof Error) && !held.has(key)) held.set(key, value);
      });
      return values;
    });
  }

  /** True when the value for `key` is held (primed, or loaded earlier in the request). */
  holds(key: K): boolean {
    return this.held.has(key);
  }

  /** The value now when held, else a promise of it, as `load` gives. */
  get(key: K): V | Promise<V> {
    return this.held.has(key) ? this.held.get(key)! : this.load(key);
  }

  /** Held values come from the map (a page primes hundreds of keys: none of them costs a promise until loaded). */
  override load(key: K): Promise<V> {
    return this.held.has(key) ? Promise.resolve(this.held.get(key)!) : super.load(key);
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    if (value instanceof Error || isPromiseLike(value)) return super.prime(key, value);
    if (!this.held.has(key)) this.held.set(key, value);
    return this;
  }

  override clear(key: K): this {
    this.held.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.held.clear();
    return super.clearAll();
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** `next(value)` now when `value` is at hand, after it resolves when it is a promise. */
export function andThen<T, U>(value: T | Promise<T>, next: (value: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * Loads rows by id in one query; a missing id yields a NotFoundError in its place, as DataLoader expects,
 * so callers need not tell a missing row from a failed query: the query's own error propagates.
 */
function byId<T extends ObjectLiteral & { id: number }>(reader: DataSource, entity: EntityTarget<T>, type: string) {
  return new HeldLoader<number, T>(async (ids) => {
    const rows = await reader.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? new NotFoundError(type, toGlobalId(type, id)));
  });
}

/** Loads the newest `newest` children of each parent in one query, listed oldest first. */
function childrenOf<T extends ObjectLiteral & { id: number }>(
  reader: DataSource,
  entity: EntityTarget<T>,
  parentKey: keyof T & string,
  newest: number,
) {
  const repository = reader.getRepository(entity);
  const table = repository.metadata.tableName;
  const column = repository.metadata.findColumnsWithPropertyPath(parentKey)[0].databaseName;
  return new HeldLoader<number, T[]>(async (parentIds) => {
    // The cap keeps every list bounded, so the cost estimate can price it at its real maximum.
    const rows = await repository.createQueryBuilder('child')
      .where(`child.id IN (SELECT ranked.id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY ${column} ORDER BY id DESC) AS rn
        FROM ${table} WHERE ${column} IN (:...parents)) ranked WHERE ranked.rn <= :newest)`, { parents: [...parentIds], newest })
      .orderBy('child.id', 'ASC')
      .getMany();
    const groups = new Map<number, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) groups.get(row[parentKey] as number)?.push(row);
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}

/** A page of the claims of one article or one source. */
export interface ClaimPageKey {
  column: 'articleId' | 'sourceId';
  parentId: number;
  filter: ClaimFilter | null;
  window: PageWindow;
}

/**
 * Pages of claims for many parents in three statements, whatever their number: the ids of each
 * parent's page (ROW_NUMBER per parent), the per-parent totals, and the claims themselves.
 */
function claimPages(reader: DataSource, claimLoader: DataLoader<number, Claim>) {
  return new DataLoader<ClaimPageKey, Connection<Claim>, string>(
    async (keys) => {
      const groups = new Map<string, ClaimPageKey[]>();
      for (const key of keys) {
        const shape = JSON.stringify([key.column, key.filter, key.window]);
        groups.set(shape, [...(groups.get(shape) ?? []), key]);
      }
      const pages = new Map<ClaimPageKey, Connection<Claim>>();
      for (const group of groups.values()) {
        const { column, filter, window } = group[0];
        const parents = [...new Set(group.map((key) => key.parentId))];
        const filtered = applyClaimFilter(reader.getRepository(Claim).createQueryBuilder('claim'), filter)
          .andWhere(`claim.${column} IN (:...parents)`, { parents });
        const paged = filtered.clone();
        if (window.afterId !== null) paged.andWhere('claim.id > :afterId', { afterId: window.afterId });
        const [sql, params] = paged
          .select('claim.id', 'id')
          .addSelect(`claim.${column}`, 'parent')
          .addSelect(`ROW_NUMBER() OVER (PARTITION BY claim.${column} ORDER BY claim.id)`, 'rn')
          .getQueryAndParameters();
        const [ranked, counts] = await Promise.all([
          reader.query(`SELECT ranked.id, ranked.parent FROM (${sql}) ranked WHERE ranked.rn <= ${window.first + 1} ORDER BY ranked.id`, params),
          filtered.clone().select(`claim.${column}`, 'parent').addSelect('COUNT(*)', 'total').groupBy(`claim.${column}`).getRawMany(),
        ]) as [{ id: number; parent: number }[], { parent: number; total: number | string }[]];
        const claims = ranked.length === 0 ? [] : await reader.getRepository(Claim).findBy({ id: In(ranked.map((r) => Number(r.id))) });
        const byId = new Map(claims.map((claim) => [claim.id, claim]));
        for (const claim of claims) claimLoader.prime(claim.id, claim);
        const totals = new Map(counts.map((row) => [Number(row.parent), Number(row.total)]));
        for (const key of group) {
          const rows = ranked.filter((r) => Number(r.parent) === key.parentId).map((r) => byId.get(Number(r.id))!);
          pages.set(key, toConnection('Claim', window, rows, () => ({ count: totals.get(key.parentId) ?? 0, exact: true })));
        }
      }
      return keys.map((key) => pages.get(key)!);
    },
    // The filter as checked, so a page read ahead (ArticleService.get) and the one a resolver asks for meet.
    { cacheKeyFn: (key) => JSON.stringify([key.column, key.parentId, checkClaimFilter(key.filter), key.window.first, key.window.afterId]) },
  );
}

/** Whether a reviewer has reviewed a claim, keyed `reviewerId:claimId`; one query per reviewer, whatever the number of claims. */
function reviewedBy(reader: DataSource) {
  return new DataLoader<string, boolean>(async (keys) => {
    const byReviewer = new Map<number, number[]>();
    for (const key of keys) {
      const [reviewerId, claimId] = key.split(':').map(Number);
      byReviewer.set(reviewerId, [...(byReviewer.get(reviewerId) ?? []), claimId]);
    }
    const found = new Set<string>();
    for (const [reviewerId, claimIds] of byReviewer) {
      const rows = await reader.getRepository(Review).createQueryBuilder('review').select('DISTINCT review.claimId', 'claimId')
        .where('review.reviewerId = :reviewerId AND review.claimId IN (:...claimIds)', { reviewerId, claimIds }).getRawMany<{ claimId: number }>();
      for (const row of rows) found.add(`${reviewerId}:${Number(row.claimId)}`);
    }
    return keys.map((key) => found.has(key));
  });
}

/** A value made the first time it is asked for. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * Every loader a request needs, fresh for each request and never shared between requests; each is created
 * the first time the request uses it (most requests use two or three of them).
 */
export function createLoaders(reader: DataSource) {
  const article = once(() => byId(reader, Article, 'Article'));
  const source = once(() => byId(reader, Source, 'Source'));
  const reviewer = once(() => byId(reader, Reviewer, 'Reviewer'));
  const claim = once(() => byId(reader, Claim, 'Claim'));
  const pages = once(() => claimPages(reader, claim()));
  const review = once(() => byId(reader, Review, 'Review'));
  const reviewsByClaim = once(() => childrenOf(reader, Review, 'claimId', LISTS.reviewsShown));
  const eventsByClaim = once(() => childrenOf(reader, ClaimEvent, 'claimId', LISTS.historyShown));
  const evidenceByReview = once(() => childrenOf(reader, Evidence, 'reviewId', LISTS.evidencePerReview));
  const reviewed = once(() => reviewedBy(reader));
  return {
    get article() { return article(); },
    get source() { return source(); },
    get reviewer() { return reviewer(); },
    get claim() { return claim(); },
    get claimPages() { return pages(); },
    get review() { return review(); },
    get reviewsByClaim() { return reviewsByClaim(); },
    get eventsByClaim() { return eventsByClaim(); },
    get evidenceByReview() { return evidenceByReview(); },
    get reviewedBy() { return reviewed(); },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
