export { serveSubscriptions, SubscriptionServer, CLOSE_TOO_MANY_CONNECTIONS, CLOSE_UNAUTHENTICATED } from './websocket';
export { LiveUpdates, SubscriptionContext, ClaimEventChange, ArticleChange, ClaimChangeResult, loadArticle, loadClaimChange } from './live-updates';
export { NO_PUBSUB } from './no-pubsub';
