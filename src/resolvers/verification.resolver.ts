import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Role } from '../domain/types';
import { Claim, Reviewer } from '../entities';
import {
  AssignClaimInput, AssignClaimsInput, CreateClaimInput, SetClaimStatesInput, SetClaimStateInput, StartReviewInput, SubmitReviewInput, UpdateClaimInput,
} from './verification.inputs';
import { written } from './written';

/** The claim-writing mutations: editors curate and decide, reviewers review. Rules live in CurationService and ReviewService. */
@Resolver(() => Claim)
export class VerificationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Claim, { description: 'EDITOR. A new claim in a stored article; its quote must occur in the body.' })
  async createClaim(@Arg('input', () => CreateClaimInput) input: CreateClaimInput, @Ctx() ctx: Context) {
    return written(ctx, await ctx.services.curation.createClaim(ctx, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Claim, { description: 'EDITOR. Changes text, quote, source, stance or checkworthiness.' })
  async updateClaim(@Arg('input', () => UpdateClaimInput) input: UpdateClaimInput, @Ctx() ctx: Context) {
    return written(ctx, await ctx.services.curation.updateClaim(ctx, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Claim, { description: 'EDITOR. Assigns an active REVIEWER or EDITOR to the claim.' })
  async assignClaim(@Arg('input', () => AssignClaimInput) input: AssignClaimInput, @Ctx() ctx: Context) {
    return written(ctx, await ctx.services.curation.assignClaim(ctx, input));
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Claim, { description: 'REVIEWER. Moves an UNVERIFIED claim to IN_REVIEW.' })
  async startReview(@Arg('input', () => StartReviewInput) input: StartReviewInput, @Ctx() ctx: Context) {
    return written(ctx, await ctx.services.reviews.startReview(ctx, input));
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Claim, {
    description: 'REVIEWER. Adds your verdict (superseding your earlier one); the claim takes the consensus state.',
  })
  async submitReview(@Arg('input', () => SubmitReviewInput) input: SubmitReviewInput, @Ctx() ctx: Context) {
    return written(ctx, await ctx.services.reviews.submitReview(ctx, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Claim, { description: 'EDITOR. Sets any other state with a note: resolve a dispute, reopen a final claim.' })
  async setClaimState(@Arg('input', () => SetClaimStateInput) input: SetClaimStateInput, @Ctx() ctx: Context) {
    return written(ctx, await ctx.services.reviews.setClaimState(ctx, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => [Claim], { description: 'EDITOR. Assigns one reviewer to many claims, all or nothing; the claims in the order given.' })
  async assignClaims(@Arg('input', () => AssignClaimsInput) input: AssignClaimsInput, @Ctx() ctx: Context) {
    return written(ctx, await ctx.services.curation.assignClaims(ctx, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => [Claim], { description: 'EDITOR. Sets one state on many claims with one note, all or nothing; the claims in the order given.' })
  async setClaimStates(@Arg('input', () => SetClaimStatesInput) input: SetClaimStatesInput, @Ctx() ctx: Context) {
    return written(ctx, await ctx.services.reviews.setClaimStates(ctx, input));
  }

  @FieldResolver(() => Reviewer, { nullable: true, description: 'Who is assigned to review the claim' })
  assignee(@Root() claim: Claim, @Ctx() ctx: Context) {
    return claim.assigneeId === null ? null : ctx.loaders.reviewer.load(claim.assigneeId);
  }
}
