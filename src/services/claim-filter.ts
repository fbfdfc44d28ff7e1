import { Brackets, SelectQueryBuilder } from 'typeorm';
import type { SqlBuilder } from '../db/sql';
import { Stance, VerificationState } from '../domain/types';
import { Claim } from '../entities';
import { LISTS, SEARCH } from '../domain/limits';
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

/** Whether a search is long enough for a trigram index (three characters, counted as code points). */
export function indexedSearch(search: string): boolean {
  return [...search].length >= SEARCH.indexedFrom;
}

/**
 * An FTS5 query that matches `text` as one phrase, i.e. as a substring under the trigram tokenizer: the
 * text is quoted and its quotes doubled, so nothing in it (quotes, `*`, `^`, `:`, AND/OR/NOT/NEAR,
 * parentheses) is ever query syntax, and any string is a valid search.
 */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Where a hand-written statement over `claim` (aliased `c`) reads its rows, which rows, and in which order. */
export interface ClaimScan {
  from: string;
  where: string[];
  /** The id the rows are in order of; an indexed search on SQLite walks the FTS index in its rowid order. */
  orderBy: string;
  /**
   * A search too short for the index: `from` is a window of at most SEARCH.shortScanRows claims after the
   * cursor (the other conditions applied), and `where` the search within it. `windowEnd` finds where a
   * window that did not reach the last claim stops.
   */
  bounded: boolean;
}

/**
 * The filter as a scan of `claim` in id order.
 * - A search of three characters or more on SQLite reads the FTS5 trigram table `claim_search` in rowid
 *   order and stops at the page's end (CROSS JOIN keeps the index the outer loop: probed once per claim
 *   row, MATCH would run once per row). On PostgreSQL the pg_trgm GIN indexes on LOWER(text) and
 *   LOWER(quote_exact) answer the LIKE.
 * - Within one article the search is a LIKE over the article's claims (an index range, at most
 *   LISTS.claimsPerArticle rows): cheaper than walking every match of a common word in the whole index.
 * - A search of one or two characters has no trigram: it scans a bounded window of claims (see SEARCH).
 */
export function claimScan(sql: SqlBuilder, filter: CheckedClaimFilter, afterId: number | null = null): ClaimScan {
  const { search } = filter;
  const like = () => {
    const q = likePattern(search!);
    return `(LOWER(c.text) LIKE ${sql.bind(q)} ESCAPE '\\' OR LOWER(c.quote_exact) LIKE ${sql.bind(q)} ESCAPE '\\')`;
  };
  if (search !== null && filter.articleId === null && sql.dialect === 'sqlite' && indexedSearch(search)) {
    const where = [`claim_search MATCH ${sql.bind(ftsPhrase(search))}`, ...conditions(sql, filter)];
    if (afterId !== null) where.push(`claim_search.rowid > ${sql.bind(afterId)}`);
    return { from: 'claim_search CROSS JOIN claim c ON c.id = claim_search.rowid', where, orderBy: 'claim_search.rowid', bounded: false };
  }
  if (search !== null && filter.articleId === null && !indexedSearch(search)) {
    const inner = conditions(sql, filter);
    if (afterId !== null) inner.push(`c.id > ${sql.bind(afterId)}`);
    const from = `(SELECT c.* FROM claim c ${inner.length > 0 ? `WHERE ${inner.join(' AND ')}` : ''}
      ORDER BY c.id LIMIT ${SEARCH.shortScanRows}) c`;
    return { from, where: [like()], orderBy: 'c.id', bounded: true };
  }
  const where = conditions(sql, filter);
  if (search !== null) where.push(like());
  if (afterId !== null) where.push(`c.id > ${sql.bind(afterId)}`);
  return { from: 'claim c', where, orderBy: 'c.id', bounded: false };
}

/** The filter's conditions other than the search, over `claim c`. */
function conditions(sql: SqlBuilder, filter: CheckedClaimFilter): string[] {
  const where: string[] = [];
  if (filter.articleId !== null) where.push(`c.article_id = ${sql.bind(filter.articleId)}`);
  if (filter.sourceId !== null) where.push(`c.source_id = ${sql.bind(filter.sourceId)}`);
  // An empty list matches nothing, as an empty IN () would.
  if (filter.states !== null) where.push(filter.states.length === 0 ? '1 = 0' : `c.state IN (${sql.list(filter.states)})`);
  if (filter.stances !== null) where.push(filter.stances.length === 0 ? '1 = 0' : `c.stance IN (${sql.list(filter.stances)})`);
  return where;
}

/**
 * Where the window of a bounded scan (a short search) after `afterId` stops when claims lie beyond it:
 * the id of its last claim, or null when the window reached the last claim matching the other conditions.
 */
export function windowEnd(sql: SqlBuilder, filter: CheckedClaimFilter, afterId: number | null): string {
  const where = conditions(sql, filter);
  if (afterId !== null) where.push(`c.id > ${sql.bind(afterId)}`);
  return `SELECT c.id FROM claim c ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY c.id LIMIT 2 OFFSET ${SEARCH.shortScanRows - 1}`;
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
  // These lists are scoped to their parents (an article's or a source's claims): the search is a LIKE over
  // the parents' rows, not a walk of every match in the whole index.
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
