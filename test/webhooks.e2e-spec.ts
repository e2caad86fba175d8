import { Client } from 'pg';
import { deleteQueueKeys, startTestDesk, startWorkerProcess, waitFor, type TestDesk, type WorkerProcess } from '@claimdesk/testing';
import { ingestWithClaims, publishClaim, publishingStaff, type PublishingStaff } from './publishing';
import { WebhookReceiver, type Received } from './webhook-receiver';

// The worker runs as a real process (so it can be SIGKILLed); receivers on loopback need
// CLAIMDESK_WEBHOOK_ALLOW_PRIVATE=true. Retries start at 300 ms; four failures in a row pause.
const ENV = {
  CLAIMDESK_WEBHOOK_ALLOW_PRIVATE: 'true',
  CLAIMDESK_WEBHOOK_BACKOFF_MS: '300',
  CLAIMDESK_WEBHOOK_PAUSE_AFTER: '4',
  CLAIMDESK_WEBHOOK_ATTEMPTS: '8',
  CLAIMDESK_RECONCILE_SECONDS: '2',
};
const FLOW_EVENTS = ['article.ingested', 'article.extracted', 'claim.created', 'claim.promoted', 'claim.assigned', 'claim.accepted', 'claim.submitted', 'claim.published'];
const ARTICLE = {
  title: 'Ports and prices',
  body: 'Port traffic rose 8% in 2025 to 12 million containers, the transport ministry said on Tuesday. Bread prices doubled in two years, baker Lena Ortiz said.',
  url: 'https://news.example.com/ports-and-prices',
  publishedAt: '2026-11-29T10:00:00.000Z',
};
const article = (title: string) => ({ title, body: `${title}: exports rose ${title.length}% in 2024 to ${title.length + 3} billion dollars, the trade ministry said.` });

describe('signed webhook delivery from the event log (real Postgres, Redis and a worker process)', () => {
  let desk: TestDesk;
  let worker: WorkerProcess;
  let staff: PublishingStaff;
  let pg: Client;
  const receivers: WebhookReceiver[] = [];

  const receiver = async () => {
    const r = await new WebhookReceiver().start();
    receivers.push(r);
    return r;
  };
  const subscribe = async (r: WebhookReceiver, events: string[]) => {
    const created = await staff.admin.post('/webhooks', { url: r.url(), events });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    r.secrets = [created.body.secret];
    return created.body as { id: string; secret: string };
  };
  const startWorker = async (overrides: Record<string, string> = {}) => {
    worker = startWorkerProcess(desk.env, overrides);
    await worker.ready;
  };
  const deliveries = async (webhookId: string) => (await staff.admin.get(`/webhooks/${webhookId}/deliveries?limit=100`)).body.items as any[];
  const eventsOf = async (types: string[], articleId?: string) =>
    ((await staff.viewer.get(`/events?limit=1000${articleId ? `&articleId=${articleId}` : ''}`)).body.events as any[]).filter((e) => types.includes(e.type));

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0, env: ENV });
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
    await startWorker();
    staff = await publishingStaff(desk, 'wh');
  }, 60_000);

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    for (const r of receivers) await r.close();
    await pg?.end();
    await desk?.close();
  });

  let flowHook: { id: string; secret: string };
  let flowReceiver: WebhookReceiver;

  it('delivers every subscribed event of the flow, verified, exactly once per webhook-id across a worker SIGKILL mid-delivery', async () => {
    flowReceiver = await receiver();
    flowHook = await subscribe(flowReceiver, FLOW_EVENTS);
    // article.extracted is held open, and the worker is killed while it waits for the answer
    // (after extraction, so the kill interrupts a delivery rather than the extraction).
    let held: string | undefined;
    flowReceiver.answer = (r) =>
      held === undefined && r.body.type === 'article.extracted' ? ((held = r.webhookId), { status: 204, holdMs: 5_000 }) : { status: 204 };
    const posted = await staff.admin.post('/articles', ARTICLE);
    expect(posted.status).toBe(202);
    await flowReceiver.next((r) => r.body.type === 'article.extracted');
    await worker.kill('SIGKILL');
    await startWorker();

    const { articleId, claimIds } = await ingestWithClaims(staff, ARTICLE, 2);
    expect(articleId).toBe(posted.body.id);
    for (const claimId of claimIds) await publishClaim(staff, claimId, 'MOSTLY_TRUE', 'The ministry bulletin gives the same figure. It was checked twice.');

    const expected = await eventsOf(FLOW_EVENTS, articleId);
    expect(expected.filter((e) => e.type === 'claim.published')).toHaveLength(2);
    await waitFor(async () => expected.every((e) => flowReceiver.ids().has(e.id)) || undefined, { timeoutMs: 60_000, what: 'every event delivered' });
    await waitFor(async () => (await deliveries(flowHook.id)).every((d) => d.status === 'DELIVERED') || undefined, { what: 'every delivery recorded' });

    expect([...flowReceiver.ids()].sort()).toEqual(expected.map((e) => e.id).sort());
    expect(flowReceiver.received.every((r) => r.verifiedBy.length === 1)).toBe(true);
    // The held request was never recorded as delivered, so it was sent again after the kill: same id, same body.
    const heldCopies = flowReceiver.received.filter((r) => r.webhookId === held);
    expect(heldCopies.length).toBeGreaterThanOrEqual(2);
    expect(heldCopies[1].body).toEqual(heldCopies[0].body);

    const byId = new Map(expected.map((e) => [e.id, e]));
    for (const r of flowReceiver.received) {
      const event = byId.get(r.webhookId)!;
      expect(Object.keys(r.body).sort()).toEqual(['at', 'data', 'id', 'type']);
      expect(r.body).toMatchObject({ type: event.type, id: event.id, at: event.at });
      expect(Math.abs(Number(r.headers['webhook-timestamp']) * 1000 - r.at)).toBeLessThan(5_000);
      if (event.type === 'claim.published') {
        const review = (await staff.viewer.get(`/claims/${event.claimId}/claim-review`)).body;
        expect(r.body.data).toEqual({ ...event, claimReview: review });
      } else {
        expect(r.body.data).toEqual(event); // what a VIEWER reads in GET /events: no rating of a verdict under review
      }
    }
    const submitted = flowReceiver.received.find((r) => r.body.type === 'claim.submitted')!;
    expect(submitted.body.data.payload).not.toHaveProperty('rating');
  }, 150_000);

  it('signs with both secrets for a day after a rotation, and redelivers a delivered event under the same webhook-id', async () => {
    const rotated = await staff.admin.post(`/webhooks/${flowHook.id}/rotate-secret`);
    expect(rotated.status).toBe(201);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(flowHook.secret);
    expect(Date.parse(rotated.body.previousSecretUntil) - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    flowReceiver.secrets = [flowHook.secret, rotated.body.secret];
    const posted = await staff.admin.post('/articles', article('Rotation'));
    const got = await waitFor(async () => flowReceiver.received.find((r) => r.body.type === 'article.ingested' && r.body.data.articleId === posted.body.id), { what: 'delivery after rotation' });
    expect(got.verifiedBy).toEqual([flowHook.secret, rotated.body.secret]);
    expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);

    // The receiver answers before the worker records: wait for the record.
    const delivered = await waitFor(async () => (await deliveries(flowHook.id)).find((d) => d.eventId === got.webhookId && d.status === 'DELIVERED'), { what: 'the delivery recorded' });
    expect(delivered).toMatchObject({ status: 'DELIVERED', eventType: 'article.ingested', attempts: 1, lastStatus: 204 });
    expect(delivered.attemptLog).toEqual([expect.objectContaining({ attempt: 1, outcome: 'ok', statusCode: 204, latencyMs: expect.any(Number), error: null })]);
    const copies = () => flowReceiver.received.filter((r) => r.webhookId === got.webhookId).length;
    const before = copies();
    const again = await staff.admin.post(`/webhooks/${flowHook.id}/deliveries/${delivered.id}/redeliver`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: delivered.id, status: 'PENDING', attempts: 0 });
    await waitFor(async () => copies() > before || undefined, { what: 'the redelivery' });
    await waitFor(async () => (await deliveries(flowHook.id)).find((d) => d.id === delivered.id).status === 'DELIVERED' || undefined, { what: 'redelivery recorded' });
    const unknown = await staff.admin.post(`/webhooks/${flowHook.id}/deliveries/00000000-0000-4000-8000-000000000000/redeliver`);
    expect(unknown.status).toBe(404);
    expect((await staff.admin.post(`/webhooks/${flowHook.id}/deliveries/nope/redeliver`)).body.errors[0].field).toBe('deliveryId');
  }, 60_000);

  it('retries a receiver answering 500 with growing gaps, pauses after four failures, holds what comes meanwhile, and sends it all on resume', async () => {
    const failing = await receiver();
    failing.answer = () => ({ status: 500 });
    const hook = await subscribe(failing, ['article.ingested']);
    const first = await staff.admin.post('/articles', article('Failing one'));
    await waitFor(async () => (await staff.admin.get('/webhooks')).body.find((w: any) => w.id === hook.id).active === false || undefined, {
      timeoutMs: 30_000,
      what: 'the subscription paused',
    });
    const [firstEvent] = await eventsOf(['article.ingested'], first.body.id);
    const tries = failing.received.filter((r) => r.webhookId === firstEvent.id).map((r) => r.at);
    expect(tries).toHaveLength(4);
    // The n-th retry waits 300 ms x 2^(n-1), drawn from its upper 20%: never less (a loaded machine only adds).
    const gaps = tries.slice(1).map((t, i) => t - tries[i]);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(0.8 * 300 * 2 ** i - 20));
    expect(gaps[2]).toBeGreaterThan(gaps[0]);

    const listed = (await staff.admin.get('/webhooks')).body.find((w: any) => w.id === hook.id);
    expect(listed).toMatchObject({ active: false, consecutiveFailures: 4, pausedReason: expect.stringMatching(/4 failed attempts in a row; the last: receiver answered 500/) });
    const paused = (await eventsOf(['webhook.paused'])).find((e) => e.payload.webhookId === hook.id);
    expect(paused.payload.reason).toBe(listed.pausedReason);
    const [pending] = (await deliveries(hook.id)).filter((d) => d.eventId === firstEvent.id);
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 4, lastStatus: 500 });
    expect(pending.attemptLog.map((a: any) => [a.attempt, a.outcome, a.statusCode])).toEqual([1, 2, 3, 4].map((n) => [n, 'http_error', 500]));

    // Paused: a new event waits in Postgres and nothing more is sent.
    const second = await staff.admin.post('/articles', article('While paused'));
    const [secondEvent] = await waitFor(async () => {
      const e = await eventsOf(['article.ingested'], second.body.id);
      return e.length ? e : undefined;
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(failing.received).toHaveLength(4);
    expect((await deliveries(hook.id)).find((d) => d.eventId === secondEvent.id)).toMatchObject({ status: 'PENDING', attempts: 0 });

    failing.answer = () => ({ status: 200 });
    const resumed = await staff.admin.post(`/webhooks/${hook.id}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ active: true, pausedReason: null, consecutiveFailures: 0 });
    expect((await staff.admin.post(`/webhooks/${hook.id}/resume`)).status).toBe(409);
    await waitFor(async () => (failing.ids().has(secondEvent.id) && failing.received.length >= 6) || undefined, { what: 'the missed events after resume' });
    await waitFor(async () => (await deliveries(hook.id)).every((d) => d.status === 'DELIVERED') || undefined, { what: 'all delivered after resume' });
    expect(failing.received.slice(4).map((r: Received) => r.webhookId).sort()).toEqual([firstEvent.id, secondEvent.id].sort());
    expect((await eventsOf(['webhook.resumed'])).some((e) => e.payload.webhookId === hook.id)).toBe(true);
  }, 60_000);

  it('never follows a redirect: the attempt says why and the redirect target gets nothing', async () => {
    const target = await receiver();
    const redirecting = await receiver();
    redirecting.answer = () => ({ status: 302, headers: { location: target.url('/stolen') } });
    const hook = await subscribe(redirecting, ['article.ingested']);
    await staff.admin.post('/articles', article('Redirected'));
    const [attempted] = await waitFor(async () => {
      const d = (await deliveries(hook.id)).filter((x) => x.attempts > 0);
      return d.length ? d : undefined;
    }, { what: 'an attempt' });
    expect(attempted.attemptLog[0]).toMatchObject({ outcome: 'redirect', statusCode: 302, error: 'redirect (302) not followed' });
    expect(attempted.status).toBe('PENDING');
    expect(target.received).toHaveLength(0);
  });

  it('loses nothing when Redis loses every queue key: the reconciler sends again what Postgres holds as pending', async () => {
    const r = await receiver();
    const failedOnce = new Set<string>();
    // Each event fails once, and its retry then waits 16-20 s in Redis's delayed set...
    r.answer = (got) => (failedOnce.has(got.webhookId) ? { status: 204 } : (failedOnce.add(got.webhookId), { status: 503 }));
    const hook = await subscribe(r, ['article.ingested']);
    await worker.kill('SIGTERM');
    await startWorker({ CLAIMDESK_WEBHOOK_BACKOFF_MS: '20000' });
    const ids = await Promise.all(['Lost one', 'Lost two', 'Lost three'].map(async (title) => (await staff.admin.post('/articles', article(title))).body.id));
    const events = await waitFor(async () => {
      const e = (await eventsOf(['article.ingested'])).filter((x) => ids.includes(x.articleId));
      return e.length === 3 && e.every((x) => failedOnce.has(x.id)) ? e : undefined;
    }, { what: 'one failed attempt of each' });
    await waitFor(async () => {
      const d = await deliveries(hook.id);
      return (d.length === 3 && d.every((x) => x.attempts === 1 && x.status === 'PENDING')) || undefined;
    }, { what: 'the failed attempts recorded' });
    // ...where it is lost: the worker dies and every key of the queues goes.
    await worker.kill('SIGKILL');
    await deleteQueueKeys(desk.env.REDIS_URL, desk.env.CLAIMDESK_QUEUE_PREFIX);
    await startWorker();
    await waitFor(async () => (await deliveries(hook.id)).every((d) => d.status === 'DELIVERED') || undefined, { timeoutMs: 14_000, what: 'the reconciler to send them again' });
    for (const event of events) {
      const copies = r.received.filter((x) => x.webhookId === event.id);
      expect(copies).toHaveLength(2); // the failed attempt, then exactly one delivery
      expect(copies.every((c) => c.verifiedBy.length === 1)).toBe(true);
    }
    expect((await deliveries(hook.id)).map((d) => d.attempts)).toEqual([2, 2, 2]);
  }, 60_000);

  it('answers problem+json for webhook ids that do not exist and for bad delivery filters', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    for (const [method, path] of [['POST', `/webhooks/${ghost}/resume`], ['POST', `/webhooks/${ghost}/rotate-secret`], ['GET', `/webhooks/${ghost}/deliveries`]] as const) {
      const r = await staff.admin.raw(method, path, method === 'POST' ? {} : undefined);
      expect(r.status).toBe(404);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await staff.admin.get(`/webhooks/${flowHook.id}/deliveries?status=LOST`)).body.errors[0].field).toBe('status');
    expect((await staff.editor.get(`/webhooks/${flowHook.id}/deliveries`)).status).toBe(403);
  });
});
