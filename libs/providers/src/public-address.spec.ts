import { isPublicAddress, NonPublicUpstreamError, resolvePublicAddresses } from './public-address';

describe('the SSRF guard\'s address check', () => {
  it.each([
    '127.0.0.1', '127.1.2.3', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', '::ffff:127.0.0.1',
    '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '[::1]', 'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '104.18.6.192', '2606:4700::6810:1', '::ffff:8.8.8.8'])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('resolves names and refuses one that points inside', async () => {
    await expect(resolvePublicAddresses('localhost')).rejects.toBeInstanceOf(NonPublicUpstreamError);
    await expect(resolvePublicAddresses('169.254.169.254')).rejects.toThrow('not a public address');
    await expect(resolvePublicAddresses('8.8.4.4')).resolves.toEqual([{ address: '8.8.4.4', family: 4 }]);
  });
});
