import { lookup } from 'dns/promises';
import { BlockList, isIP } from 'net';

/**
 * Addresses a user-supplied upstream must never reach: loopback, private, carrier-grade NAT,
 * link-local (cloud metadata lives at 169.254.169.254 and fd00:ec2::254), multicast and reserved.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  // ::/96 holds the unspecified and loopback addresses and the deprecated IPv4-compatible ::a.b.c.d,
  // which some stacks still tunnel to the IPv4 address: none of it is a public upstream
  ['::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['100::', 64],
  // NAT64 for local use only (RFC 8215)
  ['64:ff9b:1::', 48],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

/** An IPv6 address (already checked by isIP) as its eight 16-bit groups; a dotted IPv4 tail becomes two. */
function groupsOf(address: string): number[] {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const [front, back] = [parse(head), parse(tail)];
  return tail === undefined ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

const ipv4Of = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');

/**
 * The IPv4 addresses an IPv6 address carries, which a translator or tunnel may deliver to: mapped
 * `::ffff:a.b.c.d` and SIIT `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`, 6to4 `2002:aabb:ccdd::`,
 * and Teredo `2001:0:<server>::<client xor ffff:ffff>`.
 */
export function embeddedIpv4s(address: string): string[] {
  const g = groupsOf(address);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return [ipv4Of(g[6], g[7])];
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return [ipv4Of(g[6], g[7])];
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return [ipv4Of(g[6], g[7])];
  if (g[0] === 0x2002) return [ipv4Of(g[1], g[2])];
  if (g[0] === 0x2001 && g[1] === 0) return [ipv4Of(g[2], g[3]), ipv4Of(g[6] ^ 0xffff, g[7] ^ 0xffff)];
  return [];
}

export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0];
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 4) return !blocked.check(bare, 'ipv4');
  if (blocked.check(bare, 'ipv6')) return false;
  return embeddedIpv4s(bare).every((v4) => !blocked.check(v4, 'ipv4'));
}

export class NonPublicUpstreamError extends Error {
  constructor(
    readonly host: string,
    readonly address: string | null,
  ) {
    super(address ? `${host} resolves to ${address}, which is not a public address` : `${host} could not be resolved`);
    this.name = 'NonPublicUpstreamError';
  }
}

/** Every address the host resolves to, refused unless all are public. */
export async function resolvePublicAddresses(host: string): Promise<{ address: string; family: number }[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) {
    if (!isPublicAddress(bare)) throw new NonPublicUpstreamError(host, bare);
    return [{ address: bare, family: isIP(bare) }];
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(bare, { all: true, verbatim: true });
  } catch {
    throw new NonPublicUpstreamError(host, null);
  }
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  if (bad || addresses.length === 0) throw new NonPublicUpstreamError(host, bad?.address ?? null);
  return addresses;
}
