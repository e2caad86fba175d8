import { getIntrospectionQuery } from 'graphql';
import { startTestDesk, type TestDesk } from '@claimdesk/testing';
import { MAX_QUERY_COST } from '../apps/api/src/graphql/query-limits';

/** POST /graphql through Fastify's full stack; the raw answer, to measure its size. */
async function post(desk: TestDesk, query: string, token?: string) {
  const response = await desk.api.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify({ query }),
  });
  return { bytes: response.rawPayload.length, body: JSON.parse(response.body) as { data?: any; errors?: Array<{ message: string; extensions: any }> } };
}

describe('GraphQL limits: introspection allowed, amplification and deep data queries refused', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0 });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it.each([['with a token', true], ['without a token', false]])('answers the standard introspection query (depth ~15) %s', async (_label, withToken) => {
    const { body } = await post(desk, getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true }), withToken ? desk.adminToken : undefined);
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['Claim', 'Article', 'DateTime']));
  });

  it('costs the standard introspection query well under the limit, so the schema can grow', async () => {
    const { GraphQLSchemaHost } = await import('@nestjs/graphql');
    const { parse, validate } = await import('graphql');
    const { costLimitRule } = await import('../apps/api/src/graphql/query-limits');
    const schema = desk.api.get(GraphQLSchemaHost).schema;
    const standard = parse(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true }));
    // 43 types after the board, ClaimReview and matching merge: between 10,000 and 12,000; 60 % of the
    // limit leaves room for about a third more schema before the limit itself must be revisited.
    expect(validate(schema, standard, [costLimitRule(undefined, MAX_QUERY_COST * 0.6)])).toEqual([]);
    expect(validate(schema, standard, [costLimitRule(undefined, 1_000)])[0]?.extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses 3,000 aliased __schema without a token by cost, with a small answer', async () => {
    const aliases = Array.from({ length: 3000 }, (_, i) => `a${i}: __schema { types { name fields { name } } }`).join(' ');
    const { bytes, body } = await post(desk, `{ ${aliases} }`);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', status: 400 });
    expect(bytes).toBeLessThan(1_000_000);
    expect(bytes).toBeLessThan(10_000);
  });

  it('costs introspection what it returns: one __schema is cheap, a few dozen are refused', async () => {
    const one = await post(desk, '{ __schema { types { name fields { name } } } }');
    expect(one.body.errors).toBeUndefined();
    const many = await post(desk, `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: __schema { types { name fields { name args { name } } } }`).join(' ')} }`);
    expect(many.body.errors?.[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(many.body.errors?.[0].extensions.maxCost).toBe(MAX_QUERY_COST);
  });

  it('keeps the depth limit of 8 for data queries (QUERY_TOO_DEEP, 400), introspection exempt', async () => {
    const ok = await post(desk, '{ claims { items { assignment { reviewer { id } } } } }', desk.adminToken);
    expect(ok.body.errors).toBeUndefined();
    // claimdesk's own types nest at most 5 deep; the rule is the one the app runs, on a recursive schema.
    const { depthLimitRule } = await import('../apps/api/src/graphql/query-limits');
    const { buildSchema, parse, validate } = await import('graphql');
    const schema = buildSchema('type N { n: N, v: Int } type Query { n: N }');
    const nested = (levels: number) => `{ ${'n { '.repeat(levels - 1)}v${' }'.repeat(levels - 1)} }`;
    expect(validate(schema, parse(nested(8)), [depthLimitRule(8)])).toEqual([]);
    const [error] = validate(schema, parse(nested(9)), [depthLimitRule(8)]);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', status: 400, depth: 9, maxDepth: 8 });
    expect(validate(schema, parse(`{ ${'n { '.repeat(7)}__schema { types { fields { type { ofType { ofType { name } } } } } }${' }'.repeat(7)} }`), [depthLimitRule(8)])).toEqual([]);
  });

  it('counts the events page by items: limit 9 costs about 9 per field, not 27,019', async () => {
    const { body } = await post(desk, '{ events(limit: 9) { events { id type payload at } next } }', desk.adminToken);
    expect(body.errors).toBeUndefined();
    const costly = await post(desk, `{ ${Array.from({ length: 5 }, (_, i) => `e${i}: events(limit: 1000) { events { id type payload at } }`).join(' ')} }`, desk.adminToken);
    expect(costly.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', status: 400, cost: expect.any(Number) });
  });

  it('gives every GraphQL error a code and an HTTP-like status', async () => {
    const unknownField = await post(desk, '{ nope }', desk.adminToken);
    expect(unknownField.body.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 });
    const syntax = await post(desk, '{ claims {', desk.adminToken);
    expect(syntax.body.errors?.[0].extensions).toMatchObject({ status: 400 });
    const anonymous = await post(desk, '{ me { id } }');
    expect(anonymous.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});
