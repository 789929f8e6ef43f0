import { lookup } from 'dns/promises';
import { BlockList, isIP } from 'net';

/**
 * Addresses a user-supplied upstream must never reach: loopback, private, carrier-grade NAT,
 * link-local (cloud metadata lives at 169.254.169.254 and fd00:ec2::254), multicast and reserved.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64],
] as const) blocked.addSubnet(network, prefix, 'ipv6');

/** The IPv4 address an IPv6 address carries (mapped `::ffff:a.b.c.d` or NAT64 `64:ff9b::a.b.c.d`), if any. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(?:0:)?([0-9a-f.:]+)$/i.exec(address);
  if (!match) return null;
  const tail = match[1];
  if (isIP(tail) === 4) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0];
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 4) return !blocked.check(bare, 'ipv4');
  const v4 = embeddedIpv4(bare.toLowerCase());
  if (v4) return !blocked.check(v4, 'ipv4');
  return !blocked.check(bare, 'ipv6');
}

export class NonPublicUpstreamError extends Error {
  constructor(readonly host: string, readonly address: string | null) {
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
