import { UnauthenticatedError } from '@claimdesk/database';
import { authorize } from './permissions';
import type { Principal } from './principal';

/**
 * Who may read /metrics (the API's and the worker's port alike): anyone when
 * CLAIMDESK_METRICS_PUBLIC=true, else an admin's bearer token (`metrics.read`). Throws the domain
 * error (401, 403) otherwise.
 */
export async function authorizeMetricsScrape(
  isPublic: boolean,
  authorization: unknown,
  authenticate: (token: string) => Promise<Principal>,
): Promise<void> {
  if (isPublic) return;
  const token = /^Bearer\s+(\S+)\s*$/i.exec(typeof authorization === 'string' ? authorization : '')?.[1];
  if (!token) throw new UnauthenticatedError('missing bearer token (or set CLAIMDESK_METRICS_PUBLIC=true)');
  authorize(await authenticate(token), 'metrics.read');
}
