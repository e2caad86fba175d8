import { Client } from 'pg';
import { httpClient, startTestDesk, waitFor, type TestDesk } from '@claimdesk/testing';
import { newWebhookSecret } from '@claimdesk/core';
import { WebhookReceiver } from './webhook-receiver';

// CLAIMDESK_WEBHOOK_ALLOW_PRIVATE=false (the default). A subscription can still point at a loopback
// address if it was registered while its name resolved elsewhere, or while private destinations were
// allowed: rows are inserted directly to stand for that. Each delivery must refuse to connect.
describe('webhook delivery refuses private destinations at every attempt (real Postgres and Redis)', () => {
  let desk: TestDesk;
  let pg: Client;
  let target: WebhookReceiver;

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 1, env: { CLAIMDESK_WEBHOOK_BACKOFF_MS: '100', CLAIMDESK_WEBHOOK_ATTEMPTS: '2' } });
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
    target = await new WebhookReceiver().start();
  });

  afterAll(async () => {
    await target?.close();
    await pg?.end();
    await desk?.close();
  });

  it('refuses the loopback receiver at registration', async () => {
    const refused = await httpClient(desk.api, desk.adminToken).post('/webhooks', { url: target.url(), events: ['article.ingested'] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('url');
  });

  it('sends nothing to a destination that resolves to a loopback address, records why, and gives up after its attempts', async () => {
    const urls = [`http://127.0.0.1:${target.port}/a`, `http://localhost:${target.port}/b`, `http://[::ffff:7f00:1]:${target.port}/c`];
    const hooks: string[] = [];
    for (const url of urls) {
      const { rows } = await pg.query(`INSERT INTO "Webhook" (url, secret, events) VALUES ($1, $2, '{article.ingested}') RETURNING id`, [url, newWebhookSecret()]);
      hooks.push(rows[0].id);
    }
    const admin = httpClient(desk.api, desk.adminToken);
    expect((await admin.post('/articles', { title: 'Guarded', body: 'Exports rose 4% in 2024, the ministry said.' })).status).toBe(202);
    const dead = await waitFor(
      async () => {
        const all = await Promise.all(hooks.map(async (id) => (await admin.get(`/webhooks/${id}/deliveries`)).body.items[0]));
        return all.every((d) => d?.status === 'DEAD') ? all : undefined;
      },
      { what: 'every delivery given up' },
    );
    for (const delivery of dead) {
      expect(delivery.attempts).toBe(2);
      for (const attempt of delivery.attemptLog) {
        expect(attempt).toMatchObject({ outcome: 'refused', statusCode: null });
        expect(attempt.error).toMatch(/127\.0\.0\.1|::1|loopback/i);
      }
    }
    expect(target.received).toHaveLength(0);
  });
});
