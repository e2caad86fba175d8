import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType, type FieldOptions, type ReturnTypeFunc } from '@nestjs/graphql';
import { IngestArticleDto } from '../articles/dto/ingest-article.dto';
import { EvidenceSourceDto, SubmitVerdictDto } from '../verdicts/dto/submit-verdict.dto';
import { DateTimeScalar } from './date-time.scalar';
import { fieldsFrom, typeDescription } from './described';
import { JSONScalar } from './json.scalar';

// GraphQL mirrors REST: the same field names, and each field's description and nullability read from
// the REST schema of the same resource (openapi/schemas.ts); times are DateTime (ISO 8601 as in REST).
// test/graphql-contract.e2e-spec.ts checks every paired type field for field against REST.

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
registerEnumType(ClaimStatusEnum, {
  name: 'ClaimStatus',
  description: 'Where a claim is in the workflow',
  valuesMap: {
    CANDIDATE: { description: 'Scored below the threshold: waits for an editor to promote it' },
    PENDING: { description: 'Waiting for a reviewer' },
    ASSIGNED: { description: 'Offered to a reviewer' },
    IN_REVIEW: { description: 'Accepted by its reviewer' },
    SUBMITTED: { description: 'A verdict waits for an editor' },
    PUBLISHED: { description: 'Its verdict is approved and published' },
    DISMISSED: { description: 'Dismissed by an editor' },
  },
});
registerEnumType(ArticleStatusEnum, {
  name: 'ArticleStatus',
  description: 'Where an article is in the workflow',
  valuesMap: {
    INGESTED: { description: 'Stored, extraction not started' },
    EXTRACTING: { description: 'Claims being extracted' },
    IN_REVIEW: { description: 'Some claims still in the workflow' },
    COMPLETED: { description: 'Every claim published, dismissed or left a candidate' },
    FAILED: { description: 'Extraction failed (see failureReason)' },
  },
});
registerEnumType(PriorityEnum, {
  name: 'Priority',
  description: 'How urgent the claims are',
  valuesMap: {
    LOW: { description: 'Lowest' },
    NORMAL: { description: 'The default' },
    HIGH: { description: 'Before normal work' },
    BREAKING: { description: 'First, and costs a reviewer twice the capacity' },
  },
});

const A = fieldsFrom('Article');
@ObjectType('Article', { description: typeDescription('Article') })
export class ArticleType {
  @Field(() => ID, A('id')) id!: string;
  @Field(() => String, A('title')) title!: string;
  @Field(() => String, A('body')) body!: string;
  @Field(() => String, A('url')) url!: string | null;
  @Field(() => String, A('outlet')) outlet!: string | null;
  @Field(() => String, A('language')) language!: string;
  @Field(() => DateTimeScalar, A('publishedAt')) publishedAt!: string | null;
  @Field(() => PriorityEnum, A('priority')) priority!: string;
  @Field(() => ArticleStatusEnum, A('status')) status!: string;
  @Field(() => String, A('failureReason')) failureReason!: string | null;
  @Field(() => Int, A('revision')) revision!: number;
  @Field(() => DateTimeScalar, A('createdAt')) createdAt!: string;
  @Field(() => DateTimeScalar, A('updatedAt')) updatedAt!: string;
}

const AP = fieldsFrom('ArticlePage');
@ObjectType('ArticlePage', { description: typeDescription('ArticlePage') })
export class ArticlePageType {
  @Field(() => [ArticleType], AP('items')) items!: ArticleType[];
  @Field(() => String, AP('next')) next!: string | null;
}

@ObjectType('StatusCount', { description: 'Claims in one status' })
export class StatusCountType {
  @Field(() => ClaimStatusEnum, { description: 'The status' }) status!: string;
  @Field(() => Int, { description: 'Claims in it' }) count!: number;
}

const CC = fieldsFrom('ClaimCounts');
/**
 * REST's byStatus is an object keyed by status ({"PENDING": 3}); GraphQL field names are camelCase,
 * so here it is the list of (status, count), every status listed, in workflow order.
 */
@ObjectType('ClaimCounts', { description: typeDescription('ClaimCounts') })
export class ClaimCountsType {
  @Field(() => Int, CC('total')) total!: number;
  @Field(() => [StatusCountType], { description: 'Claims per status, every status in workflow order (REST: an object keyed by status)' })
  byStatus!: StatusCountType[];
}

@ObjectType('VerdictCounts', { description: 'Approved verdicts' })
export class VerdictCountsType {
  @Field(() => JSONScalar, { description: 'Approved verdicts per rating, e.g. {"MOSTLY_TRUE": 3}' }) byRating!: Record<string, number>;
}

const S = fieldsFrom('ArticleStatus');
@ObjectType('ArticleStatusView', { description: typeDescription('ArticleStatus') })
export class ArticleStatusType {
  @Field(() => ID, S('articleId')) articleId!: string;
  @Field(() => ArticleStatusEnum, S('status')) status!: string;
  @Field(() => Int, S('revision')) revision!: number;
  @Field(() => Float, S('progress')) progress!: number;
  @Field(() => ClaimCountsType, { description: 'Claim counts' }) claims!: ClaimCountsType;
  @Field(() => VerdictCountsType, { description: 'Approved verdicts' }) verdicts!: VerdictCountsType;
  @Field(() => String, S('failureReason')) failureReason!: string | null;
  @Field(() => DateTimeScalar, S('updatedAt')) updatedAt!: string;
}

const P = fieldsFrom('Person');
@ObjectType('Person', { description: typeDescription('Person') })
export class PersonType {
  @Field(() => ID, P('id')) id!: string;
  @Field(() => String, P('name')) name!: string;
  @Field(() => String, P('email', { nullable: true, description: 'Their email; null unless the caller may read people (person.read) or it is the caller' }))
  email!: string | null;
  @Field(() => String, P('role')) role!: string;
  @Field(() => [String], P('topics')) topics!: string[];
  @Field(() => [String], P('languages')) languages!: string[];
  @Field(() => Int, P('capacity')) capacity!: number;
  @Field(() => Int, P('maxCapacity')) maxCapacity!: number;
  @Field(() => Int, P('openLoad')) openLoad!: number;
  @Field(() => Boolean, P('active')) active!: boolean;
  @Field(() => DateTimeScalar, P('availableFrom')) availableFrom!: string | null;
  @Field(() => DateTimeScalar, P('availableUntil')) availableUntil!: string | null;
  @Field(() => [String], P('conflicts')) conflicts!: string[];
  @Field(() => DateTimeScalar, P('createdAt')) createdAt!: string;
}

const AS = fieldsFrom('Assignment');
@ObjectType('Assignment', { description: typeDescription('Assignment') })
export class AssignmentType {
  @Field(() => ID, AS('id')) id!: string;
  @Field(() => ID, AS('claimId')) claimId!: string;
  @Field(() => ID, AS('reviewerId')) reviewerId!: string;
  @Field(() => ID, AS('assignedById')) assignedById!: string | null;
  @Field(() => String, AS('reason')) reason!: string;
  @Field(() => String, AS('status')) status!: string;
  @Field(() => Int, AS('cost')) cost!: number;
  @Field(() => String, AS('deadline')) deadline!: string | null;
  @Field(() => DateTimeScalar, AS('dueAt')) dueAt!: string;
  @Field(() => DateTimeScalar, AS('acceptedAt')) acceptedAt!: string | null;
  @Field(() => DateTimeScalar, AS('createdAt')) createdAt!: string;
  @Field(() => DateTimeScalar, AS('updatedAt')) updatedAt!: string;
}

const E = fieldsFrom('Evidence');
@ObjectType('Evidence', { description: typeDescription('Evidence') })
export class EvidenceType {
  @Field(() => String, E('url')) url!: string;
  @Field(() => String, E('title')) title!: string | null;
  @Field(() => String, E('note')) note!: string | null;
}

const V = fieldsFrom('Verdict');
@ObjectType('Verdict', { description: typeDescription('Verdict') })
export class VerdictType {
  @Field(() => ID, V('id')) id!: string;
  @Field(() => ID, V('claimId')) claimId!: string;
  @Field(() => ID, V('authorId')) authorId!: string;
  @Field(() => String, V('rating')) rating!: string;
  @Field(() => String, V('rationale')) rationale!: string;
  @Field(() => Float, V('confidence')) confidence!: number | null;
  @Field(() => String, V('status')) status!: string;
  @Field(() => ID, V('decidedById')) decidedById!: string | null;
  @Field(() => String, V('decisionNote')) decisionNote!: string | null;
  @Field(() => [EvidenceType], V('sources')) sources!: EvidenceType[];
  @Field(() => DateTimeScalar, V('createdAt')) createdAt!: string;
  @Field(() => DateTimeScalar, V('updatedAt')) updatedAt!: string;
}

const C = fieldsFrom('Claim');
@ObjectType('Claim', { description: typeDescription('Claim') })
export class ClaimType {
  @Field(() => ID, C('id')) id!: string;
  @Field(() => ID, C('articleId')) articleId!: string;
  @Field(() => Int, C('ordinal')) ordinal!: number;
  @Field(() => String, C('text')) text!: string;
  @Field(() => String, C('sentence')) sentence!: string;
  @Field(() => Int, C('spanStart')) spanStart!: number;
  @Field(() => Int, C('spanEnd')) spanEnd!: number;
  @Field(() => String, C('speaker')) speaker!: string | null;
  @Field(() => String, C('reportingVerb')) reportingVerb!: string | null;
  @Field(() => String, C('coreText')) coreText!: string | null;
  @Field(() => [String], C('parts')) parts!: string[];
  @Field(() => Float, C('score')) score!: number;
  @Field(() => JSONScalar, C('features')) features!: unknown;
  @Field(() => JSONScalar, C('entities')) entities!: unknown;
  @Field(() => [String], C('topics')) topics!: string[];
  @Field(() => ClaimStatusEnum, C('status')) status!: string;
  @Field(() => PriorityEnum, C('priority')) priority!: string;
  @Field(() => Int, C('version')) version!: number;
  @Field(() => ID, C('duplicateOfId')) duplicateOfId!: string | null;
}

const CP = fieldsFrom('ClaimPage');
@ObjectType('ClaimPage', { description: typeDescription('ClaimPage') })
export class ClaimPageType {
  @Field(() => [ClaimType], CP('items')) items!: ClaimType[];
  @Field(() => String, CP('next')) next!: string | null;
}

const CR = fieldsFrom('ClaimCommandResult');
@ObjectType('ClaimCommandResult', { description: typeDescription('ClaimCommandResult') })
export class ClaimCommandResultType {
  @Field(() => ID, CR('id')) id!: string;
  @Field(() => ID, CR('articleId')) articleId!: string;
  @Field(() => ClaimStatusEnum, CR('status')) status!: string;
  @Field(() => PriorityEnum, CR('priority')) priority!: string;
  @Field(() => Int, CR('version')) version!: number;
  @Field(() => AssignmentType, CR('assignment')) assignment!: AssignmentType | null;
}

const EV = fieldsFrom('Event');
@ObjectType('Event', { description: typeDescription('Event') })
export class FeedEventType {
  @Field(() => ID, EV('id')) id!: string;
  @Field(() => String, EV('type')) type!: string;
  @Field(() => ID, EV('articleId')) articleId!: string | null;
  @Field(() => ID, EV('claimId')) claimId!: string | null;
  @Field(() => ID, EV('actorId')) actorId!: string | null;
  @Field(() => JSONScalar, EV('payload')) payload!: unknown;
  @Field(() => DateTimeScalar, EV('at')) at!: string;
}

const EP = fieldsFrom('EventPage');
@ObjectType('EventPage', { description: typeDescription('EventPage') })
export class EventPageType {
  @Field(() => [FeedEventType], EP('events')) events!: FeedEventType[];
  @Field(() => String, EP('next')) next!: string;
}

const RL = fieldsFrom('ReviewerLoad');
@ObjectType('ReviewerLoad', { description: typeDescription('ReviewerLoad') })
export class ReviewerLoadType {
  @Field(() => ID, RL('id')) id!: string;
  @Field(() => String, RL('name')) name!: string;
  @Field(() => Int, RL('openLoad')) openLoad!: number;
  @Field(() => Int, RL('capacity')) capacity!: number;
  @Field(() => Boolean, RL('active')) active!: boolean;
  @Field(() => DateTimeScalar, RL('availableFrom')) availableFrom!: string | null;
  @Field(() => DateTimeScalar, RL('availableUntil')) availableUntil!: string | null;
  @Field(() => Boolean, RL('away')) away!: boolean;
}

const DS = fieldsFrom('DeskStory');
@ObjectType('DeskStory', { description: typeDescription('DeskStory') })
export class DeskStoryType {
  @Field(() => ID, DS('id')) id!: string;
  @Field(() => String, DS('title')) title!: string;
  @Field(() => String, DS('outlet')) outlet!: string | null;
  @Field(() => PriorityEnum, DS('priority')) priority!: string;
  @Field(() => ArticleStatusEnum, DS('status')) status!: string;
  @Field(() => Int, DS('revision')) revision!: number;
  @Field(() => Float, DS('progress')) progress!: number;
  @Field(() => ClaimCountsType, { description: 'Claim counts' }) claims!: ClaimCountsType;
  @Field(() => DateTimeScalar, DS('createdAt')) createdAt!: string;
  @Field(() => DateTimeScalar, DS('updatedAt')) updatedAt!: string;
}

const R = fieldsFrom('Rating');
@ObjectType('Rating', { description: typeDescription('Rating') })
export class RatingType {
  @Field(() => ID, R('id')) id!: string;
  @Field(() => String, R('label')) label!: string;
  @Field(() => Int, R('ordinal')) ordinal!: number;
  @Field(() => Int, R('value')) value!: number | null;
}

const D = fieldsFrom('Dashboard');
@ObjectType('Dashboard', { description: typeDescription('Dashboard') })
export class DashboardType {
  // A sum of 64-bit shard counters: Float holds every integer up to 2^53 where Int stops at 2^31.
  @Field(() => Float, D('revision')) revision!: number;
  @Field(() => ClaimCountsType, { description: 'Claim counts' }) claims!: ClaimCountsType;
  @Field(() => [ReviewerLoadType], D('reviewers')) reviewers!: ReviewerLoadType[];
  @Field(() => Int, D('overdue')) overdue!: number;
  @Field(() => JSONScalar, D('queues', { description: 'Per queue name: waiting, active, delayed, failed (-1 when Redis is unreachable)' })) queues!: unknown;
  @Field(() => Float, D('medianMinutesToPublished24h')) medianMinutesToPublished24h!: number | null;
  @Field(() => Int, D('publishedLast24h')) publishedLast24h!: number;
  @Field(() => [Int], D('publishedByHour24h')) publishedByHour24h!: number[];
  @Field(() => DateTimeScalar, D('at')) at!: string;
}

type FieldSpec = Record<string, [ReturnTypeFunc, FieldOptions?]>;

/** Declares GraphQL fields on inherited properties (no redeclaration: the DTO's validation stays). */
function fieldsOf<T extends new () => object>(input: T, schema: string, spec: FieldSpec): T {
  const described = fieldsFrom(schema);
  for (const [name, [type, options]] of Object.entries(spec)) Field(type, described(name, { nullable: false, ...options }))(input.prototype, name);
  return input;
}
const optional = { nullable: true };

/** The REST DTOs' validation rules, as GraphQL inputs: one set of rules for both doors. */
@InputType('IngestArticleInput', { description: typeDescription('IngestArticle') })
export class IngestArticleInput extends IngestArticleDto {}
fieldsOf(IngestArticleInput, 'IngestArticle', {
  title: [() => String],
  body: [() => String],
  url: [() => String, optional],
  outlet: [() => String, optional],
  language: [() => String, optional],
  publishedAt: [() => DateTimeScalar, optional],
  priority: [() => PriorityEnum, optional],
});

@InputType('EvidenceSourceInput', { description: 'A piece of evidence' })
export class EvidenceSourceInput extends EvidenceSourceDto {}
fieldsOf(EvidenceSourceInput, 'Evidence', {
  url: [() => String],
  title: [() => String, optional],
  note: [() => String, optional],
});

@InputType('SubmitVerdictInput', { description: typeDescription('SubmitVerdict') })
export class SubmitVerdictInput extends SubmitVerdictDto {}
fieldsOf(SubmitVerdictInput, 'SubmitVerdict', {
  rating: [() => String],
  rationale: [() => String],
  sources: [() => [EvidenceSourceInput]],
  confidence: [() => Float, optional],
});
