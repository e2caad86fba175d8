import { readFile } from 'node:fs/promises';
import { CLIENT_TYPES_FILE, ContractViolation, OpenApiContract, contractOf, generateClientTypes, httpClient, startTestDesk, type TestDesk } from '@claimdesk/testing';
import { ROUTE_DOCS } from '../apps/api/src/openapi/route-docs';
import { addPerson } from './desk-builder';

// Every e2e suite's requests through libs/testing's httpClient are checked against the served
// document (an undocumented status, header or field throws). This file shows the check bites, and
// that the document covers every route the server serves.

describe('the OpenAPI document is the contract', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0 });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('documents every route Fastify serves with its own entry (no generic answers)', async () => {
    const document = (await contractOf(desk.api)).document;
    const served = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(served.filter((route) => !ROUTE_DOCS[route])).toEqual([]);
    expect(Object.keys(ROUTE_DOCS).filter((route) => !served.includes(route))).toEqual([]);
  });

  it('has its generated client types committed as the served document generates them (npm run generate:client)', async () => {
    const served = await desk.api.inject({ method: 'GET', url: '/docs-json' });
    const committed = await readFile(CLIENT_TYPES_FILE, 'utf8');
    expect(committed === (await generateClientTypes(served.body))).toBe(true);
  });

  it('fails when a real answer gains an undocumented field, header or status', async () => {
    const admin = httpClient(desk.api, desk.adminToken);
    const me = await admin.get('/me');
    expect(me.status).toBe(200);
    const contract = await contractOf(desk.api);
    expect(contract.violations('GET', '/me', me)).toEqual([]);
    expect(contract.violations('GET', '/me', { ...me, body: { ...me.body, passwordHash: 'x' } })).toEqual([
      'GET /me -> 200: body must NOT have additional properties (passwordHash)',
    ]);
    expect(contract.violations('GET', '/me', { ...me, headers: { ...me.headers, 'x-powered-by': 'claimdesk' } })).toEqual([
      'GET /me -> 200: header x-powered-by is not documented',
    ]);
    expect(contract.violations('GET', '/me', { ...me, status: 418 })[0]).toMatch(/status 418 is not documented for GET \/me/);
    const { email: _email, ...withoutEmail } = me.body;
    expect(contract.violations('GET', '/me', { ...me, body: withoutEmail })).toEqual(["GET /me -> 200: body must have required property 'email'"]);
  });

  it('fails a real answer when the document stops describing one of its fields', async () => {
    const document = structuredClone((await contractOf(desk.api)).document);
    delete document.components.schemas.Person.properties.maxCapacity;
    document.components.schemas.Person.required = document.components.schemas.Person.required.filter((k: string) => k !== 'maxCapacity');
    const shrunk = new OpenApiContract(document);
    const me = await httpClient(desk.api, desk.adminToken).get('/me');
    expect(shrunk.violations('GET', '/me', me)).toEqual(['GET /me -> 200: body must NOT have additional properties (maxCapacity)']);
    const violation = new ContractViolation(shrunk.violations('GET', '/me', me));
    expect(violation.message).toContain('maxCapacity');
  });

  it('answers what the issue found missing: maxCapacity and conflicts accepted, bodiless decline and dismiss, rotate names its person', async () => {
    const admin = httpClient(desk.api, desk.adminToken);
    const created = await admin.post('/people', { name: 'Cap', email: 'cap@contract.test', role: 'REVIEWER', capacity: 2, maxCapacity: 4, conflicts: ['Acme'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ maxCapacity: 4, conflicts: ['Acme'] });
    const issued = await admin.post(`/people/${created.body.id}/tokens`, { expiresInDays: 3 });
    const rotated = await admin.raw('POST', `/tokens/${issued.body.id}/rotate`);
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ personId: created.body.id, token: expect.stringMatching(/^cd_/), expiresAt: expect.any(String) });
    // No body at all (no Content-Type): accepted, so the unknown id is what gets refused.
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await admin.raw('POST', `/claims/${nobody}/dismiss`)).status).toBe(404);
    const reviewer = await addPerson(admin, { name: 'Rev', email: 'rev@contract.test', role: 'REVIEWER' });
    expect((await httpClient(desk.api, reviewer.token).raw('POST', `/assignments/${nobody}/decline`)).status).toBe(404);
    const viewer = await addPerson(admin, { name: 'Vi', email: 'vi@contract.test', role: 'VIEWER' });
    expect((await httpClient(desk.api, viewer.token).get('/me/assignments')).status).toBe(403);
  });
});
