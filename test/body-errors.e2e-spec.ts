import { connect } from 'node:net';
import { startTestDesk, type TestDesk } from '@claimdesk/testing';

/** Sends raw bytes over a real socket (the HTTP parser's refusals never reach inject) and returns the answer. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
    socket.write(request);
  });
}

function problemOf(answer: string) {
  const [head, body] = answer.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], contentType: /content-type: ([^\r\n]+)/i.exec(head)?.[1], body: JSON.parse(body) };
}

describe('body and header errors say what is wrong, as problem+json (issue 19 row 6)', () => {
  let desk: TestDesk;
  let port: number;
  const post = (contentType: string, payload: string | Buffer, url = '/articles') =>
    desk.api.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, authorization: `Bearer ${desk.adminToken}` } });

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0, env: { CLAIMDESK_MAX_BODY_BYTES: '4096' } });
    await desk.api.listen({ port: 0, host: '127.0.0.1' });
    port = (desk.api.getHttpServer().address() as { port: number }).port;
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('413 names the limit in bytes', async () => {
    const response = await post('text/plain', `Title\n${'x'.repeat(5000)}`);
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.parse(response.body).detail).toBe('request body is larger than the limit of 4096 bytes');
  });

  it('refuses a form-encoded article with 415 listing the accepted types', async () => {
    const response = await post('application/x-www-form-urlencoded', 'title=Hello&body=World.');
    expect(response.statusCode).toBe(415);
    const body = JSON.parse(response.body);
    expect(body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(body.detail).toMatch(/"application\/x-www-form-urlencoded"; accepted: application\/json, text\/plain/);
    expect((await post('application/xml', '<a/>')).statusCode).toBe(415);
  });

  it('says a text/plain or JSON body is not valid UTF-8, instead of a Content-Length mismatch or silent U+FFFD', async () => {
    const text = await post('text/plain', Buffer.concat([Buffer.from('Headline\nThe body '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' ends.')]));
    expect(text.statusCode).toBe(400);
    expect(text.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.parse(text.body).errors).toEqual([{ field: 'body', message: 'is not valid UTF-8' }]);
    const json = await post('application/json', Buffer.concat([Buffer.from('{"title":"T","body":"B '), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]));
    expect(json.statusCode).toBe(400);
    expect(JSON.parse(json.body).errors).toEqual([{ field: 'body', message: 'is not valid UTF-8' }]);
    // Valid multi-byte UTF-8 still goes through.
    expect((await post('text/plain', Buffer.from('Überschrift\nDer Minister sagte, die Arbeitslosigkeit sei um 3 % gesunken.'))).statusCode).toBe(202);
  });

  it('answers a 20 KB query string and oversized headers with 431 problem+json', async () => {
    const longQuery = problemOf(await rawExchange(port, `GET /health?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect(longQuery.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(longQuery.contentType).toBe('application/problem+json');
    expect(longQuery.body).toMatchObject({ status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', detail: expect.stringMatching(/query string/) });
    const bigHeader = problemOf(await rawExchange(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'b'.repeat(20_000)}\r\n\r\n`));
    expect(bigHeader.statusLine).toMatch(/^HTTP\/1.1 431 /);
    expect(bigHeader.contentType).toBe('application/problem+json');
  });
});
