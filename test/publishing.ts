import { httpClient, waitFor, type HttpClient, type TestDesk } from '@claimdesk/testing';
import { addPerson } from './desk-builder';

export interface PublishingStaff {
  admin: HttpClient;
  editor: HttpClient;
  reviewer: HttpClient;
  /** Read-only: what a dashboard or a partner sees. */
  viewer: HttpClient;
}

/** An editor and one reviewer with room for every claim of a small article. */
export async function publishingStaff(desk: TestDesk, tag: string): Promise<PublishingStaff> {
  const admin = httpClient(desk.api, desk.adminToken);
  const editor = await addPerson(admin, { name: 'Pia Editor', email: `editor-${tag}@publish.test`, role: 'EDITOR' });
  const reviewer = await addPerson(admin, { name: 'Rui Reviewer', email: `reviewer-${tag}@publish.test`, role: 'REVIEWER', capacity: 50 });
  const viewer = await addPerson(admin, { name: 'Vic Viewer', email: `viewer-${tag}@publish.test`, role: 'VIEWER' });
  return { admin, editor: httpClient(desk.api, editor.token), reviewer: httpClient(desk.api, reviewer.token), viewer: httpClient(desk.api, viewer.token) };
}

const expectStatus = (what: string, r: { status: number; body: unknown }, status: number) => {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
};

/** Ingests an article and waits for its claims (ordinal order), every candidate promoted into the workflow. */
export async function ingestWithClaims(staff: PublishingStaff, article: Record<string, unknown>, claims: number): Promise<{ articleId: string; claimIds: string[] }> {
  const ingested = await staff.admin.post('/articles', article);
  expectStatus('POST /articles', ingested, ingested.status === 200 ? 200 : 202); // 200: ingested before
  const articleId = ingested.body.id as string;
  const listed = await waitFor(
    async () => {
      const r = await staff.admin.get(`/articles/${articleId}/claims`);
      return r.status === 200 && (r.body as unknown[]).length >= claims ? (r.body as Array<{ id: string; status: string; ordinal: number }>) : undefined;
    },
    { what: `${claims} claims extracted`, timeoutMs: 90_000 },
  );
  for (const claim of listed.filter((c) => c.status === 'CANDIDATE')) expectStatus('promote', await staff.editor.post(`/claims/${claim.id}/promote`), 200);
  return { articleId, claimIds: listed.sort((a, b) => a.ordinal - b.ordinal).map((c) => c.id) };
}

/** Walks one claim from its offer to a published verdict: accept, submit, approve. */
export async function publishClaim(staff: PublishingStaff, claimId: string, rating: string, rationale: string): Promise<{ verdictId: string }> {
  const assignment = await waitFor(
    async () => ((await staff.reviewer.get('/me/assignments')).body as Array<{ id: string; claimId: string; status: string }>).find((a) => a.claimId === claimId),
    { what: `claim ${claimId} routed to the reviewer`, timeoutMs: 90_000 },
  );
  if (assignment.status === 'OFFERED') expectStatus('accept', await staff.reviewer.post(`/assignments/${assignment.id}/accept`), 200);
  const verdict = await staff.reviewer.post(`/claims/${claimId}/verdicts`, { rating, rationale, sources: [{ url: 'https://example.org/source', title: 'Source' }] });
  expectStatus('submit', verdict, 201);
  expectStatus('approve', await staff.editor.post(`/verdicts/${verdict.body.id}/approve`), 200);
  return { verdictId: verdict.body.id };
}
