import { Client } from 'pg';
import { JobProducer } from '@claimdesk/queue';
import { httpClient, startTestDesk, waitFor, type HttpClient, type TestDesk } from '@claimdesk/testing';
import { addPerson, type DeskMember } from './desk-builder';

// Editor overrides and reviewer self-service through REST, with the capacity invariant checked after
// every step: openLoad = units of the reviewer's live assignments, and never above capacity unless
// an editor forced it.

describe('editor overrides and reviewer self-service (REST)', () => {
  let desk: TestDesk;
  let admin: HttpClient;
  let editor: HttpClient;
  let pg: Client;
  let ana: DeskMember;
  let ben: DeskMember;
  let articleId: string;

  beforeAll(async () => {
    desk = await startTestDesk();
    admin = httpClient(desk.api, desk.adminToken);
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
    editor = httpClient(desk.api, (await addPerson(admin, { name: 'Eda', email: 'eda@c.test', role: 'EDITOR' })).token);
    // Ana is out of office until the test lets her back; Ben has room for one claim.
    ana = await addPerson(admin, { name: 'Ana', email: 'ana@c.test', role: 'REVIEWER', capacity: 2, topics: ['politics'] });
    ben = await addPerson(admin, { name: 'Ben', email: 'ben@c.test', role: 'REVIEWER', capacity: 1 });
    const away = await httpClient(desk.api, ana.token).raw('PATCH', '/me', { availableUntil: new Date(Date.now() - 1000).toISOString() });
    expect(away.status).toBe(200);
    const { rows } = await pg.query(
      `INSERT INTO "Article" (title, body, "contentHash", status, "updatedAt") VALUES ('a', 'b', 'c', 'IN_REVIEW', now()) RETURNING id`,
    );
    articleId = rows[0].id;
  });

  afterAll(async () => {
    await pg?.end();
    await desk?.close();
  });

  const capacityDrift = async () =>
    (
      await pg.query(`
        SELECT p.name, p."openLoad", COALESCE(sum(a.cost), 0)::int AS held FROM "Person" p
        LEFT JOIN "Assignment" a ON a."reviewerId" = p.id AND a.status IN ('OFFERED','ACCEPTED')
        GROUP BY p.id HAVING p."openLoad" <> COALESCE(sum(a.cost), 0)`)
    ).rows;

  async function claim(ordinal: number, status: string, topics: string[] = []) {
    const { rows } = await pg.query(
      `INSERT INTO "Claim" ("articleId", ordinal, text, sentence, "spanStart", "spanEnd", score, status, topics, "updatedAt")
       VALUES ($1, $2, 'c', 'c', 0, 1, 0.5, $3, $4, now()) RETURNING id`,
      [articleId, ordinal, status, topics],
    );
    return rows[0].id as string;
  }
  const live = async (claimId: string) =>
    (await pg.query(`SELECT id, "reviewerId", status FROM "Assignment" WHERE "claimId" = $1 AND status IN ('OFFERED','ACCEPTED')`, [claimId])).rows[0];

  it('promotes a candidate to the router, which offers it to the one reviewer available', async () => {
    const id = await claim(1, 'CANDIDATE', ['politics']);
    const promoted = await editor.post(`/claims/${id}/promote`);
    expect(promoted.status).toBe(200);
    expect(promoted.body.status).toBe('PENDING');
    const offer = await waitFor(() => live(id), { what: 'routing after promote' });
    expect(offer.reviewerId).toBe(ben.id); // Ana matches the topic but is out of office
    expect(await capacityDrift()).toEqual([]);
  });

  it('routes waiting work as soon as a reviewer comes back (event-driven, no reconciler needed)', async () => {
    const waiting = await claim(2, 'PENDING', ['politics']);
    await desk.api.get(JobProducer).enqueue([{ queue: 'route', data: { claimId: waiting, version: 1, priority: 'NORMAL' } }]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await live(waiting)).toBeUndefined(); // Ben is full, Ana away
    const back = await httpClient(desk.api, ana.token).raw('PATCH', '/me', { availableUntil: null });
    expect(back.status).toBe(200);
    const offer = await waitFor(() => live(waiting), { what: 'routing when Ana is back', timeoutMs: 5_000 });
    expect(offer.reviewerId).toBe(ana.id);
  });

  it('refuses a reviewer capacity above the bound an admin set, allows it within', async () => {
    const me = httpClient(desk.api, ben.token);
    const tooMuch = await me.raw('PATCH', '/me', { capacity: 3 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors[0]).toMatchObject({ field: 'capacity' });
    expect((await admin.raw('PATCH', `/people/${ben.id}`, { maxCapacity: 3 })).body.maxCapacity).toBe(3);
    expect((await me.raw('PATCH', '/me', { capacity: 3, conflicts: ['Daily Planet'] })).body).toMatchObject({ capacity: 3, conflicts: ['Daily Planet'] });
  });

  it('assigns by hand by the routing rules, over capacity only with force; reassigns and unassigns with capacity kept right', async () => {
    const id = await claim(3, 'PENDING');
    // Ana is made full (capacity = her load); the refusal says why and how to override.
    const { rows: anaRow } = await pg.query(`SELECT "openLoad", capacity FROM "Person" WHERE id = $1`, [ana.id]);
    await pg.query(`UPDATE "Person" SET capacity = $2 WHERE id = $1`, [ana.id, anaRow[0].openLoad]);
    const refused = await editor.post(`/claims/${id}/assign`, { reviewerId: ana.id });
    expect(refused.status).toBe(409);
    expect(refused.body.reasons).toEqual([`no capacity: load ${anaRow[0].openLoad} + cost 1 > ${anaRow[0].openLoad}`]);
    expect(refused.body.hint).toMatch(/force/);
    const forced = await editor.post(`/claims/${id}/assign`, { reviewerId: ana.id, force: true });
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ status: 'ASSIGNED', assignment: { reviewerId: ana.id, status: 'OFFERED', deadline: 'offer' } });
    expect(forced.body.assignment.reason).toMatch(/^assigned by Eda, over capacity; load \d+\/\d+$/);
    expect(await capacityDrift()).toEqual([]);

    // A reviewer may not use the editor's doors.
    expect((await httpClient(desk.api, ana.token).post(`/claims/${id}/reassign`, { reviewerId: ben.id })).status).toBe(403);

    const moved = await editor.post(`/claims/${id}/reassign`, { reviewerId: ben.id });
    expect(moved.status).toBe(200);
    expect(moved.body.assignment.reviewerId).toBe(ben.id);
    expect((await editor.post(`/claims/${id}/reassign`, { reviewerId: ben.id })).status).toBe(409);
    expect(await capacityDrift()).toEqual([]);

    const back = await editor.post(`/claims/${id}/unassign`, { note: 'router, please' });
    expect(back.status).toBe(200);
    expect(await capacityDrift()).toEqual([]);
    const { rows: statuses } = await pg.query(`SELECT status FROM "Assignment" WHERE "claimId" = $1 ORDER BY "createdAt"`, [id]);
    expect(statuses.slice(0, 2).map((s) => s.status)).toEqual(['REASSIGNED', 'WITHDRAWN']);
    const { rows: events } = await pg.query(`SELECT type FROM "Event" WHERE "claimId" = $1 ORDER BY id`, [id]);
    expect(events.map((e) => e.type).slice(0, 3)).toEqual(['claim.assigned', 'claim.reassigned', 'claim.unassigned']);
  });

  it('sets a claim priority, dismisses a held claim (freeing its reviewer) and restores it', async () => {
    const id = await claim(4, 'PENDING');
    const patched = await editor.raw('PATCH', `/claims/${id}`, { priority: 'BREAKING' });
    expect(patched.status).toBe(200);
    expect(patched.body.priority).toBe('BREAKING');
    expect((await editor.raw('PATCH', `/claims/${id}`, { priority: 'URGENT' })).status).toBe(400);
    // Two units fit nowhere: it waits, until an admin gives Ben more capacity (routed on that event).
    await new Promise((r) => setTimeout(r, 300));
    expect(await live(id)).toBeUndefined();
    expect((await admin.raw('PATCH', `/people/${ben.id}`, { capacity: 10 })).body).toMatchObject({ capacity: 10, maxCapacity: 10 });
    const offer = await waitFor(() => live(id), { what: 'routing the BREAKING claim', timeoutMs: 5_000 });
    expect(offer.reviewerId).toBe(ben.id);
    const { rows: cost } = await pg.query(`SELECT cost FROM "Assignment" WHERE id = $1`, [offer.id]);
    expect(cost[0].cost).toBe(2);
    const dismissed = await editor.post(`/claims/${id}/dismiss`, { note: 'opinion' });
    expect(dismissed.body).toMatchObject({ status: 'DISMISSED', assignment: null });
    expect(await capacityDrift()).toEqual([]);
    expect((await editor.post(`/claims/${id}/restore`)).body.status).toBe('CANDIDATE');
    expect((await editor.post(`/claims/${id}/restore`)).status).toBe(409);
    const { rows: events } = await pg.query(`SELECT type FROM "Event" WHERE "claimId" = $1 ORDER BY id`, [id]);
    expect(events.map((e) => e.type)).toEqual(['claim.reprioritised', 'claim.assigned', 'claim.dismissed', 'claim.restored']);
  });
});
