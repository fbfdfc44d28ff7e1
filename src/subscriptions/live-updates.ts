import type { Config } from '../config';
import type { Context } from '../context';
import type { Database } from '../db/database';
import { Article, Claim, ClaimEvent } from '../entities';
import { NotFoundError } from '../errors';
import type { Logger } from '../logger';
import { rowId } from '../services/ids';
import { ChangeStream, InProcessChangeBus } from './change-bus';
import { ChangeFeed, PostgresChangeFeed, SqliteChangeFeed } from './change-feed';
import type { Change } from './changes';

export type ClaimEventChange = Extract<Change, { kind: 'claimEvent' }>;
export type ArticleChange = Extract<Change, { kind: 'article' }>;

/** What `claimChanged` delivers: the event and the claim as it is after it (or after a later change). */
export interface ClaimChangeResult {
  claim: Claim;
  event: ClaimEvent;
}

/** The context a subscription operation runs in: a request context plus the live updates it listens to. */
export type SubscriptionContext = Context & { live: LiveUpdates };

/** The change feed for this database: NOTIFY on PostgreSQL, following the tables on SQLite. */
export function createChangeFeed(db: Database, config: Config, logger: Logger): ChangeFeed {
  return db.target.kind === 'postgres'
    ? new PostgresChangeFeed(db.target.url, logger)
    : new SqliteChangeFeed(db.reader, config.changeFeedPollMs, logger);
}

/**
 * Live updates for one server: the change feed publishes every committed article and claim event into
 * one in-process bus, from which each subscription takes what its filter accepts. The feed runs only
 * while someone subscribes.
 */
export class LiveUpdates {
  readonly bus: InProcessChangeBus;

  constructor(feed: ChangeFeed) {
    this.bus = new InProcessChangeBus({
      start: () => feed.start((change) => this.bus.publish(change)),
      stop: () => feed.stop(),
    });
  }

  /** Every claim event, optionally only those of one article and/or one claim (both must exist). */
  async claimChanges(ctx: Context, filter: { articleId?: string | null; claimId?: string | null }): Promise<ChangeStream> {
    const articleId = filter.articleId == null ? null : rowId('Article', filter.articleId, 'articleId');
    const claimId = filter.claimId == null ? null : rowId('Claim', filter.claimId, 'claimId');
    if (articleId !== null && !(await ctx.db.reader.getRepository(Article).existsBy({ id: articleId }))) {
      throw new NotFoundError('Article', filter.articleId!);
    }
    if (claimId !== null && !(await ctx.db.reader.getRepository(Claim).existsBy({ id: claimId }))) {
      throw new NotFoundError('Claim', filter.claimId!);
    }
    return this.bus.subscribe((change) =>
      change.kind === 'claimEvent' &&
      (articleId === null || change.articleId === articleId) &&
      (claimId === null || change.claimId === claimId));
  }

  /** Every article stored from now on, by any process. */
  articleAdditions(): Promise<ChangeStream> {
    return this.bus.subscribe((change) => change.kind === 'article');
  }

  /** Resolves once at least `count` subscriptions are live on this server. */
  whenSubscribed(count: number): Promise<void> {
    return this.bus.whenSubscribed(count);
  }

  /** Resolves once no subscription is live on this server. */
  whenIdle(): Promise<void> {
    return this.bus.whenIdle();
  }

  close(): Promise<void> {
    return this.bus.close();
  }
}

/** The event and its claim, read fresh for each message. */
export async function loadClaimChange(ctx: Context, change: ClaimEventChange): Promise<ClaimChangeResult> {
  const [event, claim] = await Promise.all([
    ctx.db.reader.getRepository(ClaimEvent).findOneByOrFail({ id: change.eventId }),
    ctx.loaders.claim.load(change.claimId),
  ]);
  return { event, claim };
}

/** The article a change announces. */
export function loadArticle(ctx: Context, change: ArticleChange): Promise<Article> {
  return ctx.loaders.article.load(change.articleId);
}
