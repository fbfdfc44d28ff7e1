import { KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Link, useLocation } from 'wouter';
import { Failure, Loading, StanceBadge, StateBadge, StateLegend } from '../components';
import { failureOf } from '../errors';
import { date, STATE_LABEL } from '../format';
import { segmentBody, Segment } from '../highlight';
import { ARTICLE, CLAIM_CHANGED_STATE } from '../operations';
import type { AnchoredClaim, ArticleDetail } from '../types';

const STATE_COLOUR_VAR = (claim: AnchoredClaim) => `var(--state-${claim.state})`;

/** One colour band per covering claim, so overlapping claims all show. */
function segmentBackground(claims: AnchoredClaim[]): string {
  if (claims.length === 1) return STATE_COLOUR_VAR(claims[0]);
  const band = 100 / claims.length;
  const stops = claims.map((claim, i) => `${STATE_COLOUR_VAR(claim)} ${i * band}% ${(i + 1) * band}%`);
  return `linear-gradient(to bottom, ${stops.join(', ')})`;
}

function segmentLabel(claims: AnchoredClaim[]): string {
  return claims.map((claim) => `${STATE_LABEL[claim.state]}: ${claim.text}`).join(' | ');
}

export function ArticleView(props: { slug: string }) {
  const [after, setAfter] = useState<string | null>(null);
  const [result] = useQuery<{ article: ArticleDetail | null }>({ query: ARTICLE, variables: { slug: props.slug, after } });
  const article = result.data?.article;
  useSubscription({ query: CLAIM_CHANGED_STATE, variables: { articleId: article?.id }, pause: !article });
  // An article with more claims than one page loads the rest at once: every claim must be highlighted.
  const pageInfo = article?.claims.pageInfo;
  useEffect(() => {
    if (pageInfo?.hasNextPage && pageInfo.endCursor && !result.fetching) setAfter(pageInfo.endCursor);
  }, [pageInfo?.hasNextPage, pageInfo?.endCursor, result.fetching]);
  useEffect(() => {
    if (article) document.title = `${article.title} · claimgraph`;
  }, [article?.title]);

  const claims = useMemo(() => article?.claims.edges.map((edge) => edge.node) ?? [], [article?.claims.edges]);
  const segments = useMemo(
    () => (article ? segmentBody(article.body, claims.map((claim) => ({ start: claim.quote.start, end: claim.quote.end, item: claim }))) : []),
    [article?.body, claims],
  );
  const [chosen, setChosen] = useState<Segment<AnchoredClaim> | null>(null);

  if (result.error) return <Failure failure={failureOf(result.error)} />;
  if (!result.data) return <Loading />;
  if (!article) {
    return (
      <>
        <h1>No such article</h1>
        <p>
          Nothing is stored under “{props.slug}”. <Link href="/">All articles</Link>
        </p>
      </>
    );
  }
  return (
    <div className="article-layout">
      <article className="article" aria-labelledby="article-title">
        <p className="crumbs">
          <Link href="/">Articles</Link> /
        </p>
        <h1 id="article-title">{article.title}</h1>
        <p className="muted">
          {[article.publisher, date(article.publishedAt)].filter(Boolean).join(' · ')}
          {article.url && (
            <>
              {' · '}
              <a href={article.url} rel="noreferrer noopener" target="_blank">original</a>
            </>
          )}
        </p>
        <div className="body" data-testid="article-body">
          {segments.map((segment) =>
            segment.items.length === 0 ? (
              <span key={segment.start}>{segment.text}</span>
            ) : (
              <Highlight key={segment.start} segment={segment} onChoose={setChosen} />
            ),
          )}
        </div>
      </article>
      <aside className="side" aria-label="Claims in this article">
        {chosen && (
          <section className="chooser" aria-label="Claims on the chosen passage">
            <h2>{chosen.items.length} claims on this passage</h2>
            <ul>
              {chosen.items.map((claim) => (
                <li key={claim.id}>
                  <StateBadge state={claim.state} /> <Link href={`/claims/${claim.id}`}>{claim.text}</Link>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => setChosen(null)}>Close</button>
          </section>
        )}
        <h2>
          {article.claims.totalCount} claim{article.claims.totalCount === 1 ? '' : 's'}
        </h2>
        <StateLegend />
        <ol className="claim-list">
          {claims.map((claim) => (
            <li key={claim.id}>
              <StateBadge state={claim.state} /> <StanceBadge stance={claim.stance} />
              <Link href={`/claims/${claim.id}`}>{claim.text}</Link>
              <span className="muted"> — {claim.source.name}</span>
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}

/** A highlighted run of the body: opens its claim, or lets the reader choose when several claims cover it. */
function Highlight(props: { segment: Segment<AnchoredClaim>; onChoose(segment: Segment<AnchoredClaim>): void }) {
  const [, navigate] = useLocation();
  const { segment } = props;
  const open = () => {
    if (segment.items.length === 1) navigate(`/claims/${segment.items[0].id}`);
    else props.onChoose(segment);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  };
  return (
    <mark
      className={`claim-mark${segment.items.length > 1 ? ' overlap' : ''}`}
      style={{ background: segmentBackground(segment.items) }}
      role="button"
      tabIndex={0}
      aria-label={`${segment.text} — ${segmentLabel(segment.items)}`}
      title={segmentLabel(segment.items)}
      data-claim-ids={segment.items.map((claim) => claim.id).join(' ')}
      data-states={segment.items.map((claim) => claim.state).join(' ')}
      onClick={open}
      onKeyDown={onKeyDown}
    >
      {segment.text}
    </mark>
  );
}
