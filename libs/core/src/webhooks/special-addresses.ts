import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/**
 * Which IP addresses a webhook may never reach, decided on the address's bytes, not its spelling
 * (`::ffff:7f00:1`, `[0:0:0:0:0:ffff:127.0.0.1]` and `127.0.0.1` are one address).
 *
 * The tables are the IANA IPv4 and IPv6 Special-Purpose Address Registries (every entry, whether
 * or not the registry calls it globally reachable: a webhook receiver has no business on any of
 * them), plus IPv4 multicast and the IPv6 space outside global unicast (2000::/3).
 *
 * IPv6 forms that carry an IPv4 address are unwrapped:
 * - IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96) are decided on the embedded IPv4 address:
 *   the socket really ends up there, and a public one is a legitimate destination (a dual-stack
 *   socket reports IPv4 peers in the mapped form).
 * - IPv4-compatible (::/96, deprecated), local-use NAT64 (64:ff9b:1::/48), 6to4 (2002::/16) and
 *   Teredo (2001::/32) are refused whatever they embed; the reason names the embedded address.
 */
type Range = readonly [cidr: string, what: string];

const V4: readonly Range[] = [
  ['255.255.255.255/32', 'broadcast'],
  ['0.0.0.0/8', '"this network" (0.0.0.0/8)'],
  ['10.0.0.0/8', 'private-use (10.0.0.0/8)'],
  ['100.64.0.0/10', 'carrier-grade NAT shared space (100.64.0.0/10)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local (169.254.0.0/16, cloud metadata)'],
  ['172.16.0.0/12', 'private-use (172.16.0.0/12)'],
  ['192.0.0.0/24', 'IETF protocol assignments (192.0.0.0/24)'],
  ['192.0.2.0/24', 'documentation (192.0.2.0/24)'],
  ['192.31.196.0/24', 'AS112 (192.31.196.0/24)'],
  ['192.52.193.0/24', 'AMT (192.52.193.0/24)'],
  ['192.88.99.0/24', 'deprecated 6to4 relay anycast (192.88.99.0/24)'],
  ['192.168.0.0/16', 'private-use (192.168.0.0/16)'],
  ['192.175.48.0/24', 'AS112 direct delegation (192.175.48.0/24)'],
  ['198.18.0.0/15', 'benchmarking (198.18.0.0/15)'],
  ['198.51.100.0/24', 'documentation (198.51.100.0/24)'],
  ['203.0.113.0/24', 'documentation (203.0.113.0/24)'],
  ['224.0.0.0/4', 'multicast (224.0.0.0/4)'],
  ['240.0.0.0/4', 'reserved (240.0.0.0/4)'],
];

const V6: readonly Range[] = [
  ['::1/128', 'loopback'],
  ['::/128', 'unspecified'],
  ['100::/64', 'discard-only (100::/64)'],
  ['100:0:0:1::/64', 'dummy prefix (100:0:0:1::/64)'],
  ['2001:db8::/32', 'documentation (2001:db8::/32)'],
  ['2001::/23', 'IETF protocol assignments (2001::/23)'],
  ['2620:4f:8000::/48', 'AS112 direct delegation (2620:4f:8000::/48)'],
  ['3fff::/20', 'documentation (3fff::/20)'],
  ['5f00::/16', 'segment routing SIDs (5f00::/16)'],
  ['fc00::/7', 'unique-local (fc00::/7)'],
  ['fe80::/10', 'link-local (fe80::/10)'],
  ['fec0::/10', 'deprecated site-local (fec0::/10)'],
  ['ff00::/8', 'multicast (ff00::/8)'],
];

const parsedV4 = V4.map(([cidr, what]) => [ipaddr.IPv4.parseCIDR(cidr), what] as const);
const parsedV6 = V6.map(([cidr, what]) => [ipaddr.IPv6.parseCIDR(cidr), what] as const);
const globalUnicast = ipaddr.IPv6.parseCIDR('2000::/3');

/** Forms that embed an IPv4 address: where it sits, and whether the embedded address decides. */
const EMBEDDING: readonly { cidr: [ipaddr.IPv6, number]; what: string; embedded: (b: number[]) => number[]; decides: boolean }[] = [
  { cidr: ipaddr.IPv6.parseCIDR('::ffff:0:0/96'), what: 'IPv4-mapped', embedded: (b) => b.slice(12, 16), decides: true },
  { cidr: ipaddr.IPv6.parseCIDR('64:ff9b::/96'), what: 'NAT64 (64:ff9b::/96)', embedded: (b) => b.slice(12, 16), decides: true },
  { cidr: ipaddr.IPv6.parseCIDR('64:ff9b:1::/48'), what: 'local-use NAT64 (64:ff9b:1::/48)', embedded: (b) => b.slice(12, 16), decides: false },
  { cidr: ipaddr.IPv6.parseCIDR('::/96'), what: 'IPv4-compatible (::/96, deprecated)', embedded: (b) => b.slice(12, 16), decides: false },
  { cidr: ipaddr.IPv6.parseCIDR('2002::/16'), what: '6to4 (2002::/16)', embedded: (b) => b.slice(2, 6), decides: false },
  // Teredo carries the client's IPv4 address inverted in the last 32 bits.
  { cidr: ipaddr.IPv6.parseCIDR('2001::/32'), what: 'Teredo (2001::/32)', embedded: (b) => b.slice(12, 16).map((x) => x ^ 0xff), decides: false },
];

/**
 * Why `address` (an IP literal, as DNS or a socket reports it) must not be reached, or null when it
 * is an ordinary public unicast address. Anything that is not an IP literal is refused.
 */
export function refusalOf(address: string): string | null {
  const literal = address.replace(/^\[|\]$/g, '');
  if (literal.includes('%')) return `address ${literal} carries an IPv6 zone id`;
  const version = isIP(literal);
  if (version === 4) {
    const what = classifyV4(ipaddr.IPv4.parse(literal));
    return what && `address ${literal} is ${what}`;
  }
  if (version !== 6) return `${address} is not an IP address`;
  const v6 = parseV6(literal);
  // :: and ::1 lie inside ::/96 but are not IPv4-compatible addresses: the table names them.
  const embedding = isUnspecifiedOrLoopback(v6) ? [] : EMBEDDING;
  for (const form of embedding) {
    if (!v6.match(form.cidr)) continue;
    const inner = new ipaddr.IPv4(form.embedded(v6.toByteArray())).toString();
    const innerWhat = classifyV4(ipaddr.IPv4.parse(inner));
    if (form.decides) return innerWhat && `address ${literal} is ${form.what} ${inner}, which is ${innerWhat}`;
    return `address ${literal} is ${form.what}, embedding ${inner}${innerWhat ? `, which is ${innerWhat}` : ''}`;
  }
  const what = parsedV6.find(([cidr]) => v6.match(cidr))?.[1] ?? (v6.match(globalUnicast) ? null : 'outside global unicast (2000::/3)');
  return what && `address ${literal} is ${what}`;
}

/** True when the address must not be reached (kept for callers that only need yes or no). */
export function isPrivateAddress(address: string): boolean {
  return refusalOf(address) !== null;
}

/**
 * ipaddr.js reads any dotted tail as IPv4-mapped (`::8.8.8.8` comes out as `::ffff:808:808`), so the
 * literal goes through the WHATWG URL parser first, which writes every IPv6 address in hex.
 */
function parseV6(literal: string): ipaddr.IPv6 {
  return ipaddr.IPv6.parse(new URL(`http://[${literal}]/`).hostname.slice(1, -1));
}

function classifyV4(address: ipaddr.IPv4): string | null {
  return parsedV4.find(([cidr]) => address.match(cidr))?.[1] ?? null;
}

function isUnspecifiedOrLoopback(v6: ipaddr.IPv6): boolean {
  const parts = v6.parts;
  return parts.slice(0, 7).every((p) => p === 0) && parts[7] <= 1;
}
