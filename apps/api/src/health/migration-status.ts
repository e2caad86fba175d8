import fs from 'node:fs';
import path from 'node:path';
import type { PrismaService } from '@claimdesk/database';

// apps/api/src/health (or its build under dist/) -> prisma/migrations beside it (the build copies them).
const MIGRATIONS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'prisma', 'migrations');

let shipped: string[] | undefined;

/** The migrations this build ships (folder names), read once. */
export function shippedMigrations(dir = MIGRATIONS_DIR): string[] {
  shipped ??= fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
  return shipped;
}

/** The shipped migrations that Postgres has not recorded as applied (`prisma migrate deploy` not run). */
export async function pendingMigrations(prisma: PrismaService): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ name: string }>>`
    SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.name));
  return shippedMigrations().filter((name) => !applied.has(name));
}
