import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Role } from '../domain/types';
import { Claim, Reviewer } from '../entities';
import {
  AssignClaimInput, CreateClaimInput, SetClaimStateInput, StartReviewInput, SubmitReviewInput, UpdateClaimInput,
} from './verification.inputs';

/** The claim-writing mutations: editors curate and decide, reviewers review. Rules live in VerificationService. */
@Resolver(() => Claim)
export class VerificationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Claim, { description: 'EDITOR. A new claim in a stored article; its quote must occur in the body.' })
  createClaim(@Arg('input', () => CreateClaimInput) input: CreateClaimInput, @Ctx() ctx: Context) {
    return ctx.services.verification.createClaim(ctx, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Claim, { description: 'EDITOR. Changes text, quote, source, stance or checkworthiness.' })
  updateClaim(@Arg('input', () => UpdateClaimInput) input: UpdateClaimInput, @Ctx() ctx: Context) {
    return ctx.services.verification.updateClaim(ctx, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Claim, { description: 'EDITOR. Assigns an active REVIEWER or EDITOR to the claim.' })
  assignClaim(@Arg('input', () => AssignClaimInput) input: AssignClaimInput, @Ctx() ctx: Context) {
    return ctx.services.verification.assignClaim(ctx, input);
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Claim, { description: 'REVIEWER. Moves an UNVERIFIED claim to IN_REVIEW.' })
  startReview(@Arg('input', () => StartReviewInput) input: StartReviewInput, @Ctx() ctx: Context) {
    return ctx.services.verification.startReview(ctx, input);
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Claim, {
    description: 'REVIEWER. Adds your verdict (superseding your earlier one); the claim takes the consensus state.',
  })
  submitReview(@Arg('input', () => SubmitReviewInput) input: SubmitReviewInput, @Ctx() ctx: Context) {
    return ctx.services.verification.submitReview(ctx, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Claim, { description: 'EDITOR. Sets any other state with a note: resolve a dispute, reopen a final claim.' })
  setClaimState(@Arg('input', () => SetClaimStateInput) input: SetClaimStateInput, @Ctx() ctx: Context) {
    return ctx.services.verification.setClaimState(ctx, input);
  }

  @FieldResolver(() => Reviewer, { nullable: true, description: 'Who is assigned to review the claim' })
  assignee(@Root() claim: Claim, @Ctx() ctx: Context) {
    return claim.assigneeId === null ? null : ctx.loaders.reviewer.load(claim.assigneeId);
  }
}
