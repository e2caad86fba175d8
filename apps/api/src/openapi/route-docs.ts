import { ARTICLE_STATUSES, CLAIM_STATUSES, PRIORITIES, ROLES } from './schemas';
// What each REST route takes and answers, by "METHOD /path" as in the OpenAPI document. Only what
// is particular to a route is here: openapi.ts adds what every route shares (401/429/503 and the
// RateLimit-* headers for authenticated routes; 400/413/415 for routes that take a body; 400/404
// for path parameters). A new route: add its entry here, its shapes to schemas.ts, run
// `npm run generate:client`; the contract suite fails until its answers match (README, "Documenting a route").
type Param = { name: string; in: 'query' | 'header' | 'path'; schema: Record<string, unknown>; description: string };
/** [status, schema name (null: no body), description, response headers (names in openapi.ts HEADERS), media type (default application/json)]. */
export type Answer = [number, string | null, string, string[]?, string?];
export interface RouteDoc {
  summary: string;
  body?: string;
  /** The body may be left out entirely (an empty POST). */
  bodyOptional?: boolean;
  textBody?: boolean;
  /** Outside the bearer guard: checks its own token (or none), so no rate limit and no automatic 401/429/503. */
  ownAuth?: boolean;
  ok: Answer;
  also?: Answer[];
  params?: Param[];
  /** OpenAPI 3.0 callbacks: requests this server makes because of the route (webhook deliveries), by name: the schema POSTed. */
  callbacks?: Record<string, string>;
  /** Domain refusals beyond the automatic ones: 403 (role or ownership), 404 (a referenced row), 409 (state). */
  errors?: number[];
}


const q = (name: string, schema: Record<string, unknown>, description: string): Param => ({ name, in: 'query', schema, description });
const page = [q('cursor', { type: 'string' }, 'The `next` of the previous page'), q('limit', { type: 'integer', minimum: 1, maximum: 100, default: 20 }, 'Items per page')];
const ifNoneMatch: Param = { name: 'If-None-Match', in: 'header', schema: { type: 'string' }, description: 'The ETag of your copy: 304 when unchanged' };
const cached = ['ETag', 'Cache-Control'];
const notModified: Answer = [304, null, 'Unchanged since the ETag you sent', cached];

export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'POST /articles': {
    summary: 'Ingest an article (JSON, or text/plain: first line the headline)',
    body: 'IngestArticle', textBody: true, ok: [202, 'Article', 'Stored; extraction continues on the queues', ['Location']],
    also: [[200, 'Article', 'The same content or Idempotency-Key was already ingested: the stored article', ['Location']]],
    params: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 255 }, description: 'The same key again returns the stored article' }],
    errors: [403, 409],
  },
  'GET /articles': {
    summary: 'Articles, newest first',
    ok: [200, 'ArticlePage', 'A page of articles'],
    params: [
      q('status', { type: 'string', enum: ARTICLE_STATUSES }, 'Only articles in this status'),
      q('outlet', { type: 'string' }, 'Only this outlet'), q('priority', { type: 'string', enum: PRIORITIES }, 'Only this priority'),
      q('from', { type: 'string', format: 'date-time' }, 'Ingested at or after'), q('to', { type: 'string', format: 'date-time' }, 'Ingested before'),
      ...page,
    ],
  },
  'GET /articles/{id}': { summary: 'One article', ok: [200, 'Article', 'The article'] },
  'GET /articles/{id}/status': {
    summary: 'Verification status, with an ETag from the article revision',
    ok: [200, 'ArticleStatus', 'The status', cached], also: [notModified], params: [ifNoneMatch],
  },
  'GET /articles/{id}/claims': { summary: 'An article claims with their live assignment and newest verdict', ok: [200, 'ArticleClaimList', 'The claims, in article order'] },
  'GET /articles/{id}/claim-reviews': { summary: 'Every published ClaimReview of the article, in claim order', ok: [200, 'ClaimReviewList', 'The ClaimReviews'] },
  'GET /claims/{id}/claim-review': {
    summary: "schema.org ClaimReview JSON-LD of the claim's published verdict; 404 while none is published",
    ok: [200, 'ClaimReview', 'The ClaimReview'],
  },
  'GET /claim-reviews': {
    summary: 'Feed of every published ClaimReview, newest approval first',
    ok: [200, 'ClaimReviewPage', 'A page of ClaimReviews'],
    params: [q('since', { type: 'string', format: 'date-time' }, 'Published at or after'), ...page],
  },
  'POST /fact-checks/import': {
    summary: 'Import ClaimReview JSON-LD into the fact-check library (editor): one document, an array, or a feed {items} as GET /claim-reviews serves; idempotent by each review url',
    body: 'FactCheckImport', ok: [200, 'FactCheckImportResult', 'What the import did'], errors: [403],
  },
  'GET /claims/{id}/matches': { summary: "The claim's stored matches in the fact-check library, best first, with score and reasons", ok: [200, 'ClaimMatchList', 'The matches'] },
  'POST /claims/{id}/reuse': {
    summary: "Publish the claim with an earlier fact-check's verdict (editor); its ClaimReview points to the earlier review",
    body: 'ReuseFactCheck', ok: [200, 'ReuseResult', 'The claim, published'], errors: [403, 409],
  },
  'GET /claims': {
    summary: 'Claims across articles, newest first',
    ok: [200, 'ClaimPage', 'A page of claims'],
    params: [
      q('status', { type: 'string', enum: CLAIM_STATUSES }, 'Only claims in this status'),
      q('reviewer', { type: 'string', format: 'uuid' }, 'Only claims whose live assignment is this reviewer'),
      q('article', { type: 'string', format: 'uuid' }, 'Only claims of this article'),
      q('topic', { type: 'string' }, 'Only claims with this topic'),
      q('speaker', { type: 'string' }, 'Speaker substring, any case'),
      q('minScore', { type: 'number', minimum: 0, maximum: 1 }, 'Score at least'), q('maxScore', { type: 'number', minimum: 0, maximum: 1 }, 'Score at most'),
      q('overdue', { type: 'boolean' }, 'Only claims whose live assignment is past due'),
      ...page,
    ],
  },
  'GET /claims/{id}': { summary: 'One claim, its live assignment and every verdict on it the caller may read', ok: [200, 'ClaimDetail', 'The claim'] },
  'PATCH /claims/{id}': { summary: 'Set the claim own priority (editor)', body: 'PatchClaim', ok: [200, 'ClaimCommandResult', 'The claim now'], errors: [403, 409] },
  'POST /claims/{id}/promote': { summary: 'Promote a CANDIDATE into the workflow (editor)', ok: [200, 'ClaimCommandResult', 'The claim now'], errors: [403, 409] },
  'POST /claims/{id}/dismiss': { summary: 'Dismiss a claim (editor)', body: 'ClaimNote', bodyOptional: true, ok: [200, 'ClaimCommandResult', 'The claim now'], errors: [403, 409] },
  'POST /claims/{id}/restore': { summary: 'Restore a dismissed claim to CANDIDATE (editor)', ok: [200, 'ClaimCommandResult', 'The claim now'], errors: [403, 409] },
  'POST /claims/{id}/assign': { summary: 'Assign to a named reviewer (editor; force waives capacity)', body: 'AssignClaim', ok: [200, 'ClaimCommandResult', 'The claim and its new assignment'], errors: [403, 409] },
  'POST /claims/{id}/reassign': { summary: 'Move to another reviewer (editor)', body: 'AssignClaim', ok: [200, 'ClaimCommandResult', 'The claim and its new assignment'], errors: [403, 409] },
  'POST /claims/{id}/unassign': { summary: 'Hand the claim back to the router (editor)', body: 'ClaimNote', bodyOptional: true, ok: [200, 'ClaimCommandResult', 'The claim and the assignment taken back'], errors: [403, 409] },
  'GET /dashboard': {
    summary: 'Desk overview, with an ETag from the desk revision',
    ok: [200, 'Dashboard', 'The overview', cached], also: [notModified], params: [ifNoneMatch],
  },
  'GET /dashboard/stories': {
    summary: 'Stories in flight (ingested, extracting, in review), newest first, with progress and claims per status',
    ok: [200, 'DeskStories', 'The stories'],
    params: [q('limit', { type: 'integer', minimum: 1, maximum: 500, default: 200 }, 'At most this many')],
  },
  'GET /ratings': { summary: "The desk's rating scale, in order: what a verdict's rating may be", ok: [200, 'RatingList', 'The scale'] },
  'GET /events/stream': {
    summary: 'The change feed as Server-Sent Events: events after the cursor, then each as it commits',
    ok: [200, 'EventStream', 'The stream (until maxSeconds)', ['Cache-Control', 'X-Accel-Buffering'], 'text/event-stream'],
    params: [
      { name: 'Last-Event-ID', in: 'header', schema: { type: 'string', pattern: '^\\d+$' }, description: 'Resume after this event id (wins over `after`); without either, only new events' },
      q('after', { type: 'string', pattern: '^\\d+$' }, 'Resume after this event id'),
      q('maxSeconds', { type: 'integer', minimum: 1, maximum: 3600, default: 300 }, 'The stream ends after this long; reconnect with the last id'),
    ],
  },
  'GET /events': {
    summary: 'Change feed after a cursor, oldest first',
    ok: [200, 'EventPage', 'The events'],
    params: [
      q('after', { type: 'string', pattern: '^\\d+$' }, 'The `next` of the previous poll'),
      q('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, 'Events per poll'),
      q('articleId', { type: 'string', format: 'uuid' }, 'Only events of this article'),
    ],
  },
  'POST /assignments/{id}/accept': { summary: 'Accept an offered assignment (the assignee)', ok: [200, 'Assignment', 'The assignment now'], errors: [403, 409] },
  'POST /assignments/{id}/decline': { summary: 'Decline an assignment (the assignee)', body: 'DeclineAssignment', bodyOptional: true, ok: [200, 'Assignment', 'The assignment now'], errors: [403, 409] },
  'GET /me/assignments': { summary: 'The caller inbox, soonest deadline first (reviewers)', ok: [200, 'InboxItemList', 'Their live assignments'], errors: [403] },
  'POST /claims/{id}/verdicts': { summary: 'Submit a verdict (the assignee, after accepting)', body: 'SubmitVerdict', ok: [201, 'Verdict', 'The verdict'], errors: [403, 409] },
  'POST /verdicts/{id}/approve': { summary: 'Approve and publish (an editor who is not the author)', ok: [200, 'Verdict', 'The verdict now'], errors: [403, 409] },
  'POST /verdicts/{id}/return': { summary: 'Send back to the reviewer with a note', body: 'ReturnVerdict', ok: [200, 'Verdict', 'The verdict now'], errors: [403, 409] },
  'POST /people': { summary: 'Create a person (admin)', body: 'CreatePerson', ok: [201, 'Person', 'The person'], errors: [403, 409] },
  'GET /people': {
    summary: 'People, newest first, keyset-paginated (admin, editor)',
    ok: [200, 'PersonPage', 'A page of people'],
    params: [q('role', { type: 'string', enum: ROLES }, 'Only this role'), q('active', { type: 'boolean' }, 'Only active or inactive people'), q('topic', { type: 'string' }, 'Only people with this topic'), ...page],
    errors: [403],
  },
  'PATCH /people/{id}': { summary: 'Edit a person (admin)', body: 'PatchPerson', ok: [200, 'Person', 'The person now'], errors: [403, 409] },
  'GET /me': { summary: 'The caller', ok: [200, 'Person', 'The caller'] },
  'PATCH /me': { summary: 'Availability, conflicts and capacity up to maxCapacity (self-service)', body: 'PatchSelf', ok: [200, 'Person', 'The caller now'] },
  'POST /people/{id}/tokens': { summary: 'Create an API token (admin); shown once', body: 'CreateToken', bodyOptional: true, ok: [201, 'Token', 'The token, shown once'], errors: [403] },
  'GET /tokens': {
    summary: 'API tokens, never their values (admin: anyone, others: their own)',
    ok: [200, 'TokenInfoList', 'The tokens, newest first'],
    params: [q('personId', { type: 'string', format: 'uuid' }, 'Only this person tokens')],
    errors: [403],
  },
  'POST /tokens/{id}/revoke': { summary: 'Revoke a token (admin, or its owner); every API process forgets it at commit', ok: [200, 'TokenInfo', 'The token now'], errors: [403] },
  'POST /tokens/{id}/rotate': { summary: 'Revoke a token and issue its replacement, shown once (admin, or its owner)', ok: [201, 'Token', 'The new token, shown once'], errors: [403] },
  'POST /webhooks': {
    summary: 'Subscribe a URL to events (admin); refused when it resolves to a loopback, private or link-local address; the secret is shown once',
    body: 'CreateWebhook', ok: [201, 'WebhookCreated', 'The subscription and its secret'], errors: [403],
    callbacks: { event: 'WebhookPayload' },
  },
  'GET /webhooks': { summary: 'Webhook subscriptions, never their secrets (admin)', ok: [200, 'WebhookList', 'The subscriptions'], errors: [403] },
  'DELETE /webhooks/{id}': { summary: 'Delete a webhook subscription: no more deliveries, pending ones given up, history kept (admin)', ok: [200, 'Webhook', 'The subscription now'], errors: [403] },
  'POST /webhooks/{id}/rotate-secret': {
    summary: 'A new signing secret, shown once; the previous one keeps signing beside it for 24 hours (admin)',
    ok: [201, 'WebhookCreated', 'The subscription and its new secret'], errors: [403],
  },
  'POST /webhooks/{id}/resume': {
    summary: 'Resume a paused subscription; what it missed is sent, in event order (admin)',
    ok: [200, 'Webhook', 'The subscription now'], errors: [403, 409],
  },
  'GET /webhooks/{id}/deliveries': {
    summary: "A subscription's deliveries, newest first, each with every attempt (admin)",
    ok: [200, 'WebhookDeliveryPage', 'A page of deliveries'],
    params: [q('status', { type: 'string', enum: ['PENDING', 'DELIVERED', 'DEAD'] }, 'Only deliveries in this status'), ...page],
    errors: [403],
  },
  'POST /webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    summary: 'Send a delivery again under the same webhook-id, with a fresh round of attempts (admin)',
    ok: [200, 'WebhookDelivery', 'The delivery, pending again'], errors: [403],
    params: [{ name: 'deliveryId', in: 'path', schema: { type: 'string', format: 'uuid' }, description: 'The delivery' }],
  },
  'GET /admin/jobs/failed': {
    summary: 'Failed jobs, per queue (admin)', ok: [200, 'FailedJobList', 'The failed jobs'],
    params: [q('queue', { type: 'string', enum: ['extract', 'route', 'sla', 'reconcile', 'webhook'] }, 'Only this queue'), q('limit', { type: 'integer', minimum: 1, maximum: 500, default: 100 }, 'At most this many')],
    errors: [403],
  },
  'POST /admin/jobs/{queue}/{id}/retry': {
    summary: 'Retry a failed job (admin)', ok: [200, 'RetriedJob', 'The job, queued again'], errors: [403],
    params: [
      { name: 'queue', in: 'path', schema: { type: 'string', enum: ['extract', 'route', 'sla', 'reconcile', 'webhook'] }, description: 'The queue' },
      { name: 'id', in: 'path', schema: { type: 'string' }, description: 'The job id' },
    ],
  },
  'GET /health': {
    summary: 'Postgres and Redis reachability (no token)',
    ok: [200, 'Health', 'Every dependency is up'],
    also: [[503, 'Health', 'A dependency is down', ['Retry-After']]],
  },
  'GET /health/live': { summary: 'Liveness: the process answers (no token; asks no dependency)', ok: [200, 'Liveness', 'The process is up'] },
  'GET /health/ready': {
    summary: 'Readiness: Postgres, Redis, every migration applied, every queue readable (no token)',
    ok: [200, 'Readiness', 'Ready to serve'],
    also: [[503, 'Readiness', 'A check failed: named in `failing`', ['Retry-After']]],
  },
  'GET /metrics': {
    summary: 'Prometheus metrics: HTTP durations, queue depths, claims by status, reviewer load, process metrics. Admin token unless CLAIMDESK_METRICS_PUBLIC=true',
    ownAuth: true,
    ok: [200, 'MetricsText', 'The metrics', ['Cache-Control'], 'text/plain'],
    errors: [401, 403],
  },
  'POST /admin/queues/session': {
    summary: 'A link to the queue board (Bull Board at /admin/queues) for a browser: works 15 minutes, opening it sets an HttpOnly cookie (admin)',
    ok: [201, 'BoardSession', 'The link'], errors: [403],
  },
};
