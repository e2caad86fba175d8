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
import { DateTimeScalar } from './date-time.scalar';
import type { GqlContext } from './context';
import { JSONScalar } from './json.scalar';
import { articleTopic } from './event-relay';
import {
  ArticlePageType,
  ArticleStatusEnum,
  ArticleStatusType,
  ArticleType,
  AssignmentType,
  ClaimCommandResultType,
  ClaimCountsType,
  ClaimPageType,
  ClaimStatusEnum,
  ClaimType,
  DashboardType,
  DeskStoryType,
  EventPageType,
  FeedEventType,
  StatusCountType,
  IngestArticleInput,
  PersonType,
  PriorityEnum,
  RatingType,
  SubmitVerdictInput,
  VerdictType,
} from './types';
import { assignmentView, claimView, personView, verdictView } from './views';
import { toCommandView } from '../views/claim-command.view';
import { CLAIM_STATUSES } from '../openapi/schemas';

const uuid = uuidParam();
const ARTICLE_ID = 'The article id';
const CLAIM_ID = 'The claim id';
const ASSIGNMENT_ID = 'The assignment id';
const VERDICT_ID = 'The verdict id';
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

  @Query(() => ArticleType, { description: 'One article (REST: GET /articles/{id})' })
  async article(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID, description: ARTICLE_ID }, uuid) id: string) {
    return toArticleView(await this.articleService.get(actor, id));
  }

  @Query(() => ArticlePageType, { description: 'Articles, newest first (REST: GET /articles)' })
  async articles(
    @CurrentPrincipal() actor: Principal,
    @Args('status', { type: () => ArticleStatusEnum, nullable: true, description: 'Only articles in this status' }) status?: ArticleStatusEnum,
    @Args('outlet', { nullable: true, description: 'Only this outlet' }) outlet?: string,
    @Args('priority', { type: () => PriorityEnum, nullable: true, description: 'Only this priority' }) priority?: PriorityEnum,
    @Args('from', { type: () => DateTimeScalar, nullable: true, description: 'Ingested at or after' }) from?: string,
    @Args('to', { type: () => DateTimeScalar, nullable: true, description: 'Ingested before' }) to?: string,
    @Args('cursor', { nullable: true, description: 'The next of the previous page' }) cursor?: string,
    @Args('limit', { type: () => Int, nullable: true, description: 'How many at most (as REST limit)' }) limit?: number,
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

  @Query(() => ArticleStatusType, { description: 'Verification status of one article (REST: GET /articles/{id}/status)' })
  articleStatus(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID, description: ARTICLE_ID }, uuid) id: string) {
    return this.articleService.status(actor, id);
  }

  @Query(() => ClaimType, { description: 'One claim (REST: GET /claims/{id})' })
  async claim(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID, description: CLAIM_ID }, uuid) id: string) {
    return claimView(await this.lists.claim(actor, id));
  }

  @Query(() => ClaimPageType, { description: 'Claims across articles, newest first (REST: GET /claims, the same filter names)' })
  async claims(
    @CurrentPrincipal() actor: Principal,
    @Args('status', { type: () => ClaimStatusEnum, nullable: true, description: 'Only claims in this status' }) status?: ClaimStatusEnum,
    @Args('reviewer', { type: () => ID, nullable: true, description: 'Only claims whose live assignment is this reviewer' }, optionalUuid('reviewer')) reviewer?: string,
    @Args('article', { type: () => ID, nullable: true, description: 'Only claims of this article' }, optionalUuid('article')) article?: string,
    @Args('topic', { nullable: true, description: 'Only claims with this topic' }) topic?: string,
    @Args('speaker', { nullable: true, description: 'Speaker substring, any case' }) speaker?: string,
    @Args('minScore', { nullable: true, description: 'Score at least' }) minScore?: number,
    @Args('maxScore', { nullable: true, description: 'Score at most' }) maxScore?: number,
    @Args('overdue', { nullable: true, description: 'Only claims whose live assignment is past due' }) overdue?: boolean,
    @Args('cursor', { nullable: true, description: 'The next of the previous page' }) cursor?: string,
    @Args('limit', { type: () => Int, nullable: true, description: 'How many at most (as REST limit)' }) limit?: number,
  ) {
    const page = await this.lists.claims(actor, {
      status: status as never,
      reviewerId: reviewer,
      articleId: article,
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

  @Query(() => DashboardType, { description: 'The desk overview (REST: GET /dashboard)' })
  dashboard(@CurrentPrincipal() actor: Principal) {
    return this.dashboardService.overview(actor);
  }

  @Query(() => [DeskStoryType], { description: 'Stories in flight, newest first, with progress and claims per status (the items of REST GET /dashboard/stories)' })
  deskStories(
    @CurrentPrincipal() actor: Principal,
    @Args('limit', { type: () => Int, nullable: true, description: 'At most this many (as REST limit)' }) limit?: number,
  ) {
    return this.dashboardService.stories(actor, limit ?? undefined);
  }

  @Query(() => [RatingType], { description: "The desk's rating scale, in order (REST: GET /ratings)" })
  ratingScale(@CurrentPrincipal() actor: Principal) {
    return this.verdicts.ratingScale(actor);
  }

  @Query(() => EventPageType, { description: 'Change feed after a cursor, oldest first (REST: GET /events)' })
  events(
    @CurrentPrincipal() actor: Principal,
    @Args('after', { nullable: true, description: 'The next of the previous poll' }) after?: string,
    @Args('limit', { type: () => Int, nullable: true, description: 'How many at most (as REST limit)' }) limit?: number,
    @Args('articleId', { type: () => ID, nullable: true, description: 'Only events of this article' }, optionalUuid('articleId')) articleId?: string,
  ) {
    return this.eventsService.after(actor, after ?? undefined, limit ?? undefined, articleId);
  }

  @Query(() => PersonType, { description: 'The caller (REST: GET /me)' })
  async me(@CurrentPrincipal() actor: Principal) {
    const person = await this.people.me(actor);
    if (!person) throw new NotFoundError('person', actor.id);
    return personView(person);
  }

  @Mutation(() => ArticleType, { description: 'Ingest an article (REST: POST /articles)' })
  async ingestArticle(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { type: () => IngestArticleInput, description: 'The article' }) input: IngestArticleInput,
    @Args('idempotencyKey', { nullable: true, description: 'The same key again returns the stored article (REST: Idempotency-Key)' }) idempotencyKey?: string,
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

  @Mutation(() => AssignmentType, { description: 'Accept an offered assignment (the assignee)' })
  async acceptAssignment(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID, description: ASSIGNMENT_ID }, uuid) id: string) {
    return assignmentView(await this.assignments.accept(actor, id));
  }

  @Mutation(() => AssignmentType, { description: 'Decline an assignment (the assignee)' })
  async declineAssignment(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID, description: ASSIGNMENT_ID }, uuid) id: string,
    @Args('reason', { nullable: true, description: 'Why (optional)' }) reason?: string,
  ) {
    if (reason && reason.length > 2000) throw new ValidationError([{ field: 'reason', message: 'must be at most 2000 characters' }]);
    return assignmentView(await this.assignments.decline(actor, id, reason ?? undefined));
  }

  @Mutation(() => VerdictType, { description: 'Submit a verdict (the assignee, after accepting)' })
  async submitVerdict(
    @CurrentPrincipal() actor: Principal,
    @Args('claimId', { type: () => ID, description: CLAIM_ID }, uuidParam('claimId')) claimId: string,
    @Args('input', { type: () => SubmitVerdictInput, description: 'The verdict' }) input: SubmitVerdictInput,
  ) {
    return verdictView(await this.verdicts.submit(actor, claimId, input));
  }

  @Mutation(() => VerdictType, { description: 'Approve and publish (an editor who is not the author)' })
  async approveVerdict(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID, description: VERDICT_ID }, uuid) id: string) {
    return verdictView(await this.verdicts.approve(actor, id));
  }

  @Mutation(() => VerdictType, { description: 'Send back to the reviewer with a note' })
  async returnVerdict(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID, description: VERDICT_ID }, uuid) id: string,
    @Args('note', { description: 'What to revise' }) note: string,
  ) {
    const trimmed = note.normalize('NFC').trim();
    if (trimmed.length < 1 || trimmed.length > 5000) throw new ValidationError([{ field: 'note', message: 'must be 1-5000 characters' }]);
    return verdictView(await this.verdicts.return(actor, id, trimmed));
  }

  @Mutation(() => ClaimCommandResultType, { description: 'An editor assigns the claim to a named reviewer (REST: POST /claims/{id}/assign)' })
  async assignClaim(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID, description: CLAIM_ID }, uuid) id: string,
    @Args('reviewerId', { type: () => ID, description: 'The reviewer' }, uuidParam('reviewerId')) reviewerId: string,
    @Args('force', { nullable: true, defaultValue: false, description: 'Waive the capacity rule' }) force: boolean,
  ) {
    return toCommandView(await this.claimCommands.assign(actor, id, reviewerId, force));
  }

  @Mutation(() => ClaimCommandResultType, { description: 'An editor promotes a CANDIDATE claim into the workflow (REST: POST /claims/{id}/promote)' })
  async promoteClaim(@CurrentPrincipal() actor: Principal, @Args('id', { type: () => ID, description: CLAIM_ID }, uuid) id: string) {
    return toCommandView(await this.claimCommands.promote(actor, id));
  }

  @Mutation(() => JSONScalar, { description: "An editor publishes the claim with an earlier fact-check's verdict (REST: POST /claims/{id}/reuse, the same object)" })
  async reuseFactCheck(
    @CurrentPrincipal() actor: Principal,
    @Args('claimId', { type: () => ID, description: CLAIM_ID }, uuid) claimId: string,
    @Args('factCheckId', { type: () => ID, description: 'One of the claim matches' }, uuid) factCheckId: string,
    @Args('rating', { nullable: true, description: "A desk rating id, needed when the fact-check's rating has no equivalent on the desk's scale" }) rating?: string,
  ) {
    return this.matching.reuse(actor, claimId, { factCheckId, rating: rating ?? undefined });
  }

  @Mutation(() => ClaimCommandResultType, { description: 'An editor dismisses a claim (REST: POST /claims/{id}/dismiss)' })
  async dismissClaim(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID, description: CLAIM_ID }, uuid) id: string,
    @Args('note', { nullable: true, description: 'A note for the event log' }) note?: string,
  ) {
    return toCommandView(await this.claimCommands.dismiss(actor, id, note ?? undefined));
  }

  @Subscription(() => FeedEventType, {
    description: 'Every event of the article as it commits (the same objects as GET /events)',
    // Each subscriber sees the event as its role may (the same redaction as GET /events).
    resolve: (payload: FeedEvent, _args: unknown, context: GqlContext) =>
      context.principal ?? context.req?.principal ? redactEvent((context.principal ?? context.req?.principal)!, payload) : payload,
  })
  async articleChanged(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID, description: ARTICLE_ID }, uuid) id: string,
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

  // Every stored match, as GET /claims/{id}/matches (REST's claim view lists only the suggested ones).
  @ResolveField(() => JSONScalar, { description: "The claim's stored matches in the fact-check library, best first (the objects of REST GET /claims/{id}/matches)" })
  async matches(@Parent() claim: ClaimType, @CurrentPrincipal() actor: Principal) {
    return this.matching.matches(actor, claim.id);
  }

  // GraphQL only: REST serves the document at its own route, GET /claims/{id}/claim-review.
  @ResolveField(() => JSONScalar, {
    nullable: true,
    description: 'The schema.org ClaimReview JSON-LD of the published verdict (REST: GET /claims/{id}/claim-review); null until published',
  })
  async claimReview(@Parent() claim: ClaimType) {
    return claim.status === ClaimStatusEnum.PUBLISHED ? this.reviews.ofPublishedClaim(claim.id) : null;
  }

  @ResolveField(() => AssignmentType, { nullable: true, description: 'The live assignment (OFFERED or ACCEPTED); null when none' })
  async assignment(@Parent() claim: ClaimType, @Context() context: GqlContext) {
    const a = await context.loaders.liveAssignment.load(claim.id);
    return a ? assignmentView(a) : null;
  }

  /** Unpublished verdicts only for editors, their author and the claim's assignee (permissions.ts). */
  @ResolveField(() => [VerdictType], { description: 'Every verdict on the claim the caller may read, newest first' })
  async verdicts(@Parent() claim: ClaimType, @Context() context: GqlContext, @CurrentPrincipal() actor: Principal) {
    const all = await context.loaders.verdicts.load(claim.id);
    if (can(actor, 'verdict.readUnpublished') || all.every((v) => v.status === 'APPROVED')) return all.map(verdictView);
    const live = await context.loaders.liveAssignment.load(claim.id);
    return visibleVerdicts(actor, all, live?.reviewerId).map(verdictView);
  }
}

@Resolver(() => AssignmentType)
export class AssignmentFieldsResolver {
  @ResolveField(() => PersonType, { nullable: true, description: 'The reviewer; their email only for callers who may read people' })
  async reviewer(@Parent() assignment: AssignmentType, @Context() context: GqlContext, @CurrentPrincipal() actor: Principal) {
    const p = await context.loaders.person.load(assignment.reviewerId);
    if (!p) return null;
    // Anyone may see who holds a claim (REST shows {id, name}); a person's email is for person.read.
    const view = personView(p);
    return can(actor, 'person.read') || p.id === actor.id ? view : { ...view, email: null };
  }
}

/** REST's byStatus object as GraphQL's list of (status, count), every status in workflow order. */
@Resolver(() => ClaimCountsType)
export class ClaimCountsResolver {
  @ResolveField(() => [StatusCountType], { description: 'Claims per status, every status in workflow order (REST: an object keyed by status)' })
  byStatus(@Parent() counts: { byStatus: Record<string, number> }) {
    return CLAIM_STATUSES.map((status) => ({ status, count: counts.byStatus[status] ?? 0 }));
  }
}
