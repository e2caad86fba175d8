import { httpClient, startTestDesk, waitFor, type HttpClient, type TestDesk } from '@claimdesk/testing';
import { addPerson, type DeskMember } from './desk-builder';
import { sampleArticleText } from './sample-article';

interface StreamedEvent {
  id: string;
  event: string;
  data: any;
}

/** What the board reads beyond the core routes: stories in flight, the rating scale, the dashboard's extra fields, verdicts per claim, the event stream. */
describe('the API the desk board reads (real Postgres, Redis and worker)', () => {
  let desk: TestDesk;
  let admin: HttpClient;
  let editor: HttpClient;
  let viewer: HttpClient;
  let reviewer: DeskMember;
  let reviewerApi: HttpClient;
  let viewerToken: string;
  let articleId: string;
  let submitted: { claimId: string; verdictId: string };

  /** One bounded stream read through Fastify's full stack (inject waits for its end). */
  async function stream(token: string, query: string, headers: Record<string, string> = {}) {
    const response = await desk.api.inject({ method: 'GET', url: `/events/stream${query}`, headers: { authorization: `Bearer ${token}`, ...headers } });
    const events: StreamedEvent[] = [];
    for (const block of response.body.split('\n\n')) {
      const fields = Object.fromEntries(block.split('\n').filter((l) => /^(id|event|data):/.test(l)).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
      if (fields.data) events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data) });
    }
    return { status: response.statusCode, type: String(response.headers['content-type']), body: response.body, events };
  }

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 1 });
    admin = httpClient(desk.api, desk.adminToken);
    const ed = await addPerson(admin, { name: 'Eda Editor', email: 'eda@api.test', role: 'EDITOR' });
    const vw = await addPerson(admin, { name: 'Vic Viewer', email: 'vic@api.test', role: 'VIEWER' });
    reviewer = await addPerson(admin, { name: 'Rita Reviewer', email: 'rita@api.test', role: 'REVIEWER', capacity: 40 });
    await addPerson(admin, { name: 'Amos Away', email: 'amos@api.test', role: 'REVIEWER', capacity: 3 });
    editor = httpClient(desk.api, ed.token);
    viewer = httpClient(desk.api, vw.token);
    viewerToken = vw.token;
    reviewerApi = httpClient(desk.api, reviewer.token);
    articleId = (await editor.post('/articles', sampleArticleText())).body.id;
    // Settled: every check-worthy claim routed (there is capacity for all), so the counts stay put.
    await waitFor(async () => {
      const claims = (await editor.get(`/articles/${articleId}/claims`)).body as any[];
      return claims.some((c) => c.status === 'ASSIGNED') && !claims.some((c) => c.status === 'PENDING');
    }, { what: 'extraction and routing', timeoutMs: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('lists the story in flight with its progress and claim counts, and refuses a bad limit naming it', async () => {
    const claims = (await editor.get(`/articles/${articleId}/claims`)).body as any[];
    const stories = await viewer.get('/dashboard/stories');
    expect(stories.status).toBe(200);
    const story = stories.body.items.find((s: any) => s.id === articleId);
    expect(story).toMatchObject({ status: 'IN_REVIEW', progress: 0, claims: { total: claims.length } });
    for (const status of ['CANDIDATE', 'ASSIGNED', 'PENDING']) {
      expect({ status, count: story.claims.byStatus[status] }).toEqual({ status, count: claims.filter((c) => c.status === status).length });
    }
    const bad = await viewer.get('/dashboard/stories?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('gives the rating scale in order', async () => {
    const ratings = await reviewerApi.get('/ratings');
    expect(ratings.status).toBe(200);
    expect(ratings.body.map((r: any) => r.id).slice(0, 6)).toEqual(['TRUE', 'MOSTLY_TRUE', 'HALF_TRUE', 'MOSTLY_FALSE', 'FALSE', 'PANTS_ON_FIRE']);
    expect(ratings.body.find((r: any) => r.id === 'UNVERIFIABLE')).toMatchObject({ value: null });
  });

  it('shows a submitted verdict per claim to editors and its author, not to a viewer, until it is approved', async () => {
    const [offer] = (await reviewerApi.get('/me/assignments')).body as any[];
    expect((await reviewerApi.post(`/assignments/${offer.id}/accept`, {})).status).toBe(200);
    const verdict = await reviewerApi.post(`/claims/${offer.claimId}/verdicts`, { rating: 'FALSE', rationale: 'The record says otherwise.', sources: [{ url: 'https://example.org/record' }] });
    expect(verdict.status).toBe(201);
    submitted = { claimId: offer.claimId, verdictId: verdict.body.id };
    const seen = async (client: HttpClient) => ((await client.get(`/articles/${articleId}/claims`)).body as any[]).find((c) => c.id === submitted.claimId).verdict;
    expect(await seen(editor)).toMatchObject({ id: submitted.verdictId, rating: 'FALSE', status: 'SUBMITTED' });
    expect(await seen(reviewerApi)).toMatchObject({ id: submitted.verdictId, status: 'SUBMITTED' });
    expect(await seen(viewer)).toBeNull();
    expect((await editor.post(`/verdicts/${submitted.verdictId}/approve`, {})).status).toBe(200);
    expect(await seen(viewer)).toMatchObject({ id: submitted.verdictId, rating: 'FALSE', status: 'APPROVED' });
  });

  it('counts published claims per hour and marks a reviewer out of office as away', async () => {
    const away = (await admin.get('/people?role=REVIEWER')).body.items.find((p: any) => p.name === 'Amos Away');
    const from = new Date(Date.now() + 86_400_000).toISOString();
    expect((await admin.raw('PATCH', `/people/${away.id}`, { availableFrom: from })).status).toBe(200);
    const dashboard = (await viewer.get('/dashboard')).body;
    expect(dashboard.publishedByHour24h).toHaveLength(24);
    expect(dashboard.publishedByHour24h.reduce((a: number, b: number) => a + b, 0)).toBe(dashboard.publishedLast24h);
    expect(dashboard.publishedByHour24h[23]).toBeGreaterThanOrEqual(1);
    expect(dashboard.reviewers.find((r: any) => r.name === 'Amos Away')).toMatchObject({ away: true, availableFrom: from });
    expect(dashboard.reviewers.find((r: any) => r.name === 'Rita Reviewer')).toMatchObject({ away: false, availableFrom: null });
    const gql = await viewer.post('/graphql', { query: '{ dashboard { publishedByHour24h reviewers { name away } } deskStories(limit: 5) { id progress } ratingScale { id } }' });
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.deskStories.map((s: any) => s.id)).toContain(articleId);
    expect(gql.body.data.ratingScale).toHaveLength(8);
  });

  it('streams the feed as Server-Sent Events: replay after Last-Event-ID, redacted as GET /events is', async () => {
    const feed = (await editor.get('/events?limit=1000')).body.events as any[];
    const cursor = feed[2].id;
    const replay = await stream(viewerToken, '?maxSeconds=1', { 'last-event-id': cursor });
    expect(replay.status).toBe(200);
    expect(replay.type).toMatch(/^text\/event-stream/);
    const expected = feed.filter((e) => BigInt(e.id) > BigInt(cursor)).map((e) => e.id);
    expect(replay.events.map((e) => e.id).slice(0, expected.length)).toEqual(expected);
    expect(replay.events.every((e) => e.event === e.data.type && e.id === e.data.id)).toBe(true);
    // The viewer does not see the rating of a verdict before it is published, here as in GET /events.
    const submittedEvent = replay.events.find((e) => e.event === 'claim.submitted' && e.data.claimId === submitted.claimId);
    expect(submittedEvent).toBeDefined();
    expect(submittedEvent!.data.payload).not.toHaveProperty('rating');
    // `after` works as the header does.
    expect((await stream(viewerToken, `?maxSeconds=1&after=${cursor}`)).events.map((e) => e.id).slice(0, expected.length)).toEqual(expected);
  });

  it('pushes events as they commit to a stream that started with none, and refuses a bad cursor or duration naming it', async () => {
    const live = stream(viewerToken, '?maxSeconds=3');
    await new Promise((resolve) => setTimeout(resolve, 800));
    const claim = ((await editor.get(`/articles/${articleId}/claims`)).body as any[]).find((c) => c.status === 'CANDIDATE');
    expect((await editor.post(`/claims/${claim.id}/promote`, {})).status).toBe(200);
    const got = await live;
    expect(got.events.map((e) => `${e.event} ${e.data.claimId}`)).toContain(`claim.promoted ${claim.id}`);
    const badHeader = await desk.api.inject({ method: 'GET', url: '/events/stream', headers: { authorization: `Bearer ${viewerToken}`, 'last-event-id': 'yesterday' } });
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json().errors).toEqual([expect.objectContaining({ field: 'Last-Event-ID' })]);
    const badDuration = await desk.api.inject({ method: 'GET', url: '/events/stream?maxSeconds=0', headers: { authorization: `Bearer ${viewerToken}` } });
    expect(badDuration.statusCode).toBe(400);
    expect(badDuration.json().errors).toEqual([expect.objectContaining({ field: 'maxSeconds' })]);
    expect((await desk.api.inject({ method: 'GET', url: '/events/stream' })).statusCode).toBe(401);
  });

  it('ends a stream when its token is revoked, long before its maxSeconds', async () => {
    const me = (await viewer.get('/me')).body;
    const spare = (await admin.post(`/people/${me.id}/tokens`, {})).body;
    const started = Date.now();
    const open = stream(spare.token, '?maxSeconds=60');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await admin.post(`/tokens/${spare.id}/revoke`, {})).status).toBe(200);
    expect((await open).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await stream(spare.token, '?maxSeconds=1')).status).toBe(401);
  });
});
