import type { NonEmptyArray } from 'type-graphql';
import { ArticleResolver } from './article.resolver';
import { ClaimResolver } from './claim.resolver';
import { NodeResolver } from './node.resolver';
import { ClaimEventResolver, ReviewResolver } from './review.resolver';
import { SourceResolver } from './source.resolver';
import { SubscriptionResolver } from './subscription.resolver';
import { VerificationResolver } from './verification.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  ArticleResolver,
  ClaimResolver,
  SourceResolver,
  ReviewResolver,
  ClaimEventResolver,
  VerificationResolver,
  SubscriptionResolver,
];
