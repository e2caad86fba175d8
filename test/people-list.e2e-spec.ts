import { httpClient, startTestDesk, type TestDesk } from '@claimdesk/testing';
import { addPerson } from './desk-builder';

describe('GET /people: cursor pages and filters', () => {
  let desk: TestDesk;

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0 });
  });

  afterAll(async () => {
    await desk?.close();
  });

  it('pages newest first with a cursor, filters by role, topic and active, and refuses bad filters', async () => {
    const admin = httpClient(desk.api, desk.adminToken);
    for (let i = 0; i < 5; i++) {
      await addPerson(admin, { name: `Rev ${i}`, email: `rev${i}@people.test`, role: 'REVIEWER', topics: i % 2 ? ['economy'] : ['politics'] });
    }
    const editor = await addPerson(admin, { name: 'Ed', email: 'ed@people.test', role: 'EDITOR' });

    const first = await admin.get('/people?role=REVIEWER&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((p: any) => p.name)).toEqual(['Rev 4', 'Rev 3']);
    const second = await admin.get(`/people?role=REVIEWER&limit=2&cursor=${encodeURIComponent(first.body.next)}`);
    expect(second.body.items.map((p: any) => p.name)).toEqual(['Rev 2', 'Rev 1']);
    const last = await admin.get(`/people?role=REVIEWER&limit=2&cursor=${encodeURIComponent(second.body.next)}`);
    expect(last.body.items.map((p: any) => p.name)).toEqual(['Rev 0']);
    expect(last.body.next).toBeNull();

    const economists = await admin.get('/people?topic=Economy');
    expect(economists.body.items.map((p: any) => p.name).sort()).toEqual(['Rev 1', 'Rev 3']);
    expect((await admin.get('/people?active=false')).body.items).toEqual([]);

    const bad = await admin.get('/people?role=KING&limit=1000&active=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['active', 'limit', 'role']);
    // Editors may read the desk; reviewers may not.
    expect((await httpClient(desk.api, editor.token).get('/people')).status).toBe(200);
    const reviewer = await addPerson(admin, { name: 'Rita', email: 'rita@people.test', role: 'REVIEWER' });
    expect((await httpClient(desk.api, reviewer.token).get('/people')).status).toBe(403);
  });
});
