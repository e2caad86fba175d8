import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { checkDestination, refusedBecause, systemResolver, type Resolver } from './destination-guard';
import { refusalOf } from './special-addresses';

export interface GuardedPostOptions {
  /** Lets loopback, private and other special-use addresses through (CLAIMDESK_WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** Whole attempt, connect to last byte read; 10 s unless said otherwise. */
  timeoutMs?: number;
  /** DNS, injectable for tests; the system resolver otherwise. */
  resolve?: Resolver;
}

export interface GuardedPostResult {
  status: number;
  latencyMs: number;
}

/** Why a POST did not produce an HTTP status: `refused` means nothing was sent to that address. */
export type GuardedPostFailure = 'refused' | 'timeout' | 'network';

export class GuardedPostError extends Error {
  constructor(
    readonly kind: GuardedPostFailure,
    readonly reason: string,
  ) {
    super(`webhook POST ${kind}: ${reason}`);
    this.name = 'GuardedPostError';
  }
}

export const DEFAULT_POST_TIMEOUT_MS = 10_000;
/** The receiver's answer is read (so the connection ends cleanly) and discarded, up to this much. */
export const RESPONSE_DISCARD_CAP_BYTES = 64 * 1024;

/**
 * POSTs `body` to a webhook destination, guarded against server-side request forgery on the address
 * actually connected to, so a DNS answer that changes between registration (or this call's own
 * check) and the connect cannot steer the request into the private network:
 * 1. the URL is checked as at registration (scheme, credentials, every resolved address);
 * 2. the socket resolves the host through a `lookup` that refuses the whole answer if any address
 *    in it is special-use, so no connection is even attempted to such an address;
 * 3. once connected, the socket's remote address is checked again before a single byte of the
 *    request is written (the request is only ended after that check).
 * Redirects are never followed: a 3xx comes back as its status, which a caller counts as not
 * delivered (a receiver that moved must be re-registered, and re-checked, at its new address).
 * A fresh connection per call (no agent pool), so no socket checked for another host is reused.
 */
export async function guardedPost(url: string, body: string, headers: Record<string, string>, options: GuardedPostOptions): Promise<GuardedPostResult> {
  const { allowPrivate, timeoutMs = DEFAULT_POST_TIMEOUT_MS, resolve = systemResolver } = options;
  const started = performance.now();
  const verdict = await checkDestination(url, { allowPrivate, resolve });
  if (!verdict.ok) throw new GuardedPostError('refused', verdict.reason);
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const remaining = timeoutMs - (performance.now() - started);
  if (remaining <= 0) throw new GuardedPostError('timeout', `timeout after ${timeoutMs} ms`);

  const status = await new Promise<number>((resolvePromise, reject) => {
    const fail = (error: GuardedPostError) => {
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(target, {
      method: 'POST',
      agent: false,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(host, allowPrivate, resolve),
    });
    const timer = setTimeout(() => fail(new GuardedPostError('timeout', `timeout after ${timeoutMs} ms`)), remaining);
    request.on('socket', (socket: Socket) => {
      const send = () => {
        const refusal = allowPrivate ? null : refusalOf(socket.remoteAddress ?? '');
        if (refusal) return fail(new GuardedPostError('refused', refusedBecause(host, socket.remoteAddress ?? 'an unknown address', refusal)));
        request.end(body);
      };
      if (socket.connecting) socket.once('connect', send);
      else send();
    });
    request.on('error', (error: Error & { guardReason?: string }) => {
      if (error.guardReason) fail(new GuardedPostError('refused', error.guardReason));
      else fail(new GuardedPostError('network', error.message));
    });
    request.on('response', (response) => {
      let read = 0;
      const done = () => {
        clearTimeout(timer);
        resolvePromise(response.statusCode ?? 0);
      };
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > RESPONSE_DISCARD_CAP_BYTES) {
          response.destroy();
          done();
        }
      });
      response.on('end', done);
      response.on('error', done);
    });
  });
  return { status, latencyMs: Math.round(performance.now() - started) };
}

/**
 * A socket `lookup` that resolves with our resolver and refuses the whole answer when any address
 * in it is special-use (a name answering both a public and a private address is refused, as at
 * registration). Node skips `lookup` for IP literals; those are checked in guardedPost directly.
 */
function guardedLookup(host: string, allowPrivate: boolean, resolve: Resolver): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw Object.assign(new Error(`host ${hostname} does not resolve`), { code: 'ENOTFOUND' });
        for (const address of allowPrivate ? [] : addresses) {
          const refusal = refusalOf(address);
          if (refusal) throw Object.assign(new Error(refusal), { guardReason: refusedBecause(host, address, refusal) });
        }
        const family = typeof lookupOptions.family === 'number' ? lookupOptions.family : 0;
        const answers = addresses.map((address) => ({ address, family: isIP(address) })).filter((a) => !family || a.family === family);
        if (answers.length === 0) throw Object.assign(new Error(`host ${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' });
        if (lookupOptions.all) callback(null, answers);
        else callback(null, answers[0].address, answers[0].family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}
