import { Brackets, SelectQueryBuilder } from 'typeorm';
import type { SqlBuilder } from '../db/sql';
import { Stance, VerificationState } from '../domain/types';
import { Claim } from '../entities';
import { LISTS } from '../domain/limits';
import { BadUserInputError } from '../errors';
import { rowId } from './ids';
import { likePattern, searchText } from './search';

/** What a frontend can filter claims by; every given condition must hold. */
export interface ClaimFilter {
  articleId?: string | null;
  states?: VerificationState[] | null;
  stances?: Stance[] | null;
  sourceId?: string | null;
  search?: string | null;
}

/** A filter with its ids decoded and its lists and text checked. */
export interface CheckedClaimFilter {
  articleId: number | null;
  sourceId: number | null;
  states: VerificationState[] | null;
  stances: Stance[] | null;
  search: string | null;
}

/** Decodes and checks a filter; ids of the wrong type and over-long lists or text are BAD_USER_INPUT. */
export function checkClaimFilter(filter: ClaimFilter | null | undefined): CheckedClaimFilter {
  const articleId = filter?.articleId != null ? rowId('Article', filter.articleId, 'filter.articleId') : null;
  const sourceId = filter?.sourceId != null ? rowId('Source', filter.sourceId, 'filter.sourceId') : null;
  for (const field of ['states', 'stances'] as const) {
    const values = filter?.[field];
    if (values != null && values.length > LISTS.filterValues) {
      throw new BadUserInputError(`filter.${field} may list at most ${LISTS.filterValues} values`, [
        { field: `filter.${field}`, message: `at most ${LISTS.filterValues} values` },
      ]);
    }
  }
  return {
    articleId,
    sourceId,
    states: filter?.states ?? null,
    stances: filter?.stances ?? null,
    search: searchText(filter?.search, 'filter.search'),
  };
}

/** Where a hand-written statement over `claim` (aliased `c`) reads its rows, which rows, and in which order. */
export interface ClaimScan {
  from: string;
  where: string[];
  /** The id the rows are in order of. */
  orderBy: string;
}

/**
 * The filter as a scan of `claim` in id order. On PostgreSQL the pg_trgm GIN indexes on LOWER(text) and
 * LOWER(quote_exact) answer a search's LIKE; SQLite scans (see the read-path migration for why).
 */
export function claimScan(sql: SqlBuilder, filter: CheckedClaimFilter, afterId: number | null = null): ClaimScan {
  const scan: ClaimScan = { from: 'claim c', where: [], orderBy: 'c.id' };
  const { where } = scan;
  if (filter.articleId !== null) where.push(`c.article_id = ${sql.bind(filter.articleId)}`);
  if (filter.sourceId !== null) where.push(`c.source_id = ${sql.bind(filter.sourceId)}`);
  // An empty list matches nothing, as an empty IN () would.
  if (filter.states !== null) where.push(filter.states.length === 0 ? '1 = 0' : `c.state IN (${sql.list(filter.states)})`);
  if (filter.stances !== null) where.push(filter.stances.length === 0 ? '1 = 0' : `c.stance IN (${sql.list(filter.stances)})`);
  if (filter.search !== null) {
    const q = likePattern(filter.search);
    where.push(`(LOWER(c.text) LIKE ${sql.bind(q)} ESCAPE '\\' OR LOWER(c.quote_exact) LIKE ${sql.bind(q)} ESCAPE '\\')`);
  }
  if (afterId !== null) where.push(`${scan.orderBy} > ${sql.bind(afterId)}`);
  return scan;
}

/** Adds the filter's conditions to a TypeORM query over `claim` (the batched pages of many articles or sources). */
export function applyClaimFilter(query: SelectQueryBuilder<Claim>, filter: ClaimFilter | null | undefined) {
  if (!filter) return query;
  const checked = checkClaimFilter(filter);
  if (checked.articleId !== null) query.andWhere('claim.articleId = :articleId', { articleId: checked.articleId });
  if (checked.sourceId !== null) query.andWhere('claim.sourceId = :sourceId', { sourceId: checked.sourceId });
  if (checked.states !== null) {
    if (checked.states.length === 0) query.andWhere('1 = 0');
    else query.andWhere('claim.state IN (:...states)', { states: checked.states });
  }
  if (checked.stances !== null) {
    if (checked.stances.length === 0) query.andWhere('1 = 0');
    else query.andWhere('claim.stance IN (:...stances)', { stances: checked.stances });
  }
  const search = checked.search;
  if (search) {
    const q = likePattern(search);
    query.andWhere(new Brackets((where) => {
      where
        .where("LOWER(claim.text) LIKE :q ESCAPE '\\'", { q })
        .orWhere("LOWER(claim.quoteExact) LIKE :q ESCAPE '\\'", { q });
    }));
  }
  return query;
}
