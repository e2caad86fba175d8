import { randomBytes } from 'node:crypto';
import { httpClient, startTestDesk, type TestDesk } from '@claimdesk/testing';

const INTROSPECTION = '{ __schema { types { name } } }';

describe('per-address limits for callers without a valid token (real Redis, two API processes)', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await startTestDesk({
      workers: 0,
      apis: 2,
      env: { CLAIMDESK_AUTH_FAILURE_LIMIT_PER_MINUTE: '50', CLAIMDESK_ANON_LIMIT_PER_MINUTE: '2000' },
    });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('answers 700 guessed tokens from one address 401 up to the threshold, then 429 with Retry-After, across processes', async () => {
    const [first, second] = desk.apis;
    // Seen valid before the flood: this process still trusts it without a lookup.
    const admin = httpClient(first, desk.adminToken);
    expect((await admin.get('/me')).status).toBe(200);

    const statuses: number[] = [];
    let lastLimited: { headers: Record<string, unknown>; body: { detail: string } } | undefined;
    for (let i = 0; i < 700; i++) {
      const response = await httpClient(i % 2 ? second : first, `cd_${randomBytes(24).toString('hex')}`).get('/me');
      statuses.push(response.status);
      if (response.status === 429) lastLimited = response;
    }
    expect(statuses.slice(0, 50)).toEqual(Array(50).fill(401));
    expect(statuses.slice(50)).toEqual(Array(650).fill(429));
    expect(lastLimited!.headers['retry-after']).toMatch(/^\d+$/);
    expect(lastLimited!.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(lastLimited!.body.detail).toMatch(/more than 50 failed authentications from this address per minute/);

    expect((await admin.get('/me')).status).toBe(200);
    // Not yet trusted by the second process: from a locked-out address it waits like a guess would.
    expect((await httpClient(second, desk.adminToken).get('/me')).status).toBe(429);
    // Probes are never limited.
    expect((await httpClient(second).get('/health')).status).toBe(200);
  });
});

describe('per-address limit for requests without a token', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0, apis: 1, env: { CLAIMDESK_ANON_LIMIT_PER_MINUTE: '30' } });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('lets introspection through without a token up to the threshold, then 429, while a valid token is unaffected', async () => {
    const anonymous = httpClient(desk.api);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await anonymous.post('/graphql', { query: INTROSPECTION })).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
    expect(statuses.slice(30)).toEqual(Array(10).fill(429));
    const limited = await anonymous.post('/graphql', { query: INTROSPECTION });
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body.detail).toMatch(/more than 30 requests without a valid token from this address per minute/);
    expect((await httpClient(desk.api, desk.adminToken).post('/graphql', { query: INTROSPECTION })).status).toBe(200);
  });
});
