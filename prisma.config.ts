import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './libs/database/src/migration/migration-adapter';

// The wasm schema engine in driver-adapter mode is the only offline way to run migrations (STACK.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations'), seed: 'node dist/prisma/seed.js' },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is required for Prisma migrations');
    return migrationAdapter(url);
  },
});
