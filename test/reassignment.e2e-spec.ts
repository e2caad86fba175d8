import { Client } from 'pg';
import { httpClient, startTestDesk, waitFor, type HttpClient, type TestDesk } from '@claimdesk/testing';
import { addPerson, type DeskMember } from './desk-builder';

const ARTICLE = {
  title: 'Port traffic falls',
  body:
    'Container traffic at the port fell 12% in 2023 to 4.1 million units, the port authority said in its annual report. ' +
    'The authority said the decline followed the closure of two terminals in June.',
};

async function liveAssignment(pg: Client, claimId: string) {
  const { rows } = await pg.query(
    `SELECT id, "reviewerId" FROM "Assignment" WHERE "claimId" = $1 AND status IN ('OFFERED','ACCEPTED')`,
    [claimId],
  );
  return rows[0] as { id: string; reviewerId: string } | undefined;
}

describe('claims move on: decline and overdue (real BullMQ delayed jobs)', () => {
  let desk: TestDesk;
  let admin: HttpClient;
  let pg: Client;
  let reviewers: DeskMember[];

  beforeAll(async () => {
    // Due times shortened to about two seconds so the sla job fires inside the test.
    desk = await startTestDesk({ env: { CLAIMDESK_SLA_MINUTES: 'NORMAL=0.04' } });
    admin = httpClient(desk.api, desk.adminToken);
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
    reviewers = [];
    for (const i of [0, 1, 2]) {
      reviewers.push(await addPerson(admin, { name: `R${i}`, email: `r${i}@t.test`, role: 'REVIEWER', capacity: 3 }));
    }
  });

  afterAll(async () => {
    await pg?.end();
    await desk?.close();
  });

  it('routes a declined claim to someone else and an overdue one again, and logs each move', async () => {
    const { body: article } = await admin.post('/articles', ARTICLE);
    const claim = await waitFor(
      async () => {
        const claims = (await admin.get(`/articles/${article.id}/claims`)).body as any[];
        return claims.find((c) => c.status === 'ASSIGNED');
      },
      { what: 'a routed claim' },
    );
    const first = (await liveAssignment(pg, claim.id))!;
    const owner = reviewers.find((r) => r.id === first.reviewerId)!;
    const declined = await httpClient(desk.api, owner.token).post(`/assignments/${first.id}/decline`, { reason: 'conflict' });
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('DECLINED');

    const second = await waitFor(async () => {
      const a = await liveAssignment(pg, claim.id);
      return a && a.id !== first.id ? a : undefined;
    }, { what: 'rerouting after decline' });
    expect(second.reviewerId).not.toBe(first.reviewerId);

    // Nobody accepts: the due time passes and the sla job takes it back and routes it once more.
    const third = await waitFor(async () => {
      const a = await liveAssignment(pg, claim.id);
      return a && a.id !== second.id ? a : undefined;
    }, { what: 'rerouting after expiry', timeoutMs: 20_000 });
    expect([first.reviewerId, second.reviewerId]).not.toContain(third.reviewerId);

    const { rows } = await pg.query(`SELECT type FROM "Event" WHERE "claimId" = $1 ORDER BY id`, [claim.id]);
    const types = rows.map((r) => r.type);
    expect(types.filter((t) => t === 'claim.assigned')).toHaveLength(3);
    expect(types).toEqual(expect.arrayContaining(['claim.declined', 'claim.expired']));
    const { rows: loads } = await pg.query(`SELECT id, "openLoad" FROM "Person" WHERE role = 'REVIEWER'`);
    const liveCount = (await pg.query(`SELECT "reviewerId", count(*)::int n FROM "Assignment" WHERE status IN ('OFFERED','ACCEPTED') GROUP BY 1`)).rows;
    for (const l of loads) expect(l.openLoad).toBe(liveCount.find((x) => x.reviewerId === l.id)?.n ?? 0);
  });
});
