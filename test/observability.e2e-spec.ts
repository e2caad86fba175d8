import type { INestApplicationContext } from '@nestjs/common';
import { createServer, type AddressInfo } from 'node:net';
import { Readable, Writable } from 'node:stream';
import { getMetricsFromStream, type PromData, type PromHistogramData, type PromMetrics } from 'prom2javascript';
import { Client } from 'pg';
import { ALL_QUEUES } from '@claimdesk/queue';
import { httpClient, startTestDesk, waitFor, type HttpClient, type TestDesk } from '@claimdesk/testing';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import { addPerson, type DeskMember } from './desk-builder';
import { sampleArticleText } from './sample-article';

/** A free TCP port on the loopback, for the worker's metrics server. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The log lines a process writes, as it would write them to stdout. */
function logCapture() {
  const lines: string[] = [];
  let partial = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      done();
    },
  });
  return { stream, lines };
}

/** Parsed by a Prometheus text-format parser from npm (prom2javascript), not by us. */
const parsePrometheusText = (text: string): Promise<PromMetrics> => getMetricsFromStream(Readable.from([text]));
const matching = <T extends { labels: Record<string, string> }>(data: T[] | undefined, labels: Record<string, string>) =>
  data?.find((m) => Object.entries(labels).every(([k, v]) => m.labels[k] === v));
const gauge = (metrics: PromMetrics, name: string, labels: Record<string, string>) =>
  matching(metrics[name]?.data as PromData[] | undefined, labels)?.value ?? NaN;
const gaugeSum = (metrics: PromMetrics, name: string) => (metrics[name].data as PromData[]).reduce((sum, m) => sum + m.value, 0);
const histogramCount = (metrics: PromMetrics, name: string, labels: Record<string, string>) =>
  matching(metrics[name]?.data as PromHistogramData[] | undefined, labels)?.count ?? 0;

describe('metrics, request ids in the worker logs, the queue board and readiness (real Postgres and Redis)', () => {
  let desk: TestDesk;
  let admin: HttpClient;
  let reviewer: DeskMember;
  let worker: INestApplicationContext;
  let workerPort: number;
  const workerLog = logCapture();
  let pg: Client;

  const scrapeApi = async () => {
    const r = await admin.get('/metrics');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(r.body as string);
  };
  const scrapeWorker = async (token?: string) =>
    fetch(`http://127.0.0.1:${workerPort}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0 });
    admin = httpClient(desk.api, desk.adminToken);
    reviewer = await addPerson(admin, { name: 'Rita Reviewer', email: 'rita@desk.test', role: 'REVIEWER', topics: ['politics'], capacity: 3 });
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await desk?.close();
  });

  it('moves the HTTP histogram, a queue gauge and the claims-by-status gauge as an article is ingested and extracted, parsed by a Prometheus text parser', async () => {
    const before = await scrapeApi();
    expect(before.claimdesk_http_request_duration_seconds.type).toBe('histogram');
    expect(gauge(before, 'claimdesk_queue_jobs', { queue: 'extract', state: 'waiting' })).toBe(0);
    expect(before.claimdesk_claims.type).toBe('gauge');
    expect(gaugeSum(before, 'claimdesk_claims')).toBe(0);
    expect(gauge(before, 'claimdesk_reviewer_capacity', { reviewer_id: reviewer.id })).toBe(3);
    expect(gauge(before, 'claimdesk_reviewer_open_load', { reviewer_id: reviewer.id })).toBe(0);
    expect(before.claimdesk_process_resident_memory_bytes.type).toBe('gauge');
    expect(histogramCount(before, 'claimdesk_http_request_duration_seconds', { method: 'POST', route: '/articles', status_code: '202' })).toBe(0);

    // No worker yet: the extract job waits, and the queue gauge shows it.
    const ingested = await admin.post('/articles', sampleArticleText(), { 'x-request-id': 'req-obs-0001' });
    expect(ingested.status).toBe(202);
    expect(ingested.headers['x-request-id']).toBe('req-obs-0001');
    const queued = await scrapeApi();
    expect(gauge(queued, 'claimdesk_queue_jobs', { queue: 'extract', state: 'waiting' })).toBe(1);
    expect(histogramCount(queued, 'claimdesk_http_request_duration_seconds', { method: 'POST', route: '/articles', status_code: '202' })).toBe(1);
    // The route pattern, not the path: one series for every article.
    const routes = (queued.claimdesk_http_request_duration_seconds.data as PromHistogramData[]).map((m) => m.labels.route);
    expect(routes).toContain('/articles');
    expect(routes.some((route) => route.includes(ingested.body.id))).toBe(false);

    workerPort = await freePort();
    worker = await createWorkerApp({ ...desk.env, CLAIMDESK_WORKER_METRICS_PORT: workerPort }, { logDestination: workerLog.stream });
    desk.workers.push(worker);

    const extracted = await waitFor(
      async () => {
        const now = await scrapeApi();
        return gaugeSum(now, 'claimdesk_claims') > 0 && gauge(now, 'claimdesk_queue_jobs', { queue: 'extract', state: 'waiting' }) === 0 ? now : undefined;
      },
      { what: 'claims counted after extraction', timeoutMs: 45_000 },
    );
    const { rows } = await pg.query(`SELECT status::text AS status, count(*)::int AS n FROM "Claim" GROUP BY status`);
    for (const row of rows as Array<{ status: string; n: number }>) {
      expect({ status: row.status, gauge: gauge(extracted, 'claimdesk_claims', { status: row.status }) }).toEqual({ status: row.status, gauge: row.n });
    }
    const routed = await waitFor(async () => {
      const now = await scrapeApi();
      return gauge(now, 'claimdesk_reviewer_open_load', { reviewer_id: reviewer.id }) > 0 ? now : undefined;
    }, { what: 'the reviewer loaded', timeoutMs: 45_000 });
    expect(gauge(routed, 'claimdesk_reviewer_open_load', { reviewer_id: reviewer.id })).toBeLessThanOrEqual(3);
  });

  it("serves the worker's own metrics on its port, admin token required, with job durations per queue", async () => {
    expect((await scrapeWorker()).status).toBe(401);
    expect((await scrapeWorker(reviewer.token)).status).toBe(403);
    const response = await scrapeWorker(desk.adminToken);
    expect(response.status).toBe(200);
    const families = await parsePrometheusText(await response.text());
    expect(families.claimdesk_job_duration_seconds.type).toBe('histogram');
    expect(histogramCount(families, 'claimdesk_job_duration_seconds', { queue: 'extract', outcome: 'completed' })).toBe(1);
    expect(histogramCount(families, 'claimdesk_job_duration_seconds', { queue: 'route', outcome: 'completed' })).toBeGreaterThan(0);
    expect(families.claimdesk_job_failures_total.type).toBe('counter');
    expect(families.claimdesk_process_cpu_seconds_total.type).toBe('counter');
    expect(families.claimdesk_http_request_duration_seconds).toBeUndefined();
  });

  it('prints the request id of POST /articles in the JSON log line of its extract job, and of the route jobs that job caused', async () => {
    const parsed = workerLog.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.length).toBeGreaterThan(0);
    const extractDone = parsed.find((l) => l.queue === 'extract' && l.msg === 'job completed');
    expect(extractDone).toMatchObject({ level: 'info', name: 'worker', requestId: 'req-obs-0001', queue: 'extract', jobId: expect.stringMatching(/^article-/) });
    const routeDone = parsed.filter((l) => l.queue === 'route' && l.msg === 'job completed');
    expect(routeDone.length).toBeGreaterThan(0);
    expect(routeDone.every((l) => l.requestId === 'req-obs-0001')).toBe(true);
    // The reconciler's own jobs were caused by no request.
    expect(parsed.filter((l) => l.queue === 'reconcile').every((l) => l.requestId === undefined)).toBe(true);
    // One JSON object per line, no colour codes.
    expect(workerLog.lines.some((line) => line.includes('\u001b['))).toBe(false);
  });

  it('keeps a safe x-request-id, replaces an unsafe one, and makes one when none is sent', async () => {
    expect((await admin.get('/health/live', { 'x-request-id': 'abc.DEF_123:4-5' })).headers['x-request-id']).toBe('abc.DEF_123:4-5');
    for (const unsafe of ['has space', 'x'.repeat(129), 'quote"d', 'new\u2028line']) {
      const id = (await admin.get('/health/live', { 'x-request-id': unsafe })).headers['x-request-id'];
      expect(id).not.toBe(unsafe);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect((await admin.get('/health/live')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Refusals carry it too: a guard's 401, and Fastify's own 400 for a body it cannot parse.
    expect((await httpClient(desk.api).get('/metrics', { 'x-request-id': 'r-401' })).headers['x-request-id']).toBe('r-401');
    const malformed = await desk.api.inject({ method: 'POST', url: '/articles', headers: { 'content-type': 'application/json', 'x-request-id': 'r-400' }, payload: '{"title":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['x-request-id']).toBe('r-400');
  });

  it("refuses the API's /metrics without an admin token", async () => {
    expect((await httpClient(desk.api).get('/metrics')).status).toBe(401);
    expect((await httpClient(desk.api, reviewer.token).get('/metrics')).status).toBe(403);
  });

  it('serves the queue board to an admin through a short-lived link, with its assets from this server, and refuses a reviewer', async () => {
    const anonymous = await httpClient(desk.api).get('/admin/queues/');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await httpClient(desk.api, reviewer.token).post('/admin/queues/session')).status).toBe(403);
    expect((await httpClient(desk.api).get('/admin/queues/?ticket=' + 'A'.repeat(43))).status).toBe(401);

    const minted = await admin.post('/admin/queues/session');
    expect(minted.status).toBe(201);
    expect(Date.parse(minted.body.expiresAt) - Date.now()).toBeGreaterThan(10 * 60_000);
    const opened = await httpClient(desk.api).get(minted.body.url);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/admin/queues/');
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    const session = { cookie: cookie.split(';')[0] };

    const page = await httpClient(desk.api).get('/admin/queues/', session);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const html = page.body as string;
    expect(html).toContain('claimdesk queues');
    // Offline: nothing is loaded from another host (Bull Board's own page links a CDN font), and every
    // script and stylesheet comes from this server.
    const links = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(links.filter((u) => /^(https?:)?\/\//.test(u))).toEqual([]);
    const assets = links.filter((u) => /\.(js|css)$/.test(u));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets.map((u) => new URL(u, 'http://claimdesk/admin/queues/').pathname)) {
      expect({ asset, status: (await httpClient(desk.api).get(asset, session)).status }).toEqual({ asset, status: 200 });
      expect({ asset, status: (await httpClient(desk.api).get(asset)).status }).toEqual({ asset, status: 401 });
    }
    const queues = await httpClient(desk.api).get('/admin/queues/api/queues', session);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([...ALL_QUEUES].sort());
  });

  it('answers /health/live always, and /health/ready 503 naming the part that fails', async () => {
    expect((await httpClient(desk.api).get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await httpClient(desk.api).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { postgres: 'up', redis: 'up', migrations: 'up', queues: 'up' }, failing: [] });
    const last = await pg.query(`SELECT id, migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
    await pg.query(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE id = $1`, [last.rows[0].id]);
    try {
      const pending = await httpClient(desk.api).get('/health/ready');
      expect(pending.status).toBe(503);
      expect(pending.body).toMatchObject({ status: 'unavailable', failing: ['migrations'], pendingMigrations: [last.rows[0].migration_name] });
      expect(pending.headers['retry-after']).toBe('5');
    } finally {
      await pg.query(`UPDATE "_prisma_migrations" SET finished_at = now() WHERE id = $1`, [last.rows[0].id]);
    }
    expect((await httpClient(desk.api).get('/health')).body).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
  });

  it("gives the dashboard's revision as a number that the ETag and GraphQL agree on", async () => {
    const rest = await admin.get('/dashboard');
    expect(typeof rest.body.revision).toBe('number');
    expect(rest.headers.etag).toBe(`"desk.${rest.body.revision}"`);
    const graph = await admin.post('/graphql', { query: '{ dashboard { revision } }' });
    expect(graph.body.data.dashboard.revision).toBe(rest.body.revision);
  });
});
