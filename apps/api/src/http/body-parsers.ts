import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ValidationError, type FieldProblem } from '@claimdesk/database';

/** The request bodies claimdesk reads; anything else is 415 (form posts included: no route takes one). */
export const ACCEPTED_MEDIA_TYPES = ['application/json', 'text/plain'] as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });

interface ParserHost {
  addContentTypeParser(
    type: string,
    options: { parseAs: 'buffer'; bodyLimit: number },
    parser: (request: unknown, body: Buffer, done: (error: Error | null, value?: unknown) => void) => void,
  ): unknown;
  getDefaultJsonParser(onProto: 'error', onConstructor: 'error'): (request: unknown, body: string, done: (error: Error | null, value?: unknown) => void) => void;
}

/**
 * Replaces the body parsers Nest registers (create the app with `bodyParser: false`): JSON and
 * text/plain are read as bytes and must be valid UTF-8 (a 400 that says so, where Fastify's text
 * parser answered "body size did not match Content-Length" and the JSON one replaced the bytes with
 * U+FFFD in silence); a `__proto__` key is refused naming where it is; there is no form parser.
 */
export function registerBodyParsers(instance: ParserHost, bodyLimit: number): void {
  const json = instance.getDefaultJsonParser('error', 'error');
  instance.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    const text = decode(body);
    if (typeof text !== 'string') return done(text);
    json(request, text, (error, value) => done(error ? poisonedKeys(text, error) : null, value));
  });
  instance.addContentTypeParser('text/plain', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    const text = decode(body);
    if (typeof text !== 'string') done(text);
    else done(null, text);
  });
}

function decode(body: Buffer): string | ValidationError {
  try {
    return utf8.decode(body);
  } catch {
    return new ValidationError([{ field: 'body', message: 'is not valid UTF-8' }]);
  }
}

/**
 * The parser refuses `__proto__` keys and `constructor.prototype` as "not valid JSON": when the text
 * is JSON after all, say which keys, found by plain JSON.parse (which keeps them as own, inert keys).
 */
function poisonedKeys(text: string, original: Error): Error {
  const found: FieldProblem[] = [];
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      const poisoned = key === '__proto__' || (key === 'constructor' && inner !== null && typeof inner === 'object' && Object.hasOwn(inner, 'prototype'));
      if (poisoned) found.push({ field, message: `${key} should not exist (not a field of this input)` });
      walk(inner, field);
    }
  };
  try {
    walk(JSON.parse(text), '');
  } catch {
    return original;
  }
  return found.length ? new ValidationError(found) : original;
}

/** What Fastify's own refusals should say: the limit that was passed, the types that are accepted. */
export function explainBodyError(error: unknown, maxBodyBytes: number, contentType: string | undefined): unknown {
  const code = (error as { code?: string })?.code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return Object.assign(new Error(`request body is larger than the limit of ${maxBodyBytes} bytes`), { statusCode: 413, code, limitBytes: maxBodyBytes });
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const message = `unsupported media type ${JSON.stringify(contentType ?? '')}; accepted: ${ACCEPTED_MEDIA_TYPES.join(', ')} (text/plain only where documented, e.g. POST /articles)`;
    return Object.assign(new Error(message), { statusCode: 415, code, accepted: [...ACCEPTED_MEDIA_TYPES] });
  }
  return error;
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers or a query string over
 * the header size limit: 431; a malformed request: 400), answered as problem+json like every other
 * error instead of Fastify's own JSON, then the connection is closed as Node does.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431
      ? 'the request line and headers are larger than the server accepts (16 KB): shorten the query string or the headers'
      : status === 408
        ? 'the request was not received in time'
        : 'the request is not valid HTTP';
  const code = status === 431 ? 'REQUEST_HEADER_FIELDS_TOO_LARGE' : status === 408 ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST';
  const body = JSON.stringify({
    type: `https://claimdesk.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: STATUS_CODES[status],
    status,
    detail,
    code,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
