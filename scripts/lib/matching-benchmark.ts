// The claim-matching benchmark harness shared by npm run eval:matching and npm run train:matcher: a
// fresh database of its own, the collection loaded through the product's import code
// (storeFactChecks), queries ranked by the product's matcher (FactCheckMatcher).
import { readFileSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { parsePairsTsv, parseVclaimsTsv, storeFactChecks } from '@claimdesk/core';
import { createTestDatabase } from '@claimdesk/testing';
import { ensureLocalServices } from './local-services';

export interface BenchmarkQuery {
  id: string;
  text: string;
  relevant: Set<string>;
}

export function readQueries(queriesFile: string, qrelsFile: string | null): BenchmarkQuery[] {
  const relevant = new Map<string, Set<string>>();
  for (const [q, v] of qrelsFile ? parsePairsTsv(readFileSync(qrelsFile, 'utf8')) : []) {
    if (!relevant.has(q)) relevant.set(q, new Set());
    relevant.get(q)!.add(v);
  }
  return parsePairsTsv(readFileSync(queriesFile, 'utf8')).map(([id, text]) => ({ id, text, relevant: relevant.get(id) ?? new Set() }));
}

/** Runs fn against a fresh database holding the collection, then drops the database. */
export async function withBenchmarkLibrary<T>(vclaimsFile: string, fn: (prisma: PrismaClient, loadMs: number, size: number) => Promise<T>): Promise<T> {
  const services = await ensureLocalServices({ purpose: 'test', log: () => undefined });
  const db = await createTestDatabase(services.databaseUrl);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 4 }) });
  try {
    const records = parseVclaimsTsv(readFileSync(vclaimsFile, 'utf8'));
    const started = performance.now();
    const summary = await storeFactChecks(prisma, records);
    await prisma.$executeRawUnsafe('ANALYZE "FactCheck"');
    return await fn(prisma, performance.now() - started, summary.inserted);
  } finally {
    await prisma.$disconnect();
    await db.drop();
    await services.stop();
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export function flag(args: readonly string[], name: string): string | null {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return null;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}
