import { Brackets, SelectQueryBuilder } from 'typeorm';
import { Stance, VerificationState } from '../domain/types';
import { Claim } from '../entities';
import { rowId } from './ids';
import { LISTS } from '../domain/limits';
import { BadUserInputError } from '../errors';
import { likePattern, searchText } from './search';

/** What a frontend can filter claims by; every given condition must hold. */
export interface ClaimFilter {
  articleId?: string | null;
  states?: VerificationState[] | null;
  stances?: Stance[] | null;
  sourceId?: string | null;
  search?: string | null;
}

/** Adds the filter's conditions to a query over `claim`; ids of the wrong type are BAD_USER_INPUT. */
export function applyClaimFilter(query: SelectQueryBuilder<Claim>, filter: ClaimFilter | null | undefined) {
  if (!filter) return query;
  if (filter.articleId != null) {
    query.andWhere('claim.articleId = :articleId', { articleId: rowId('Article', filter.articleId, 'filter.articleId') });
  }
  if (filter.sourceId != null) {
    query.andWhere('claim.sourceId = :sourceId', { sourceId: rowId('Source', filter.sourceId, 'filter.sourceId') });
  }
  for (const field of ['states', 'stances'] as const) {
    const values = filter[field];
    if (values != null && values.length > LISTS.filterValues) {
      throw new BadUserInputError(`filter.${field} may list at most ${LISTS.filterValues} values`, [
        { field: `filter.${field}`, message: `at most ${LISTS.filterValues} values` },
      ]);
    }
  }
  // An empty list matches nothing, as an empty IN () would.
  if (filter.states != null) {
    if (filter.states.length === 0) query.andWhere('1 = 0');
    else query.andWhere('claim.state IN (:...states)', { states: filter.states });
  }
  if (filter.stances != null) {
    if (filter.stances.length === 0) query.andWhere('1 = 0');
    else query.andWhere('claim.stance IN (:...stances)', { stances: filter.stances });
  }
  const search = searchText(filter.search, 'filter.search');
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
