import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { refusalOf } from './special-addresses';

export { isPrivateAddress, refusalOf } from './special-addresses';

/** Resolves a host name to every address it has (injectable so tests can play DNS). */
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((r) => r.address);

export interface DestinationOptions {
  /** Lets loopback, private and other special-use addresses through (CLAIMDESK_WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  resolve?: Resolver;
}

export type DestinationVerdict = { ok: true; addresses: string[] } | { ok: false; reason: string };

/**
 * Server-side request forgery guard for webhook destinations: claimdesk must never be made to POST
 * into its own network. Checks a webhook URL: http(s) only, no credentials, and every address its
 * host resolves to must be an ordinary public address (see special-addresses.ts) unless private
 * destinations are explicitly allowed.
 *
 * This is the registration-time check. It cannot protect a delivery on its own, since DNS answers
 * change between this check and a later connect: deliveries go through guardedPost(), which checks
 * the address it actually connects to.
 */
export async function checkDestination(
  rawUrl: string,
  options: boolean | DestinationOptions,
  resolver?: Resolver,
): Promise<DestinationVerdict> {
  const { allowPrivate, resolve = resolver ?? systemResolver } = typeof options === 'boolean' ? { allowPrivate: options } : options;
  const parsed = parseDestination(rawUrl);
  if ('reason' in parsed) return { ok: false, reason: parsed.reason };
  const host = parsed.host;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return { ok: false, reason: `host ${host} does not resolve` };
  }
  if (addresses.length === 0) return { ok: false, reason: `host ${host} does not resolve` };
  if (!allowPrivate) {
    for (const address of addresses) {
      const refusal = refusalOf(address);
      if (refusal) return { ok: false, reason: refusedBecause(host, address, refusal) };
    }
  }
  return { ok: true, addresses };
}

/** The URL's scheme and credentials checked, and its host as a bare name or IP literal. */
export function parseDestination(rawUrl: string): { url: URL; host: string } | { reason: string } {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { reason: 'is not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { reason: 'must be an http(s) URL' };
  if (url.username || url.password) return { reason: 'must not carry credentials' };
  return { url, host: url.hostname.replace(/^\[|\]$/g, '') };
}

/** The refusal said in words an admin can act on (the name, when a name led there). */
export function refusedBecause(host: string, address: string, refusal: string): string {
  const via = host === address ? '' : `host ${host} resolves to ${address}: `;
  return `${via}${refusal}; webhooks may only reach public addresses (CLAIMDESK_WEBHOOK_ALLOW_PRIVATE=true allows private ones)`;
}
