import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Link } from 'wouter';
import { Failure, Loading, StateBadge } from '../components';
import { failureOf } from '../errors';
import { date } from '../format';
import { ARTICLE_ADDED, ARTICLES, CLAIM_CHANGED_STATE } from '../operations';
import { ArticleSummary, Connection, STATES } from '../types';

export function ArticlesView() {
  const [after, setAfter] = useState<string | null>(null);
  const [result] = useQuery<{ articles: Connection<ArticleSummary> }>({ query: ARTICLES, variables: { after } });
  // Both keep the counts current: the cache refetches the lists these events touch.
  useSubscription({ query: ARTICLE_ADDED });
  useSubscription({ query: CLAIM_CHANGED_STATE, variables: {} });
  useEffect(() => {
    document.title = 'Articles · claimgraph';
  }, []);

  const articles = result.data?.articles;
  return (
    <>
      <h1>Articles</h1>
      <Failure failure={failureOf(result.error)} />
      {!articles ? (
        <Loading />
      ) : (
        <table className="articles">
          <caption className="muted">
            {articles.totalCount} article{articles.totalCount === 1 ? '' : 's'}; each count links to those claims.
          </caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Claims</th>
              <th scope="col">By state</th>
            </tr>
          </thead>
          <tbody>
            {articles.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <Link href={`/articles/${node.slug}`} className="title">{node.title}</Link>
                  <div className="muted">
                    {node.publisher}
                    {node.publishedAt ? ` · ${date(node.publishedAt)}` : ''}
                  </div>
                </td>
                <td className="number">
                  <Link href={`/claims?article=${encodeURIComponent(node.id)}`}>{node.total.totalCount}</Link>
                </td>
                <td>
                  <ul className="counts" aria-label={`Claims of “${node.title}” by state`}>
                    {STATES.filter((state) => node[state].totalCount > 0).map((state) => (
                      <li key={state}>
                        <Link href={`/claims?article=${encodeURIComponent(node.id)}&state=${state}`}>
                          <StateBadge state={state} /> {node[state].totalCount}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {articles?.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(articles.pageInfo.endCursor)} disabled={result.fetching}>
          Load more articles
        </button>
      )}
    </>
  );
}
