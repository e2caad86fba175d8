import { GuardedPostError, guardedPost } from './guarded-post';

export type AttemptOutcome = 'ok' | 'redirect' | 'http_error' | 'refused' | 'timeout' | 'network';

export interface AttemptResult {
  outcome: AttemptOutcome;
  statusCode: number | null;
  latencyMs: number;
  /** Why it did not count as delivered; null when it did. */
  error: string | null;
}

/**
 * One attempt, reduced to what the delivery log keeps. Only a 2xx delivers; a redirect is not
 * followed (the receiver must be re-registered at its new address, and checked there).
 */
export async function attemptPost(url: string, body: string, headers: Record<string, string>, options: { allowPrivate: boolean; timeoutMs: number }): Promise<AttemptResult> {
  const started = performance.now();
  try {
    const { status, latencyMs } = await guardedPost(url, body, headers, options);
    if (status >= 200 && status < 300) return { outcome: 'ok', statusCode: status, latencyMs, error: null };
    if (status >= 300 && status < 400) return { outcome: 'redirect', statusCode: status, latencyMs, error: `redirect (${status}) not followed` };
    return { outcome: 'http_error', statusCode: status, latencyMs, error: `receiver answered ${status}` };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    if (error instanceof GuardedPostError) return { outcome: error.kind, statusCode: null, latencyMs, error: error.reason };
    return { outcome: 'network', statusCode: null, latencyMs, error: (error as Error).message };
  }
}
