import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GuardedPostError, guardedPost } from './guarded-post';

/** A receiver on loopback that records what reaches it: the proof that a refused POST sent nothing. */
function loopbackReceiver(answer: (res: http.ServerResponse) => void = (res) => res.writeHead(204).end()) {
  const ctx = { received: [] as string[], port: 0, server: undefined as unknown as http.Server };
  beforeAll(async () => {
    ctx.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        ctx.received.push(body);
        answer(res);
      });
    });
    await new Promise<void>((resolve) => ctx.server.listen(0, '127.0.0.1', resolve));
    ctx.port = (ctx.server.address() as AddressInfo).port;
  });
  beforeEach(() => (ctx.received = []));
  afterAll(() => new Promise((resolve) => ctx.server.close(resolve)));
  return ctx;
}

const refusal = (reason: RegExp) => expect.objectContaining({ kind: 'refused', reason: expect.stringMatching(reason) });

describe('guardedPost', () => {
  const receiver = loopbackReceiver();
  const opts = { allowPrivate: false, timeoutMs: 2_000 };

  it('reaches the loopback receiver through its IPv4-mapped form when private destinations are allowed (control)', async () => {
    for (const host of ['127.0.0.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]']) {
      const result = await guardedPost(`http://${host}:${receiver.port}/h`, `to ${host}`, { 'content-type': 'application/json' }, { ...opts, allowPrivate: true });
      expect(result.status).toBe(204);
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    }
    expect(receiver.received).toEqual(['to 127.0.0.1', 'to [::ffff:127.0.0.1]', 'to [::ffff:7f00:1]']);
  });

  it.each([
    '127.0.0.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[0:0:0:0:0:ffff:127.0.0.1]', '[::127.0.0.1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::]',
    '[2001:0:4136:e378:8000:63bf:80ff:fffe]', '2130706433', '0x7f.1', '127.1', '[::1]', 'localhost',
  ])('refuses http://%s:port/ and nothing arrives', async (host) => {
    const attempt = guardedPost(`http://${host}:${receiver.port}/h`, 'secret payload', {}, opts);
    await expect(attempt).rejects.toBeInstanceOf(GuardedPostError);
    await expect(attempt).rejects.toEqual(refusal(/is (loopback|IPv4-mapped 127\.0\.0\.1, which is loopback)|embedding 127\.0\.0\.1/));
    expect(receiver.received).toEqual([]);
  });

  it('refuses a DNS answer that turns private between the check and the connect (rebinding), sending nothing', async () => {
    const answers = [['93.184.216.34'], ['127.0.0.1']];
    const calls: string[] = [];
    const resolve = async (host: string) => {
      calls.push(host);
      return answers[Math.min(calls.length - 1, 1)];
    };
    const attempt = guardedPost(`http://rebind.example:${receiver.port}/h`, 'x', {}, { ...opts, resolve });
    await expect(attempt).rejects.toEqual(refusal(/host rebind\.example resolves to 127\.0\.0\.1: address 127\.0\.0\.1 is loopback/));
    expect(calls).toEqual(['rebind.example', 'rebind.example']);
    expect(receiver.received).toEqual([]);
  });

  it('connects through the injected resolver (so the rebinding test is about the real connect path)', async () => {
    const resolve = async () => ['127.0.0.1'];
    const result = await guardedPost(`http://hooks.example:${receiver.port}/h`, 'via lookup', {}, { ...opts, allowPrivate: true, resolve });
    expect(result.status).toBe(204);
    expect(receiver.received).toEqual(['via lookup']);
  });

  it('refuses other schemes and credentials with a reason', async () => {
    await expect(guardedPost('ftp://8.8.8.8/x', '', {}, opts)).rejects.toEqual(refusal(/must be an http\(s\) URL/));
    await expect(guardedPost('http://u:p@8.8.8.8/x', '', {}, opts)).rejects.toEqual(refusal(/must not carry credentials/));
  });
});

describe('guardedPost answers', () => {
  const redirecting = loopbackReceiver((res) => res.writeHead(302, { location: 'http://169.254.169.254/' }).end());
  const silent = loopbackReceiver(() => undefined);
  const chatty = loopbackReceiver((res) => res.writeHead(500).end(Buffer.alloc(1024 * 1024, 'x')));
  const opts = { allowPrivate: true, timeoutMs: 2_000 };

  it('returns a redirect as its status and does not follow it', async () => {
    expect((await guardedPost(`http://127.0.0.1:${redirecting.port}/`, 'r', {}, opts)).status).toBe(302);
    expect(redirecting.received).toEqual(['r']);
  });

  it('gives up after the timeout and says so', async () => {
    const started = Date.now();
    await expect(guardedPost(`http://127.0.0.1:${silent.port}/`, 's', {}, { ...opts, timeoutMs: 300 })).rejects.toEqual(
      expect.objectContaining({ kind: 'timeout', reason: 'timeout after 300 ms' }),
    );
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('reads a large answer only up to its cap and still reports the status', async () => {
    expect((await guardedPost(`http://127.0.0.1:${chatty.port}/`, 'c', {}, opts)).status).toBe(500);
  });
});
