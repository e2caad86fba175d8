import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ContractViolation, OpenApiContract } from './openapi-contract';
import { typedOver } from './typed-client';

export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, unknown>;
  body: T;
}

const contracts = new WeakMap<NestFastifyApplication, Promise<OpenApiContract>>();

/** The document the app serves at /docs-json, as a validator (once per app). */
export function contractOf(app: NestFastifyApplication): Promise<OpenApiContract> {
  let contract = contracts.get(app);
  if (!contract) {
    // From an address of its own (TEST-NET-1), so the per-address limits a suite measures on 127.0.0.1 do not count it.
    contract = app.inject({ method: 'GET', url: '/docs-json', remoteAddress: '192.0.2.1' }).then((r) => new OpenApiContract(JSON.parse(r.body)));
    contracts.set(app, contract);
  }
  return contract;
}

/**
 * Requests through Fastify's inject: the full HTTP stack (parsers, guards, filters) without a socket.
 * Every answer is checked against the OpenAPI document the app serves: an undocumented status, header
 * or field throws a ContractViolation, so every e2e suite is also a contract test.
 */
export function httpClient(app: NestFastifyApplication, token?: string) {
  const request = async <T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> => {
    const isText = typeof body === 'string';
    const response = await app.inject({
      method,
      url,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': isText ? 'text/plain' : 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : isText ? body : JSON.stringify(body),
    });
    const text = response.body;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    const answer = { status: response.statusCode, headers: response.headers, body: parsed as T };
    const violations = (await contractOf(app)).violations(method, url, answer);
    if (violations.length) throw new ContractViolation(violations);
    return answer;
  };
  return {
    get: <T = any>(url: string, headers?: Record<string, string>) => request<T>('GET', url, undefined, headers),
    post: <T = any>(url: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', url, body ?? {}, headers),
    raw: request,
    /** The same requests typed by the generated client types (typed-client.ts). */
    api: typedOver(request),
  };
}

export type HttpClient = ReturnType<typeof httpClient>;
