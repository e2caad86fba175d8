import { randomUUID } from 'node:crypto';
import { httpClient, startTestDesk, type TestDesk } from '@claimdesk/testing';
import { addPerson } from './desk-builder';

/** Issue 19 row 5: keys named like members of Object.prototype passed the whitelist. */
const KEYS = ['constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '__proto__', 'isPrototypeOf', 'toLocaleString'];

/** JSON with `key` as an own property, whatever its name (a literal `__proto__:` would set the prototype instead). */
const withKey = (base: Record<string, unknown>, key: string, value: unknown) => JSON.stringify({ ...base, [key]: value });

describe('validation refuses every key the schema does not name, at every depth', () => {
  let desk: TestDesk;
  let tokens: { editor: string; reviewer: string };

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0 });
    const admin = httpClient(desk.api, desk.adminToken);
    tokens = {
      editor: (await addPerson(admin, { name: 'Ed', email: 'ed@keys.test', role: 'EDITOR' })).token,
      reviewer: (await addPerson(admin, { name: 'Ray', email: 'ray@keys.test', role: 'REVIEWER' })).token,
    };
  });
  afterAll(async () => {
    await desk?.close();
  });

  async function refused(token: string, method: 'POST' | 'PATCH', url: string, json: string, field: string) {
    const response = await desk.api.inject({ method, url, payload: json, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
    const body = JSON.parse(response.body);
    return { status: response.statusCode, type: response.headers['content-type'], named: (body.errors ?? []).some((e: { field: string }) => e.field === field) };
  }
  const problem400 = { status: 400, type: expect.stringMatching(/application\/problem\+json/), named: true };

  it.each(KEYS)('refuses %s at the top level of an article, PATCH /me and a verdict, naming it', async (key) => {
    const article = { title: 'Keys', body: 'The minister said unemployment fell by 3% last year.' };
    const verdict = { rating: 'FALSE', rationale: 'r', sources: [{ url: 'https://example.org/a' }] };
    expect(await refused(tokens.editor, 'POST', '/articles', withKey(article, key, { name: 'x' }), key)).toEqual(problem400);
    expect(await refused(tokens.reviewer, 'PATCH', '/me', withKey({}, key, { name: 'x' }), key)).toEqual(problem400);
    expect(await refused(tokens.reviewer, 'POST', `/claims/${randomUUID()}/verdicts`, withKey(verdict, key, 'x'), key)).toEqual(problem400);
  });

  it.each(KEYS)('refuses %s nested in a verdict source and inside another object, naming it', async (key) => {
    const source = JSON.parse(withKey({ url: 'https://example.org/a' }, key, 'x'));
    const verdict = JSON.stringify({ rating: 'FALSE', rationale: 'r', sources: [{ url: 'https://example.org/b' }, source] });
    expect(await refused(tokens.reviewer, 'POST', `/claims/${randomUUID()}/verdicts`, verdict, `sources.1.${key}`)).toEqual(problem400);
    const inside = withKey({ rating: 'FALSE', rationale: 'r' }, 'sources', [JSON.parse(withKey({ url: 'https://example.org/c' }, 'note', JSON.parse(withKey({}, key, 1))))]);
    expect(await refused(tokens.reviewer, 'POST', `/claims/${randomUUID()}/verdicts`, inside, `sources.0.note.${key}`)).toEqual(problem400);
  });

  it('still accepts the same inputs without the extra key (control)', async () => {
    const ok = await desk.api.inject({
      method: 'PATCH',
      url: '/me',
      payload: JSON.stringify({ capacity: 3 }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.reviewer}` },
    });
    expect(ok.statusCode).toBe(200);
  });
});
