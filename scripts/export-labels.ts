import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { ensureLocalServices } from './lib/local-services';

/**
 * npm run export:labels -- [OUT.tsv]: the desk's own check-worthiness labels, from its editors'
 * decisions kept in the event log: the last promote (Yes) or dismiss (No) on each claim, and a
 * published verdict (Yes: someone checked it). Same TSV shape as the training data, so
 * `npm run train:scorer -- OUT.tsv` refits the scorer on the desk's judgement.
 */
async function main(): Promise<void> {
  const out = process.argv[2] ?? 'data/desk-labels.tsv';
  const services = await ensureLocalServices({ purpose: 'run', log: () => undefined });
  const pg = new Client({ connectionString: process.env.DATABASE_URL ?? services.databaseUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ id: string; text: string; label: string }>(`
      SELECT DISTINCT ON (c.id) c.id::text AS id, c.sentence AS text,
             CASE WHEN e.type IN ('claim.promoted', 'claim.published') THEN 'Yes' ELSE 'No' END AS label
      FROM "Event" e JOIN "Claim" c ON c.id = e."claimId"
      WHERE e.type IN ('claim.promoted', 'claim.dismissed', 'claim.published')
      ORDER BY c.id, e.id DESC`);
    const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();
    const lines = ['Sentence_id\tText\tclass_label', ...rows.map((r) => `${r.id}\t${clean(r.text)}\t${r.label}`)];
    writeFileSync(out, `${lines.join('\n')}\n`);
    const yes = rows.filter((r) => r.label === 'Yes').length;
    console.log(`wrote ${rows.length} labels (${yes} Yes, ${rows.length - yes} No) to ${out}`);
  } finally {
    await pg.end();
    await services.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
