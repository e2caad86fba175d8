import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import {
  ArticlesService,
  AssignmentsService,
  ClaimCommandsService,
  ClaimMatchingService,
  ClaimReviewsService,
  DashboardService,
  EventsService,
  ListsService,
  PeopleService,
  VerdictsService,
  can,
  redactEvent,
  visibleVerdicts,
  type FeedEvent,
  type Principal,
} from '@claimdesk/core';
import { NotFoundError, ValidationError } from '@claimdesk/database';
import { toArticleInput } from '../articles/article-input.mapper';
import { toArticleView } from '../articles/article.view';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { uuidParam } from '../http/validation';
import type { GqlContext } from './context';
import { JSONScalar } from './json.scalar';
import { articleTopic } from './event-relay';
import {
  ArticlePageType,
  ArticleStatusEnum,
  ArticleStatusType,
  ArticleType,
  AssignmentType,
  ClaimPageType,
  ClaimStatusEnum,
  ClaimType,
  DashboardType,
  DeskStoryType,
  EventPageType,
  FeedEventType,
  IngestArticleInput,
  PersonType,
  PriorityEnum,
  RatingType,
  SubmitVerdictInput,
  VerdictType,
} from './types';
import { assignmentView, claimView, personView, verdictView } from './views';

const uuid = uuidParam();
const optionalUuid = (field: string) => ({
  transform: (value: unknown) => (value === undefined || value === null ? undefined : uuidParam(field).transform(value as string, { type: 'query' })),
});
const date = (field: string, value: string | undefined): Date | undefined => {
  if (value === undefined || value === null) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new ValidationError([{ field, message: 'must be an ISO 8601 date' }]);
  return d;
};

/** Queries and mutations: each a thin call into the same service the REST controller calls. */
@Resolver()
export class DeskResolver {
  constructor(
    private readonly articleService: ArticlesService,
    private readonly lists: ListsService,
    private readonly assignments: AssignmentsService,
    private readonly verdicts: VerdictsService,
    private readonly dashboardService: DashboardService,
    private readonly eventsService: EventsService,
    private readonly people: PeopleService,
    private readonly claimCommands: ClaimCommandsService,
    private readonly matching: ClaimMatchingService,
  ) {}

  @Query(() => ArticleType)
  async article(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID }, uuid) id: string) {
    return toArticleView(await this.articleService.get(actor, id));
  }

  @Query(() => ArticlePageType)
  async articles(
    @CurrentPrincipal() actor: Principal,
    @Args('status', { type: () => ArticleStatusEnum, nullable: true }) status?: ArticleStatusEnum,
    @Args('outlet', { nullable: true }) outlet?: string,
    @Args('priority', { type: () => PriorityEnum, nullable: true }) priority?: PriorityEnum,
    @Args('from', { nullable: true, description: 'ingested at or after (ISO 8601)' }) from?: string,
    @Args('to', { nullable: true, description: 'ingested before (ISO 8601)' }) to?: string,
    @Args('cursor', { nullable: true }) cursor?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ) {
    const page = await this.lists.articles(actor, {
      status: status as never,
      outlet: outlet ?? undefined,
      priority: priority as never,
      from: date('from', from),
      to: date('to', to),
      cursor: cursor ?? undefined,
      limit: limit ?? undefined,
    });
    return { items: page.items.map(toArticleView), next: page.next };
  }

  @Query(() => ArticleStatusType, { description: 'the same object as GET /articles/:id/status' })
  articleStatus(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID }, uuid) id: string) {
    return this.articleService.status(actor, id);
  }

  @Query(() => ClaimType)
  async claim(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID }, uuid) id: string) {
    return claimView(await this.lists.claim(actor, id));
  }

  @Query(() => ClaimPageType)
  async claims(
    @CurrentPrincipal() actor: Principal,
    @Args('status', { type: () => ClaimStatusEnum, nullable: true }) status?: ClaimStatusEnum,
    @Args('reviewerId', { type: () => ID, nullable: true }, optionalUuid('reviewerId')) reviewerId?: string,
    @Args('articleId', { type: () => ID, nullable: true }, optionalUuid('articleId')) articleId?: string,
    @Args('topic', { nullable: true }) topic?: string,
    @Args('speaker', { nullable: true }) speaker?: string,
    @Args('minScore', { nullable: true }) minScore?: number,
    @Args('maxScore', { nullable: true }) maxScore?: number,
    @Args('overdue', { nullable: true }) overdue?: boolean,
    @Args('cursor', { nullable: true }) cursor?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ) {
    const page = await this.lists.claims(actor, {
      status: status as never,
      reviewerId,
      articleId,
      topic: topic ?? undefined,
      speaker: speaker ?? undefined,
      minScore: minScore ?? undefined,
      maxScore: maxScore ?? undefined,
      overdue: overdue ?? undefined,
      cursor: cursor ?? undefined,
      limit: limit ?? undefined,
    });
    return { items: page.items.map(claimView), next: page.next };
  }

  @Query(() => DashboardType)
  dashboard(@CurrentPrincipal() actor: Principal) {
    return this.dashboardService.overview(actor);
  }

  @Query(() => [DeskStoryType], { description: 'the same list as GET /dashboard/stories' })
  deskStories(@CurrentPrincipal() actor: Principal, @Args('limit', { type: () => Int, nullable: true }) limit?: number) {
    return this.dashboardService.stories(actor, limit ?? undefined);
  }

  @Query(() => [RatingType], { description: "the desk's rating scale, in order (GET /ratings)" })
  ratingScale(@CurrentPrincipal() actor: Principal) {
    return this.verdicts.ratingScale(actor);
  }

  @Query(() => EventPageType)
  events(
    @CurrentPrincipal() actor: Principal,
    @Args('after', { nullable: true }) after?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('articleId', { type: () => ID, nullable: true }, optionalUuid('articleId')) articleId?: string,
  ) {
    return this.eventsService.after(actor, after ?? undefined, limit ?? undefined, articleId);
  }

  @Query(() => PersonType)
  async me(@CurrentPrincipal() actor: Principal) {
    const person = await this.people.me(actor);
    if (!person) throw new NotFoundError('person', actor.id);
    return personView(person);
  }

  @Mutation(() => ArticleType)
  async ingestArticle(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { type: () => IngestArticleInput }) input: IngestArticleInput,
    @Args('idempotencyKey', { nullable: true }) idempotencyKey?: string,
  ) {
    if (idempotencyKey && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
      throw new ValidationError([{ field: 'idempotencyKey', message: 'must be 1-255 visible ASCII characters' }]);
    }
    const { article } = await this.articleService.ingest(
      actor,
      toArticleInput(input),
      idempotencyKey ?? undefined,
    );
    return toArticleView(article);
  }

  @Mutation(() => AssignmentType)
  async acceptAssignment(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID }, uuid) id: string) {
    return assignmentView(await this.assignments.accept(actor, id));
  }

  @Mutation(() => AssignmentType)
  async declineAssignment(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }, uuid) id: string,
    @Args('reason', { nullable: true }) reason?: string,
  ) {
    if (reason && reason.length > 2000) throw new ValidationError([{ field: 'reason', message: 'must be at most 2000 characters' }]);
    return assignmentView(await this.assignments.decline(actor, id, reason ?? undefined));
  }

  @Mutation(() => VerdictType)
  async submitVerdict(
    @CurrentPrincipal() actor: Principal,
    @Args('claimId', { type: () => ID }, uuidParam('claimId')) claimId: string,
    @Args('input', { type: () => SubmitVerdictInput }) input: SubmitVerdictInput,
  ) {
    return verdictView(await this.verdicts.submit(actor, claimId, input));
  }

  @Mutation(() => VerdictType)
  async approveVerdict(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID }, uuid) id: string) {
    return verdictView(await this.verdicts.approve(actor, id));
  }

  @Mutation(() => VerdictType)
  async returnVerdict(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID }, uuid) id: string, @Args('note') note: string) {
    const trimmed = note.normalize('NFC').trim();
    if (trimmed.length < 1 || trimmed.length > 5000) throw new ValidationError([{ field: 'note', message: 'must be 1-5000 characters' }]);
    return verdictView(await this.verdicts.return(actor, id, trimmed));
  }

  @Mutation(() => ClaimType, { description: 'an editor assigns the claim to a named reviewer (force: above capacity)' })
  async assignClaim(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }, uuid) id: string,
    @Args('reviewerId', { type: () => ID }, uuidParam('reviewerId')) reviewerId: string,
    @Args('force', { nullable: true, defaultValue: false }) force: boolean,
  ) {
    return claimView((await this.claimCommands.assign(actor, id, reviewerId, force)).claim);
  }

  @Mutation(() => ClaimType, { description: 'an editor promotes a CANDIDATE claim into the workflow' })
  async promoteClaim(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID }, uuid) id: string) {
    return claimView((await this.claimCommands.promote(actor, id)).claim);
  }

  @Mutation(() => JSONScalar, { description: "an editor publishes the claim with an earlier fact-check's verdict (the object of POST /claims/:id/reuse)" })
  async reuseFactCheck(
    @CurrentPrincipal() actor: Principal,
    @Args('claimId', { type: () => ID }, uuid) claimId: string,
    @Args('factCheckId', { type: () => ID }, uuid) factCheckId: string,
    @Args('rating', { nullable: true }) rating?: string,
  ) {
    return this.matching.reuse(actor, claimId, { factCheckId, rating: rating ?? undefined });
  }

  @Mutation(() => ClaimType, { description: 'an editor dismisses a claim' })
  async dismissClaim(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }, uuid) id: string,
    @Args('note', { nullable: true }) note?: string,
  ) {
    return claimView((await this.claimCommands.dismiss(actor, id, note ?? undefined)).claim);
  }

  @Subscription(() => FeedEventType, {
    description: 'every event of the article as it commits (the same objects as GET /events)',
    // Each subscriber sees the event as its role may (the same redaction as GET /events).
    resolve: (payload: FeedEvent, _args: unknown, context: GqlContext) =>
      context.principal ?? context.req?.principal ? redactEvent((context.principal ?? context.req?.principal)!, payload) : payload,
  })
  async articleChanged(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }, uuid) id: string,
    @Context() context: GqlContext,
  ) {
    await this.articleService.revision(actor, id); // read permission, and 404 for an unknown article
    return context.pubsub!.subscribe(articleTopic(id));
  }
}

/** A claim's relations, batched per request through DataLoaders. */
@Resolver(() => ClaimType)
export class ClaimFieldsResolver {
  constructor(
    private readonly reviews: ClaimReviewsService,
    private readonly matching: ClaimMatchingService,
  ) {}

  @ResolveField(() => JSONScalar, {
    description: 'the claim\'s stored matches in the fact-check library, best first (the objects of GET /claims/:id/matches)',
  })
  async matches(@Parent() claim: ClaimType, @CurrentPrincipal() actor: Principal) {
    return this.matching.matches(actor, claim.id);
  }

  @ResolveField(() => JSONScalar, {
    nullable: true,
    description: 'schema.org ClaimReview JSON-LD of the published verdict (the document of GET /claims/:id/claim-review); null until published',
  })
  async claimReview(@Parent() claim: ClaimType) {
    return claim.status === ClaimStatusEnum.PUBLISHED ? this.reviews.ofPublishedClaim(claim.id) : null;
  }

  @ResolveField(() => AssignmentType, { nullable: true, description: 'the live assignment (OFFERED or ACCEPTED)' })
  async assignment(@Parent() claim: ClaimType, @Context() context: GqlContext) {
    const a = await context.loaders.liveAssignment.load(claim.id);
    return a ? assignmentView(a) : null;
  }

  /** Unpublished verdicts only for editors, their author and the claim's assignee (permissions.ts). */
  @ResolveField(() => [VerdictType])
  async verdicts(@Parent() claim: ClaimType, @Context() context: GqlContext, @CurrentPrincipal() actor: Principal) {
    const all = await context.loaders.verdicts.load(claim.id);
    if (can(actor, 'verdict.readUnpublished') || all.every((v) => v.status === 'APPROVED')) return all.map(verdictView);
    const live = await context.loaders.liveAssignment.load(claim.id);
    return visibleVerdicts(actor, all, live?.reviewerId).map(verdictView);
  }
}

@Resolver(() => AssignmentType)
export class AssignmentFieldsResolver {
  @ResolveField(() => PersonType, { nullable: true })
  async reviewer(@Parent() assignment: AssignmentType, @Context() context: GqlContext, @CurrentPrincipal() actor: Principal) {
    const p = await context.loaders.person.load(assignment.reviewerId);
    if (!p) return null;
    // Anyone may see who holds a claim (REST shows {id, name}); a person's email is for person.read.
    const view = personView(p);
    return can(actor, 'person.read') || p.id === actor.id ? view : { ...view, email: null };
  }
}
