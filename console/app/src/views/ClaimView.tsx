import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Link } from 'wouter';
import { hasRole, useSession } from '../auth';
import { Failure, Loading, StanceBadge, StateBadge } from '../components';
import { failureOf } from '../errors';
import { dateTime, words } from '../format';
import { CLAIM, CLAIM_CHANGED_DETAIL } from '../operations';
import type { ClaimDetail } from '../types';
import { EditorActions, ReviewActions } from './ClaimActions';

export function ClaimView(props: { id: string }) {
  const [result, refetch] = useQuery<{ claim: ClaimDetail | null }>({ query: CLAIM, variables: { id: props.id } });
  // Every change to this claim, by anyone, arrives here and updates the cached claim in place.
  useSubscription({ query: CLAIM_CHANGED_DETAIL, variables: { claimId: props.id } });
  const [conflict, setConflict] = useState(false);
  const { me } = useSession();
  const claim = result.data?.claim;
  useEffect(() => {
    if (claim) document.title = `${claim.text.slice(0, 60)} · claimgraph`;
  }, [claim?.text]);

  const onConflict = () => {
    setConflict(true);
    refetch({ requestPolicy: 'network-only' });
  };

  if (result.error && !claim) return <Failure failure={failureOf(result.error)} />;
  if (!result.data) return <Loading />;
  if (!claim) {
    return (
      <>
        <h1>No such claim</h1>
        <p>
          <Link href="/claims">All claims</Link>
        </p>
      </>
    );
  }
  return (
    <div className="claim-layout">
      <section className="claim" aria-labelledby="claim-text">
        <p className="crumbs">
          <Link href={`/articles/${claim.article.slug}`}>{claim.article.title}</Link> /
        </p>
        <h1 id="claim-text">{claim.text}</h1>
        <dl className="facts">
          <dt>State</dt>
          <dd data-testid="claim-state">
            <StateBadge state={claim.state} /> <span className="muted">version {claim.version}</span>
          </dd>
          <dt>Source</dt>
          <dd>
            {claim.source.name} <span className="muted">({words(claim.source.kind)}{claim.source.affiliation ? `, ${claim.source.affiliation}` : ''})</span>
          </dd>
          <dt>Stance</dt>
          <dd>
            <StanceBadge stance={claim.stance} />
          </dd>
          {claim.assignee && (
            <>
              <dt>Assigned to</dt>
              <dd>{claim.assignee.name}</dd>
            </>
          )}
          {claim.checkworthiness !== null && (
            <>
              <dt>Check-worthiness</dt>
              <dd>{claim.checkworthiness.toFixed(2)}</dd>
            </>
          )}
        </dl>
        <h2>In the article</h2>
        <blockquote className="quote" cite={`/articles/${claim.article.slug}`}>
          …{claim.quote.prefix}
          <mark className={`claim-mark`} style={{ background: `var(--state-${claim.state})` }}>{claim.quote.exact}</mark>
          {claim.quote.suffix}…
        </blockquote>

        <h2>Reviews</h2>
        {claim.reviews.length === 0 ? (
          <p className="muted">No reviews yet.</p>
        ) : (
          <ul className="reviews">
            {claim.reviews.map((review) => (
              <li key={review.id}>
                <p>
                  <strong>{words(review.verdict)}</strong> by {review.reviewer.name}, confidence {Math.round(review.confidence * 100)}% ·{' '}
                  <span className="muted">{dateTime(review.createdAt)}</span>
                </p>
                <p className="rationale">{review.rationale}</p>
                {review.evidence.length > 0 && (
                  <ul className="evidence">
                    {review.evidence.map((evidence, i) => (
                      <li key={`${evidence.url}-${i}`}>
                        <span className={`stance stance-${evidence.stance}`}>{words(evidence.stance)}</span>{' '}
                        <a href={evidence.url} rel="noreferrer noopener" target="_blank">{evidence.title || evidence.url}</a>
                        {evidence.excerpt && <q>{evidence.excerpt}</q>}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}

        <h2>History</h2>
        <ol className="timeline" data-testid="history">
          {claim.history.map((event) => (
            <li key={event.id}>
              <time dateTime={event.at}>{dateTime(event.at)}</time>
              <span className="event-kind">{words(event.kind)}</span>
              {event.fromState !== event.toState && event.toState && (
                <span>
                  {event.fromState && <StateBadge state={event.fromState} />} → <StateBadge state={event.toState} />
                </span>
              )}
              {event.actor && <span className="muted"> by {event.actor.name}</span>}
              {event.note && <p className="note">{event.note}</p>}
            </li>
          ))}
        </ol>
      </section>

      <aside className="side actions" aria-label="Actions">
        {conflict && (
          <div className="notice warning" role="alert">
            Someone changed this claim — here is its current state (version {claim.version}). What you typed is kept; check it and send again.
            <button type="button" onClick={() => setConflict(false)}>Dismiss</button>
          </div>
        )}
        {!me ? (
          <p className="muted">Sign in with a reviewer token to review this claim.</p>
        ) : !hasRole(me, 'REVIEWER') ? (
          <p className="muted">Your role ({me.role.toLowerCase()}) can read but not review.</p>
        ) : (
          <>
            <ReviewActions claim={claim} onConflict={onConflict} onDone={() => setConflict(false)} />
            {hasRole(me, 'EDITOR') && <EditorActions claim={claim} me={me} onConflict={onConflict} onDone={() => setConflict(false)} />}
          </>
        )}
      </aside>
    </div>
  );
}
