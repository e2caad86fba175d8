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

    // The limit counts per clock minute: a slow run may cross into the next one, which starts afresh.
    const byMinute = new Map<number, number[]>();
    const statuses: number[] = [];
    let lastLimited: { headers: Record<string, unknown>; body: { detail: string } } | undefined;
    for (let i = 0; i < 700; i++) {
      const minute = Math.floor(Date.now() / 60_000);
      const response = await httpClient(i % 2 ? second : first, `cd_${randomBytes(24).toString('hex')}`).get('/me');
      statuses.push(response.status);
      // A request sent in one minute and answered in the next could be counted in either: left out.
      if (Math.floor(Date.now() / 60_000) === minute) byMinute.set(minute, [...(byMinute.get(minute) ?? []), response.status]);
      if (response.status === 429) lastLimited = response;
    }
    expect(statuses.slice(0, 50)).toEqual(Array(50).fill(401));
    for (const answers of byMinute.values()) {
      const failures = answers.filter((s) => s === 401).length;
      expect(failures).toBeLessThanOrEqual(50);
      expect(answers).toEqual([...Array(failures).fill(401), ...Array(answers.length - failures).fill(429)]);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(700 - 50 * byMinute.size);
    expect(lastLimited!.headers['retry-after']).toMatch(/^\d+$/);
    expect(lastLimited!.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(lastLimited!.body.detail).toMatch(/more than 50 failed authentications from this address per minute/);

    expect((await admin.get('/me')).status).toBe(200);
    // Not yet trusted by the second process: from a locked-out address it waits like a guess would
    // (unless a new minute has just begun, when it is looked up and valid).
    const minute = Math.floor(Date.now() / 60_000);
    const untrusted = (await httpClient(second, desk.adminToken).get('/me')).status;
    if (Math.floor(Date.now() / 60_000) === minute) expect(untrusted).toBe(429);
    else expect([200, 429]).toContain(untrusted);
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
