import { Client as UrqlClient, fetchExchange, subscriptionExchange, gql } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Client as PgClient } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../apps/api/src/create-api-app';
import { httpClient, startTestDesk, waitFor, type HttpClient, type TestDesk } from '@claimdesk/testing';
import { addPerson, type DeskMember } from './desk-builder';
import { sampleArticleText } from './sample-article';

const VERDICT = {
  rating: 'MOSTLY_TRUE',
  rationale: 'Matches the broadcast transcript.',
  sources: [{ url: 'https://example.org/transcript', title: 'Transcript' }],
  confidence: 0.8,
};
const REVIEWER_TOPICS = [['politics'], ['economy'], ['politics', 'diplomacy']];

interface Staff {
  editor: DeskMember;
  reviewers: DeskMember[];
}

async function staff(desk: TestDesk): Promise<Staff> {
  const admin = httpClient(desk.api, desk.adminToken);
  const editor = await addPerson(admin, { name: 'Eda Editor', email: 'eda@desk.test', role: 'EDITOR' });
  const reviewers: DeskMember[] = [];
  for (const [i, topics] of REVIEWER_TOPICS.entries()) {
    reviewers.push(await addPerson(admin, { name: `Reviewer ${i}`, email: `r${i}@desk.test`, role: 'REVIEWER', topics, capacity: 2 }));
  }
  return { editor, reviewers };
}

function urql(baseUrl: string, token: string): UrqlClient {
  const ws = createWsClient({ url: `${baseUrl.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
  return new UrqlClient({
    url: `${baseUrl}/graphql`,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink as never) }),
        }),
      }),
    ],
  });
}

async function gqlCall<T = any>(client: UrqlClient, query: string, variables: Record<string, unknown> = {}, mutation = false): Promise<T> {
  const result = mutation ? await client.mutation(gql(query), variables).toPromise() : await client.query(gql(query), variables).toPromise();
  if (result.error) throw new Error(`GraphQL: ${result.error.message} ${JSON.stringify(result.error.graphQLErrors.map((e) => e.extensions))}`);
  return result.data as T;
}

/** The end state both doors must leave: per claim (by ordinal) its status and published rating. */
async function endState(pg: PgClient, articleId: string) {
  const article = (await pg.query(`SELECT status FROM "Article" WHERE id = $1`, [articleId])).rows[0];
  const claims = (
    await pg.query(
      `SELECT c.ordinal, c.status::text, (SELECT string_agg(v.rating || ':' || v.status, ',') FROM "Verdict" v WHERE v."claimId" = c.id) AS verdicts
       FROM "Claim" c WHERE c."articleId" = $1 ORDER BY c.ordinal`,
      [articleId],
    )
  ).rows;
  const events = (await pg.query(`SELECT type, count(*)::int AS n FROM "Event" WHERE "articleId" = $1 GROUP BY type ORDER BY type`, [articleId])).rows;
  return { article, claims, events };
}

describe('one service, two doors: the sample article through REST and through GraphQL leaves the same state', () => {
  let restDesk: TestDesk;
  let gqlDesk: TestDesk;
  let secondApi: NestFastifyApplication;
  let restPg: PgClient;
  let gqlPg: PgClient;
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    restDesk = await startTestDesk({ workers: 1 });
    gqlDesk = await startTestDesk({ workers: 1 });
    // A second API process of the GraphQL desk: subscriptions must reach it through Redis.
    secondApi = await createApiApp(gqlDesk.env, { logger: false });
    await gqlDesk.api.listen({ port: 0, host: '127.0.0.1' });
    await secondApi.listen({ port: 0, host: '127.0.0.1' });
    restPg = new PgClient({ connectionString: restDesk.db.url });
    gqlPg = new PgClient({ connectionString: gqlDesk.db.url });
    await restPg.connect();
    await gqlPg.connect();
  }, 120_000);

  afterAll(async () => {
    for (const close of closers) await close().catch(() => undefined);
    await restPg?.end();
    await gqlPg?.end();
    await secondApi?.close();
    await restDesk?.close();
    await gqlDesk?.close();
  });

  const url = (app: NestFastifyApplication) => {
    const address = app.getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  };

  it('walks the flow through each door to the same end state, and the subscription on another API process sees every event once', async () => {
    // REST door.
    const rest = await staff(restDesk);
    const restEditor = httpClient(restDesk.api, rest.editor.token);
    const ingested = await restEditor.post('/articles', sampleArticleText());
    expect(ingested.status).toBe(202);
    const restArticle = ingested.body.id as string;
    await runFlow(async () => (await restEditor.get(`/articles/${restArticle}/status`)).body, async () => {
      for (const reviewer of rest.reviewers) {
        const client: HttpClient = httpClient(restDesk.api, reviewer.token);
        for (const a of (await client.get('/me/assignments')).body as any[]) {
          if (a.status === 'OFFERED') expect((await client.post(`/assignments/${a.id}/accept`)).status).toBe(200);
          const verdict = await client.post(`/claims/${a.claimId}/verdicts`, VERDICT);
          expect(verdict.status).toBe(201);
          expect((await restEditor.post(`/verdicts/${verdict.body.id}/approve`)).status).toBe(200);
        }
      }
    });

    // GraphQL door: a real client over HTTP, the subscription over WebSocket to the second process.
    const g = await staff(gqlDesk);
    const editor = urql(url(gqlDesk.api), g.editor.token);
    const { text } = { text: sampleArticleText() };
    const [title, ...rest_] = text.split('\n');
    const created = await gqlCall(editor, `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { id status } }`,
      { input: { title: title.trim(), body: rest_.join('\n').replace(/^\s*\n/, '') } }, true);
    const gqlArticle = created.ingestArticle.id as string;
    expect(created.ingestArticle.status).toBe('INGESTED');

    const watcher = urql(url(secondApi), g.editor.token);
    const seen: any[] = [];
    const subscriptionErrors: string[] = [];
    const sub = watcher
      .subscription(gql`subscription($id: ID!) { articleChanged(id: $id) { id type claimId } }`, { id: gqlArticle })
      .subscribe((r) => {
        if (r.data) seen.push(r.data.articleChanged);
        if (r.error) subscriptionErrors.push(r.error.message);
      });
    closers.push(async () => sub.unsubscribe());

    const reviewerClients = g.reviewers.map((r) => ({ member: r, client: urql(url(gqlDesk.api), r.token) }));
    await runFlow(
      async () => (await gqlCall(editor, `query($id: ID!) { articleStatus(id: $id) { progress status claims { total } } }`, { id: gqlArticle })).articleStatus,
      async () => {
        for (const { member, client } of reviewerClients) {
          const mine = await gqlCall(client, `query($r: ID!) { claims(reviewer: $r, limit: 100) { items { id assignment { id status } } } }`, { r: member.id });
          for (const claim of mine.claims.items) {
            if (claim.assignment.status === 'OFFERED') await gqlCall(client, `mutation($id: ID!) { acceptAssignment(id: $id) { status } }`, { id: claim.assignment.id }, true);
            const v = await gqlCall(client, `mutation($c: ID!, $i: SubmitVerdictInput!) { submitVerdict(claimId: $c, input: $i) { id status } }`, { c: claim.id, i: VERDICT }, true);
            await gqlCall(editor, `mutation($id: ID!) { approveVerdict(id: $id) { status } }`, { id: v.submitVerdict.id }, true);
          }
        }
      },
    );

    const [a, b] = [await endState(restPg, restArticle), await endState(gqlPg, gqlArticle)];
    expect(b).toEqual(a);
    expect(a.article.status).toBe('COMPLETED');
    expect(a.claims.filter((c: any) => c.status === 'PUBLISHED').length).toBeGreaterThan(6);

    // The same status object through both doors.
    const restStatus = (await restEditor.get(`/articles/${restArticle}/status`)).body;
    const gqlStatus = (await gqlCall(editor, `query($id: ID!) { articleStatus(id: $id) { status progress claims { total byStatus { status count } } verdicts { byRating } } }`, { id: gqlArticle })).articleStatus;
    // GraphQL lists REST's byStatus object as (status, count) pairs, every status, in workflow order.
    const byStatus = Object.fromEntries(gqlStatus.claims.byStatus.map((c: { status: string; count: number }) => [c.status, c.count]));
    expect({ ...gqlStatus, claims: { ...gqlStatus.claims, byStatus } }).toEqual({ status: restStatus.status, progress: restStatus.progress, claims: restStatus.claims, verdicts: restStatus.verdicts });

    // Every event after the subscription started, exactly once, in feed order.
    const feed = (await httpClient(gqlDesk.api, g.editor.token).get(`/events?articleId=${gqlArticle}&limit=1000`)).body.events as any[];
    const published = feed.filter((e) => e.type === 'claim.published').length;
    const publishedSeen = () => seen.filter((e) => e.type === 'claim.published').length;
    await waitFor(async () => publishedSeen() >= published && seen.some((e) => e.type === 'article.completed'), {
      what: 'subscription events',
    }).catch((error) => {
      throw new Error(`${error.message}: ${seen.length} events seen, ${publishedSeen()}/${published} published; feed: ${feed.length}; errors: ${subscriptionErrors.join('; ')}`);
    });
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const feedIds = new Set(feed.map((e) => e.id));
    for (const id of ids) expect(feedIds.has(id)).toBe(true);
    expect(seen.filter((e) => e.type === 'claim.published').length).toBe(published);
  }, 240_000);

  it('promotes, assigns and dismisses claims through GraphQL with the same rules as REST', async () => {
    const admin = httpClient(gqlDesk.api, gqlDesk.adminToken);
    const editor = await addPerson(admin, { name: 'Triage Editor', email: 'triage@desk.test', role: 'EDITOR' });
    const reviewer = await addPerson(admin, { name: 'Spare Reviewer', email: 'spare@desk.test', role: 'REVIEWER', capacity: 0, languages: ['fi'] });
    const client = urql(url(gqlDesk.api), editor.token);
    const article = (await admin.post('/articles', { title: 'Triage', body: 'Nothing here.', language: 'fi' })).body.id; // no reviewer of the flow speaks it: the router leaves these claims alone
    const pg = gqlPg;
    const { rows } = await pg.query(
      `INSERT INTO "Claim" ("articleId", ordinal, text, sentence, "spanStart", "spanEnd", score, status, "updatedAt")
       SELECT $1, i, 'c' || i, 'c' || i, 0, 1, 0.1, 'CANDIDATE', now() FROM generate_series(1, 2) i RETURNING id`,
      [article],
    );
    const promoted = await gqlCall(client, `mutation($id: ID!) { promoteClaim(id: $id) { status } }`, { id: rows[0].id }, true);
    expect(promoted.promoteClaim.status).toBe('PENDING');
    const refused = await client.mutation(gql`mutation($id: ID!, $r: ID!) { assignClaim(id: $id, reviewerId: $r) { status } }`, { id: rows[0].id, r: reviewer.id }).toPromise();
    expect(refused.error?.graphQLErrors[0].extensions?.code).toBeDefined();
    const forced = await gqlCall(client, `mutation($id: ID!, $r: ID!) { assignClaim(id: $id, reviewerId: $r, force: true) { status assignment { reviewer { id } } } }`, { id: rows[0].id, r: reviewer.id }, true);
    expect(forced.assignClaim).toEqual({ status: 'ASSIGNED', assignment: { reviewer: { id: reviewer.id } } });
    const dismissed = await gqlCall(client, `mutation($id: ID!) { dismissClaim(id: $id) { status } }`, { id: rows[1].id }, true);
    expect(dismissed.dismissClaim.status).toBe('DISMISSED');
    const again = await client.mutation(gql`mutation($id: ID!) { promoteClaim(id: $id) { status } }`, { id: rows[1].id }).toPromise();
    expect(again.error?.graphQLErrors[0].extensions).toMatchObject({ code: 'CONFLICT', status: 409, currentState: 'DISMISSED' });
    const restAgain = await httpClient(gqlDesk.api, editor.token).post(`/claims/${rows[1].id}/promote`);
    expect(restAgain.status).toBe(409);
    expect(restAgain.body.currentState).toBe('DISMISSED');
  });

  it('maps domain errors to GraphQL extensions.code like REST maps them to problem+json', async () => {
    const viewerless = urql(url(gqlDesk.api), gqlDesk.adminToken);
    const missing = await viewerless.query(gql`query { article(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}).toPromise();
    expect(missing.error?.graphQLErrors[0].extensions).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const rest = await httpClient(gqlDesk.api, gqlDesk.adminToken).get('/articles/00000000-0000-4000-8000-000000000000');
    expect(rest.status).toBe(404);
    expect(rest.body.code).toBe('NOT_FOUND');
    const bad = await viewerless.mutation(gql`mutation { ingestArticle(input: { title: "", body: "x" }) { id } }`, {}).toPromise();
    expect(bad.error?.graphQLErrors[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'title' })] });
    const anonymous = await fetch(`${url(gqlDesk.api)}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const deep = await viewerless.query(gql`query { claims(limit: 100) { items { assignment { reviewer { id } } verdicts { sources { url } } } } articles(limit: 100) { items { id title body } } events(limit: 1000) { events { id type payload at } } e2: events(limit: 1000) { events { id type payload at } } e3: events(limit: 1000) { events { id type payload at } } e4: events(limit: 1000) { events { id type payload at } } }`, {}).toPromise();
    expect(deep.error?.graphQLErrors[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
  });
});

async function runFlow(status: () => Promise<any>, step: () => Promise<void>): Promise<void> {
  await waitFor(async () => ['IN_REVIEW', 'COMPLETED'].includes((await status()).status), { what: 'extraction' });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const s = await status();
    if (s.progress === 1) return;
    if (Date.now() > deadline) throw new Error(`stuck: ${JSON.stringify(s)}`);
    await step();
    await new Promise((r) => setTimeout(r, 100));
  }
}
