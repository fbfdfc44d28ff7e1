import type { PubSub } from 'type-graphql';

/**
 * type-graphql will not build a schema with subscriptions unless it is given a pubSub; ours never use
 * it: each subscription brings its own subscribe function, fed by the server's LiveUpdates.
 */
export const NO_PUBSUB: PubSub = {
  publish() {
    throw new Error('claimgraph subscriptions take their events from LiveUpdates, not from type-graphql topics');
  },
  subscribe() {
    throw new Error('claimgraph subscriptions take their events from LiveUpdates, not from type-graphql topics');
  },
};
