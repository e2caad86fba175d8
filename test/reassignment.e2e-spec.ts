import { Client } from 'pg';
import { JobProducer } from '@claimdesk/queue';
import { httpClient, startTestDesk, waitFor, type HttpClient, type TestDesk } from '@claimdesk/testing';
import { addPerson, type DeskMember } from './desk-builder';

// Offers and deadlines with real BullMQ delayed jobs, shortened to seconds: an offer lapses after
// about 2 s unless accepted, accepted work is due about 3 s later. Every move must be in the event log.

async function liveAssignment(pg: Client, claimId: string) {
  const { rows } = await pg.query(
    `SELECT id, "reviewerId", status, "dueAt" FROM "Assignment" WHERE "claimId" = $1 AND status IN ('OFFERED','ACCEPTED')`,
    [claimId],
  );
  return rows[0] as { id: string; reviewerId: string; status: string; dueAt: Date } | undefined;
}

async function insertClaim(pg: Client, text: string): Promise<string> {
  const { rows: a } = await pg.query(
    `INSERT INTO "Article" (title, body, "contentHash", status, "updatedAt") VALUES ($1, $1, $1, 'IN_REVIEW', now()) RETURNING id`,
    [text],
  );
  const { rows: c } = await pg.query(
    `INSERT INTO "Claim" ("articleId", ordinal, text, sentence, "spanStart", "spanEnd", score, status, "updatedAt")
     VALUES ($1, 1, $2, $2, 0, 1, 0.9, 'PENDING', now()) RETURNING id`,
    [a[0].id, text],
  );
  return c[0].id;
}

describe('offers and deadlines: ignored offers, overdue work and declines move on (real delayed jobs)', () => {
  let desk: TestDesk;
  let admin: HttpClient;
  let pg: Client;
  let editor: DeskMember;
  let reviewers: DeskMember[];
  const tokenOf = (id: string) => reviewers.find((r) => r.id === id)!.token;

  beforeAll(async () => {
    desk = await startTestDesk({ env: { CLAIMDESK_OFFER_TIMEOUT_MINUTES: '0.035', CLAIMDESK_SLA_MINUTES: 'NORMAL=0.05' } });
    admin = httpClient(desk.api, desk.adminToken);
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
    editor = await addPerson(admin, { name: 'Eda', email: 'eda@t.test', role: 'EDITOR' });
    reviewers = [];
    for (const i of [0, 1, 2, 3]) {
      reviewers.push(await addPerson(admin, { name: `R${i}`, email: `r${i}@t.test`, role: 'REVIEWER', capacity: 3 }));
    }
  });

  afterAll(async () => {
    await pg?.end();
    await desk?.close();
  });

  const routeNow = (claimId: string) =>
    desk.api.get(JobProducer).enqueue([{ queue: 'route', data: { claimId, version: 1, priority: 'NORMAL' } }]);

  const eventsOf = async (claimId: string) =>
    (await pg.query(`SELECT type, payload FROM "Event" WHERE "claimId" = $1 ORDER BY id`, [claimId])).rows as Array<{
      type: string;
      payload: Record<string, unknown>;
    }>;

  it('an ignored offer lapses and moves; a decline moves; accepted work past its due time moves', async () => {
    const claimId = await insertClaim(pg, 'The port handled 4.1 million containers in 2023.');
    await routeNow(claimId);
    const first = await waitFor(() => liveAssignment(pg, claimId), { what: 'first offer' });
    expect(first.status).toBe('OFFERED');

    // 1. Nobody accepts: the offer lapses (offer timeout) and the claim goes to someone else.
    const second = await waitFor(async () => {
      const a = await liveAssignment(pg, claimId);
      return a && a.id !== first.id ? a : undefined;
    }, { what: 'move after the offer lapsed', timeoutMs: 15_000 });
    expect(second.reviewerId).not.toBe(first.reviewerId);

    // 2. The next reviewer declines: it moves again, to a third.
    const declined = await httpClient(desk.api, tokenOf(second.reviewerId)).post(`/assignments/${second.id}/decline`, { reason: 'conflict' });
    expect(declined.status).toBe(200);
    const third = await waitFor(async () => {
      const a = await liveAssignment(pg, claimId);
      return a && a.id !== second.id ? a : undefined;
    }, { what: 'move after the decline' });
    expect([first.reviewerId, second.reviewerId]).not.toContain(third.reviewerId);

    // 3. The third accepts in time: the deadline becomes the due time, counted from acceptance.
    const accepted = await httpClient(desk.api, tokenOf(third.reviewerId)).post(`/assignments/${third.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', deadline: 'due' });
    const acceptedAt = Date.parse(accepted.body.acceptedAt);
    expect(Date.parse(accepted.body.dueAt) - acceptedAt).toBe(3_000);
    const inbox = await httpClient(desk.api, tokenOf(third.reviewerId)).get('/me/assignments');
    expect(inbox.body.map((a: any) => a.id)).toContain(third.id);

    // ...but does not submit: past the due time it is taken back and moves to the last reviewer.
    const fourth = await waitFor(async () => {
      const a = await liveAssignment(pg, claimId);
      return a && a.id !== third.id ? a : undefined;
    }, { what: 'move after the due time', timeoutMs: 15_000 });
    expect([first.reviewerId, second.reviewerId, third.reviewerId]).not.toContain(fourth.reviewerId);
    expect(Date.now()).toBeGreaterThanOrEqual(acceptedAt + 3_000);

    // Each move is in the event log, saying why.
    const events = await eventsOf(claimId);
    expect(events.map((e) => e.type)).toEqual([
      'claim.assigned',
      'claim.expired',
      'claim.assigned',
      'claim.declined',
      'claim.assigned',
      'claim.accepted',
      'claim.expired',
      'claim.assigned',
    ]);
    expect(events[1].payload).toMatchObject({ reason: 'offer not accepted in time', deadline: 'offer', reviewerId: first.reviewerId });
    expect(events[3].payload).toMatchObject({ reason: 'conflict', reviewerId: second.reviewerId });
    expect(events[6].payload).toMatchObject({ reason: 'due time passed', deadline: 'due', reviewerId: third.reviewerId });
    const { rows: statuses } = await pg.query(`SELECT status FROM "Assignment" WHERE "claimId" = $1 ORDER BY "createdAt"`, [claimId]);
    expect(statuses.map((s) => s.status)).toEqual(['EXPIRED', 'DECLINED', 'EXPIRED', 'OFFERED']);
    // Nobody left: after the fourth offer lapses too, the claim waits in PENDING (not an error).
    await waitFor(async () => ((await liveAssignment(pg, claimId)) ? undefined : true), { what: 'the last offer to lapse', timeoutMs: 15_000 });
    expect((await pg.query(`SELECT status FROM "Claim" WHERE id = $1`, [claimId])).rows[0].status).toBe('PENDING');
  });

  it('keeps a returned verdict attached to the claim when its author runs out of time, and routes past the author', async () => {
    const claimId = await insertClaim(pg, 'Unemployment fell to 3.9% in March.');
    await routeNow(claimId);
    const offer = await waitFor(() => liveAssignment(pg, claimId), { what: 'offer' });
    const author = httpClient(desk.api, tokenOf(offer.reviewerId));
    expect((await author.post(`/assignments/${offer.id}/accept`)).status).toBe(200);
    const verdict = await author.post(`/claims/${claimId}/verdicts`, {
      rating: 'MOSTLY_TRUE',
      rationale: 'Close to the statistics office figure.',
      sources: [{ url: 'https://example.org/stats' }],
    });
    expect(verdict.status).toBe(201);
    const returned = await httpClient(desk.api, editor.token).post(`/verdicts/${verdict.body.id}/return`, { note: 'cite the table' });
    expect(returned.status).toBe(200);
    // Back with the author with a fresh due time; their inbox shows what to revise.
    const inbox = (await author.get('/me/assignments')).body as any[];
    const item = inbox.find((a) => a.claimId === claimId);
    expect(item).toMatchObject({ status: 'ACCEPTED', deadline: 'due', returnedVerdict: { id: verdict.body.id, decisionNote: 'cite the table' } });

    // The author does not revise in time: the claim moves to someone else, the verdict stays.
    const next = await waitFor(async () => {
      const a = await liveAssignment(pg, claimId);
      return a && a.reviewerId !== offer.reviewerId ? a : undefined;
    }, { what: 'move after the revision was overdue', timeoutMs: 15_000 });
    expect(next.status).toBe('OFFERED');
    const claim = (await httpClient(desk.api, editor.token).get(`/claims/${claimId}`)).body;
    expect(claim.verdicts).toEqual([
      expect.objectContaining({ id: verdict.body.id, authorId: offer.reviewerId, status: 'RETURNED', decisionNote: 'cite the table' }),
    ]);
    const expired = (await eventsOf(claimId)).find((e) => e.type === 'claim.expired')!;
    expect(expired.payload).toMatchObject({ reason: 'due time passed', keptVerdictId: verdict.body.id });

    // Capacity stayed right through return, expiry and re-offer.
    const { rows: drift } = await pg.query(`
      SELECT p.id FROM "Person" p LEFT JOIN "Assignment" a ON a."reviewerId" = p.id AND a.status IN ('OFFERED','ACCEPTED')
      GROUP BY p.id HAVING p."openLoad" <> COALESCE(sum(a.cost), 0)`);
    expect(drift).toEqual([]);
  });
});
