import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** CLAIMDESK_ADMIN_TOKEN, or the one `npm start` generated and kept in data/admin-token. */
export function adminToken(): string {
  if (process.env.CLAIMDESK_ADMIN_TOKEN) return process.env.CLAIMDESK_ADMIN_TOKEN;
  const file = path.resolve(process.cwd(), 'data', 'admin-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Error('no admin token: set CLAIMDESK_ADMIN_TOKEN, or start claimdesk with `npm start` (it keeps one in data/admin-token)');
}
