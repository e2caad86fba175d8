import { readFileSync } from 'node:fs';
import { ApiClient, apiBaseUrl } from './lib/api-client';
import { adminToken } from './lib/admin-token';

/** npm run ingest -- FILE...: each text file becomes an article (first line = headline). */
async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: npm run ingest -- FILE [FILE...]   (CLAIMDESK_URL, CLAIMDESK_ADMIN_TOKEN)');
    process.exit(2);
  }
  const api = new ApiClient(apiBaseUrl(), process.env.CLAIMDESK_TOKEN ?? adminToken());
  let failed = 0;
  for (const file of files) {
    try {
      const { status, body } = await api.post('/articles', readFileSync(file, 'utf8'), 'text/plain; charset=utf-8');
      console.log(`${status === 202 ? 'ingested' : 'already there'}  ${body.id}  ${file}`);
    } catch (error) {
      failed++;
      console.error(`failed  ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

void main();
