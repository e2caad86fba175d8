import { Logger } from '@nestjs/common';
import { createClient as createWsClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { PERMISSIONS, type Permission } from '@claimdesk/core';
import { httpClient, startTestDesk, type HttpClient, type TestDesk } from '@claimdesk/testing';
import { insertArticle, insertClaim, insertVerdict, ownershipFixtures } from './access/access-fixtures';
import { GRAPHQL_OPERATIONS, REST_ROUTES, type Fixtures, type Owner } from './access/route-permissions';
import { addPerson } from './desk-builder';

// Every route Nest serves and every GraphQL operation, as every kind of caller, against the
// permission table: 401 without a valid token, 403 for a role the table leaves out or a caller the
// owner rule refuses, and for everyone else an answer that is the action's own (2xx, 404, 409).

const CALLERS = ['ADMIN', 'EDITOR', 'REVIEWER', 'OTHER_REVIEWER', 'VIEWER', 'NO_TOKEN', 'EXPIRED', 'REVOKED'] as const;
type Caller = (typeof CALLERS)[number];
type Expected = 401 | 403 | 'allowed';

const ROLE_OF: Partial<Record<Caller, string>> = { ADMIN: 'ADMIN', EDITOR: 'EDITOR', REVIEWER: 'REVIEWER', OTHER_REVIEWER: 'REVIEWER', VIEWER: 'VIEWER' };
const ALLOWED_STATUSES = [200, 201, 202, 204, 304, 404, 409];

export function expectedFor(permission: Permission | 'public', owner: Owner | undefined, caller: Caller): Expected {
  if (permission === 'public') return 'allowed';
  const role = ROLE_OF[caller];
  if (!role) return 401;
  if (!(PERMISSIONS[permission] as readonly string[]).includes(role)) return 403;
  if (owner === 'assignee' && caller !== 'REVIEWER') return 403;
  if (owner === 'viewerToken' && caller !== 'VIEWER' && caller !== 'ADMIN') return 403;
  return 'allowed';
}

const matches = (expected: Expected, status: number) => (expected === 'allowed' ? ALLOWED_STATUSES.includes(status) : status === expected);
/** Refusals first: they change nothing, so the allowed calls after them find the fixtures as made. */
const refusalsFirst = (a: { expected: Expected }, b: { expected: Expected }) => Number(a.expected === 'allowed') - Number(b.expected === 'allowed');

describe('access matrix: every route and GraphQL operation as every caller (generated from the permission table)', () => {
  let desk: TestDesk;
  let pg: Client;
  let admin: HttpClient;
  const tokens: Partial<Record<Caller, string>> = {};
  let rest: Fixtures;
  let graph: Fixtures;
  let ids: { editor: string; reviewer: string; viewer: string };

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0, env: { CLAIMDESK_RATE_LIMIT_PER_MINUTE: '100000' } });
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
    admin = httpClient(desk.api, desk.adminToken);
    const editor = await addPerson(admin, { name: 'Eda', email: 'eda@matrix.test', role: 'EDITOR' });
    const reviewer = await addPerson(admin, { name: 'Rita', email: 'rita@matrix.test', role: 'REVIEWER', capacity: 0 });
    const other = await addPerson(admin, { name: 'Otto', email: 'otto@matrix.test', role: 'REVIEWER', capacity: 0 });
    const viewer = await addPerson(admin, { name: 'Vera', email: 'vera@matrix.test', role: 'VIEWER' });
    const spare = await addPerson(admin, { name: 'Spare', email: 'spare@matrix.test', role: 'VIEWER' });
    ids = { editor: editor.id, reviewer: reviewer.id, viewer: viewer.id };
    Object.assign(tokens, { ADMIN: desk.adminToken, EDITOR: editor.token, REVIEWER: reviewer.token, OTHER_REVIEWER: other.token, VIEWER: viewer.token });

    // An expired token (the editor's) and a revoked one (the viewer's), neither ever used before.
    const expired = await admin.post(`/people/${editor.id}/tokens`, {});
    await pg.query(`UPDATE "ApiToken" SET "expiresAt" = now() - interval '1 hour' WHERE id = $1`, [expired.body.id]);
    tokens.EXPIRED = expired.body.token;
    const revoked = await admin.post(`/people/${viewer.id}/tokens`, {});
    expect((await admin.post(`/tokens/${revoked.body.id}/revoke`)).status).toBe(200);
    tokens.REVOKED = revoked.body.token;
    const viewerSpare = await admin.post(`/people/${viewer.id}/tokens`, { name: 'spare' });

    const articleId = await insertArticle(pg, 'Matrix article');
    const shared = {
      articleId,
      reviewerId: reviewer.id,
      otherReviewerId: other.id,
      sparePersonId: spare.id,
      viewerSpareTokenId: viewerSpare.body.id,
    };
    rest = { ...shared, claimId: await insertClaim(pg, articleId, 'PENDING'), ...(await ownershipFixtures(pg, articleId, reviewer.id)) };
    graph = { ...shared, claimId: await insertClaim(pg, articleId, 'PENDING'), ...(await ownershipFixtures(pg, articleId, reviewer.id)) };
  });

  afterAll(async () => {
    await pg?.end();
    await desk?.close();
  });

  it('holds the rule of every REST route Nest serves (from the OpenAPI document), and fails on a route without one', async () => {
    const doc = (await httpClient(desk.api).get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(served.length).toBeGreaterThan(30);
    // Nest serves each documented route (the document is not stale), and each has a rule.
    const fastify = desk.api.getHttpAdapter().getInstance();
    for (const route of served) {
      const [method, path] = route.split(' ');
      expect({ route, served: fastify.hasRoute({ method: method as 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') }) }).toEqual({ route, served: true });
    }
    expect(served.filter((r) => !REST_ROUTES[r])).toEqual([]);
    expect(Object.keys(REST_ROUTES).filter((r) => !served.includes(r))).toEqual([]);

    const failures: string[] = [];
    let calls = 0;
    for (const route of served.sort()) {
      const rule = REST_ROUTES[route];
      const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH';
      const plan = CALLERS.map((caller) => ({ caller, expected: expectedFor(rule.permission, rule.owner, caller) })).sort(refusalsFirst);
      for (const { caller, expected } of plan) {
        const client = httpClient(desk.api, tokens[caller]);
        const body = rule.body?.(rest, caller) ?? (method === 'GET' ? undefined : {});
        const response = await client.raw(method, rule.path(rest), body);
        calls++;
        if (!matches(expected, response.status)) {
          failures.push(`${route} as ${caller}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
        }
        if (expected !== 'allowed') expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(served.length * CALLERS.length);
  });

  it('holds the rule of every GraphQL query and mutation (from the schema), and fails on an operation without one', async () => {
    const schema = await admin.post('/graphql', {
      query: '{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }',
    });
    const s = schema.body.data.__schema;
    const operations = [
      ...s.queryType.fields.map((f: { name: string }) => `Query.${f.name}`),
      ...(s.mutationType?.fields ?? []).map((f: { name: string }) => `Mutation.${f.name}`),
      ...(s.subscriptionType?.fields ?? []).map((f: { name: string }) => `Subscription.${f.name}`),
    ] as string[];
    expect(operations.filter((o) => !GRAPHQL_OPERATIONS[o])).toEqual([]);
    expect(Object.keys(GRAPHQL_OPERATIONS).filter((o) => !operations.includes(o))).toEqual([]);

    const failures: string[] = [];
    for (const operation of operations.filter((o) => !o.startsWith('Subscription.')).sort()) {
      const rule = GRAPHQL_OPERATIONS[operation];
      const plan = CALLERS.map((caller) => ({ caller, expected: expectedFor(rule.permission, rule.owner, caller) })).sort(refusalsFirst);
      for (const { caller, expected } of plan) {
        const response = await httpClient(desk.api, tokens[caller]).post('/graphql', { query: rule.query, variables: rule.variables(graph, caller) });
        const error = response.body.errors?.[0];
        const status = response.status !== 200 ? response.status : error ? Number(error.extensions?.status ?? 500) : 200;
        if (!matches(expected, status)) failures.push(`${operation} as ${caller}: expected ${expected}, got ${status} ${error?.message ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('holds the rule of every GraphQL subscription over WebSocket (a connection without a valid token is refused)', async () => {
    await desk.api.listen({ port: 0, host: '127.0.0.1' });
    const url = `${(await desk.api.getUrl()).replace('http', 'ws').replace('[::1]', '127.0.0.1')}/graphql`;
    const subscriptions = Object.entries(GRAPHQL_OPERATIONS).filter(([o]) => o.startsWith('Subscription.'));
    const outcome = (caller: Caller, query: string, variables: Record<string, unknown>) =>
      new Promise<number>((resolve) => {
        const token = tokens[caller];
        const client = createWsClient({
          url,
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          connectionParams: token ? { authorization: `Bearer ${token}` } : {},
          on: { connected: () => void setTimeout(() => done(200), 300) },
        });
        let settled = false;
        const done = (status: number) => {
          if (settled) return;
          settled = true;
          void client.dispose();
          resolve(status);
        };
        client.subscribe({ query, variables }, {
          next: () => done(200),
          complete: () => done(200),
          error: (e: unknown) => {
            // Refused at connection: graphql-ws closes with 4403; Mercurius sends a legacy `connection_error`.
            if ((e as { code?: number }).code === 4403 || /connection_error/.test(String((e as Error)?.message))) return done(401);
            const errors = Array.isArray(e) ? e : [e];
            done(Number((errors[0] as { extensions?: { status?: number } })?.extensions?.status ?? 500));
          },
        });
      });
    const failures: string[] = [];
    for (const [operation, rule] of subscriptions) {
      const results = await Promise.all(CALLERS.map(async (caller) => ({ caller, status: await outcome(caller, rule.query, rule.variables(graph, caller)) })));
      for (const { caller, status } of results) {
        const expected = expectedFor(rule.permission, rule.owner, caller);
        if (!matches(expected, status)) failures.push(`${operation} as ${caller}: expected ${expected}, got ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never lets an editor approve or send back a verdict they wrote (four eyes), in both doors', async () => {
    const claimId = await insertClaim(pg, rest.articleId, 'SUBMITTED');
    const own = await insertVerdict(pg, claimId, ids.editor);
    const editor = httpClient(desk.api, tokens.EDITOR);
    expect((await editor.post(`/verdicts/${own}/approve`)).status).toBe(403);
    expect((await editor.post(`/verdicts/${own}/return`, { note: 'mine' })).status).toBe(403);
    const gql = await editor.post('/graphql', { query: 'mutation($id: ID!) { approveVerdict(id: $id) { id } }', variables: { id: own } });
    expect(gql.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect((await admin.post(`/verdicts/${own}/approve`)).status).toBe(200);
  });

  it('shows an unpublished verdict only to editors, its author and the assignee; a viewer sees approved verdicts only', async () => {
    const claimId = await insertClaim(pg, rest.articleId, 'SUBMITTED');
    const draft = await insertVerdict(pg, claimId, ids.reviewer);
    const seen = async (caller: Caller) => ((await httpClient(desk.api, tokens[caller]).get(`/claims/${claimId}`)).body.verdicts as Array<{ id: string }>).map((v) => v.id);
    expect(await seen('EDITOR')).toEqual([draft]);
    expect(await seen('REVIEWER')).toEqual([draft]);
    expect(await seen('OTHER_REVIEWER')).toEqual([]);
    expect(await seen('VIEWER')).toEqual([]);
    const viaGraphql = await httpClient(desk.api, tokens.VIEWER).post('/graphql', {
      query: 'query($id: ID!) { claims(article: $id, limit: 100) { items { id verdicts { id } assignment { reviewer { email } } } } }',
      variables: { id: rest.articleId },
    });
    const items = viaGraphql.body.data.claims.items as Array<{ verdicts: Array<{ id: string }>; assignment: { reviewer: { email: string | null } } | null }>;
    expect(items.flatMap((c) => c.verdicts)).not.toContainEqual({ id: draft });
    // Who holds a claim is public to the desk; their email is not.
    expect(items.flatMap((c) => (c.assignment ? [c.assignment.reviewer.email] : [])).every((e) => e === null)).toBe(true);
    expect((await admin.post(`/verdicts/${draft}/approve`)).status).toBe(200);
    expect(await seen('VIEWER')).toEqual([draft]);
  });

  it('logs every denial once, with the person and role of the token and never the token (REST and GraphQL)', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      await httpClient(desk.api, tokens.VIEWER).post('/articles', { title: 'Nope', body: 'A viewer may not ingest.' });
      await httpClient(desk.api, tokens.REVOKED).get('/me');
      await httpClient(desk.api).get('/dashboard');
      await httpClient(desk.api, tokens.VIEWER).post('/graphql', { query: 'mutation($id: ID!) { promoteClaim(id: $id) { id } }', variables: { id: rest.claimId } });
      // Written as the fields of one JSON log line (actor, action, target), not as text.
      const lines = warn.mock.calls.map((c) => c[0] as { audit?: string }).filter((l) => l?.audit === 'access.denied');
      expect(lines).toEqual([
        expect.objectContaining({ status: 403, code: 'FORBIDDEN', door: 'rest', action: 'POST /articles', target: '/articles', actor: { personId: ids.viewer, role: 'VIEWER' }, permission: 'article.ingest' }),
        expect.objectContaining({ status: 401, door: 'rest', action: 'GET /me', target: '/me', actor: expect.objectContaining({ personId: ids.viewer, role: 'VIEWER', tokenState: 'revoked' }) }),
        expect.objectContaining({ status: 401, door: 'rest', action: 'GET /dashboard', actor: { personId: null, role: null } }),
        expect.objectContaining({ status: 403, door: 'graphql', action: 'Mutation.promoteClaim', target: rest.claimId, actor: { personId: ids.viewer, role: 'VIEWER' }, permission: 'claim.triage' }),
      ]);
      const all = warn.mock.calls.map((c) => JSON.stringify(c[0])).join('\n');
      for (const token of Object.values(tokens)) expect(all).not.toContain(token!);
    } finally {
      warn.mockRestore();
    }
  });
});
