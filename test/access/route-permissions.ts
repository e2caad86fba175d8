import type { Permission } from '@claimdesk/core';

/**
 * The action behind every REST route and GraphQL operation, named once. The matrix test
 * (access-matrix.e2e-spec.ts) reads the routes Nest actually serves (the OpenAPI document) and the
 * operations of the GraphQL schema, and fails on any that is missing here; the expected status of
 * each caller comes from PERMISSIONS (libs/core/src/auth/permissions.ts) and the owner rule below.
 */

/** The fixture ids a request is built from (test/access/access-fixtures.ts). */
export interface Fixtures {
  articleId: string;
  /** Claims without ownership at stake: editors' commands and reads. */
  claimId: string;
  reviewerId: string;
  otherReviewerId: string;
  sparePersonId: string;
  /** A second token of the VIEWER: the own-token routes act on it. */
  viewerSpareTokenId: string;
  /** Per door (REST, GraphQL): an offer to accept, one to decline, accepted work to submit, a verdict to decide. */
  offerId: string;
  declineId: string;
  reviewClaimId: string;
  verdictId: string;
}

/**
 * Who besides the role table: `assignee` (only the reviewer the row belongs to: the REVIEWER
 * identity; the other reviewer gets 403), `viewerToken` (only the token's owner, the VIEWER, or an
 * admin; anyone else 403).
 */
export type Owner = 'assignee' | 'viewerToken';

export interface RouteRule {
  /** `public`: no token needed; `authenticated`: any valid token, the action is on the caller's own rows. */
  permission: Permission | 'public';
  owner?: Owner;
  /** The concrete request (valid input, so that only permission decides). */
  path: (f: Fixtures) => string;
  body?: (f: Fixtures, caller: string) => unknown;
}

const VERDICT = { rating: 'FALSE', rationale: 'The figures say otherwise.', sources: [{ url: 'https://example.org/source' }] };

/** `METHOD /openapi/{path}` -> rule. */
export const REST_ROUTES: Record<string, RouteRule> = {
  'GET /health': { permission: 'public', path: () => '/health' },
  'GET /health/live': { permission: 'public', path: () => '/health/live' },
  'GET /health/ready': { permission: 'public', path: () => '/health/ready' },
  // Public to the guard, checked by the route: an admin token unless CLAIMDESK_METRICS_PUBLIC=true.
  'GET /metrics': { permission: 'metrics.read', path: () => '/metrics' },

  'POST /articles': {
    permission: 'article.ingest',
    path: () => '/articles',
    body: (_f, caller) => ({ title: `Matrix ${caller}`, body: `Ministers said on Monday that ${caller} figures rose by 4%.` }),
  },
  'GET /articles': { permission: 'article.read', path: () => '/articles?limit=5' },
  'GET /articles/{id}': { permission: 'article.read', path: (f) => `/articles/${f.articleId}` },
  'GET /articles/{id}/status': { permission: 'article.read', path: (f) => `/articles/${f.articleId}/status` },
  'GET /articles/{id}/claims': { permission: 'article.read', path: (f) => `/articles/${f.articleId}/claims` },

  'GET /claims': { permission: 'article.read', path: () => '/claims?limit=5' },
  'GET /claims/{id}': { permission: 'claim.read', path: (f) => `/claims/${f.claimId}` },
  'GET /claims/{id}/claim-review': { permission: 'claim.read', path: (f) => `/claims/${f.claimId}/claim-review` },
  'GET /articles/{id}/claim-reviews': { permission: 'claim.read', path: (f) => `/articles/${f.articleId}/claim-reviews` },
  'GET /claim-reviews': { permission: 'claim.read', path: () => '/claim-reviews?limit=5' },
  'POST /fact-checks/import': {
    permission: 'factCheck.import',
    path: () => '/fact-checks/import',
    body: (_f, caller) => ({ '@type': 'ClaimReview', url: `https://partner.example.org/matrix/${caller}`, claimReviewed: `Matrix claim of ${caller}.` }),
  },
  'GET /claims/{id}/matches': { permission: 'claim.read', path: (f) => `/claims/${f.claimId}/matches` },
  // No such fact-check: an allowed caller gets 404 and nothing changes for the next one.
  'POST /claims/{id}/reuse': { permission: 'verdict.decide', path: (f) => `/claims/${f.claimId}/reuse`, body: () => ({ factCheckId: '00000000-0000-4000-8000-000000000000' }) },
  'PATCH /claims/{id}': { permission: 'claim.triage', path: (f) => `/claims/${f.claimId}`, body: () => ({ priority: 'HIGH' }) },
  'POST /claims/{id}/promote': { permission: 'claim.triage', path: (f) => `/claims/${f.claimId}/promote`, body: () => ({}) },
  'POST /claims/{id}/dismiss': { permission: 'claim.triage', path: (f) => `/claims/${f.claimId}/dismiss`, body: () => ({ note: 'off topic' }) },
  'POST /claims/{id}/restore': { permission: 'claim.triage', path: (f) => `/claims/${f.claimId}/restore`, body: () => ({}) },
  'POST /claims/{id}/assign': {
    permission: 'claim.assign',
    path: (f) => `/claims/${f.claimId}/assign`,
    body: (f) => ({ reviewerId: f.otherReviewerId }),
  },
  'POST /claims/{id}/reassign': {
    permission: 'claim.assign',
    path: (f) => `/claims/${f.claimId}/reassign`,
    body: (f) => ({ reviewerId: f.otherReviewerId }),
  },
  'POST /claims/{id}/unassign': { permission: 'claim.assign', path: (f) => `/claims/${f.claimId}/unassign`, body: () => ({}) },

  'POST /assignments/{id}/accept': { permission: 'assignment.respond', owner: 'assignee', path: (f) => `/assignments/${f.offerId}/accept`, body: () => ({}) },
  'POST /assignments/{id}/decline': {
    permission: 'assignment.respond',
    owner: 'assignee',
    path: (f) => `/assignments/${f.declineId}/decline`,
    body: () => ({ reason: 'busy' }),
  },
  'GET /me/assignments': { permission: 'assignment.respond', path: () => '/me/assignments' },

  'POST /claims/{id}/verdicts': { permission: 'verdict.submit', owner: 'assignee', path: (f) => `/claims/${f.reviewClaimId}/verdicts`, body: () => VERDICT },
  'POST /verdicts/{id}/approve': { permission: 'verdict.decide', path: (f) => `/verdicts/${f.verdictId}/approve`, body: () => ({}) },
  'POST /verdicts/{id}/return': { permission: 'verdict.decide', path: (f) => `/verdicts/${f.verdictId}/return`, body: () => ({ note: 'cite the table' }) },

  'POST /people': {
    permission: 'person.manage',
    path: () => '/people',
    body: (_f, caller) => ({ name: `New ${caller}`, email: `new-${caller.toLowerCase()}@matrix.test`, role: 'VIEWER' }),
  },
  'GET /people': { permission: 'person.read', path: () => '/people' },
  'PATCH /people/{id}': { permission: 'person.manage', path: (f) => `/people/${f.sparePersonId}`, body: () => ({ name: 'Spare Renamed' }) },
  'POST /people/{id}/tokens': { permission: 'person.manage', path: (f) => `/people/${f.sparePersonId}/tokens`, body: () => ({}) },
  'GET /me': { permission: 'person.self', path: () => '/me' },
  'PATCH /me': { permission: 'person.self', path: () => '/me', body: () => ({ conflicts: [] }) },

  'POST /webhooks': {
    permission: 'webhook.manage',
    path: () => '/webhooks',
    // A literal public address: the SSRF guard passes it without DNS (the test machine has none).
    body: (_f, caller) => ({ url: `https://93.184.216.34/hooks/${caller}`, events: ['claim.published'] }),
  },
  'GET /webhooks': { permission: 'webhook.manage', path: () => '/webhooks' },
  'DELETE /webhooks/{id}': { permission: 'webhook.manage', path: () => '/webhooks/00000000-0000-4000-8000-000000000000' },
  'POST /webhooks/{id}/rotate-secret': { permission: 'webhook.manage', path: () => '/webhooks/00000000-0000-4000-8000-000000000000/rotate-secret', body: () => ({}) },
  'POST /webhooks/{id}/resume': { permission: 'webhook.manage', path: () => '/webhooks/00000000-0000-4000-8000-000000000000/resume', body: () => ({}) },
  'GET /webhooks/{id}/deliveries': { permission: 'webhook.manage', path: () => '/webhooks/00000000-0000-4000-8000-000000000000/deliveries' },
  'POST /webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    permission: 'webhook.manage',
    path: () => '/webhooks/00000000-0000-4000-8000-000000000000/deliveries/00000000-0000-4000-8000-000000000000/redeliver',
    body: () => ({}),
  },
  'GET /tokens': { permission: 'person.self', path: () => '/tokens' },
  'POST /tokens/{id}/revoke': { permission: 'person.self', owner: 'viewerToken', path: (f) => `/tokens/${f.viewerSpareTokenId}/revoke`, body: () => ({}) },
  'POST /tokens/{id}/rotate': { permission: 'person.self', owner: 'viewerToken', path: (f) => `/tokens/${f.viewerSpareTokenId}/rotate`, body: () => ({}) },

  'GET /dashboard': { permission: 'article.read', path: () => '/dashboard' },
  'GET /events': { permission: 'article.read', path: () => '/events?limit=5' },
  'GET /dashboard/stories': { permission: 'article.read', path: () => '/dashboard/stories?limit=5' },
  // A stream: one second of it is enough to see who may open it.
  'GET /events/stream': { permission: 'article.read', path: () => '/events/stream?maxSeconds=1' },
  'GET /ratings': { permission: 'article.read', path: () => '/ratings' },

  'GET /admin/jobs/failed': { permission: 'jobs.manage', path: () => '/admin/jobs/failed' },
  'POST /admin/jobs/{queue}/{id}/retry': { permission: 'jobs.manage', path: () => '/admin/jobs/extract/no-such-job/retry', body: () => ({}) },
  'POST /admin/queues/session': { permission: 'jobs.manage', path: () => '/admin/queues/session', body: () => ({}) },
};

export interface OperationRule {
  permission: Permission;
  owner?: Owner;
  query: string;
  variables: (f: Fixtures, caller: string) => Record<string, unknown>;
}

/** `Query.field` / `Mutation.field` / `Subscription.field` -> rule. */
export const GRAPHQL_OPERATIONS: Record<string, OperationRule> = {
  'Query.article': { permission: 'article.read', query: 'query($id: ID!) { article(id: $id) { id } }', variables: (f) => ({ id: f.articleId }) },
  'Query.articles': { permission: 'article.read', query: 'query { articles(limit: 5) { items { id } } }', variables: () => ({}) },
  'Query.articleStatus': {
    permission: 'article.read',
    query: 'query($id: ID!) { articleStatus(id: $id) { status } }',
    variables: (f) => ({ id: f.articleId }),
  },
  'Query.claim': { permission: 'claim.read', query: 'query($id: ID!) { claim(id: $id) { id verdicts { id } } }', variables: (f) => ({ id: f.claimId }) },
  'Query.claims': { permission: 'article.read', query: 'query { claims(limit: 5) { items { id } } }', variables: () => ({}) },
  'Query.dashboard': { permission: 'article.read', query: 'query { dashboard { revision } }', variables: () => ({}) },
  'Query.events': { permission: 'article.read', query: 'query { events(limit: 5) { next } }', variables: () => ({}) },
  'Query.deskStories': { permission: 'article.read', query: 'query { deskStories(limit: 5) { id progress } }', variables: () => ({}) },
  'Query.ratingScale': { permission: 'article.read', query: 'query { ratingScale { id label } }', variables: () => ({}) },
  'Query.me': { permission: 'person.self', query: 'query { me { id } }', variables: () => ({}) },

  'Mutation.ingestArticle': {
    permission: 'article.ingest',
    query: 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { id } }',
    variables: (_f, caller) => ({ input: { title: `GraphQL ${caller}`, body: `The council said ${caller} spending doubled.` } }),
  },
  'Mutation.acceptAssignment': {
    permission: 'assignment.respond',
    owner: 'assignee',
    query: 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }',
    variables: (f) => ({ id: f.offerId }),
  },
  'Mutation.declineAssignment': {
    permission: 'assignment.respond',
    owner: 'assignee',
    query: 'mutation($id: ID!) { declineAssignment(id: $id, reason: "busy") { id } }',
    variables: (f) => ({ id: f.declineId }),
  },
  'Mutation.submitVerdict': {
    permission: 'verdict.submit',
    owner: 'assignee',
    query: 'mutation($id: ID!, $input: SubmitVerdictInput!) { submitVerdict(claimId: $id, input: $input) { id } }',
    variables: (f) => ({ id: f.reviewClaimId, input: VERDICT }),
  },
  'Mutation.approveVerdict': { permission: 'verdict.decide', query: 'mutation($id: ID!) { approveVerdict(id: $id) { id } }', variables: (f) => ({ id: f.verdictId }) },
  'Mutation.returnVerdict': {
    permission: 'verdict.decide',
    query: 'mutation($id: ID!) { returnVerdict(id: $id, note: "cite it") { id } }',
    variables: (f) => ({ id: f.verdictId }),
  },
  'Mutation.assignClaim': {
    permission: 'claim.assign',
    query: 'mutation($id: ID!, $r: ID!) { assignClaim(id: $id, reviewerId: $r) { id } }',
    variables: (f) => ({ id: f.claimId, r: f.otherReviewerId }),
  },
  'Mutation.promoteClaim': { permission: 'claim.triage', query: 'mutation($id: ID!) { promoteClaim(id: $id) { id } }', variables: (f) => ({ id: f.claimId }) },
  'Mutation.reuseFactCheck': {
    permission: 'verdict.decide',
    query: 'mutation($id: ID!, $fc: ID!) { reuseFactCheck(claimId: $id, factCheckId: $fc) }',
    variables: (f) => ({ id: f.claimId, fc: '00000000-0000-4000-8000-000000000000' }),
  },
  'Mutation.dismissClaim': { permission: 'claim.triage', query: 'mutation($id: ID!) { dismissClaim(id: $id) { id } }', variables: (f) => ({ id: f.claimId }) },

  'Subscription.articleChanged': {
    permission: 'article.read',
    query: 'subscription($id: ID!) { articleChanged(id: $id) { id type } }',
    variables: (f) => ({ id: f.articleId }),
  },
};
