import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Client as PgClient } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { httpClient, startTestDesk, waitFor, type HttpClient, type TestDesk } from '@claimdesk/testing';
import { addPerson } from './desk-builder';
import { sampleArticleText } from './sample-article';

/**
 * A GraphQL subscription follows its credentials (issue 19 row 2): the socket, open on one API
 * process, is closed within 5 s when the token is revoked, expires, or its person is deactivated or
 * given another role through the other process.
 */
describe('subscriptions follow their credentials (two API processes, real Postgres NOTIFY)', () => {
  let desk: TestDesk;
  let admin: HttpClient;
  let pg: PgClient;
  let articleId: string;
  let wsUrl: string;
  const sockets: { dispose(): void | Promise<void> }[] = [];

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0, apis: 2 });
    admin = httpClient(desk.apis[0], desk.adminToken);
    const subscriber: NestFastifyApplication = desk.apis[1];
    await subscriber.listen({ port: 0, host: '127.0.0.1' });
    wsUrl = `ws://127.0.0.1:${(subscriber.getHttpServer().address() as { port: number }).port}/graphql`;
    pg = new PgClient({ connectionString: desk.db.url });
    await pg.connect();
    const ingested = await admin.post('/articles', sampleArticleText());
    expect(ingested.status).toBe(202);
    articleId = ingested.body.id;
  });

  afterAll(async () => {
    for (const socket of sockets) await socket.dispose();
    await pg?.end();
    await desk?.close();
  });

  /** Subscribes on the second process and resolves once an event inserted now has arrived: the subscription is live. */
  async function liveSubscription(token: string) {
    const state = { events: [] as string[], closedAt: 0, code: 0, reason: '' };
    const client = createWsClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      // The close under test is expected: graphql-ws would print it.
      onNonLazyError: () => undefined,
      connectionParams: { authorization: `Bearer ${token}` },
      on: {
        closed: (event) => {
          const e = event as { code: number; reason: string };
          Object.assign(state, { closedAt: Date.now(), code: e.code, reason: String(e.reason) });
        },
      },
    });
    sockets.push(client);
    client.subscribe(
      { query: 'subscription($id: ID!) { articleChanged(id: $id) { type } }', variables: { id: articleId } },
      { next: (r) => void state.events.push((r.data as { articleChanged: { type: string } }).articleChanged.type), error: () => undefined, complete: () => undefined },
    );
    // Ping until one arrives: the subscription is registered only once the server has run it.
    await waitFor(
      async () => {
        await pg.query(`INSERT INTO "Event" (type, "articleId", payload) VALUES ('test.ping', $1, '{}')`, [articleId]);
        await new Promise((r) => setTimeout(r, 150));
        return state.events.length > 0;
      },
      { what: 'the subscription to receive an event', timeoutMs: 15_000, intervalMs: 10 },
    );
    expect(state.closedAt).toBe(0);
    return state;
  }

  async function closedWithin(state: { closedAt: number }, since: number, ms: number) {
    await waitFor(async () => state.closedAt > 0, { what: 'the socket to close', timeoutMs: ms, intervalMs: 20 });
    return state.closedAt - since;
  }

  it('closes the socket within 5 s of the token being revoked through the other process', async () => {
    const viewer = await addPerson(admin, { name: 'Val', email: 'val@subs.test', role: 'VIEWER' });
    const state = await liveSubscription(viewer.token);
    const [token] = (await httpClient(desk.apis[0], viewer.token).get('/tokens')).body;
    const revokedAt = Date.now();
    expect((await admin.post(`/tokens/${token.id}/revoke`)).status).toBe(200);
    expect(await closedWithin(state, revokedAt, 5_000)).toBeLessThan(5_000);
    expect(state.code).toBe(4401);
    const seen = state.events.length;
    await pg.query(`INSERT INTO "Event" (type, "articleId", payload) VALUES ('test.after', $1, '{}')`, [articleId]);
    await new Promise((r) => setTimeout(r, 500));
    expect(state.events).toHaveLength(seen);
  });

  it('closes the socket within 5 s of its person being deactivated', async () => {
    const viewer = await addPerson(admin, { name: 'Dee', email: 'dee@subs.test', role: 'VIEWER' });
    const state = await liveSubscription(viewer.token);
    const deactivatedAt = Date.now();
    expect((await admin.raw('PATCH', `/people/${viewer.id}`, { active: false })).status).toBe(200);
    expect(await closedWithin(state, deactivatedAt, 5_000)).toBeLessThan(5_000);
    expect(state.code).toBe(4401);
  });

  it('closes the socket when its person gets another role (4403: reconnect to see what the new role may)', async () => {
    const viewer = await addPerson(admin, { name: 'Roy', email: 'roy@subs.test', role: 'VIEWER' });
    const state = await liveSubscription(viewer.token);
    const changedAt = Date.now();
    expect((await admin.raw('PATCH', `/people/${viewer.id}`, { role: 'REVIEWER' })).status).toBe(200);
    expect(await closedWithin(state, changedAt, 5_000)).toBeLessThan(5_000);
    expect(state.code).toBe(4403);
  });

  it('closes the socket when the token expires, with no one revoking it', async () => {
    const viewer = await addPerson(admin, { name: 'Exa', email: 'exa@subs.test', role: 'VIEWER' });
    const state = await liveSubscription(viewer.token);
    // Shortened in place (the API only grants whole days); the change itself is heard through NOTIFY.
    await pg.query(`UPDATE "ApiToken" SET "expiresAt" = now() + interval '1 second' WHERE "personId" = $1`, [viewer.id]);
    const expiresAt = Date.now() + 1_000;
    expect(await closedWithin(state, expiresAt, 5_000)).toBeLessThan(5_000);
    expect(state.code).toBe(4401);
  });

  it('keeps a socket whose person was only renamed', async () => {
    const viewer = await addPerson(admin, { name: 'Ned', email: 'ned@subs.test', role: 'VIEWER' });
    const state = await liveSubscription(viewer.token);
    expect((await admin.raw('PATCH', `/people/${viewer.id}`, { name: 'Edward' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(state.closedAt).toBe(0);
  });
});
