import fc from 'fast-check';
import { isPublicAddress, NonPublicUpstreamError, resolvePublicAddresses } from './public-address';

describe("the SSRF guard's address check", () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
    '[::1]',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '104.18.6.192', '2606:4700::6810:1', '::ffff:8.8.8.8', '2001:4860:4860::8888'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  describe('IPv6 addresses that carry an IPv4 address', () => {
    it.each([
      // IPv4-compatible ::/96 (deprecated): refused whatever it carries
      ['IPv4-compatible', '::7f00:1'],
      ['IPv4-compatible', '::127.0.0.1'],
      ['IPv4-compatible', '::a9fe:a9fe'],
      ['IPv4-compatible', '::8.8.8.8'],
      ['IPv4-compatible', '0:0:0:0:0:0:a00:1'],
      // IPv4-mapped ::ffff:0:0/96 and SIIT ::ffff:0:0:0/96
      ['IPv4-mapped', '::ffff:7f00:1'],
      ['IPv4-mapped', '::FFFF:A9FE:A9FE'],
      ['IPv4-mapped', '0:0:0:0:0:ffff:c0a8:101'],
      ['SIIT', '::ffff:0:7f00:1'],
      ['SIIT', '::ffff:0:10.0.0.1'],
      // NAT64 64:ff9b::/96 and the local-use 64:ff9b:1::/48
      ['NAT64', '64:ff9b::7f00:1'],
      ['NAT64', '64:ff9b::127.0.0.1'],
      ['NAT64', '64:ff9b::a00:1'],
      ['local NAT64', '64:ff9b:1::808:808'],
      // 6to4 2002::/16
      ['6to4', '2002:7f00:1::'],
      ['6to4', '2002:a9fe:a9fe::1'],
      ['6to4', '2002:c0a8:101:1::1'],
      ['6to4', '2002:a00:1::'],
      // Teredo 2001::/32: server 65.54.227.120 with client 127.0.0.1 (stored xor ffff:ffff), or a private server
      ['Teredo', '2001:0:4136:e378:8000:63bf:80ff:fffe'],
      ['Teredo', '2001:0:a00:1:8000:63bf:f7f7:f7f7'],
      ['Teredo', '2001::4136:e378:8000:63bf:3fff:fdd2'],
      // site-local fec0::/10
      ['site-local', 'fec0::1'],
    ])('refuses %s %s', (_kind, address) => {
      expect(isPublicAddress(address)).toBe(false);
      expect(isPublicAddress(`[${address}]`)).toBe(false);
    });

    it.each([
      ['IPv4-mapped', '::ffff:808:808'],
      ['NAT64', '64:ff9b::808:808'],
      ['NAT64', '64:ff9b::1.1.1.1'],
      ['6to4', '2002:808:808::1'],
      ['Teredo', '2001:0:4136:e378:8000:63bf:f7f7:f7f7'],
    ])('accepts %s %s carrying a public address', (_kind, address) => {
      expect(isPublicAddress(address)).toBe(true);
    });
  });

  it('judges every IPv6 form of an IPv4 address as it judges the IPv4 address itself', () => {
    const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
    fc.assert(
      fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)), ([a, b, c, d]) => {
        const v4 = `${a}.${b}.${c}.${d}`;
        const [hi, lo] = [hex(a, b), hex(c, d)];
        for (const form of [`::ffff:${v4}`, `::ffff:${hi}:${lo}`, `::ffff:0:${hi}:${lo}`, `64:ff9b::${hi}:${lo}`, `2002:${hi}:${lo}::1`]) {
          expect(isPublicAddress(form)).toBe(isPublicAddress(v4));
        }
        expect(isPublicAddress(`::${hi}:${lo}`)).toBe(false);
      }),
    );
  });

  it('resolves names and refuses one that points inside', async () => {
    await expect(resolvePublicAddresses('localhost')).rejects.toBeInstanceOf(NonPublicUpstreamError);
    await expect(resolvePublicAddresses('169.254.169.254')).rejects.toThrow('not a public address');
    await expect(resolvePublicAddresses('[2002:7f00:1::]')).rejects.toThrow('not a public address');
    await expect(resolvePublicAddresses('::7f00:1')).rejects.toThrow('not a public address');
    await expect(resolvePublicAddresses('8.8.4.4')).resolves.toEqual([{ address: '8.8.4.4', family: 4 }]);
  });
});
