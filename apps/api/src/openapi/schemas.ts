// JSON Schemas of the REST shapes (OpenAPI 3.0 dialect), named in components.schemas.
type Schema = Record<string, unknown>;
const str = { type: 'string' };
const nstr = { type: 'string', nullable: true };
const int = { type: 'integer' };
const time = { type: 'string', format: 'date-time' };
const uuid = { type: 'string', format: 'uuid' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const CLAIM_STATUSES = ['CANDIDATE', 'PENDING', 'ASSIGNED', 'IN_REVIEW', 'SUBMITTED', 'PUBLISHED', 'DISMISSED'];
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'BREAKING'];

export const SCHEMAS: Record<string, Schema> = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: str,
      title: str,
      status: int,
      detail: str,
      instance: str,
      code: { type: 'string', example: 'VALIDATION_FAILED' },
      errors: { type: 'array', items: { type: 'object', properties: { field: str, message: str } } },
      currentState: nstr,
    },
  },
  IngestArticle: {
    type: 'object',
    required: ['title', 'body'],
    additionalProperties: false,
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 500 },
      body: { type: 'string', minLength: 1, maxLength: 200000 },
      url: { type: 'string', format: 'uri', maxLength: 2048 },
      outlet: { type: 'string', maxLength: 200 },
      language: { type: 'string', default: 'en', example: 'en' },
      publishedAt: time,
      priority: { type: 'string', enum: PRIORITIES, default: 'NORMAL' },
    },
  },
  Article: {
    type: 'object',
    properties: {
      id: uuid, title: str, body: str, url: nstr, outlet: nstr, language: str, publishedAt: { ...time, nullable: true },
      priority: { type: 'string', enum: PRIORITIES },
      status: { type: 'string', enum: ['INGESTED', 'EXTRACTING', 'IN_REVIEW', 'COMPLETED', 'FAILED'] },
      failureReason: nstr, revision: int, createdAt: time, updatedAt: time,
    },
  },
  PersonPage: { type: 'object', properties: { items: { type: 'array', items: ref('Person') }, next: nstr } },
  ArticlePage: { type: 'object', properties: { items: { type: 'array', items: ref('Article') }, next: nstr } },
  StatusCounts: { type: 'object', properties: Object.fromEntries(CLAIM_STATUSES.map((s) => [s, int])) },
  ArticleStatus: {
    type: 'object',
    properties: {
      articleId: uuid, status: str, revision: int, progress: { type: 'number', minimum: 0, maximum: 1 },
      claims: { type: 'object', properties: { total: int, byStatus: ref('StatusCounts') } },
      verdicts: { type: 'object', properties: { byRating: { type: 'object', additionalProperties: int } } },
      failureReason: nstr, updatedAt: time,
    },
  },
  Reviewer: { type: 'object', properties: { id: uuid, name: str } },
  LiveAssignment: {
    type: 'object', nullable: true,
    properties: { id: uuid, reviewer: { ...ref('Reviewer'), nullable: true }, status: str, dueAt: time, reason: str },
  },
  Claim: {
    type: 'object',
    properties: {
      id: uuid, articleId: uuid, ordinal: int, text: str, sentence: str, spanStart: int, spanEnd: int, speaker: nstr,
      score: { type: 'number' }, features: {}, entities: {}, topics: { type: 'array', items: str },
      status: { type: 'string', enum: CLAIM_STATUSES }, priority: { type: 'string', enum: PRIORITIES }, version: int,
      assignment: ref('LiveAssignment'),
      verdict: {
        type: 'object', nullable: true,
        description: 'GET /articles/{id}/claims only: the newest verdict the caller may read',
        properties: { id: uuid, rating: str, status: { type: 'string', enum: ['SUBMITTED', 'APPROVED', 'RETURNED'] }, authorId: uuid, createdAt: time },
      },
    },
  },
  ClaimPage: { type: 'object', properties: { items: { type: 'array', items: ref('Claim') }, next: nstr } },
  Assignment: {
    type: 'object',
    properties: { id: uuid, claimId: uuid, reviewerId: uuid, assignedById: { ...uuid, nullable: true }, reason: str, status: str, dueAt: time, createdAt: time, updatedAt: time },
  },
  DeclineAssignment: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 2000 } } },
  SubmitVerdict: {
    type: 'object', additionalProperties: false, required: ['rating', 'rationale', 'sources'],
    properties: {
      rating: { type: 'string', example: 'MOSTLY_TRUE' }, rationale: { type: 'string', minLength: 1 },
      sources: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'object', required: ['url'], properties: { url: { type: 'string', format: 'uri' }, title: str, note: str } } },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
    },
  },
  ReturnVerdict: { type: 'object', additionalProperties: false, required: ['note'], properties: { note: { type: 'string', minLength: 1, maxLength: 5000 } } },
  Verdict: {
    type: 'object',
    properties: {
      id: uuid, claimId: uuid, authorId: uuid, rating: str, rationale: str, confidence: { type: 'number', nullable: true }, status: str,
      decidedById: { ...uuid, nullable: true }, decisionNote: nstr,
      sources: { type: 'array', items: { type: 'object', properties: { url: str, title: nstr, note: nstr } } },
      createdAt: time, updatedAt: time,
    },
  },
  CreatePerson: {
    type: 'object', additionalProperties: false, required: ['name', 'email', 'role'],
    properties: {
      name: str, email: { type: 'string', format: 'email' }, role: { type: 'string', enum: ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'] },
      topics: { type: 'array', items: str }, languages: { type: 'array', items: str }, capacity: { type: 'integer', minimum: 0, maximum: 100 },
    },
  },
  Person: {
    type: 'object',
    properties: {
      id: uuid, name: str, email: str, role: str, topics: { type: 'array', items: str }, languages: { type: 'array', items: str },
      capacity: int, openLoad: int, active: { type: 'boolean' }, createdAt: time,
    },
  },
  CreateToken: { type: 'object', additionalProperties: false, properties: { name: str, expiresInDays: { type: 'integer', minimum: 1, maximum: 3650 } } },
  Token: { type: 'object', properties: { id: uuid, personId: uuid, token: { type: 'string', description: 'shown once' } } },
  Event: {
    type: 'object',
    properties: { id: { type: 'string', description: 'the feed cursor' }, type: str, articleId: { ...uuid, nullable: true }, claimId: { ...uuid, nullable: true }, actorId: { ...uuid, nullable: true }, payload: {}, at: time },
  },
  EventPage: { type: 'object', properties: { events: { type: 'array', items: ref('Event') }, next: str } },
  Dashboard: {
    type: 'object',
    properties: {
      revision: int,
      claims: { type: 'object', properties: { total: int, byStatus: ref('StatusCounts') } },
      reviewers: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: uuid, name: str, openLoad: int, capacity: int, active: { type: 'boolean' },
            availableFrom: { ...time, nullable: true }, availableUntil: { ...time, nullable: true },
            away: { type: 'boolean', description: 'outside their availability window now (out of office)' },
          },
        },
      },
      overdue: int,
      queues: { type: 'object', additionalProperties: { type: 'object', properties: { waiting: int, active: int, delayed: int, failed: int } } },
      medianMinutesToPublished24h: { type: 'number', nullable: true },
      publishedLast24h: int,
      publishedByHour24h: { type: 'array', items: int, minItems: 24, maxItems: 24, description: 'claims published per clock hour, oldest first; the last is the current hour' },
      at: time,
    },
  },
  DeskStoryList: {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: uuid, title: str, outlet: nstr, priority: { type: 'string', enum: PRIORITIES },
            status: { type: 'string', enum: ['INGESTED', 'EXTRACTING', 'IN_REVIEW'] }, revision: int,
            progress: { type: 'number', minimum: 0, maximum: 1 },
            claims: { type: 'object', properties: { total: int, byStatus: ref('StatusCounts') } },
            createdAt: time, updatedAt: time,
          },
        },
      },
    },
  },
  EventStream: {
    type: 'string',
    description: 'text/event-stream: per event `id: <event id>`, `event: <type>`, `data: <the Event as JSON>`; `event: reset` when too far behind to replay (reload and continue); comment lines keep the connection alive',
  },
  Rating: { type: 'object', properties: { id: { type: 'string', example: 'MOSTLY_TRUE' }, label: str, ordinal: int, value: { type: 'integer', nullable: true, description: "ClaimReview's numeric rating; null when not on the numeric scale" } } },
  Health: { type: 'object', properties: { status: str, postgres: str, redis: str } },
  Liveness: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } },
  Readiness: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['ready', 'unavailable'] },
      checks: { type: 'object', properties: Object.fromEntries(['postgres', 'redis', 'migrations', 'queues'].map((k) => [k, { type: 'string', enum: ['up', 'down'] }])) },
      failing: { type: 'array', items: { type: 'string', enum: ['postgres', 'redis', 'migrations', 'queues'] } },
      pendingMigrations: { type: 'array', items: str, description: 'only when migrations are pending' },
    },
  },
  BoardSession: {
    type: 'object',
    properties: { url: { type: 'string', description: 'open in a browser: /admin/queues/?ticket=...' }, expiresAt: time },
  },
  ClaimDetail: {
    allOf: [ref('Claim'), { type: 'object', properties: { verdicts: { type: 'array', items: ref('Verdict') }, matches: { type: 'array', description: 'earlier fact-checks at or above CLAIMDESK_MATCH_SUGGEST', items: ref('ClaimMatch') } } }],
  },
  ClaimCommandResult: {
    type: 'object',
    properties: { id: uuid, status: { type: 'string', enum: CLAIM_STATUSES }, priority: { type: 'string', enum: PRIORITIES }, version: int, assignment: { ...ref('Assignment'), nullable: true } },
  },
  AssignClaim: { type: 'object', additionalProperties: false, required: ['reviewerId'], properties: { reviewerId: uuid, force: { type: 'boolean', default: false } } },
  ClaimNote: { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 5000 } } },
  PatchClaim: { type: 'object', additionalProperties: false, required: ['priority'], properties: { priority: { type: 'string', enum: PRIORITIES } } },
  PatchSelf: {
    type: 'object', additionalProperties: false,
    properties: {
      availableFrom: { ...time, nullable: true }, availableUntil: { ...time, nullable: true },
      capacity: { type: 'integer', minimum: 0, maximum: 100 }, conflicts: { type: 'array', items: str },
    },
  },
  PatchPerson: {
    type: 'object', additionalProperties: false,
    properties: {
      name: str, role: { type: 'string', enum: ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'] }, topics: { type: 'array', items: str },
      languages: { type: 'array', items: str }, capacity: { type: 'integer', minimum: 0, maximum: 100 }, maxCapacity: { type: 'integer', minimum: 0, maximum: 100 },
      active: { type: 'boolean' }, availableFrom: { ...time, nullable: true }, availableUntil: { ...time, nullable: true }, conflicts: { type: 'array', items: str },
    },
  },
  CreateWebhook: { type: 'object', additionalProperties: false, required: ['url', 'events'], properties: { url: { type: 'string', format: 'uri' }, events: { type: 'array', minItems: 1, items: str } } },
  Webhook: {
    type: 'object',
    properties: {
      id: uuid, url: str, events: { type: 'array', items: str }, active: { type: 'boolean' },
      pausedReason: { ...nstr, description: 'why deliveries are paused (failed attempts in a row); null while active' },
      pausedAt: { ...time, nullable: true }, consecutiveFailures: int,
      previousSecretUntil: { ...time, nullable: true, description: 'until when the secret before the last rotation still signs too' },
      deletedAt: { ...time, nullable: true }, createdAt: time,
    },
  },
  WebhookCreated: { allOf: [ref('Webhook'), { type: 'object', properties: { secret: { type: 'string', description: 'whsec_<base64>, shown once' } } }] },
  WebhookDelivery: {
    type: 'object',
    properties: {
      id: uuid, eventId: { type: 'string', description: 'the event id: the webhook-id header of every attempt' }, eventType: nstr,
      status: { type: 'string', enum: ['PENDING', 'DELIVERED', 'DEAD'] }, attempts: int, lastStatus: { ...int, nullable: true }, lastError: nstr,
      deliveredAt: { ...time, nullable: true }, createdAt: time, updatedAt: time,
      attemptLog: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            attempt: int, at: time,
            outcome: { type: 'string', enum: ['ok', 'redirect', 'http_error', 'refused', 'timeout', 'network'] },
            statusCode: { ...int, nullable: true }, latencyMs: { ...int, nullable: true }, error: { ...nstr, description: 'why it did not count as delivered' },
          },
        },
      },
    },
  },
  WebhookDeliveryPage: { type: 'object', properties: { items: { type: 'array', items: ref('WebhookDelivery') }, next: nstr } },
  WebhookPayload: {
    type: 'object',
    description:
      'The body of every webhook POST (Standard Webhooks): headers webhook-id (= id), webhook-timestamp (unix seconds) and ' +
      'webhook-signature (v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>"> keyed by the base64-decoded whsec_ secret; space-separated, one per valid secret)',
    required: ['type', 'id', 'at', 'data'],
    properties: {
      type: { type: 'string', example: 'claim.published' },
      id: { type: 'string', description: 'the event id, as in GET /events; the same on every retry' },
      at: time,
      data: {
        allOf: [
          ref('Event'),
          { type: 'object', properties: { claimReview: { ...ref('ClaimReview'), description: 'claim.published only' } } },
        ],
        description: 'the event as a VIEWER reads it in GET /events, and for claim.published its ClaimReview',
      },
    },
  },
  TokenInfo: { type: 'object', properties: { id: uuid, personId: uuid, name: str, createdAt: time, lastUsedAt: { ...time, nullable: true }, expiresAt: { ...time, nullable: true }, revokedAt: { ...time, nullable: true } } },
  ClaimReview: {
    type: 'object',
    description: 'schema.org ClaimReview (JSON-LD). A rating off the numeric scale (MISLEADING, UNVERIFIABLE) has no ratingValue, bestRating or worstRating',
    required: ['@context', '@type', 'url', 'claimReviewed', 'datePublished', 'author', 'reviewRating', 'itemReviewed'],
    properties: {
      '@context': { type: 'string', enum: ['https://schema.org'] },
      '@type': { type: 'string', enum: ['ClaimReview'] },
      url: { type: 'string', format: 'uri', description: 'the published fact-check: CLAIMDESK_PUBLIC_URL_TEMPLATE with the claim id' },
      claimReviewed: { type: 'string', description: "the claim's core text (its attribution frame removed)" },
      datePublished: { ...time, description: 'when the editor approved the verdict' },
      author: { type: 'object', properties: { '@type': { type: 'string', enum: ['Organization'] }, name: str, url: { type: 'string', format: 'uri' } } },
      reviewRating: {
        type: 'object',
        required: ['@type', 'alternateName', 'ratingExplanation'],
        properties: {
          '@type': { type: 'string', enum: ['Rating'] }, ratingValue: int, bestRating: int, worstRating: int,
          alternateName: { type: 'string', description: "the rating's label, e.g. Mostly false" },
          ratingExplanation: { type: 'string', description: "the rationale's first sentence" },
        },
      },
      itemReviewed: {
        type: 'object',
        properties: {
          '@type': { type: 'string', enum: ['Claim'] },
          author: { type: 'object', description: 'the speaker, or the outlet for an unattributed claim', properties: { '@type': { type: 'string', enum: ['Person', 'Organization'] }, name: str } },
          datePublished: { ...time, description: "the article's publication time (its ingestion when unknown)" },
          appearance: { type: 'object', properties: { '@type': { type: 'string', enum: ['CreativeWork'] }, url: { type: 'string', format: 'uri' }, headline: str } },
        },
      },
      isBasedOn: { type: 'object', description: 'a reused verdict (POST /claims/:id/reuse): the earlier review it takes its rating from', properties: { '@type': { type: 'string', enum: ['ClaimReview'] }, url: { type: 'string', format: 'uri' }, author: { type: 'object', properties: { '@type': str, name: str } } } },
    },
  },
  ClaimReviewPage: { type: 'object', properties: { items: { type: 'array', items: ref('ClaimReview') }, next: nstr } },
  FactCheckImport: {
    description: 'One ClaimReview JSON-LD document (@type ClaimReview, url, claimReviewed required; reviewRating, author, datePublished, headline, itemReviewed.author read when present), an array of them, or {items: [...]} (at most 5,000)',
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: { type: 'object', additionalProperties: true } }],
  },
  FactCheckImportResult: { type: 'object', properties: { received: int, inserted: int, updated: int } },
  FactCheckSummary: {
    type: 'object',
    properties: {
      id: uuid, url: str, claimReviewed: str, title: nstr, rating: nstr,
      authorName: { ...nstr, description: 'the reviewing organisation (ClaimReview.author)' },
      origin: { type: 'string', enum: ['DESK', 'IMPORTED'] }, datePublished: { ...time, nullable: true },
    },
  },
  ClaimMatch: {
    type: 'object',
    properties: {
      rank: int, score: { type: 'number', description: "the matcher's probability that the fact-check checks this claim" },
      suggested: { type: 'boolean', description: 'score at or above CLAIMDESK_MATCH_SUGGEST' },
      reasons: { type: 'array', items: { type: 'object', properties: { feature: str, value: { type: 'number' }, contribution: { type: 'number' } } } },
      factCheck: ref('FactCheckSummary'),
    },
  },
  ClaimMatchList: { type: 'array', items: ref('ClaimMatch') },
  ReuseFactCheck: {
    type: 'object', additionalProperties: false, required: ['factCheckId'],
    properties: { factCheckId: uuid, rating: { type: 'string', description: "a desk rating id, needed when the fact-check's rating has no equivalent on the desk's scale" } },
  },
  ReuseResult: {
    type: 'object',
    properties: { claimId: uuid, status: { type: 'string', enum: ['PUBLISHED'] }, verdictId: uuid, rating: str, factCheck: { type: 'object', properties: { id: uuid, url: str } } },
  },
  FailedJob: { type: 'object', properties: { queue: str, id: str, name: str, data: {}, failedReason: nstr, attemptsMade: int } },
};
