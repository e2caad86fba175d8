import { checkDestination, isPrivateAddress, refusalOf } from './destination-guard';

describe('webhook destination guard (SSRF)', () => {
  it.each([
    '127.0.0.1', '127.10.0.5', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.10', '169.254.169.254',
    '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1',
    '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip',
    // every special-purpose IPv4 block, not only the private ones
    '192.0.0.9', '192.0.2.1', '192.31.196.1', '192.52.193.1', '192.88.99.1', '192.175.48.1', '198.18.0.1', '198.19.255.1',
    '198.51.100.7', '203.0.113.9', '240.0.0.1', '239.255.255.250',
    // IPv6 special-purpose blocks
    '100::1', '100:0:0:1::1', '2001:db8::1', '2001:2::1', '2001:20::1', '2620:4f:8000::1', '3fff::1', '5f00::1', 'fec0::1',
    'ff02::1', '4000::1', 'fe80::1%eth0',
  ])('%s is refused', (address) => expect(isPrivateAddress(address)).toBe(true));

  // Row 1 of issue 19: IPv6 spellings of private IPv4 addresses, as the URL parser rewrites them.
  it.each([
    ['::ffff:7f00:1', /IPv4-mapped 127\.0\.0\.1, which is loopback/],
    ['0:0:0:0:0:ffff:127.0.0.1', /IPv4-mapped 127\.0\.0\.1, which is loopback/],
    ['::ffff:a9fe:a9fe', /IPv4-mapped 169\.254\.169\.254, which is link-local/],
    ['::7f00:1', /IPv4-compatible .*embedding 127\.0\.0\.1, which is loopback/],
    ['::8.8.8.8', /IPv4-compatible .*embedding 8\.8\.8\.8$/],
    ['64:ff9b::7f00:1', /NAT64 \(64:ff9b::\/96\) 127\.0\.0\.1, which is loopback/],
    ['64:ff9b::a00:1', /NAT64 .* 10\.0\.0\.1, which is private-use/],
    ['64:ff9b:1::808:808', /local-use NAT64/],
    ['2002:7f00:1::', /6to4 \(2002::\/16\), embedding 127\.0\.0\.1, which is loopback/],
    ['2002:808:808::1', /6to4/],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', /Teredo \(2001::\/32\), embedding 127\.0\.0\.1, which is loopback/],
  ])('%s is refused on the address it embeds', (address, reason) => expect(refusalOf(address)).toMatch(reason));

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.4.4', '::ffff:808:404', '64:ff9b::808:808', '198.20.0.1'])(
    '%s is public',
    (address) => expect(refusalOf(address)).toBeNull(),
  );

  const dns = (answers: Record<string, string[]>) => async (host: string) => {
    if (!answers[host]) throw new Error('ENOTFOUND');
    return answers[host];
  };

  it('refuses a name that resolves to any private address, and says which', async () => {
    const verdict = await checkDestination('https://hooks.example.org/x', false, dns({ 'hooks.example.org': ['93.184.216.34', '10.0.0.7'] }));
    expect(verdict).toEqual({ ok: false, reason: expect.stringMatching(/resolves to 10\.0\.0\.7/) });
    const mapped = await checkDestination('https://hooks.example.org/x', { allowPrivate: false, resolve: dns({ 'hooks.example.org': ['::ffff:7f00:1'] }) });
    expect(mapped).toEqual({ ok: false, reason: expect.stringMatching(/resolves to ::ffff:7f00:1: .*which is loopback/) });
  });

  it('accepts a public destination, and a private one only when allowed', async () => {
    const resolver = dns({ 'hooks.example.org': ['93.184.216.34'], 'intranet.local': ['192.168.0.2'] });
    expect(await checkDestination('https://hooks.example.org/x', false, resolver)).toEqual({ ok: true, addresses: ['93.184.216.34'] });
    expect((await checkDestination('http://intranet.local/', false, resolver)).ok).toBe(false);
    expect((await checkDestination('http://intranet.local/', true, resolver)).ok).toBe(true);
    expect((await checkDestination('http://intranet.local/', { allowPrivate: true, resolve: resolver })).ok).toBe(true);
  });

  it('refuses literal private IPs in every spelling the URL parser accepts', async () => {
    const none = dns({});
    for (const url of [
      'http://127.0.0.1:3000/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data', 'http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://127.1/',
      'http://[::ffff:127.0.0.1]/h', 'http://[::ffff:7f00:1]/h', 'http://[0:0:0:0:0:ffff:127.0.0.1]/h', 'http://[::ffff:169.254.169.254]/h',
      'http://[::127.0.0.1]/h', 'http://[64:ff9b::7f00:1]/h', 'http://[2002:7f00:1::]/h', 'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/h',
    ]) {
      expect([url, await checkDestination(url, false, none)]).toEqual([url, { ok: false, reason: expect.stringMatching(/^address .* is /) }]);
    }
  });

  it('refuses other schemes, credentials and names that do not resolve', async () => {
    const none = dns({});
    expect(await checkDestination('file:///etc/passwd', false, none)).toEqual({ ok: false, reason: 'must be an http(s) URL' });
    expect(await checkDestination('https://user:pw@8.8.8.8/', false, none)).toEqual({ ok: false, reason: 'must not carry credentials' });
    expect((await checkDestination('https://nowhere.invalid/', false, none)).ok).toBe(false);
  });
});
