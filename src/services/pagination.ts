import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { fromCursor, toCursor } from '../domain/global-id';
import { PAGE_SIZE } from '../domain/limits';
import { BadUserInputError } from '../errors';

/** How many items match across every page, and whether that number is exact or a cap. */
export interface TotalCount {
  count: number;
  exact: boolean;
}

/**
 * A Relay connection: what every list in the API returns. The total is counted only when a client
 * selects `totalCount` (or `totalCountIsExact`), and then once.
 */
export class Connection<T> {
  private counted: Promise<TotalCount> | null = null;

  constructor(
    readonly edges: { cursor: string; node: T }[],
    readonly pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null },
    private readonly counter: () => Promise<TotalCount> | TotalCount,
  ) {}

  get totalCount(): Promise<number> {
    return this.total().then((total) => total.count);
  }

  get totalCountIsExact(): Promise<boolean> {
    return this.total().then((total) => total.exact);
  }

  private total(): Promise<TotalCount> {
    this.counted ??= Promise.resolve().then(this.counter);
    return this.counted;
  }
}

export const DEFAULT_PAGE_SIZE = PAGE_SIZE.default;
export const MAX_PAGE_SIZE = PAGE_SIZE.max;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A validated page request: how many rows, after which row id. */
export interface PageWindow {
  first: number;
  afterId: number | null;
  after: string | null;
}

/** Checks `first` (1..100) and decodes `after`; a malformed cursor is an error, never the first page. */
export function pageWindow(type: string, args: PageArgs): PageWindow {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be from 1 to ${MAX_PAGE_SIZE}, got ${first}`, [
      { field: 'first', message: `must be from 1 to ${MAX_PAGE_SIZE}` },
    ]);
  }
  if (args.after == null) return { first, afterId: null, after: null };
  const afterId = fromCursor(type, args.after);
  if (afterId === null) {
    throw new BadUserInputError(`after is not a ${type} cursor from this API`, [
      { field: 'after', message: 'malformed cursor' },
    ]);
  }
  return { first, afterId, after: args.after };
}

/**
 * Builds a connection from `first + 1` rows ordered by id (the extra row says whether there is a next page).
 * `scannedTo`, when a bounded scan stopped before the end without filling the page, is the id the next page
 * resumes after: the page then says it has a next page and its `endCursor` points there.
 */
export function toConnection<T extends { id: number }>(
  type: string,
  window: PageWindow,
  rows: T[],
  counter: () => Promise<TotalCount> | TotalCount,
  scannedTo: number | null = null,
): Connection<T> {
  const page = rows.slice(0, window.first);
  const edges = page.map((node) => ({ cursor: toCursor(type, node.id), node }));
  const resume = rows.length <= window.first && scannedTo !== null ? toCursor(type, scannedTo) : null;
  return new Connection(edges, {
    hasNextPage: rows.length > window.first || resume !== null,
    hasPreviousPage: window.afterId !== null,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: resume ?? edges[edges.length - 1]?.cursor ?? null,
  }, counter);
}

/** One page of a query in id order; the unpaged query is counted only if the total is asked for. */
export async function paginate<T extends ObjectLiteral & { id: number }>(
  type: string,
  query: SelectQueryBuilder<T>,
  args: PageArgs,
): Promise<Connection<T>> {
  const window = pageWindow(type, args);
  const alias = query.alias;
  const paged = query.clone().orderBy(`${alias}.id`, 'ASC').limit(window.first + 1);
  if (window.afterId !== null) paged.andWhere(`${alias}.id > :afterId`, { afterId: window.afterId });
  const rows = await paged.getMany();
  return toConnection(type, window, rows, async () => ({ count: await query.clone().getCount(), exact: true }));
}
