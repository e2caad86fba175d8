import SwaggerParser from '@apidevtools/swagger-parser';
import OpenAPIClientAxios from 'openapi-client-axios';
import { Client as PgClient } from 'pg';
import { httpClient, startTestDesk, waitFor, type HttpClient, type TestDesk } from '@claimdesk/testing';

/** Counts every SQL statement any pg client of this process sends (Prisma's adapter included). */
function countQueries() {
  const spy = jest.spyOn(PgClient.prototype, 'query');
  return {
    get count() {
      return spy.mock.calls.length;
    },
    reset: () => spy.mockClear(),
    stop: () => spy.mockRestore(),
  };
}

describe('dashboards poll cheaply, lists cost a fixed number of queries, the OpenAPI document drives a client', () => {
  let desk: TestDesk;
  let admin: HttpClient;
  let pg: PgClient;
  let articleId: string;

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0 });
    admin = httpClient(desk.api, desk.adminToken);
    pg = new PgClient({ connectionString: desk.db.url });
    await pg.connect();
    const created = await admin.post('/articles', { title: 'Counting claims', body: 'Numbers were said. Many of them.' });
    articleId = created.body.id;
    // 100 claims, each assigned to one of 10 reviewers, half with a verdict, straight into Postgres.
    await pg.query(`INSERT INTO "Person" (name, email, role, "updatedAt") SELECT 'R' || i, 'r' || i || '@t', 'REVIEWER', now() FROM generate_series(1, 10) i`);
    await pg.query(
      `INSERT INTO "Claim" ("articleId", ordinal, text, sentence, "spanStart", "spanEnd", score, status, "updatedAt")
       SELECT $1, i, 'claim ' || i, 'claim ' || i, 0, 1, 0.9, 'IN_REVIEW', now() FROM generate_series(1, 100) i`,
      [articleId],
    );
    await pg.query(`INSERT INTO "Assignment" ("claimId", "reviewerId", reason, status, "dueAt", "updatedAt")
      SELECT c.id, (SELECT id FROM "Person" WHERE email = 'r' || (1 + c.ordinal % 10) || '@t'), 'test', 'ACCEPTED', now() + interval '1 hour', now()
      FROM "Claim" c WHERE c."articleId" = $1`, [articleId]);
    await pg.query(`INSERT INTO "Verdict" ("claimId", "authorId", rating, rationale, status, "updatedAt")
      SELECT c.id, a."reviewerId", 'FALSE', 'r', 'APPROVED', now() FROM "Claim" c JOIN "Assignment" a ON a."claimId" = c.id
      WHERE c."articleId" = $1 AND c.ordinal % 2 = 0`, [articleId]);
  });

  afterAll(async () => {
    await pg?.end();
    await desk?.close();
  });

  it('keeps per-article and desk counters in the same transactions as the claims (triggers)', async () => {
    const status = (await admin.get(`/articles/${articleId}/status`)).body;
    expect(status.claims.total).toBe(100);
    expect(status.claims.byStatus.IN_REVIEW).toBe(100);
    expect(status.verdicts.byRating).toEqual({ FALSE: 50 });
    // As the application always does, the change bumps the article's revision in the same transaction
    // (the status view is cached per revision, so a change without one would not be seen).
    await pg.query(
      `WITH moved AS (UPDATE "Claim" SET status = 'PUBLISHED' WHERE "articleId" = $1 AND ordinal <= 10 RETURNING 1)
       UPDATE "Article" SET revision = revision + 1 WHERE id = $1`,
      [articleId],
    );
    const after = await waitFor(
      async () => {
        const body = (await admin.get(`/articles/${articleId}/status`)).body;
        return body.claims.byStatus.PUBLISHED === 10 ? body : undefined;
      },
      { what: 'the new counts', timeoutMs: 3_000, intervalMs: 20 },
    );
    expect(after.claims.byStatus).toMatchObject({ IN_REVIEW: 90, PUBLISHED: 10 });
    const dashboard = (await admin.get('/dashboard')).body;
    expect(dashboard.claims.byStatus).toMatchObject({ IN_REVIEW: 90, PUBLISHED: 10 });
    expect(dashboard.claims.total).toBe(100);
  });

  it('answers an unchanged status or dashboard poll with 304 without a single SQL query, and 200 as soon as the revision moves', async () => {
    const first = await admin.get(`/articles/${articleId}/status`);
    const etag = first.headers.etag as string;
    const desk0 = await admin.get('/dashboard');
    const deskEtag = desk0.headers.etag as string;
    await admin.get(`/articles/${articleId}/status`, { 'if-none-match': etag }); // warm the token cache
    const queries = countQueries();
    try {
      for (let i = 0; i < 50; i++) {
        expect((await admin.get(`/articles/${articleId}/status`, { 'if-none-match': etag })).status).toBe(304);
        expect((await admin.get('/dashboard', { 'if-none-match': deskEtag })).status).toBe(304);
      }
      expect(queries.count).toBe(0);
      // An unchanged status is answered from memory even without If-None-Match (cached per revision).
      expect((await admin.get(`/articles/${articleId}/status`)).status).toBe(200);
      expect(queries.count).toBe(0);
      // The counter does count (the checks above are not vacuous): the article itself is read from Postgres.
      expect((await admin.get(`/articles/${articleId}`)).status).toBe(200);
      expect(queries.count).toBeGreaterThan(0);
    } finally {
      queries.stop();
    }
    // A committed revision bump reaches the cache through NOTIFY: the old ETag no longer matches.
    await pg.query(`UPDATE "Article" SET revision = revision + 1 WHERE id = $1`, [articleId]);
    await waitFor(async () => (await admin.get(`/articles/${articleId}/status`, { 'if-none-match': etag })).status === 200, { what: 'status 200 after the bump' });
    await waitFor(async () => (await admin.get('/dashboard', { 'if-none-match': deskEtag })).status === 200, { what: 'dashboard 200 after the bump' });
  });

  it('lists 100 claims with reviewers and verdicts in as many SQL queries as 10 (GraphQL DataLoaders, REST batches)', async () => {
    const query = `query($n: Int!, $a: ID!) { claims(article: $a, limit: $n) { items { id status assignment { id reviewer { id name } } verdicts { rating sources { url } } } } }`;
    const cost = async (n: number) => {
      const queries = countQueries();
      try {
        const r = await admin.post('/graphql', { query, variables: { n, a: articleId } });
        expect(r.body.errors).toBeUndefined();
        expect(r.body.data.claims.items).toHaveLength(n);
        expect(r.body.data.claims.items.every((c: any) => c.assignment.reviewer.name)).toBe(true);
        const gqlQueries = queries.count;
        queries.reset();
        const rest = await admin.get(`/claims?article=${articleId}&limit=${n}`);
        expect(rest.body.items).toHaveLength(n);
        return { gql: gqlQueries, rest: queries.count };
      } finally {
        queries.stop();
      }
    };
    const ten = await cost(10);
    const hundred = await cost(100);
    expect(hundred).toEqual(ten);
    expect(hundred.gql).toBeLessThanOrEqual(5);
    expect(hundred.rest).toBeLessThanOrEqual(4);
  });

  it('pages lists with a cursor and filters', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const r: any = await admin.get(`/claims?article=${articleId}&limit=30${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      for (const c of r.body.items) seen.add(c.id);
      cursor = r.body.next;
    } while (cursor);
    expect(seen.size).toBe(100);
    expect((await admin.get(`/claims?status=PUBLISHED&article=${articleId}&limit=100`)).body.items).toHaveLength(10);
    expect((await admin.get('/claims?limit=101')).status).toBe(400);
    expect((await admin.get('/articles?status=NOPE')).status).toBe(400);
    expect((await admin.get('/articles?limit=1')).body.items).toHaveLength(1);
    const events = (await admin.get('/events?limit=1')).body;
    expect(events.events).toHaveLength(1);
    const more = (await admin.get(`/events?after=${events.next}&limit=5`)).body;
    expect(more.events.every((e: any) => BigInt(e.id) > BigInt(events.next))).toBe(true);
    expect((await admin.get('/events?after=abc')).status).toBe(400);
  });

  it('serves a valid OpenAPI document from which a generated client ingests an article and reads its status', async () => {
    const doc = (await httpClient(desk.api).get('/docs-json')).body;
    await SwaggerParser.validate(structuredClone(doc));
    for (const path of ['/articles', '/articles/{id}/status', '/claims', '/dashboard', '/events']) expect(doc.paths[path]).toBeDefined();
    expect(doc.paths['/articles'].post.responses['400'].content['application/problem+json']).toBeDefined();
    // Every route has a typed success answer and problem+json errors (except /health).
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const ok = Object.entries<any>(op.responses).find(([code]) => code.startsWith('2'));
        expect([path, method, ok?.[1].content?.['application/json']?.schema?.type === 'object' && !ok?.[1].content?.['application/json']?.schema?.properties]).toEqual([path, method, false]);
      }
    }
    expect((await httpClient(desk.api).get('/docs')).status).toBe(200);

    await desk.api.listen({ port: 0, host: '127.0.0.1' });
    const { port } = desk.api.getHttpServer().address() as { port: number };
    const api = new OpenAPIClientAxios({
      definition: doc,
      axiosConfigDefaults: { baseURL: `http://127.0.0.1:${port}`, headers: { authorization: `Bearer ${desk.adminToken}` }, validateStatus: () => true },
    });
    const client = await api.init<any>();
    const ingested = await client.Articles_ingest(null, { title: 'Through the generated client', body: 'The mayor said the bridge cost 2 million.' });
    expect(ingested.status).toBe(202);
    const status = await client.Articles_status({ id: ingested.data.id });
    expect(status.status).toBe(200);
    expect(status.data).toMatchObject({ articleId: ingested.data.id, status: 'INGESTED', claims: { total: 0 } });
    const unchanged = await client.Articles_status({ id: ingested.data.id }, null, { headers: { 'If-None-Match': status.headers.etag } });
    expect(unchanged.status).toBe(304);
  });
});
