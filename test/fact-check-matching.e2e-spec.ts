import { Client } from 'pg';
import { startTestDesk, waitFor, type TestDesk } from '@claimdesk/testing';
import { ingestWithClaims, publishClaim, publishingStaff, type PublishingStaff } from './publishing';
import { sampleArticleText } from './sample-article';

const ORIGINAL = 'The US later lifted sanctions for Figuera, who is currently in the US offering details about Maduro’s rule and embezzlement schemes.';
const REWORDED = 'Washington afterwards removed its sanctions on Figuera, who now lives in the US and is giving details about Maduro’s rule and his embezzlement schemes.';

function claimReview(i: number, extra: Record<string, unknown> = {}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `https://partner.example.org/fact-checks/${i}`,
    claimReviewed: `Partner claim number ${i}: the harbour bridge toll rose ${i} percent in ${2000 + (i % 25)}.`,
    datePublished: '2026-11-01T10:00:00Z',
    author: { '@type': 'Organization', name: 'Partner Checks', url: 'https://partner.example.org' },
    reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 6, worstRating: 1, alternateName: 'False' },
    ...extra,
  };
}

describe('fact-check library: import, matching in the flow, reuse (real Postgres and Redis)', () => {
  let desk: TestDesk;
  let staff: PublishingStaff;
  let pg: Client;

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 1 });
    staff = await publishingStaff(desk, 'match');
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await desk?.close();
  });

  it('imports a ClaimReview feed of 1,000 documents twice without duplicates, keeping the reviewer organisation', async () => {
    const feed = { items: Array.from({ length: 1000 }, (_, i) => claimReview(i)), next: null };
    const first = await staff.editor.post('/fact-checks/import', feed);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: 1000, inserted: 1000, updated: 0 });
    const again = await staff.editor.post('/fact-checks/import', feed);
    expect(again.body).toEqual({ received: 1000, inserted: 0, updated: 1000 });
    const rows = await pg.query(`SELECT count(*)::int AS n, count(DISTINCT url)::int AS urls, min("authorName") AS author, min(rating) AS rating FROM "FactCheck"`);
    expect(rows.rows[0]).toEqual({ n: 1000, urls: 1000, author: 'Partner Checks', rating: 'False' });
    // One document alone, and an array, are accepted too; the same URL updates in place.
    expect((await staff.editor.post('/fact-checks/import', claimReview(5, { claimReviewed: 'Edited claim five.' }))).body).toEqual({ received: 1, inserted: 0, updated: 1 });
    expect((await staff.editor.post('/fact-checks/import', [claimReview(1000)])).body).toEqual({ received: 1, inserted: 1, updated: 0 });
  });

  it('answers 400 naming the field of a bad document, stores nothing of that import, and refuses reviewers', async () => {
    const before = (await pg.query(`SELECT count(*)::int AS n FROM "FactCheck"`)).rows[0].n;
    const bad = await staff.editor.post('/fact-checks/import', { items: [claimReview(2000), claimReview(2001, { url: 'ftp://x' }), { '@type': 'Claim', url: 'https://a.example/x' }] });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((bad.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['items[1].url', 'items[2].@type', 'items[2].claimReviewed']);
    expect((await staff.editor.post('/fact-checks/import', claimReview(1, { reviewRating: { ratingValue: 'high' } }))).body.errors[0].field).toBe('reviewRating.ratingValue');
    expect((await staff.reviewer.post('/fact-checks/import', claimReview(3000))).status).toBe(403);
    expect((await pg.query(`SELECT count(*)::int AS n FROM "FactCheck"`)).rows[0].n).toBe(before);
  });

  let firstClaims: Array<{ id: string; sentence: string }> = [];

  it('puts every verdict published in claimdesk into the library', async () => {
    const text = sampleArticleText();
    const [title, ...rest] = text.split('\n');
    const { articleId, claimIds } = await ingestWithClaims(staff, { title, body: rest.join('\n').trim(), outlet: 'Free Malaysia Today' }, 10);
    for (const id of claimIds) await publishClaim(staff, id, 'MOSTLY_TRUE', 'Matches the broadcast transcript.');
    firstClaims = ((await staff.admin.get(`/articles/${articleId}/claims`)).body as Array<{ id: string; sentence: string; status: string }>).filter((c) => c.status === 'PUBLISHED');
    expect(firstClaims.length).toBe(claimIds.length);
    const library = await pg.query(`SELECT "claimId", url, rating, origin FROM "FactCheck" WHERE origin = 'DESK'`);
    expect(library.rows).toHaveLength(claimIds.length);
    for (const row of library.rows) {
      expect(row.url).toBe(desk.env.CLAIMDESK_PUBLIC_URL_TEMPLATE.replace('{id}', row.claimId));
      expect(row.rating).toBe('Mostly true');
    }
  }, 240_000);

  it('matches the same story from another outlet, one sentence reworded, to the first one\'s verdicts above the suggest threshold', async () => {
    const text = sampleArticleText();
    expect(text).toContain(ORIGINAL);
    const [, ...rest] = text.replace(ORIGINAL, REWORDED).split('\n');
    const second = await staff.admin.post('/articles', { title: 'Maduro confirms months of secret talks with Washington', body: rest.join('\n').trim(), outlet: 'Other Outlet' });
    expect(second.status).toBe(202);
    const suggest = desk.env.CLAIMDESK_MATCH_SUGGEST;
    const claims = await waitFor(
      async () => {
        const listed = (await staff.admin.get(`/articles/${second.body.id}/claims`)).body as Array<{ id: string; sentence: string; status: string }>;
        if (listed.length === 0) return undefined;
        const inFlow = listed.filter((c) => c.status !== 'CANDIDATE');
        const matched = await pg.query(`SELECT count(*)::int AS n FROM "Claim" WHERE "articleId" = $1 AND "matchedAt" IS NOT NULL`, [second.body.id]);
        return matched.rows[0].n === inFlow.length ? inFlow : undefined;
      },
      { what: 'every check-worthy claim of the second article matched', timeoutMs: 90_000 },
    );
    expect(claims.length).toBeGreaterThan(5);
    const earlierUrl = (sentence: string) => {
      const original = firstClaims.find((c) => c.sentence === sentence);
      return original ? desk.env.CLAIMDESK_PUBLIC_URL_TEMPLATE.replace('{id}', original.id) : null;
    };
    for (const claim of claims) {
      const matches = (await staff.reviewer.get(`/claims/${claim.id}/matches`)).body as Array<{ score: number; suggested: boolean; factCheck: { url: string; origin: string } }>;
      const expected = earlierUrl(claim.sentence === REWORDED ? ORIGINAL : claim.sentence);
      expect({ sentence: claim.sentence, top: matches[0]?.factCheck.url }).toEqual({ sentence: claim.sentence, top: expected });
      expect(matches[0].score).toBeGreaterThanOrEqual(suggest);
      expect(matches[0].suggested).toBe(true);
    }
    const reworded = claims.find((c) => c.sentence === REWORDED);
    expect(reworded).toBeDefined();
    const events = await pg.query(`SELECT count(*)::int AS n FROM "Event" WHERE type = 'claim.matched' AND "articleId" = $1`, [second.body.id]);
    expect(events.rows[0].n).toBe(claims.length);
    // Shown to the reviewer in the inbox item and on the claim.
    const inbox = (await staff.reviewer.get('/me/assignments')).body as Array<{ claimId: string; claim: { matches: unknown[] } }>;
    const item = inbox.find((a) => a.claimId === reworded!.id);
    if (item) expect(item.claim.matches.length).toBeGreaterThan(0);
    expect(((await staff.viewer.get(`/claims/${reworded!.id}`)).body.matches as unknown[]).length).toBeGreaterThan(0);
    (globalThis as Record<string, unknown>).__reworded = reworded!.id;
  }, 120_000);

  it('lets an editor reuse the earlier verdict: published with its rating, its ClaimReview points to the earlier review', async () => {
    const claimId = (globalThis as Record<string, unknown>).__reworded as string;
    const [top] = (await staff.editor.get(`/claims/${claimId}/matches`)).body as Array<{ factCheck: { id: string; url: string } }>;
    expect((await staff.reviewer.post(`/claims/${claimId}/reuse`, { factCheckId: top.factCheck.id })).status).toBe(403);
    expect((await staff.editor.post(`/claims/${claimId}/reuse`, { factCheckId: 'nope' })).body.errors[0].field).toBe('factCheckId');
    expect((await staff.editor.post(`/claims/${claimId}/reuse`, { factCheckId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    const reused = await staff.editor.post(`/claims/${claimId}/reuse`, { factCheckId: top.factCheck.id });
    expect(reused.status).toBe(200);
    expect(reused.body).toMatchObject({ claimId, status: 'PUBLISHED', rating: 'MOSTLY_TRUE', factCheck: { url: top.factCheck.url } });
    const review = await staff.viewer.get(`/claims/${claimId}/claim-review`);
    expect(review.status).toBe(200);
    expect(review.body.isBasedOn).toMatchObject({ '@type': 'ClaimReview', url: top.factCheck.url });
    expect(review.body.reviewRating.alternateName).toBe('Mostly true');
    const event = await pg.query(`SELECT payload FROM "Event" WHERE type = 'claim.reused' AND "claimId" = $1`, [claimId]);
    expect(event.rows).toHaveLength(1);
    expect(event.rows[0].payload).toMatchObject({ factCheckId: top.factCheck.id, rating: 'MOSTLY_TRUE', to: 'PUBLISHED' });
    // Published: its reviewer's capacity is free again, and a second reuse is refused with the state.
    const again = await staff.editor.post(`/claims/${claimId}/reuse`, { factCheckId: top.factCheck.id });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('PUBLISHED');
    const live = await pg.query(`SELECT count(*)::int AS n FROM "Assignment" WHERE "claimId" = $1 AND status IN ('OFFERED', 'ACCEPTED')`, [claimId]);
    expect(live.rows[0].n).toBe(0);
  });
});

describe('CLAIMDESK_MATCH_AUTO: a claim already checked is held for an editor, not routed', () => {
  let desk: TestDesk;
  let staff: PublishingStaff;
  let pg: Client;

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 1, env: { CLAIMDESK_MATCH_AUTO: '0.6' } });
    staff = await publishingStaff(desk, 'auto');
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await desk?.close();
  });

  it('holds the restated claim with its match, routes the others, and the editor reuses the earlier verdict', async () => {
    const imported = await staff.editor.post('/fact-checks/import', claimReview(1, {
      url: 'https://partner.example.org/fact-checks/exports',
      claimReviewed: 'Exports rose 12% in 2023 to 40 billion dollars.',
      reviewRating: { '@type': 'Rating', alternateName: 'Mostly False' },
    }));
    expect(imported.body.inserted).toBe(1);
    const { claimIds } = await ingestWithClaims(
      staff,
      {
        title: 'Trade and weather',
        body: 'Exports rose 12% in 2023 to 40 billion dollars, the trade ministry said on Monday. Rainfall in the capital doubled to 300 millimetres in March, the weather service said.',
        outlet: 'Auto News',
      },
      2,
    );
    const rows = await waitFor(
      async () => {
        const r = await pg.query(`SELECT id, text, status, "heldForFactCheckId" FROM "Claim" WHERE id = ANY($1::uuid[]) AND "matchedAt" IS NOT NULL ORDER BY ordinal`, [claimIds]);
        return r.rows.length === claimIds.length && r.rows.some((c) => c.status === 'ASSIGNED') ? r.rows : undefined;
      },
      { what: 'both claims matched, the unchecked one routed', timeoutMs: 60_000 },
    );
    const held = rows.find((c) => c.text.startsWith('Exports'))!;
    expect(held.status).toBe('PENDING');
    expect(held.heldForFactCheckId).not.toBeNull();
    expect((await pg.query(`SELECT count(*)::int AS n FROM "Assignment" WHERE "claimId" = $1`, [held.id])).rows[0].n).toBe(0);
    const event = await pg.query(`SELECT payload FROM "Event" WHERE type = 'claim.matched' AND "claimId" = $1`, [held.id]);
    expect(event.rows[0].payload.held).toBe(true);
    const reused = await staff.editor.post(`/claims/${held.id}/reuse`, { factCheckId: held.heldForFactCheckId });
    expect(reused.body).toMatchObject({ status: 'PUBLISHED', rating: 'MOSTLY_FALSE' });
  });
});
