import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApiClient, apiBaseUrl } from './lib/api-client';
import { adminToken } from './lib/admin-token';
import { DEMO_DESK } from './lib/demo-desk';

// The shared fixture when it is beside the checkout, else the repository's own copy of it.
const SHARED_ARTICLE = path.resolve(process.cwd(), '../shared/fixtures/articles/venezuela-us-secret-meetings.txt');
const DEFAULT_ARTICLE = existsSync(SHARED_ARTICLE)
  ? SHARED_ARTICLE
  : path.resolve(process.cwd(), 'test/fixtures/articles/venezuela-us-secret-meetings.txt');
const RATINGS = ['TRUE', 'MOSTLY_TRUE', 'HALF_TRUE', 'MISLEADING', 'UNVERIFIABLE'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Member {
  id: string;
  name: string;
  role: string;
  client: ApiClient;
}

/** Progress as every line of the demo prints it: `100%`, never `1`. */
const percent = (progress: number) => `${(progress * 100).toFixed(0)}%`;

function line(text = ''): void {
  console.log(text);
}

function short(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}

async function printStatus(api: ApiClient, articleId: string, step: string): Promise<any> {
  const s = await api.get(`/articles/${articleId}/status`);
  const counts = Object.entries(s.claims.byStatus as Record<string, number>)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  line(`  [status after ${step}] ${s.status}, progress ${percent(s.progress)}, revision ${s.revision}: ${counts}`);
  return s;
}

/** The desk the demo acts as: existing people if any, else the demo desk; a fresh token for each. */
async function desk(admin: ApiClient): Promise<{ editor: Member; reviewers: Member[] }> {
  const everyone = async () => ((await admin.get('/people?limit=100')) as { items: any[] }).items;
  let people = await everyone();
  if (!people.some((p) => p.role === 'REVIEWER') || !people.some((p) => p.role === 'EDITOR')) {
    line('Seeding a demo desk (none found):');
    for (const member of DEMO_DESK) {
      if (people.some((p) => p.email === member.email)) continue;
      const { body } = await admin.post('/people', member);
      line(`  + ${member.role.padEnd(8)} ${member.name} (${member.topics.join(', ') || 'no topics'}; ${member.languages.join(', ')}; capacity ${member.capacity})`);
      people.push(body);
    }
    people = await everyone();
  }
  const withToken = async (p: any): Promise<Member> => {
    const { body } = await admin.post(`/people/${p.id}/tokens`, { name: 'demo' });
    return { id: p.id, name: p.name, role: p.role, client: admin.withToken(body.token) };
  };
  const editor = await withToken(people.find((p) => p.role === 'EDITOR'));
  const reviewers = await Promise.all(people.filter((p) => p.role === 'REVIEWER' && p.active).map(withToken));
  return { editor, reviewers };
}

async function main(): Promise<void> {
  const file = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_ARTICLE;
  const admin = new ApiClient(apiBaseUrl(), adminToken());
  line(`claimdesk demo against ${admin.baseUrl}`);
  const health = (await fetch(`${admin.baseUrl}/health`).then((r) => r.json())) as { postgres: string; redis: string };
  line(`health: postgres ${health.postgres}, redis ${health.redis}`);

  const { editor, reviewers } = await desk(admin);
  line(`desk: editor ${editor.name}; reviewers ${reviewers.map((r) => r.name).join(', ')}`);

  line(`\n1. Ingest ${path.relative(process.cwd(), file)}`);
  const { status: code, body: article } = await editor.client.post('/articles', readFileSync(file, 'utf8'), 'text/plain; charset=utf-8');
  line(`  ${code === 202 ? 'accepted (202)' : 'already ingested (200), same id'}: article ${article.id} "${article.title}"`);

  line('\n2. Extraction (worker)');
  for (let i = 0; ; i++) {
    const s = await admin.get(`/articles/${article.id}/status`);
    if (s.status === 'FAILED') throw new Error(`extraction failed: ${s.failureReason}`);
    if (s.status === 'IN_REVIEW' || s.status === 'COMPLETED') break;
    if (i > 300) throw new Error('extraction did not finish in 30 s: is the worker running?');
    await sleep(100);
  }
  await sleep(500); // let the router take its first pass
  const claims = (await admin.get(`/articles/${article.id}/claims`)) as any[];
  line(`  ${claims.length} claims (sentences); check-worthy ones are routed, the rest wait as CANDIDATE:`);
  line(`  ${'#'.padEnd(3)} ${'score'.padEnd(5)} ${'status'.padEnd(9)} ${'speaker'.padEnd(18)} ${'assignee'.padEnd(14)} claim`);
  for (const c of claims) {
    line(
      `  ${String(c.ordinal).padEnd(3)} ${c.score.toFixed(2).padEnd(5)} ${c.status.padEnd(9)} ${short(c.speaker ?? '-', 18)} ${short(c.assignment?.reviewer.name ?? '-', 14)} ${short(c.sentence, 70)}`,
    );
  }
  let status = await printStatus(admin, article.id, 'routing');

  line('\n3. Reviewers accept and submit verdicts; the editor approves');
  let idle = 0;
  let step = 0;
  while (status.progress < 1) {
    let acted = false;
    for (const reviewer of reviewers) {
      const inbox = ((await reviewer.client.get('/me/assignments')) as any[]).filter((a) => a.claim.articleId === article.id);
      for (const assignment of inbox) {
        acted = true;
        if (assignment.status === 'OFFERED') await reviewer.client.post(`/assignments/${assignment.id}/accept`);
        const rating = RATINGS[step++ % RATINGS.length];
        const { body: verdict } = await reviewer.client.post(`/claims/${assignment.claimId}/verdicts`, {
          rating,
          rationale: `Checked against the sources listed (demo verdict ${step}).`,
          sources: [{ url: 'https://example.org/source', title: 'Primary source' }],
          confidence: 0.7,
        });
        line(`  ${reviewer.name} accepted and rated "${short(assignment.claim.text, 50).trim()}" ${rating}`);
        await editor.client.post(`/verdicts/${verdict.id}/approve`);
        line(`  ${editor.name} approved it`);
        status = await printStatus(admin, article.id, `verdict ${step}`);
      }
    }
    if (!acted) {
      if (++idle > 100) throw new Error('no assignments for 10 s: no reviewer is eligible (language, capacity)?');
      await sleep(100);
      status = await admin.get(`/articles/${article.id}/status`);
    } else idle = 0;
  }
  status = await printStatus(admin, article.id, 'the last approval');
  line(`\nDone: article ${status.status}, progress ${percent(status.progress)}, verdicts by rating ${JSON.stringify(status.verdicts.byRating)}`);
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
