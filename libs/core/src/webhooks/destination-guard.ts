import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Server-side request forgery guard for webhook destinations: claimdesk must never be made to
 * POST into its own network. An address is private when it is loopback, private-use, link-local
 * (cloud metadata lives there), carrier-grade NAT, unspecified, multicast or reserved, in IPv4 or
 * IPv6 (including IPv4-mapped IPv6).
 */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return isPrivateV4(address);
  if (version === 6) {
    const lower = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return isPrivateV4(mapped[1]);
    if (lower === '::' || lower === '::1') return true;
    const first = parseInt(lower.split(':')[0] || '0', 16);
    if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
    if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
    if ((first & 0xff00) === 0xff00) return true; // ff00::/8 multicast
    return false;
  }
  return true; // not an IP address at all: refuse rather than guess
}

function isPrivateV4(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) || // IETF protocol assignments (192.0.0.0/24)
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

export type DestinationVerdict = { ok: true; addresses: string[] } | { ok: false; reason: string };

/**
 * Checks a webhook URL: http(s) only, no credentials, and every address its host resolves to must
 * be public (unless private destinations are explicitly allowed). Called at registration and must
 * be called again right before each delivery, because DNS answers change.
 */
export async function checkDestination(
  rawUrl: string,
  allowPrivate: boolean,
  resolve: (host: string) => Promise<string[]> = async (host) => (await lookup(host, { all: true })).map((r) => r.address),
): Promise<DestinationVerdict> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: 'is not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'must be an http(s) URL' };
  if (url.username || url.password) return { ok: false, reason: 'must not carry credentials' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return { ok: false, reason: `host ${host} does not resolve` };
  }
  if (addresses.length === 0) return { ok: false, reason: `host ${host} does not resolve` };
  if (!allowPrivate) {
    const blocked = addresses.find(isPrivateAddress);
    if (blocked) {
      return { ok: false, reason: `resolves to ${blocked}, a loopback, private or link-local address (set CLAIMDESK_WEBHOOK_ALLOW_PRIVATE=true to allow)` };
    }
  }
  return { ok: true, addresses };
}
