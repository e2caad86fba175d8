import { checkDestination, isPrivateAddress } from './destination-guard';

describe('webhook destination guard (SSRF)', () => {
  it.each([
    '127.0.0.1', '127.10.0.5', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.10', '169.254.169.254',
    '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1',
    '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip',
  ])('%s is private', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.4.4'])(
    '%s is public',
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );

  const dns = (answers: Record<string, string[]>) => async (host: string) => {
    if (!answers[host]) throw new Error('ENOTFOUND');
    return answers[host];
  };

  it('refuses a name that resolves to any private address, and says which', async () => {
    const verdict = await checkDestination('https://hooks.example.org/x', false, dns({ 'hooks.example.org': ['93.184.216.34', '10.0.0.7'] }));
    expect(verdict).toEqual({ ok: false, reason: expect.stringMatching(/resolves to 10\.0\.0\.7/) });
  });

  it('accepts a public destination, and a private one only when allowed', async () => {
    const resolver = dns({ 'hooks.example.org': ['93.184.216.34'], 'intranet.local': ['192.168.0.2'] });
    expect(await checkDestination('https://hooks.example.org/x', false, resolver)).toEqual({ ok: true, addresses: ['93.184.216.34'] });
    expect((await checkDestination('http://intranet.local/', false, resolver)).ok).toBe(false);
    expect((await checkDestination('http://intranet.local/', true, resolver)).ok).toBe(true);
  });

  it('refuses literal private IPs, other schemes, credentials and names that do not resolve', async () => {
    const none = dns({});
    expect((await checkDestination('http://127.0.0.1:3000/', false, none)).ok).toBe(false);
    expect((await checkDestination('http://[::1]/', false, none)).ok).toBe(false);
    expect((await checkDestination('http://169.254.169.254/latest/meta-data', false, none)).ok).toBe(false);
    expect(await checkDestination('file:///etc/passwd', false, none)).toEqual({ ok: false, reason: 'must be an http(s) URL' });
    expect(await checkDestination('https://user:pw@8.8.8.8/', false, none)).toEqual({ ok: false, reason: 'must not carry credentials' });
    expect((await checkDestination('https://nowhere.invalid/', false, none)).ok).toBe(false);
  });
});
