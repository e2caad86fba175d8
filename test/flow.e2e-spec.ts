import { Client } from 'pg';
import { httpClient, startTestDesk, waitFor, type HttpClient, type TestDesk } from '@claimdesk/testing';
import { addPerson, type DeskMember } from './desk-builder';
import { sampleArticleLabels, sampleArticleText } from './sample-article';

const VERDICT = {
  rating: 'MOSTLY_TRUE',
  rationale: 'Matches the broadcast transcript.',
  sources: [{ url: 'https://example.org/transcript', title: 'Transcript' }],
  confidence: 0.8,
};

describe('one article, ingestion to published verdicts (real Postgres and Redis)', () => {
  let desk: TestDesk;
  let admin: HttpClient;
  let editor: DeskMember;
  let reviewers: DeskMember[];
  let pg: Client;
  let articleId: string;

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 1 });
    admin = httpClient(desk.api, desk.adminToken);
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
    editor = await addPerson(admin, { name: 'Eda Editor', email: 'eda@desk.test', role: 'EDITOR' });
    // Deliberately less capacity than check-worthy claims: the rest must be routed as verdicts free it.
    reviewers = [];
    for (const [i, topics] of [['politics'], ['economy'], ['politics', 'diplomacy']].entries()) {
      reviewers.push(
        await addPerson(admin, { name: `Reviewer ${i}`, email: `r${i}@desk.test`, role: 'REVIEWER', topics, capacity: 2 }),
      );
    }
  });

  afterAll(async () => {
    await pg?.end();
    await desk?.close();
  });

  const openLoads = async () =>
    (await pg.query(`SELECT id, "openLoad", capacity FROM "Person" WHERE role = 'REVIEWER'`)).rows as Array<{
      id: string;
      openLoad: number;
      capacity: number;
    }>;

  it('accepts the sample article as text/plain with 202, and the same article again with 200 and the same id', async () => {
    const first = await admin.post('/articles', sampleArticleText());
    expect(first.status).toBe(202);
    expect(first.body.status).toBe('INGESTED');
    articleId = first.body.id;
    const again = await admin.post('/articles', sampleArticleText());
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(articleId);
    const asJson = await admin.post('/articles', { title: first.body.title, body: first.body.body });
    expect(asJson.status).toBe(200);
    expect(asJson.body.id).toBe(articleId);
  });

  it('extracts claims whose spans slice back to their text, with no headline, caption, credit or dateline', async () => {
    const article = await waitFor(
      async () => {
        const r = await admin.get(`/articles/${articleId}`);
        return r.body.status === 'IN_REVIEW' ? r.body : undefined;
      },
      { what: 'extraction' },
    );
    const claims = (await admin.get(`/articles/${articleId}/claims`)).body as any[];
    expect(claims.length).toBeGreaterThan(10);
    for (const claim of claims) {
      expect(article.body.slice(claim.spanStart, claim.spanEnd)).toBe(claim.sentence);
      expect(claim.score).toBeGreaterThanOrEqual(0);
      expect(claim.score).toBeLessThanOrEqual(1);
    }
    const nonClaims = sampleArticleLabels().filter((u) => u.kind !== 'sentence');
    expect(nonClaims.map((u) => u.kind).sort()).toEqual(['caption', 'credit', 'dateline', 'headline']);
    for (const unit of nonClaims) {
      for (const claim of claims) expect(claim.sentence.includes(unit.text)).toBe(false);
    }
    const lede = claims.find((c) => c.sentence.startsWith('Venezuelan officials have been holding'));
    expect(lede?.speaker).toBe('Nicolas Maduro');
    expect(claims.filter((c) => c.status === 'PENDING' || c.status === 'ASSIGNED').length).toBeGreaterThan(6);
  });

  it('assigns as many pending claims as reviewers can take, never above capacity', async () => {
    await waitFor(
      async () => {
        const loads = await openLoads();
        return loads.every((r) => r.openLoad === r.capacity) || undefined;
      },
      { what: 'every reviewer filled to capacity' },
    );
    const claims = (await admin.get(`/articles/${articleId}/claims`)).body as any[];
    const assigned = claims.filter((c) => c.status === 'ASSIGNED');
    expect(assigned).toHaveLength(6);
    for (const c of assigned) {
      expect(c.assignment.reason).toMatch(/load \d+\/2/);
      expect(reviewers.map((r) => r.id)).toContain(c.assignment.reviewer.id);
    }
    const live = await pg.query(
      `SELECT "reviewerId", count(*)::int AS n FROM "Assignment" WHERE status IN ('OFFERED','ACCEPTED') GROUP BY 1`,
    );
    for (const row of live.rows) expect(row.n).toBeLessThanOrEqual(2);
  });

  it('refuses what the rules forbid, with the right status and no partial write', async () => {
    const claims = (await admin.get(`/articles/${articleId}/claims`)).body as any[];
    const target = claims.find((c) => c.status === 'ASSIGNED')!;
    const owner = reviewers.find((r) => r.id === target.assignment.reviewer.id)!;
    const stranger = reviewers.find((r) => r.id !== owner.id)!;
    const countRows = async () => (await pg.query(`SELECT (SELECT count(*) FROM "Verdict") + (SELECT count(*) FROM "Event") AS n`)).rows[0].n;
    const before = await countRows();

    // Someone else's assignment: 403.
    expect((await httpClient(desk.api, stranger.token).post(`/assignments/${target.assignment.id}/accept`)).status).toBe(403);
    expect((await httpClient(desk.api, stranger.token).post(`/claims/${target.id}/verdicts`, VERDICT)).status).toBe(403);
    // The owner has not accepted yet: submitting is an illegal transition, 409 with the current state.
    const early = await httpClient(desk.api, owner.token).post(`/claims/${target.id}/verdicts`, VERDICT);
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(early.body.currentState).toBe('ASSIGNED');
    // Malformed input: 400 naming each field.
    const bad = await httpClient(desk.api, owner.token).post(`/claims/${target.id}/verdicts`, {
      rating: 'MOSTLY_TRUE',
      sources: [{ url: 'javascript:alert(1)' }],
      extra: 1,
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['rationale', 'sources.0.url', 'extra']));
    // No token: 401. Viewer-level roles cannot ingest.
    expect((await httpClient(desk.api).get(`/articles/${articleId}`)).status).toBe(401);
    expect((await httpClient(desk.api, owner.token).post('/articles', { title: 't', body: 'b' })).status).toBe(403);
    expect((await admin.get('/articles/not-a-uuid')).body.errors[0].field).toBe('id');

    expect(await countRows()).toBe(before);
  });

  it('walks every claim to a published verdict; the author cannot approve their own verdict', async () => {
    const asEditor = httpClient(desk.api, editor.token);
    let fourEyesChecked = false;
    const deadline = Date.now() + 90_000;
    // The main loop through the client typed from the OpenAPI document (npm run generate:client).
    for (;;) {
      const status = await admin.api.ok('get', '/articles/{id}/status', { path: { id: articleId } });
      if (status.progress === 1) break;
      if (Date.now() > deadline) throw new Error(`stuck: ${JSON.stringify(status)}`);
      for (const reviewer of reviewers) {
        const { api } = httpClient(desk.api, reviewer.token);
        for (const assignment of await api.ok('get', '/me/assignments')) {
          if (assignment.status === 'OFFERED') await api.ok('post', '/assignments/{id}/accept', { path: { id: assignment.id } });
          const verdict = await api.call('post', '/claims/{id}/verdicts', { path: { id: assignment.claimId }, body: VERDICT });
          expect(verdict.status).toBe(201);
          if (!fourEyesChecked) {
            // A reviewer approving their own verdict is refused (and is not an editor anyway).
            expect((await api.call('post', '/verdicts/{id}/approve', { path: { id: verdict.body.id } })).status).toBe(403);
            fourEyesChecked = true;
          }
          expect((await asEditor.api.ok('post', '/verdicts/{id}/approve', { path: { id: verdict.body.id } })).status).toBe('APPROVED');
        }
      }
      await new Promise((r) => setTimeout(r, 100));
      for (const r of await openLoads()) expect(r.openLoad).toBeLessThanOrEqual(r.capacity);
    }
    expect(fourEyesChecked).toBe(true);
    const article = (await admin.get(`/articles/${articleId}`)).body;
    expect(article.status).toBe('COMPLETED');
    const status = await admin.get(`/articles/${articleId}/status`);
    expect(status.body.claims.byStatus.PENDING + status.body.claims.byStatus.ASSIGNED).toBe(0);
    expect(status.body.verdicts.byRating.MOSTLY_TRUE).toBe(status.body.claims.byStatus.PUBLISHED);
    expect((await openLoads()).every((r) => r.openLoad === 0)).toBe(true);
  });

  it('answers 304 to an unchanged status poll and 200 once something changed', async () => {
    const first = await admin.get(`/articles/${articleId}/status`);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const unchanged = await admin.get(`/articles/${articleId}/status`, { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    await pg.query(`UPDATE "Article" SET revision = revision + 1 WHERE id = $1`, [articleId]);
    // The API learns of a commit through Postgres NOTIFY, a few milliseconds after it (longer on a
    // loaded machine): the poll answers 200 once it has, never a stale 304 for long.
    const changed = await waitFor(
      async () => {
        const answer = await admin.get(`/articles/${articleId}/status`, { 'if-none-match': etag });
        return answer.status === 200 ? answer : undefined;
      },
      { timeoutMs: 5_000, intervalMs: 20, what: 'a 200 once the revision changed' },
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('writes one event per state change, and the revision counts them', async () => {
    const { rows } = await pg.query(
      `SELECT (SELECT count(*)::int FROM "Event" WHERE "articleId" = $1) AS events, (SELECT revision FROM "Article" WHERE id = $1) AS revision`,
      [articleId],
    );
    // The revision starts at 1 and the test bumped it once by hand above.
    expect(rows[0].revision).toBe(rows[0].events + 2);
  });
});
