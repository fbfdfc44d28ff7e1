import { FormEvent, useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { Failure, Loading, StanceBadge, StateBadge } from '../components';
import { failureOf } from '../errors';
import { dateTime, STATE_LABEL, words } from '../format';
import { CLAIM_CHANGED_STATE, CLAIMS, FILTER_OPTIONS } from '../operations';
import { ClaimRow, Connection, Stance, STANCES, STATES, VerificationState } from '../types';

/** The table's filter, kept in the URL (`?state=A,B&stance=…&article=ID&source=ID&q=text`) so a view can be shared. */
interface Filter {
  states: VerificationState[];
  stances: Stance[];
  articleId: string;
  sourceId: string;
  search: string;
}

function listParam<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const values = (params.get(name) ?? '').split(',');
  return allowed.filter((value) => values.includes(value));
}

export function parseFilter(search: string): Filter {
  const params = new URLSearchParams(search);
  return {
    states: listParam(params, 'state', STATES),
    stances: listParam(params, 'stance', STANCES),
    articleId: params.get('article') ?? '',
    sourceId: params.get('source') ?? '',
    search: params.get('q') ?? '',
  };
}

function filterSearch(filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.states.length) params.set('state', filter.states.join(','));
  if (filter.stances.length) params.set('stance', filter.stances.join(','));
  if (filter.articleId) params.set('article', filter.articleId);
  if (filter.sourceId) params.set('source', filter.sourceId);
  if (filter.search.trim()) params.set('q', filter.search.trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

function apiFilter(filter: Filter) {
  return {
    ...(filter.states.length ? { states: filter.states } : {}),
    ...(filter.stances.length ? { stances: filter.stances } : {}),
    ...(filter.articleId ? { articleId: filter.articleId } : {}),
    ...(filter.sourceId ? { sourceId: filter.sourceId } : {}),
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
  };
}

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

export function ClaimsView() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = parseFilter(search);
  const apply = (next: Filter) => navigate(`/claims${filterSearch(next)}`);
  useEffect(() => {
    document.title = 'Claims · claimgraph';
  }, []);
  useSubscription({ query: CLAIM_CHANGED_STATE, variables: {} });

  return (
    <>
      <h1>Claims</h1>
      <Filters filter={filter} onChange={apply} />
      {/* A new filter starts again from the first page. */}
      <ClaimsTable key={search} filter={filter} />
    </>
  );
}

interface Options {
  articles: Connection<{ id: string; title: string }>;
  sources: Connection<{ id: string; name: string }>;
}

function Filters(props: { filter: Filter; onChange(filter: Filter): void }) {
  const { filter, onChange } = props;
  const [options] = useQuery<Options>({ query: FILTER_OPTIONS });
  const [text, setText] = useState(filter.search);
  useEffect(() => setText(filter.search), [filter.search]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filter, search: text });
  };
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label="Filter claims">
      <fieldset>
        <legend>State</legend>
        {STATES.map((state) => (
          <label key={state} className="check">
            <input type="checkbox" checked={filter.states.includes(state)} onChange={() => onChange({ ...filter, states: toggle(filter.states, state) })} />
            {STATE_LABEL[state]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Stance</legend>
        {STANCES.map((stance) => (
          <label key={stance} className="check">
            <input type="checkbox" checked={filter.stances.includes(stance)} onChange={() => onChange({ ...filter, stances: toggle(filter.stances, stance) })} />
            {words(stance)}
          </label>
        ))}
      </fieldset>
      <div className="filter-row">
        <div className="field">
          <label htmlFor="filter-article">Article</label>
          <select id="filter-article" value={filter.articleId} onChange={(e) => onChange({ ...filter, articleId: e.target.value })}>
            <option value="">Any article</option>
            {options.data?.articles.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>{node.title}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-source">Source</label>
          <select id="filter-source" value={filter.sourceId} onChange={(e) => onChange({ ...filter, sourceId: e.target.value })}>
            <option value="">Any source</option>
            {options.data?.sources.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>{node.name}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-text">Text</label>
          <input id="filter-text" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="words in the claim or quote" />
        </div>
        <button type="submit">Search</button>
        <Link href="/claims" className="reset">Clear filters</Link>
      </div>
    </form>
  );
}

function ClaimsTable(props: { filter: Filter }) {
  const [after, setAfter] = useState<string | null>(null);
  const [result] = useQuery<{ claims: Connection<ClaimRow> }>({ query: CLAIMS, variables: { filter: apiFilter(props.filter), after } });
  const claims = result.data?.claims;
  if (result.error) return <Failure failure={failureOf(result.error)} />;
  if (!claims) return <Loading />;
  return (
    <>
      <p className="muted" role="status" data-testid="claims-count">
        Showing {claims.edges.length} of {claims.totalCount} claim{claims.totalCount === 1 ? '' : 's'}
      </p>
      <table className="claims">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Source</th>
            <th scope="col">Stance</th>
            <th scope="col">State</th>
            <th scope="col">Article</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {claims.edges.map(({ node }) => (
            <tr key={node.id}>
              <td>
                <Link href={`/claims/${node.id}`}>{node.text}</Link>
              </td>
              <td>{node.source.name}</td>
              <td>
                <StanceBadge stance={node.stance} />
              </td>
              <td>
                <StateBadge state={node.state} />
              </td>
              <td>
                <Link href={`/articles/${node.article.slug}`}>{node.article.title}</Link>
              </td>
              <td className="nowrap">{dateTime(node.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {claims.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(claims.pageInfo.endCursor)} disabled={result.fetching}>
          Load more claims
        </button>
      )}
    </>
  );
}
