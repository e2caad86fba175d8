import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../apps/api/src/create-api-app';
import { httpClient, startTestDesk, waitFor, type TestDesk } from '@claimdesk/testing';
import { addPerson } from './desk-builder';

/** Two API instances over one database and one Redis prefix, like two processes behind a balancer. */
function twoApiProcesses(env: Record<string, string> = {}) {
  const ctx = {} as { desk: TestDesk; first: NestFastifyApplication; second: NestFastifyApplication; env: TestDesk['env'] };
  beforeAll(async () => {
    ctx.desk = await startTestDesk({ workers: 0, apis: 2, env });
    [ctx.first, ctx.second] = ctx.desk.apis;
    ctx.env = ctx.desk.env;
  });
  afterAll(async () => {
    await ctx.desk?.close();
  });
  return ctx;
}

describe('tokens and rate limits (real Postgres, real Redis, two API processes)', () => {
  const ctx = twoApiProcesses({ CLAIMDESK_RATE_LIMIT_PER_MINUTE: '5' });

  it('shares one per-person budget across API processes and answers 429 with Retry-After past it', async () => {
    const admin = httpClient(ctx.first, ctx.env.CLAIMDESK_ADMIN_TOKEN);
    const reviewer = await addPerson(admin, { name: 'Rita', email: 'rita@limits.test', role: 'REVIEWER' });
    const doors = [httpClient(ctx.first, reviewer.token), httpClient(ctx.second, reviewer.token)];
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await doors[i % 2].get('/me')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await doors[0].get('/me');
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    // Someone else's budget is their own.
    const other = await addPerson(admin, { name: 'Otto', email: 'otto@limits.test', role: 'VIEWER' });
    expect((await httpClient(ctx.second, other.token).get('/me')).status).toBe(200);
  });
});

describe('token housekeeping across two API processes', () => {
  const ctx = twoApiProcesses();

  it('lists tokens without their secret, rotates and revokes them', async () => {
    const admin = httpClient(ctx.second, ctx.env.CLAIMDESK_ADMIN_TOKEN);
    const viewer = await addPerson(admin, { name: 'Vera', email: 'vera@limits.test', role: 'VIEWER' });
    const own = await httpClient(ctx.first, viewer.token).get('/tokens');
    expect(own.status).toBe(200);
    expect(own.body).toHaveLength(1);
    expect(JSON.stringify(own.body)).not.toContain(viewer.token);

    const rotated = await httpClient(ctx.first, viewer.token).post(`/tokens/${own.body[0].id}/rotate`);
    expect(rotated.status).toBe(201);
    expect((await httpClient(ctx.first, viewer.token).get('/tokens')).status).toBe(401);
    const fresh = httpClient(ctx.first, rotated.body.token);
    expect((await fresh.get('/me')).body.email).toBe('vera@limits.test');

    const stranger = await addPerson(admin, { name: 'Sam', email: 'sam@limits.test', role: 'VIEWER' });
    // A token made with a lifetime carries its expiry.
    const shortLived = await admin.post(`/people/${stranger.id}/tokens`, { name: 'ci', expiresInDays: 7 });
    expect(shortLived.status).toBe(201);
    expect(Date.parse(shortLived.body.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect((await admin.post(`/people/${stranger.id}/tokens`, { expiresInDays: 0 })).status).toBe(400);
    expect((await httpClient(ctx.first, stranger.token).post(`/tokens/${rotated.body.id}/revoke`)).status).toBe(403);
    // Revoked through the other API process: this one hears of it at commit (NOTIFY), not 30 s later.
    expect((await admin.post(`/tokens/${rotated.body.id}/revoke`)).status).toBe(200);
    await waitFor(async () => (await fresh.get('/me')).status === 401, { what: 'revocation to reach the other process', timeoutMs: 2_000, intervalMs: 20 });
  });
});

describe('webhook destinations (server-side request forgery)', () => {
  const ctx = twoApiProcesses();

  it('refuses loopback, private, link-local and non-http destinations, accepts a public one, shows the secret once', async () => {
    const admin = httpClient(ctx.first, ctx.env.CLAIMDESK_ADMIN_TOKEN);
    // The last seven are row 1 of issue 19: IPv6 spellings of loopback and metadata addresses.
    for (const url of [
      'http://127.0.0.1:3000/x', 'http://10.0.0.8/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'file:///etc/passwd',
      'http://[::ffff:127.0.0.1]/h', 'http://[::ffff:7f00:1]/h', 'http://[0:0:0:0:0:ffff:127.0.0.1]/h', 'http://[::ffff:169.254.169.254]/h',
      'http://[::127.0.0.1]/h', 'http://[64:ff9b::7f00:1]/h', 'http://[2002:7f00:1::]/h',
    ]) {
      const refused = await admin.post('/webhooks', { url, events: ['claim.published'] });
      expect([url, refused.status, refused.body.errors?.[0]?.field]).toEqual([url, 400, 'url']);
    }
    const created = await admin.post('/webhooks', { url: 'https://93.184.216.34/hook', events: ['claim.published'] });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await admin.get('/webhooks');
    expect(listed.body).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect((await admin.post('/webhooks', { url: 'https://93.184.216.34/hook', events: ['nope'] })).status).toBe(400);
  });

  it('lets an admin allow private destinations explicitly', async () => {
    const openEnv = { ...ctx.env, CLAIMDESK_WEBHOOK_ALLOW_PRIVATE: true };
    const open = await createApiApp(openEnv, { logger: false });
    try {
      const created = await httpClient(open, ctx.env.CLAIMDESK_ADMIN_TOKEN).post('/webhooks', { url: 'http://10.0.0.8/x', events: ['claim.published'] });
      expect(created.status).toBe(201);
    } finally {
      await open.close();
    }
  });
});
