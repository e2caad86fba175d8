import 'reflect-metadata';
import { ensureLocalServices } from '../scripts/lib/local-services';
import type { BenchResult } from './bench-result';

/**
 * npm run bench -- [--json] [--only=webhook]: every benchmark, each with its baseline measured in the same run
 * (ratios are comparable across machines, absolute numbers are not).
 */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const services = await ensureLocalServices({ purpose: 'test', log: json ? () => undefined : undefined });
  process.env.DATABASE_URL = services.databaseUrl;
  process.env.REDIS_URL = services.redisUrl;
  const { benchExtraction } = await import('./extraction.bench');
  const { benchRouting } = await import('./routing.bench');
  const { benchStatusPolling } = await import('./status-polling.bench');
  const { benchWebhook } = await import('./webhook.bench');
  const results: BenchResult[] = [];
  // --only=<word>: run the benches whose function name contains it (e.g. --only=Polling).
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  for (const bench of [benchExtraction, benchRouting, benchStatusPolling, benchWebhook]) {
    if (!only || bench.name.toLowerCase().includes(only.toLowerCase())) results.push(...(await bench()));
  }
  if (json) console.log(JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  else for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit}${r.details ? `  ${JSON.stringify(r.details)}` : ''}`);
  await services.stop();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
