// What each REST route takes and answers, by "METHOD /path" as in the OpenAPI document.
type Param = { name: string; in: 'query' | 'header'; schema: Record<string, unknown>; description?: string };
export interface RouteDoc {
  summary: string;
  body?: string;
  textBody?: boolean;
  ok: [number, string | null];
  also?: Array<[number, string | null, string]>;
  params?: Param[];
  errors?: number[];
}

const q = (name: string, schema: Record<string, unknown>, description?: string): Param => ({ name, in: 'query', schema, description });
const page = [q('cursor', { type: 'string' }, 'the `next` of the previous page'), q('limit', { type: 'integer', minimum: 1, maximum: 100, default: 20 })];
const ifNoneMatch: Param = { name: 'If-None-Match', in: 'header', schema: { type: 'string' }, description: 'the ETag of your copy: 304 when unchanged' };

export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'POST /articles': {
    summary: 'Ingest an article (JSON, or text/plain: first line the headline)',
    body: 'IngestArticle', textBody: true, ok: [202, 'Article'],
    also: [[200, 'Article', 'the same content or Idempotency-Key was already ingested: the stored article']],
    params: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 255 } }],
    errors: [400, 401, 403, 409, 413],
  },
  'GET /articles': {
    summary: 'Articles, newest first',
    ok: [200, 'ArticlePage'],
    params: [
      q('status', { type: 'string', enum: ['INGESTED', 'EXTRACTING', 'IN_REVIEW', 'COMPLETED', 'FAILED'] }),
      q('outlet', { type: 'string' }), q('priority', { type: 'string', enum: ['LOW', 'NORMAL', 'HIGH', 'BREAKING'] }),
      q('from', { type: 'string', format: 'date-time' }, 'ingested at or after'), q('to', { type: 'string', format: 'date-time' }, 'ingested before'),
      ...page,
    ],
    errors: [400, 401],
  },
  'GET /articles/{id}': { summary: 'One article', ok: [200, 'Article'], errors: [400, 401, 404] },
  'GET /articles/{id}/status': {
    summary: 'Verification status, with an ETag from the article revision',
    ok: [200, 'ArticleStatus'], also: [[304, null, 'unchanged since the ETag you sent']], params: [ifNoneMatch], errors: [400, 401, 404],
  },
  'GET /articles/{id}/claims': { summary: "An article's claims with their live assignment", ok: [200, 'ClaimList'], errors: [400, 401, 404] },
  'GET /claims': {
    summary: 'Claims across articles, newest first',
    ok: [200, 'ClaimPage'],
    params: [
      q('status', { type: 'string', enum: ['CANDIDATE', 'PENDING', 'ASSIGNED', 'IN_REVIEW', 'SUBMITTED', 'PUBLISHED', 'DISMISSED'] }),
      q('reviewer', { type: 'string', format: 'uuid' }), q('article', { type: 'string', format: 'uuid' }), q('topic', { type: 'string' }),
      q('speaker', { type: 'string' }), q('minScore', { type: 'number' }), q('maxScore', { type: 'number' }), q('overdue', { type: 'boolean' }),
      ...page,
    ],
    errors: [400, 401],
  },
  'GET /dashboard': {
    summary: 'Desk overview, with an ETag from the desk revision',
    ok: [200, 'Dashboard'], also: [[304, null, 'unchanged since the ETag you sent']], params: [ifNoneMatch], errors: [401],
  },
  'GET /dashboard/stories': {
    summary: 'Stories in flight (ingested, extracting, in review), newest first, with progress and claims per status',
    ok: [200, 'DeskStoryList'],
    params: [q('limit', { type: 'integer', minimum: 1, maximum: 500, default: 200 })],
    errors: [400, 401],
  },
  'GET /events/stream': {
    summary: 'The change feed as Server-Sent Events (text/event-stream): events after the cursor, then each as it commits',
    ok: [200, 'EventStream'],
    params: [
      { name: 'Last-Event-ID', in: 'header', schema: { type: 'string', pattern: '^\\d+$' }, description: 'resume after this event id (wins over `after`); without either, only new events' },
      q('after', { type: 'string', pattern: '^\\d+$' }, 'resume after this event id'),
      q('maxSeconds', { type: 'integer', minimum: 1, maximum: 3600, default: 300 }, 'the stream ends after this long; reconnect with the last id'),
    ],
    errors: [400, 401],
  },
  'GET /ratings': { summary: "The desk's rating scale, in order: what a verdict's rating may be", ok: [200, 'RatingList'], errors: [401] },
  'GET /events': {
    summary: 'Change feed after a cursor, oldest first',
    ok: [200, 'EventPage'],
    params: [q('after', { type: 'string', pattern: '^\\d+$' }, 'the `next` of the previous poll'), q('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }), q('articleId', { type: 'string', format: 'uuid' })],
    errors: [400, 401],
  },
  'POST /assignments/{id}/accept': { summary: 'Accept an offered assignment (the assignee)', ok: [200, 'Assignment'], errors: [400, 401, 403, 404, 409] },
  'POST /assignments/{id}/decline': { summary: 'Decline an assignment (the assignee)', body: 'DeclineAssignment', ok: [200, 'Assignment'], errors: [400, 401, 403, 404, 409] },
  'GET /me/assignments': { summary: "The caller's inbox, soonest due first", ok: [200, 'AssignmentList'], errors: [401, 403] },
  'POST /claims/{id}/verdicts': { summary: 'Submit a verdict (the assignee, after accepting)', body: 'SubmitVerdict', ok: [201, 'Verdict'], errors: [400, 401, 403, 404, 409] },
  'POST /verdicts/{id}/approve': { summary: 'Approve and publish (an editor who is not the author)', ok: [200, 'Verdict'], errors: [400, 401, 403, 404, 409] },
  'POST /verdicts/{id}/return': { summary: 'Send back to the reviewer with a note', body: 'ReturnVerdict', ok: [200, 'Verdict'], errors: [400, 401, 403, 404, 409] },
  'POST /people': { summary: 'Create a person (admin)', body: 'CreatePerson', ok: [201, 'Person'], errors: [400, 401, 403, 409] },
  'GET /people': {
    summary: 'People, newest first, keyset-paginated (admin, editor)',
    ok: [200, 'PersonPage'],
    params: [
      q('role', { type: 'string', enum: ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'] }),
      q('active', { type: 'boolean' }),
      q('topic', { type: 'string' }),
      ...page,
    ],
    errors: [400, 401, 403],
  },
  'GET /me': { summary: 'The caller', ok: [200, 'Person'], errors: [401] },
  'POST /people/{id}/tokens': { summary: 'Create an API token (admin); shown once', body: 'CreateToken', ok: [201, 'Token'], errors: [400, 401, 403, 404] },
  'GET /claims/{id}/claim-review': {
    summary: "schema.org ClaimReview JSON-LD of the claim's published verdict; 404 while none is published",
    ok: [200, 'ClaimReview'], errors: [400, 401, 404],
  },
  'GET /articles/{id}/claim-reviews': { summary: "Every published ClaimReview of the article, in claim order", ok: [200, 'ClaimReviewList'], errors: [400, 401, 404] },
  'GET /claim-reviews': {
    summary: 'Feed of every published ClaimReview, newest approval first',
    ok: [200, 'ClaimReviewPage'],
    params: [q('since', { type: 'string', format: 'date-time' }, 'published at or after'), ...page],
    errors: [400, 401],
  },
  'POST /fact-checks/import': {
    summary: 'Import ClaimReview JSON-LD into the fact-check library (editor): one document, an array, or a feed {items} as GET /claim-reviews serves; idempotent by each review url',
    body: 'FactCheckImport', ok: [200, 'FactCheckImportResult'], errors: [400, 401, 403, 413],
  },
  'GET /claims/{id}/matches': { summary: "The claim's stored matches in the fact-check library, best first, with score and reasons", ok: [200, 'ClaimMatchList'], errors: [400, 401, 404] },
  'POST /claims/{id}/reuse': {
    summary: "Publish the claim with an earlier fact-check's verdict (editor); its ClaimReview points to the earlier review",
    body: 'ReuseFactCheck', ok: [200, 'ReuseResult'], errors: [400, 401, 403, 404, 409],
  },
  'GET /claims/{id}': { summary: 'One claim, its live assignment and every verdict on it', ok: [200, 'ClaimDetail'], errors: [400, 401, 404] },
  'PATCH /claims/{id}': { summary: "Set the claim's own priority (editor)", body: 'PatchClaim', ok: [200, 'ClaimCommandResult'], errors: [400, 401, 403, 404, 409] },
  'POST /claims/{id}/promote': { summary: 'Promote a CANDIDATE into the workflow (editor)', ok: [200, 'ClaimCommandResult'], errors: [400, 401, 403, 404, 409] },
  'POST /claims/{id}/dismiss': { summary: 'Dismiss a claim (editor)', body: 'ClaimNote', ok: [200, 'ClaimCommandResult'], errors: [400, 401, 403, 404, 409] },
  'POST /claims/{id}/restore': { summary: 'Restore a dismissed claim to CANDIDATE (editor)', ok: [200, 'ClaimCommandResult'], errors: [400, 401, 403, 404, 409] },
  'POST /claims/{id}/assign': { summary: 'Assign to a named reviewer (editor; force waives capacity)', body: 'AssignClaim', ok: [200, 'ClaimCommandResult'], errors: [400, 401, 403, 404, 409] },
  'POST /claims/{id}/reassign': { summary: 'Move to another reviewer (editor)', body: 'AssignClaim', ok: [200, 'ClaimCommandResult'], errors: [400, 401, 403, 404, 409] },
  'POST /claims/{id}/unassign': { summary: 'Hand the claim back to the router (editor)', body: 'ClaimNote', ok: [200, 'ClaimCommandResult'], errors: [400, 401, 403, 404, 409] },
  'PATCH /people/{id}': { summary: 'Edit a person (admin)', body: 'PatchPerson', ok: [200, 'Person'], errors: [400, 401, 403, 404, 409] },
  'PATCH /me': { summary: 'Availability, conflicts and capacity up to maxCapacity (self-service)', body: 'PatchSelf', ok: [200, 'Person'], errors: [400, 401] },
  'POST /webhooks': { summary: 'Subscribe a URL to events (admin); refused when it resolves to a loopback, private or link-local address; the secret is shown once', body: 'CreateWebhook', ok: [201, 'WebhookCreated'], errors: [400, 401, 403] },
  'GET /webhooks': { summary: 'Webhook subscriptions, never their secrets (admin)', ok: [200, 'WebhookList'], errors: [401, 403] },
  'DELETE /webhooks/{id}': { summary: 'Delete a webhook subscription: no more deliveries, pending ones given up, history kept (admin)', ok: [200, 'Webhook'], errors: [400, 401, 403, 404] },
  'POST /webhooks/{id}/rotate-secret': {
    summary: 'A new signing secret, shown once; the previous one keeps signing beside it for 24 hours (admin)',
    ok: [201, 'WebhookCreated'], errors: [400, 401, 403, 404],
  },
  'POST /webhooks/{id}/resume': {
    summary: 'Resume a paused subscription; what it missed is sent, in event order (admin)',
    ok: [200, 'Webhook'], errors: [400, 401, 403, 404, 409],
  },
  'GET /webhooks/{id}/deliveries': {
    summary: "A subscription's deliveries, newest first, each with every attempt (admin)",
    ok: [200, 'WebhookDeliveryPage'],
    params: [q('status', { type: 'string', enum: ['PENDING', 'DELIVERED', 'DEAD'] }), ...page],
    errors: [400, 401, 403, 404],
  },
  'POST /webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    summary: 'Send a delivery again under the same webhook-id, with a fresh round of attempts (admin)',
    ok: [200, 'WebhookDelivery'], errors: [400, 401, 403, 404],
  },
  'GET /tokens': { summary: 'API tokens, never their values (admin)', ok: [200, 'TokenInfoList'], params: [q('personId', { type: 'string', format: 'uuid' })], errors: [400, 401, 403] },
  'POST /tokens/{id}/revoke': { summary: 'Revoke a token (admin, or its owner); every API process forgets it at commit', ok: [200, 'TokenInfo'], errors: [400, 401, 403, 404] },
  'POST /tokens/{id}/rotate': { summary: 'Revoke a token and issue its replacement, shown once (admin)', ok: [201, 'Token'], errors: [400, 401, 403, 404] },
  'GET /admin/jobs/failed': {
    summary: 'Failed jobs, per queue (admin)', ok: [200, 'FailedJobList'],
    params: [q('queue', { type: 'string', enum: ['extract', 'route', 'sla', 'reconcile', 'webhook'] }), q('limit', { type: 'integer', minimum: 1, maximum: 500, default: 100 })],
    errors: [400, 401, 403],
  },
  'POST /admin/jobs/{queue}/{id}/retry': { summary: 'Retry a failed job (admin)', ok: [200, 'FailedJob'], errors: [400, 401, 403, 404] },
  'GET /health': { summary: 'Postgres and Redis reachability (no token)', ok: [200, 'Health'], also: [[503, 'Health', 'a dependency is down']] },
  'GET /health/live': { summary: 'Liveness: the process answers (no token; asks no dependency)', ok: [200, 'Liveness'] },
  'GET /health/ready': {
    summary: 'Readiness: Postgres, Redis, every migration applied, every queue readable (no token)',
    ok: [200, 'Readiness'], also: [[503, 'Readiness', 'a part failed: named in `failing` (and `Retry-After: 5`)']],
  },
  'GET /metrics': {
    summary: 'Prometheus text format (text/plain; version=0.0.4): HTTP durations, queue depths, claims by status, reviewer load, process metrics. Admin token unless CLAIMDESK_METRICS_PUBLIC=true',
    ok: [200, null], errors: [401, 403],
  },
  'POST /admin/queues/session': {
    summary: 'A link to the queue board (Bull Board at /admin/queues) for a browser: works 15 minutes, opening it sets an HttpOnly cookie (admin)',
    ok: [201, 'BoardSession'], errors: [401, 403],
  },
};
