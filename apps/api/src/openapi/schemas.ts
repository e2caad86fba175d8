// The one description of every REST shape (JSON Schema, OpenAPI 3.0 dialect), named in
// components.schemas. It feeds the OpenAPI document, the contract validator of the e2e suites
// (libs/testing), the generated TypeScript client, and the GraphQL object types' descriptions and
// nullability (graphql/described.ts); test/contract.e2e-spec.ts checks GraphQL's fields against it.
// Every object the server owns is closed (additionalProperties: false) and lists what it always sends.
type Schema = Record<string, unknown>;

const str = (description: string, extra: Schema = {}) => ({ type: 'string', description, ...extra });
const nstr = (description: string, extra: Schema = {}) => ({ type: 'string', nullable: true, description, ...extra });
const int = (description: string, extra: Schema = {}) => ({ type: 'integer', description, ...extra });
const num = (description: string, extra: Schema = {}) => ({ type: 'number', description, ...extra });
const bool = (description: string) => ({ type: 'boolean', description });
const time = (description: string) => ({ type: 'string', format: 'date-time', description });
const ntime = (description: string) => ({ type: 'string', format: 'date-time', nullable: true, description });
const uuid = (description: string) => ({ type: 'string', format: 'uuid', description });
const nuuid = (description: string) => ({ type: 'string', format: 'uuid', nullable: true, description });
const strings = (description: string, items: Schema = { type: 'string' }) => ({ type: 'array', items, description });
const anyJson = (description: string) => ({ description });
export const ref = (name: string, extra: Schema = {}) => (Object.keys(extra).length ? { type: 'object', allOf: [{ $ref: `#/components/schemas/${name}` }], ...extra } : { $ref: `#/components/schemas/${name}` });
const list = (name: string, description: string) => ({ type: 'array', items: ref(name), description });

/** A closed object: every property is always sent (nullable ones as null) unless named optional. */
export function closed(description: string, properties: Record<string, Schema>, optional: string[] = []): Schema {
  return { type: 'object', description, additionalProperties: false, required: Object.keys(properties).filter((k) => !optional.includes(k)), properties };
}
/** A request body: closed, with only the named fields required. */
function input(description: string, properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: 'object', description, additionalProperties: false, ...(required.length ? { required } : {}), properties };
}
const page = (item: string, description: string) =>
  closed(description, { items: list(item, 'This page, newest first'), next: nstr('Pass back as `cursor` for the next page; null on the last page') });

export const CLAIM_STATUSES = ['CANDIDATE', 'PENDING', 'ASSIGNED', 'IN_REVIEW', 'SUBMITTED', 'PUBLISHED', 'DISMISSED'];
export const ARTICLE_STATUSES = ['INGESTED', 'EXTRACTING', 'IN_REVIEW', 'COMPLETED', 'FAILED'];
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'BREAKING'];
export const ROLES = ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'];
export const ASSIGNMENT_STATUSES = ['OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'REASSIGNED', 'COMPLETED'];
export const VERDICT_STATUSES = ['SUBMITTED', 'APPROVED', 'RETURNED'];
const claimStatus = (description: string) => ({ type: 'string', enum: CLAIM_STATUSES, description });
const priority = (description: string) => ({ type: 'string', enum: PRIORITIES, description });

const assignmentFields = {
  id: uuid('The assignment id'),
  claimId: uuid('The claim assigned'),
  reviewerId: uuid('The reviewer it is assigned to'),
  assignedById: nuuid('The editor who assigned it by hand; null when the router did'),
  reason: str('Why this reviewer, e.g. "topic politics; load 1/5"'),
  status: { type: 'string', enum: ASSIGNMENT_STATUSES, description: 'OFFERED until accepted, then ACCEPTED; the others are closed' },
  cost: int('Capacity the assignment takes from the reviewer (BREAKING 2, others 1)'),
  deadline: { type: 'string', enum: ['offer', 'due'], nullable: true, description: 'What dueAt means: the offer expiry while OFFERED, the due time once ACCEPTED; null when closed' },
  dueAt: time('When the offer expires or the work is due'),
  acceptedAt: ntime('When the reviewer accepted; null before'),
  createdAt: time('When it was offered'),
  updatedAt: time('Last change'),
};
const claimFields = {
  id: uuid('The claim id'),
  articleId: uuid('The article it was extracted from'),
  ordinal: int('Position among the article claims, from 0'),
  text: str('The claim as extracted'),
  sentence: str('The sentence it came from'),
  spanStart: int('Start offset of the claim in the article body'),
  spanEnd: int('End offset (exclusive) in the article body'),
  speaker: nstr('Who said it, when attributed'),
  reportingVerb: nstr('The verb attributing it ("said", "claimed"), when attributed'),
  coreText: nstr('The claim without its attribution, when attributed'),
  parts: strings('Atomic checkable parts of a compound sentence (empty when it is one claim)'),
  score: num('Check-worthiness score in [0, 1]', { minimum: 0, maximum: 1 }),
  features: anyJson('The features that produced the score, by name'),
  entities: anyJson('People, organisations, places, dates and numbers mentioned'),
  topics: strings('Topics of the claim'),
  status: claimStatus('Where the claim is in the workflow'),
  priority: priority('Its own priority, or its article one'),
  version: int('Bumped on every change; a stale change answers 409'),
  duplicateOfId: nuuid('The earlier claim this one restates, if any'),
};
const webhookFields = {
  id: uuid('The webhook id'),
  url: str('Where events are POSTed'),
  events: strings('Event types sent'),
  active: bool('False once deleted'),
  pausedReason: nstr('Why deliveries are paused (failed attempts in a row); null while delivering'),
  pausedAt: ntime('When deliveries were paused; null while delivering'),
  consecutiveFailures: int('Failed attempts in a row (reset by a delivered one)'),
  previousSecretUntil: ntime('Until when the secret before the last rotation still signs too; null when none'),
  deletedAt: ntime('When it was deleted; null while subscribed'),
  createdAt: time('When it was created'),
};
const eventFields = {
  id: str('The feed cursor (a bigserial id as a string)', { pattern: '^\\d+$' }),
  type: str('What happened, e.g. claim.published'),
  articleId: nuuid('The article concerned'),
  claimId: nuuid('The claim concerned'),
  actorId: nuuid('Who did it; null for the system'),
  payload: anyJson('Details of the change, as the caller may read them'),
  at: time('When it was committed'),
};
const matchFields = {
  rank: int('Its rank among the claim matches, from 1'),
  score: num("The matcher's probability that the fact-check checks this claim", { minimum: 0, maximum: 1 }),
  suggested: bool('Score at or above CLAIMDESK_MATCH_SUGGEST'),
  reasons: anyJson('Per feature: its value and its contribution to the score'),
  factCheck: ref('FactCheckSummary'),
};
const matches = (description: string) => list('ClaimMatch', description);
const always = (name: string) => ({ type: 'string', enum: [name], description: `Always ${name}` });
const verdictSource = closed('A piece of evidence', { url: str('Where the evidence is'), title: nstr('Its title'), note: nstr('What it shows') });

export const SCHEMAS: Record<string, Schema> = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details, with a machine-readable code',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: str('A URI naming the problem kind'),
      title: str('The HTTP status title'),
      status: int('The HTTP status'),
      detail: str('What went wrong, for a human'),
      instance: str('The request path'),
      code: str('Stable machine-readable code', { example: 'VALIDATION_FAILED' }),
      errors: { type: 'array', description: 'For VALIDATION_FAILED: each field at fault', items: closed('A field at fault', { field: str('The field, dotted for nested ones'), message: str('What is wrong with it') }) },
      currentState: nstr('For a refused state change (409): the current state'),
      reasons: strings('For a refused assignment (409): why the reviewer is not eligible'),
    },
  },
  IngestArticle: input(
    'An article to ingest',
    {
      title: str('The headline', { minLength: 1, maxLength: 500 }),
      body: str('The article text', { minLength: 1, maxLength: 200000 }),
      url: str('Where it was published', { format: 'uri', maxLength: 2048 }),
      outlet: str('The publication', { maxLength: 200 }),
      language: str('ISO 639 language code', { default: 'en', example: 'en' }),
      publishedAt: time('When it was published'),
      priority: { ...priority('How urgent its claims are'), default: 'NORMAL' },
    },
    ['title', 'body'],
  ),
  Article: closed('An ingested article', {
    id: uuid('The article id'),
    title: str('The headline'),
    body: str('The article text'),
    url: nstr('Where it was published'),
    outlet: nstr('The publication'),
    language: str('ISO 639 language code'),
    publishedAt: ntime('When it was published'),
    priority: priority('How urgent its claims are'),
    status: { type: 'string', enum: ARTICLE_STATUSES, description: 'Where the article is in the workflow' },
    failureReason: nstr('Why extraction failed, when FAILED'),
    revision: int('Bumped by every change to the article or its claims'),
    createdAt: time('When it was ingested'),
    updatedAt: time('Last change'),
  }),
  ArticlePage: page('Article', 'A page of articles'),
  StatusCounts: closed('Claims per status', Object.fromEntries(CLAIM_STATUSES.map((s) => [s, int(`Claims in ${s}`)]))),
  ClaimCounts: closed('Claim counts', { total: int('All claims'), byStatus: ref('StatusCounts') }),
  ArticleStatus: closed('Verification status of one article', {
    articleId: uuid('The article id'),
    status: { type: 'string', enum: ARTICLE_STATUSES, description: 'Where the article is in the workflow' },
    revision: int('The revision this view was read at (the ETag carries it)'),
    progress: num('Share of its workflow claims that are PUBLISHED or DISMISSED', { minimum: 0, maximum: 1 }),
    claims: ref('ClaimCounts'),
    verdicts: closed('Approved verdicts', { byRating: { type: 'object', additionalProperties: { type: 'integer' }, description: 'Approved verdicts per rating, e.g. {"MOSTLY_TRUE": 3}' } }),
    failureReason: nstr('Why extraction failed, when FAILED'),
    updatedAt: time('Last change of the article'),
  }),
  Reviewer: closed('Who holds a claim', { id: uuid('The reviewer id'), name: str('Their name') }),
  Assignment: closed('An assignment of a claim to a reviewer', assignmentFields),
  LiveAssignment: closed('The live (OFFERED or ACCEPTED) assignment of a claim, with its reviewer', {
    ...assignmentFields,
    reviewer: ref('Reviewer', { nullable: true, description: 'The reviewer; null if the person was deleted' }),
  }),
  Claim: closed('A claim extracted from an article', {
    ...claimFields,
    assignment: ref('LiveAssignment', { nullable: true, description: 'The live assignment; null when none' }),
  }),
  ArticleClaim: closed('A claim of an article, with its newest verdict the caller may read', {
    ...claimFields,
    assignment: ref('LiveAssignment', { nullable: true, description: 'The live assignment; null when none' }),
    verdict: ref('VerdictBrief', { nullable: true, description: 'Its newest verdict the caller may read; null when none' }),
  }),
  VerdictBrief: closed('A verdict in brief', {
    id: uuid('The verdict id'),
    rating: str('Its rating'),
    status: { type: 'string', enum: VERDICT_STATUSES, description: 'SUBMITTED, APPROVED or RETURNED' },
    authorId: uuid('The reviewer who wrote it'),
    createdAt: time('When it was submitted'),
  }),
  ClaimPage: page('Claim', 'A page of claims'),
  ClaimDetail: closed('One claim with every verdict the caller may read', {
    ...claimFields,
    assignment: ref('LiveAssignment', { nullable: true, description: 'The live assignment; null when none' }),
    verdicts: list('Verdict', 'Every verdict on the claim the caller may read, newest first'),
    matches: matches('Earlier fact-checks matched at or above CLAIMDESK_MATCH_SUGGEST, best first'),
  }),
  ClaimCommandResult: closed('The claim after an editor command', {
    id: uuid('The claim id'),
    articleId: uuid('The article it was extracted from'),
    status: claimStatus('Where the claim is now'),
    priority: priority('Its priority now'),
    version: int('Its version now'),
    assignment: ref('Assignment', { nullable: true, description: 'The assignment the command created or touched; null when none' }),
  }),
  InboxClaim: closed('The claim of an inbox item', {
    id: uuid('The claim id'),
    articleId: uuid('Its article'),
    text: str('The claim'),
    speaker: nstr('Who said it'),
    topics: strings('Its topics'),
    status: claimStatus('Where it is'),
    priority: priority('How urgent'),
    article: closed('Its article', { id: uuid('The article id'), title: str('The headline'), outlet: nstr('The publication'), language: str('Its language') }),
    matches: matches('Earlier fact-checks matched at or above CLAIMDESK_MATCH_SUGGEST, best first'),
  }),
  ReturnedVerdict: closed('The reviewer verdict an editor sent back', {
    id: uuid('The verdict id'),
    rating: str('The rating it had'),
    rationale: str('Its rationale'),
    decisionNote: nstr('The editor note'),
    updatedAt: time('When it was sent back'),
  }),
  InboxItem: closed('An assignment in a reviewer inbox', {
    ...assignmentFields,
    claim: ref('InboxClaim'),
    returnedVerdict: ref('ReturnedVerdict', { nullable: true, description: 'Their verdict sent back for revision; null when none' }),
  }),
  Verdict: closed('A reviewer verdict on a claim', {
    id: uuid('The verdict id'),
    claimId: uuid('The claim'),
    authorId: uuid('The reviewer who wrote it'),
    rating: str('A rating of the scale, e.g. MOSTLY_TRUE'),
    rationale: str('Why'),
    confidence: num('How sure, in [0, 1]', { nullable: true }),
    status: { type: 'string', enum: VERDICT_STATUSES, description: 'SUBMITTED, then APPROVED (published) or RETURNED' },
    decidedById: nuuid('The editor who approved or returned it'),
    decisionNote: nstr('The editor note when returned'),
    sources: list('Evidence', 'The evidence'),
    createdAt: time('When it was submitted'),
    updatedAt: time('Last change'),
  }),
  Evidence: verdictSource,
  Person: closed('A member of the desk (never their tokens)', {
    id: uuid('The person id'),
    name: str('Their name'),
    email: str('Their email'),
    role: { type: 'string', enum: ROLES, description: 'What they may do' },
    topics: strings('Topics they review'),
    languages: strings('Languages they read'),
    capacity: int('Open assignment cost they take at once'),
    maxCapacity: int('The most capacity they may set themselves'),
    openLoad: int('Capacity taken by their live assignments'),
    active: bool('False when deactivated'),
    availableFrom: ntime('Out of office until then; null when no bound'),
    availableUntil: ntime('Out of office from then; null when no bound'),
    conflicts: strings('Declared conflicts: speakers, entities or outlets they must not review'),
    createdAt: time('When they were added'),
  }),
  PersonPage: page('Person', 'A page of people'),
  Token: closed('A new API token, shown once', {
    id: uuid('The token id'),
    personId: uuid('Whose token it is'),
    token: str('The token (cd_...), shown only in this answer'),
    expiresAt: ntime('When it stops working; null for never'),
  }),
  TokenInfo: closed('An API token, without its value', {
    id: uuid('The token id'),
    personId: uuid('Whose token it is'),
    name: str('Its label'),
    createdAt: time('When it was issued'),
    lastUsedAt: ntime('When it was last used'),
    expiresAt: ntime('When it stops working; null for never'),
    revokedAt: ntime('When it was revoked; null while valid'),
  }),
  Event: closed('One change in the event log', eventFields),
  EventPage: closed('Events after a cursor, oldest first', {
    events: list('Event', 'The events'),
    next: str('Pass back as `after` on the next poll', { pattern: '^\\d+$' }),
  }),
  ReviewerLoad: closed('A reviewer load', {
    id: uuid('The reviewer id'),
    name: str('Their name'),
    openLoad: int('Capacity taken'),
    capacity: int('Their capacity'),
    active: bool('False when deactivated'),
    availableFrom: ntime('Out of office until then; null when no bound'),
    availableUntil: ntime('Out of office from then; null when no bound'),
    away: bool('Outside their availability window now (out of office)'),
  }),
  QueueDepth: closed('Jobs in one queue (-1 when Redis is unreachable)', { waiting: int('Waiting'), active: int('Running'), delayed: int('Delayed'), failed: int('Failed') }),
  Dashboard: closed('The desk overview', {
    revision: int('The desk revision, an integer (the ETag is "desk.<revision>")'),
    claims: ref('ClaimCounts'),
    reviewers: list('ReviewerLoad', 'Every reviewer and their load'),
    overdue: int('Live assignments past their due time'),
    queues: { type: 'object', additionalProperties: ref('QueueDepth'), description: 'Per queue name' },
    medianMinutesToPublished24h: num('Median minutes from assignment to publication over 24 h', { nullable: true }),
    publishedLast24h: int('Verdicts published in the last 24 h'),
    publishedByHour24h: { type: 'array', items: { type: 'integer' }, minItems: 24, maxItems: 24, description: 'Claims published per clock hour, oldest first; the last is the current hour' },
    at: time('When this view was computed'),
  }),
  DeskStory: closed('A story in flight with its progress', {
    id: uuid('The article id'),
    title: str('The headline'),
    outlet: nstr('The publication'),
    priority: priority('How urgent its claims are'),
    status: { type: 'string', enum: ['INGESTED', 'EXTRACTING', 'IN_REVIEW'], description: 'Where the article is (only those in flight)' },
    revision: int('The article revision'),
    progress: num('Share of its workflow claims that are PUBLISHED or DISMISSED', { minimum: 0, maximum: 1 }),
    claims: ref('ClaimCounts'),
    createdAt: time('When it was ingested'),
    updatedAt: time('Last change'),
  }),
  DeskStories: closed('Stories in flight, newest first', { items: list('DeskStory', 'The stories') }),
  EventStream: str(
    'text/event-stream: per event `id: <event id>`, `event: <type>`, `data: <the Event as JSON>`; `event: reset` when too far behind to replay (reload and continue); comment lines keep the connection alive',
  ),
  MetricsText: str('Prometheus text exposition format 0.0.4'),
  Rating: closed("One rating of the desk's scale", {
    id: str('The rating id, as a verdict names it', { example: 'MOSTLY_TRUE' }),
    label: str('Its label, e.g. Mostly true'),
    ordinal: int('Its position on the scale, from 0'),
    value: int("ClaimReview's numeric rating; null when not on the numeric scale", { nullable: true }),
  }),
  Liveness: closed('The process answers', { status: { type: 'string', enum: ['ok'], description: 'Always ok' } }),
  Readiness: closed(
    'Whether this process can serve',
    {
      status: { type: 'string', enum: ['ready', 'unavailable'], description: 'ready when every check is up' },
      checks: closed('Each check', Object.fromEntries(['postgres', 'redis', 'migrations', 'queues'].map((k) => [k, { type: 'string', enum: ['up', 'down'], description: `Whether ${k} is up` }]))),
      failing: strings('The checks that are down', { type: 'string', enum: ['postgres', 'redis', 'migrations', 'queues'] }),
      pendingMigrations: strings('Migrations not applied yet; only when some are'),
    },
    ['pendingMigrations'],
  ),
  BoardSession: closed('A browser link to the queue board', {
    url: str('Open in a browser: /admin/queues/?ticket=...'),
    expiresAt: time('When the link stops working'),
  }),
  Health: closed('Reachability of the dependencies', {
    status: { type: 'string', enum: ['ok', 'degraded'], description: 'ok when every dependency is up' },
    postgres: { type: 'string', enum: ['up', 'down'], description: 'Postgres' },
    redis: { type: 'string', enum: ['up', 'down'], description: 'Redis' },
  }),
  DeclineAssignment: input('Why the reviewer declines', { reason: str('Why (optional)', { maxLength: 2000 }) }),
  SubmitVerdict: input(
    'A verdict',
    {
      rating: str('A rating of the scale', { example: 'MOSTLY_TRUE' }),
      rationale: str('Why', { minLength: 1, maxLength: 20000 }),
      sources: {
        type: 'array', minItems: 1, maxItems: 50, description: 'The evidence',
        items: input('A piece of evidence', { url: str('Where it is', { format: 'uri' }), title: str('Its title'), note: str('What it shows') }, ['url']),
      },
      confidence: num('How sure, in [0, 1]', { minimum: 0, maximum: 1 }),
    },
    ['rating', 'rationale', 'sources'],
  ),
  ReturnVerdict: input('The editor note for the reviewer', { note: str('What to revise', { minLength: 1, maxLength: 5000 }) }, ['note']),
  CreatePerson: input(
    'A new person',
    {
      name: str('Their name', { minLength: 1, maxLength: 200 }),
      email: str('Their email', { format: 'email' }),
      role: { type: 'string', enum: ROLES, description: 'What they may do' },
      topics: strings('Topics they review'),
      languages: strings('Languages they read (ISO 639)'),
      capacity: int('Open assignment cost they take at once (default 5 for a reviewer, else 0)', { minimum: 0, maximum: 100 }),
      maxCapacity: int('The most capacity they may set themselves (default: capacity)', { minimum: 0, maximum: 100 }),
      conflicts: strings('Declared conflicts'),
    },
    ['name', 'email', 'role'],
  ),
  CreateToken: input('A new token', { name: str('Its label'), expiresInDays: int('Lifetime in days (default: no expiry)', { minimum: 1, maximum: 3650 }) }),
  AssignClaim: input('The reviewer to assign', { reviewerId: uuid('The reviewer'), force: { type: 'boolean', default: false, description: 'Waive the capacity rule' } }, ['reviewerId']),
  ClaimNote: input('A note for the event log', { note: str('The note (optional)', { maxLength: 2000 }) }),
  PatchClaim: input('The claim own priority', { priority: priority('Its own priority, over its article') }, ['priority']),
  PatchSelf: input('What a person may change about themselves', {
    availableFrom: ntime('Out of office until then; null clears it'),
    availableUntil: ntime('Out of office from then; null clears it'),
    capacity: int('Up to maxCapacity', { minimum: 0, maximum: 100 }),
    conflicts: strings('Declared conflicts'),
  }),
  PatchPerson: input('What an admin may change about a person', {
    name: str('Their name'),
    role: { type: 'string', enum: ROLES, description: 'What they may do' },
    topics: strings('Topics they review'),
    languages: strings('Languages they read'),
    capacity: int('Their capacity', { minimum: 0, maximum: 100 }),
    maxCapacity: int('The most capacity they may set themselves', { minimum: 0, maximum: 100 }),
    active: bool('False deactivates them'),
    availableFrom: ntime('Out of office until then; null clears it'),
    availableUntil: ntime('Out of office from then; null clears it'),
    conflicts: strings('Declared conflicts'),
  }),
  CreateWebhook: input('A subscription', { url: str('Where to POST (http or https, public address)', { format: 'uri' }), events: { ...strings('Event types to send'), minItems: 1 } }, ['url', 'events']),
  Webhook: closed('A webhook subscription (never its secret)', webhookFields),
  WebhookCreated: closed('A webhook subscription, with its new signing secret shown once', { ...webhookFields, secret: str('whsec_<base64>, shown only in this answer') }),
  WebhookDelivery: closed('One event delivered (or being delivered) to a subscription', {
    id: uuid('The delivery id'),
    eventId: str('The event id: the webhook-id header of every attempt', { pattern: '^\\d+$' }),
    eventType: nstr('The event type; null if the event is gone'),
    status: { type: 'string', enum: ['PENDING', 'DELIVERED', 'DEAD'], description: 'PENDING while attempts remain, then DELIVERED or DEAD' },
    attempts: int('Attempts made'),
    lastStatus: int("The receiver's last HTTP status; null when it never answered", { nullable: true }),
    lastError: nstr('Why the last attempt failed; null when none did'),
    deliveredAt: ntime('When it was delivered; null before'),
    createdAt: time('When the event was queued for it'),
    updatedAt: time('Last change'),
    attemptLog: {
      type: 'array',
      description: 'Every attempt, oldest first',
      items: closed('One attempt', {
        attempt: int('Its number, from 1'),
        at: time('When it was made'),
        outcome: { type: 'string', enum: ['ok', 'redirect', 'http_error', 'refused', 'timeout', 'network'], description: 'What happened' },
        statusCode: int("The receiver's HTTP status; null when it never answered", { nullable: true }),
        latencyMs: int('How long it took; null when not measured', { nullable: true }),
        error: nstr('Why it did not count as delivered; null when it did'),
      }),
    },
  }),
  WebhookDeliveryPage: page('WebhookDelivery', 'A page of deliveries'),
  WebhookPayload: closed(
    'The body of every webhook POST (Standard Webhooks): headers webhook-id (= id), webhook-timestamp (unix seconds) and ' +
      'webhook-signature (v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>"> keyed by the base64-decoded whsec_ secret; space-separated, one per valid secret)',
    {
      type: str('The event type, e.g. claim.published'),
      id: str('The event id, as in GET /events; the same on every retry'),
      at: time('When the event was committed'),
      data: closed(
        'The event as a VIEWER reads it in GET /events, and for claim.published its ClaimReview',
        { ...eventFields, claimReview: ref('ClaimReview', { nullable: true, description: 'claim.published only: its ClaimReview' }) },
        ['claimReview'],
      ),
    },
  ),
  ClaimReview: {
    ...closed(
      'schema.org ClaimReview (JSON-LD). A rating off the numeric scale (MISLEADING, UNVERIFIABLE) has no ratingValue, bestRating or worstRating',
      {
        '@context': { type: 'string', enum: ['https://schema.org'], description: 'Always https://schema.org' },
        '@type': always('ClaimReview'),
        url: str('The published fact-check: CLAIMDESK_PUBLIC_URL_TEMPLATE with the claim id', { format: 'uri' }),
        claimReviewed: str("The claim's core text (its attribution frame removed)"),
        datePublished: time('When the editor approved the verdict'),
        author: closed('The publishing organisation', { '@type': always('Organization'), name: str('Its name'), url: str('Its site', { format: 'uri' }) }),
        reviewRating: closed(
          'The rating',
          {
            '@type': always('Rating'),
            ratingValue: int('Its value on the numeric scale'),
            bestRating: int('The best value of the scale'),
            worstRating: int('The worst value of the scale'),
            alternateName: str("The rating's label, e.g. Mostly false"),
            ratingExplanation: str("The rationale's first sentence"),
          },
          ['ratingValue', 'bestRating', 'worstRating'],
        ),
        itemReviewed: closed(
          'The claim reviewed',
          {
            '@type': always('Claim'),
            author: closed('The speaker, or the outlet for an unattributed claim', { '@type': { type: 'string', enum: ['Person', 'Organization'], description: 'Person or Organization' }, name: str('Their name') }),
            datePublished: time("The article's publication time (its ingestion when unknown)"),
            appearance: closed('The article it appeared in', { '@type': always('CreativeWork'), headline: str('Its headline'), url: str('Where it was published', { format: 'uri' }) }, ['url']),
          },
          ['author'],
        ),
        isBasedOn: closed(
          'A reused verdict (POST /claims/{id}/reuse): the earlier review it takes its rating from',
          { '@type': always('ClaimReview'), url: str('The earlier review'), author: closed('Its organisation', { '@type': always('Organization'), name: str('Its name') }) },
          ['author'],
        ),
      },
      ['isBasedOn'],
    ),
  },
  ClaimReviewPage: page('ClaimReview', 'A page of ClaimReviews, newest approval first'),
  FactCheckImport: {
    description: 'One ClaimReview JSON-LD document (@type ClaimReview, url, claimReviewed required; reviewRating, author, datePublished, headline, itemReviewed.author read when present), an array of them, or {items: [...]} (at most 5,000)',
    oneOf: [
      { type: 'object', additionalProperties: true, description: 'One ClaimReview, or {items: [...]}' },
      { type: 'array', items: { type: 'object', additionalProperties: true, description: 'A ClaimReview' }, description: 'ClaimReviews' },
    ],
  },
  FactCheckImportResult: closed('What an import did', { received: int('Documents received'), inserted: int('New fact-checks'), updated: int('Fact-checks updated (same url)') }),
  FactCheckSummary: closed('A fact-check of the library', {
    id: uuid('The fact-check id'),
    url: str('The review'),
    claimReviewed: str('The claim it checked'),
    title: nstr('Its headline'),
    rating: nstr('Its rating, as published'),
    authorName: nstr('The reviewing organisation (ClaimReview.author)'),
    origin: { type: 'string', enum: ['DESK', 'IMPORTED'], description: 'Published here, or imported' },
    datePublished: ntime('When it was published'),
  }),
  ClaimMatch: closed('A fact-check of the library that may check this claim', matchFields),
  ReuseFactCheck: input(
    'The earlier fact-check to reuse',
    { factCheckId: uuid('One of the claim matches'), rating: str("A desk rating id, needed when the fact-check's rating has no equivalent on the desk's scale") },
    ['factCheckId'],
  ),
  ReuseResult: closed('The claim, published with the earlier verdict', {
    claimId: uuid('The claim'),
    status: { type: 'string', enum: ['PUBLISHED'], description: 'Always PUBLISHED' },
    verdictId: uuid('The verdict written'),
    rating: str('Its desk rating'),
    factCheck: closed('The fact-check reused', { id: uuid('Its id'), url: str('Its review') }),
  }),
  FailedJob: closed('A failed job (kept a week)', {
    queue: str('Its queue'),
    id: str('The job id'),
    data: anyJson('The job data (ids only)'),
    failedReason: nstr('Why it failed'),
    attemptsMade: int('Attempts made'),
    failedAt: ntime('When it last failed'),
  }),
  RetriedJob: closed('A job sent back to its queue', { queue: str('Its queue'), id: str('The job id'), state: str('Its state now') }),
};
