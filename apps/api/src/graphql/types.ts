import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType, type FieldOptions, type ReturnTypeFunc } from '@nestjs/graphql';
import { IngestArticleDto } from '../articles/dto/ingest-article.dto';
import { EvidenceSourceDto, SubmitVerdictDto } from '../verdicts/dto/submit-verdict.dto';
import { JSONScalar } from './json.scalar';

// GraphQL mirrors REST: the same field names, ids as strings, times as ISO 8601 strings.

export enum ClaimStatusEnum {
  CANDIDATE = 'CANDIDATE',
  PENDING = 'PENDING',
  ASSIGNED = 'ASSIGNED',
  IN_REVIEW = 'IN_REVIEW',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  DISMISSED = 'DISMISSED',
}
export enum ArticleStatusEnum {
  INGESTED = 'INGESTED',
  EXTRACTING = 'EXTRACTING',
  IN_REVIEW = 'IN_REVIEW',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
export enum PriorityEnum {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  BREAKING = 'BREAKING',
}
registerEnumType(ClaimStatusEnum, { name: 'ClaimStatus' });
registerEnumType(ArticleStatusEnum, { name: 'ArticleStatus' });
registerEnumType(PriorityEnum, { name: 'Priority' });

@ObjectType('Article')
export class ArticleType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() body!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true }) outlet!: string | null;
  @Field() language!: string;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => PriorityEnum) priority!: string;
  @Field(() => ArticleStatusEnum) status!: string;
  @Field(() => String, { nullable: true }) failureReason!: string | null;
  @Field(() => Int) revision!: number;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType('ArticlePage')
export class ArticlePageType {
  @Field(() => [ArticleType]) items!: ArticleType[];
  @Field(() => String, { nullable: true }) next!: string | null;
}

@ObjectType('StatusCounts')
export class StatusCountsType {
  @Field(() => Int) CANDIDATE!: number;
  @Field(() => Int) PENDING!: number;
  @Field(() => Int) ASSIGNED!: number;
  @Field(() => Int) IN_REVIEW!: number;
  @Field(() => Int) SUBMITTED!: number;
  @Field(() => Int) PUBLISHED!: number;
  @Field(() => Int) DISMISSED!: number;
}

@ObjectType('ClaimCounts')
export class ClaimCountsType {
  @Field(() => Int) total!: number;
  @Field(() => StatusCountsType) byStatus!: StatusCountsType;
}

@ObjectType('VerdictCounts')
export class VerdictCountsType {
  @Field(() => JSONScalar, { description: 'approved verdicts per rating, e.g. {"MOSTLY_TRUE": 3}' }) byRating!: Record<string, number>;
}

/** The same object as GET /articles/:id/status. */
@ObjectType('ArticleStatusView')
export class ArticleStatusType {
  @Field(() => ID) articleId!: string;
  @Field(() => ArticleStatusEnum) status!: string;
  @Field(() => Int) revision!: number;
  @Field(() => Float) progress!: number;
  @Field(() => ClaimCountsType) claims!: ClaimCountsType;
  @Field(() => VerdictCountsType) verdicts!: VerdictCountsType;
  @Field(() => String, { nullable: true }) failureReason!: string | null;
  @Field() updatedAt!: string;
}

@ObjectType('Person')
export class PersonType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: "null unless the caller may read people (person.read) or it is the caller" })
  email!: string | null;
  @Field() role!: string;
  @Field(() => [String]) topics!: string[];
  @Field(() => [String]) languages!: string[];
  @Field(() => Int) capacity!: number;
  @Field(() => Int) openLoad!: number;
  @Field() active!: boolean;
}

@ObjectType('Assignment')
export class AssignmentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) claimId!: string;
  @Field(() => ID) reviewerId!: string;
  @Field(() => ID, { nullable: true }) assignedById!: string | null;
  @Field() reason!: string;
  @Field() status!: string;
  @Field() dueAt!: string;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType('Evidence')
export class EvidenceType {
  @Field() url!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('Verdict')
export class VerdictType {
  @Field(() => ID) id!: string;
  @Field(() => ID) claimId!: string;
  @Field(() => ID) authorId!: string;
  @Field() rating!: string;
  @Field() rationale!: string;
  @Field(() => Float, { nullable: true }) confidence!: number | null;
  @Field() status!: string;
  @Field(() => ID, { nullable: true }) decidedById!: string | null;
  @Field(() => String, { nullable: true }) decisionNote!: string | null;
  @Field(() => [EvidenceType]) sources!: EvidenceType[];
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType('Claim')
export class ClaimType {
  @Field(() => ID) id!: string;
  @Field(() => ID) articleId!: string;
  @Field(() => Int) ordinal!: number;
  @Field() text!: string;
  @Field() sentence!: string;
  @Field(() => Int) spanStart!: number;
  @Field(() => Int) spanEnd!: number;
  @Field(() => String, { nullable: true }) speaker!: string | null;
  @Field(() => Float) score!: number;
  @Field(() => JSONScalar) features!: unknown;
  @Field(() => JSONScalar) entities!: unknown;
  @Field(() => [String]) topics!: string[];
  @Field(() => ClaimStatusEnum) status!: string;
  @Field(() => PriorityEnum) priority!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('ClaimPage')
export class ClaimPageType {
  @Field(() => [ClaimType]) items!: ClaimType[];
  @Field(() => String, { nullable: true }) next!: string | null;
}

@ObjectType('Event')
export class FeedEventType {
  @Field(() => ID) id!: string;
  @Field() type!: string;
  @Field(() => ID, { nullable: true }) articleId!: string | null;
  @Field(() => ID, { nullable: true }) claimId!: string | null;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => JSONScalar) payload!: unknown;
  @Field() at!: string;
}

@ObjectType('EventPage')
export class EventPageType {
  @Field(() => [FeedEventType]) events!: FeedEventType[];
  @Field() next!: string;
}

@ObjectType('ReviewerLoad')
export class ReviewerLoadType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int) openLoad!: number;
  @Field(() => Int) capacity!: number;
  @Field() active!: boolean;
  @Field(() => String, { nullable: true }) availableFrom!: string | null;
  @Field(() => String, { nullable: true }) availableUntil!: string | null;
  @Field({ description: 'outside their availability window now (out of office)' }) away!: boolean;
}

@ObjectType('DeskStory', { description: 'a story in flight with its progress (GET /dashboard/stories)' })
export class DeskStoryType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) outlet!: string | null;
  @Field(() => PriorityEnum) priority!: string;
  @Field(() => ArticleStatusEnum) status!: string;
  @Field(() => Int) revision!: number;
  @Field(() => Float) progress!: number;
  @Field(() => ClaimCountsType) claims!: ClaimCountsType;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType('Rating', { description: "one rating of the desk's scale" })
export class RatingType {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field(() => Int) ordinal!: number;
  @Field(() => Int, { nullable: true, description: "ClaimReview's numeric rating" }) value!: number | null;
}

@ObjectType('Dashboard')
export class DashboardType {
  // A sum of 64-bit shard counters: Float holds every integer up to 2^53 where Int stops at 2^31.
  @Field(() => Float, { description: "the desk's revision, an integer (the REST ETag is \"desk.<revision>\")" }) revision!: number;
  @Field(() => ClaimCountsType) claims!: ClaimCountsType;
  @Field(() => [ReviewerLoadType]) reviewers!: ReviewerLoadType[];
  @Field(() => Int) overdue!: number;
  @Field(() => JSONScalar, { description: 'per queue: waiting, active, delayed, failed' }) queues!: unknown;
  @Field(() => Float, { nullable: true }) medianMinutesToPublished24h!: number | null;
  @Field(() => Int) publishedLast24h!: number;
  @Field(() => [Int], { description: 'claims published per clock hour over 24 hours, oldest first' }) publishedByHour24h!: number[];
  @Field() at!: string;
}

type FieldSpec = Record<string, [ReturnTypeFunc, FieldOptions?]>;

/** Declares GraphQL fields on inherited properties (no redeclaration: the DTO's validation stays). */
function fieldsOf<T extends new () => object>(input: T, spec: FieldSpec): T {
  for (const [name, [type, options]] of Object.entries(spec)) Field(type, options ?? {})(input.prototype, name);
  return input;
}
const optional = { nullable: true };

/** The REST DTOs' validation rules, as GraphQL inputs: one set of rules for both doors. */
@InputType('IngestArticleInput')
export class IngestArticleInput extends IngestArticleDto {}
fieldsOf(IngestArticleInput, {
  title: [() => String],
  body: [() => String],
  url: [() => String, optional],
  outlet: [() => String, optional],
  language: [() => String, optional],
  publishedAt: [() => String, optional],
  priority: [() => PriorityEnum, optional],
});

@InputType('EvidenceSourceInput')
export class EvidenceSourceInput extends EvidenceSourceDto {}
fieldsOf(EvidenceSourceInput, {
  url: [() => String],
  title: [() => String, optional],
  note: [() => String, optional],
});

@InputType('SubmitVerdictInput')
export class SubmitVerdictInput extends SubmitVerdictDto {}
fieldsOf(SubmitVerdictInput, {
  rating: [() => String],
  rationale: [() => String],
  sources: [() => [EvidenceSourceInput]],
  confidence: [() => Float, optional],
});
