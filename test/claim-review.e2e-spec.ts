import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as jsonld from 'jsonld';
import { startTestDesk, type TestDesk } from '@claimdesk/testing';
import { ingestWithClaims, publishClaim, publishingStaff, type PublishingStaff } from './publishing';

// A subset of schema.org's JSON-LD context (https://schema.org/docs/jsonldcontext.jsonld): the
// @vocab and prefixes, and every term a ClaimReview uses, each defined exactly as schema.org does
// (datePublished coerced to schema:Date, url to an IRI). The loader below serves it for schema.org's
// addresses and refuses anything else, so expansion never touches the network.
const SCHEMA_ORG_CONTEXT = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/schema-org/jsonldcontext-claimreview.json'), 'utf8'));
const SCHEMA_ORG = /^https?:\/\/schema\.org\/?(docs\/jsonldcontext\.jsonld)?$/;
const documentLoader = async (url: string) => {
  if (!SCHEMA_ORG.test(url)) throw new Error(`no network in tests: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: SCHEMA_ORG_CONTEXT };
};

const expand = async (doc: object): Promise<Node[]> => (await jsonld.expand(doc as never, { documentLoader } as never)) as unknown as Node[];

const S = 'http://schema.org/';
type Node = Record<string, Array<Record<string, unknown>>> & { '@type'?: string[] };
/** The one value of an expanded property, failing if it is missing or repeated. */
const one = (node: Node, term: string): Record<string, unknown> => {
  const values = node[S + term];
  expect(values).toHaveLength(1);
  return values[0];
};
const keysOf = (node: Node) => Object.keys(node).sort();

const ARTICLE = {
  title: 'Exports and jobs: what the ministry said',
  body:
    'Exports rose 12% in 2023 to 40 billion dollars, the trade ministry said on Monday. ' +
    'Unemployment fell to 3.1% last year, Finance Minister Ana Ruiz said.',
  url: 'https://news.example.com/exports-and-jobs',
  outlet: 'Example News',
  publishedAt: '2026-11-30T08:00:00.000Z',
};

describe('ClaimReview JSON-LD of published verdicts (real Postgres and Redis)', () => {
  let desk: TestDesk;
  let staff: PublishingStaff;
  let articleId: string;
  let claimIds: string[];

  beforeAll(async () => {
    desk = await startTestDesk({
      workers: 1,
      env: { CLAIMDESK_PUBLIC_URL_TEMPLATE: 'https://checks.example.net/claims/{id}', CLAIMDESK_ORG_NAME: 'Desk Test', CLAIMDESK_ORG_URL: 'https://desk.example.net/' },
    });
    staff = await publishingStaff(desk, 'cr');
    ({ articleId, claimIds } = await ingestWithClaims(staff, ARTICLE, 2));
  });

  const graphql = async (query: string) => {
    const r = await staff.viewer.post('/graphql', { query });
    expect(r.body.errors).toBeUndefined();
    return r.body.data;
  };

  afterAll(async () => {
    await desk?.close();
  });

  it('answers 404 problem+json while a claim has no published verdict, and for an unknown claim', async () => {
    const pending = await staff.admin.get(`/claims/${claimIds[0]}/claim-review`);
    expect(pending.status).toBe(404);
    expect(pending.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(pending.body.detail).toMatch(/published verdict of claim/);
    expect((await staff.admin.get('/claims/00000000-0000-4000-8000-000000000000/claim-review')).status).toBe(404);
    expect((await staff.admin.get('/claims/nope/claim-review')).body.errors[0].field).toBe('id');
    expect((await staff.admin.get(`/articles/${articleId}/claim-reviews`)).body).toEqual([]);
    expect(await graphql(`{ claim(id: "${claimIds[0]}") { claimReview } }`)).toEqual({ claim: { claimReview: null } });
  });

  it('publishes a numeric and a non-numeric rating and expands each into schema.org terms, every field typed', async () => {
    const approvedAfter = Date.now();
    await publishClaim(staff, claimIds[0], 'FALSE', 'The ministry reported 9%, not 12%. Its own bulletin says so.');
    await publishClaim(staff, claimIds[1], 'UNVERIFIABLE', 'No unemployment figure for last year has been released yet.');
    const claims = (await staff.admin.get(`/articles/${articleId}/claims`)).body as Array<{ id: string; text: string; speaker: string | null }>;

    const review = await staff.viewer.get(`/claims/${claimIds[0]}/claim-review`);
    expect(review.status).toBe(200);
    const [expanded] = await expand(review.body);
    expect(expanded['@type']).toEqual([`${S}ClaimReview`]);
    expect(keysOf(expanded)).toEqual(['@type', ...['author', 'claimReviewed', 'datePublished', 'itemReviewed', 'reviewRating', 'url'].map((t) => S + t)].sort());
    expect(one(expanded, 'url')).toEqual({ '@id': `https://checks.example.net/claims/${claimIds[0]}` });
    const claim0 = claims.find((c) => c.id === claimIds[0])!;
    expect(one(expanded, 'claimReviewed')['@value']).toBe(review.body.claimReviewed);
    expect(claim0.text).toContain(review.body.claimReviewed.replace(/\.$/, ''));
    const published = one(expanded, 'datePublished');
    expect(published['@type']).toBe(`${S}Date`);
    expect(Date.parse(published['@value'] as string)).toBeGreaterThanOrEqual(approvedAfter - 1000);
    expect(Date.parse(published['@value'] as string)).toBeLessThanOrEqual(Date.now());

    const author = one(expanded, 'author') as Node;
    expect(author['@type']).toEqual([`${S}Organization`]);
    expect(one(author, 'name')).toEqual({ '@value': 'Desk Test' });
    expect(one(author, 'url')).toEqual({ '@id': 'https://desk.example.net/' });

    const rating = one(expanded, 'reviewRating') as Node;
    expect(rating['@type']).toEqual([`${S}Rating`]);
    expect(keysOf(rating)).toEqual(['@type', ...['alternateName', 'bestRating', 'ratingExplanation', 'ratingValue', 'worstRating'].map((t) => S + t)].sort());
    expect(one(rating, 'ratingValue')).toEqual({ '@value': 2 });
    expect(one(rating, 'bestRating')).toEqual({ '@value': 6 });
    expect(one(rating, 'worstRating')).toEqual({ '@value': 1 });
    expect(one(rating, 'alternateName')).toEqual({ '@value': 'False' });
    expect(one(rating, 'ratingExplanation')).toEqual({ '@value': 'The ministry reported 9%, not 12%.' });

    const item = one(expanded, 'itemReviewed') as Node;
    expect(item['@type']).toEqual([`${S}Claim`]);
    expect(keysOf(item)).toEqual(['@type', ...['appearance', 'author', 'datePublished'].map((t) => S + t)].sort());
    expect(one(item, 'datePublished')).toEqual({ '@type': `${S}Date`, '@value': ARTICLE.publishedAt });
    const speaker = one(item, 'author') as Node;
    expect(one(speaker, 'name')).toEqual({ '@value': claim0.speaker });
    expect(speaker['@type']).toEqual([`${S}Organization`]); // "the trade ministry"
    const appearance = one(item, 'appearance') as Node;
    expect(appearance['@type']).toEqual([`${S}CreativeWork`]);
    expect(one(appearance, 'url')).toEqual({ '@id': ARTICLE.url });
    expect(one(appearance, 'headline')).toEqual({ '@value': ARTICLE.title });
  });

  it('leaves the numbers out of a non-numeric rating and types a named speaker as a Person', async () => {
    const review = await staff.viewer.get(`/claims/${claimIds[1]}/claim-review`);
    const [expanded] = await expand(review.body);
    const rating = one(expanded, 'reviewRating') as Node;
    expect(keysOf(rating)).toEqual(['@type', `${S}alternateName`, `${S}ratingExplanation`]);
    expect(one(rating, 'alternateName')).toEqual({ '@value': 'Unverifiable' });
    const speaker = one(one(expanded, 'itemReviewed') as Node, 'author') as Node;
    expect(speaker['@type']).toEqual([`${S}Person`]);
    expect(one(speaker, 'name')['@value']).toMatch(/Ana Ruiz/);
  });

  it('gives both of the article, in claim order, and the same documents in the feed, newest first, page by page', async () => {
    const [first, second] = await Promise.all(claimIds.map(async (id) => (await staff.viewer.get(`/claims/${id}/claim-review`)).body));
    const ofArticle = await staff.admin.get(`/articles/${articleId}/claim-reviews`);
    expect(ofArticle.status).toBe(200);
    expect(ofArticle.body).toEqual([first, second]);
    for (const doc of ofArticle.body) expect(await expand(doc)).toHaveLength(1);

    const page1 = await staff.admin.get('/claim-reviews?limit=1');
    expect(page1.body.items).toEqual([second]);
    const page2 = await staff.admin.get(`/claim-reviews?limit=1&cursor=${page1.body.next}`);
    expect(page2.body).toEqual({ items: [first], next: null });
    expect((await staff.admin.get(`/claim-reviews?since=${encodeURIComponent(second.datePublished)}`)).body.items).toEqual([second]);
    expect((await staff.admin.get('/claim-reviews?since=2999-01-01T00:00:00Z')).body).toEqual({ items: [], next: null });
    const bad = await staff.admin.get('/claim-reviews?since=yesterday&cursor=zzz');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('since');
    expect((await staff.admin.get('/claim-reviews?cursor=zzz')).body.errors[0].field).toBe('cursor');
    expect((await staff.admin.get(`/articles/00000000-0000-4000-8000-000000000000/claim-reviews`)).status).toBe(404);
  });

  it('serves the same document in GraphQL as claimReview on a claim, null before publication', async () => {
    const rest = (await staff.viewer.get(`/claims/${claimIds[0]}/claim-review`)).body;
    const data = await graphql(`{ claim(id: "${claimIds[0]}") { status claimReview } claims(article: "${articleId}") { items { id claimReview } } }`);
    expect(data.claim).toEqual({ status: 'PUBLISHED', claimReview: rest });
    expect(data.claims.items.map((c: { claimReview: unknown }) => c.claimReview)).toHaveLength(2);
  });
});
