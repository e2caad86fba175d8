import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, unknown>;
  body: T;
}

/** Requests through Fastify's inject: the full HTTP stack (parsers, guards, filters) without a socket. */
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
    return { status: response.statusCode, headers: response.headers, body: parsed as T };
  };
  return {
    get: <T = any>(url: string, headers?: Record<string, string>) => request<T>('GET', url, undefined, headers),
    post: <T = any>(url: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', url, body ?? {}, headers),
    raw: request,
  };
}

export type HttpClient = ReturnType<typeof httpClient>;
