import type { paths } from '../../../apps/api/src/openapi/generated/claimdesk-api';
import type { TestResponse } from './http-client';

// A client typed by the types openapi-typescript generated from the served document
// (`npm run generate:client`): the path, its parameters, the request body and the answer are checked
// by the compiler against the document, and every answer against the document at run time (httpClient).

type Method = 'get' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
export type PathsWith<M extends Method> = { [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never }[keyof paths];
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type Success<O> = O extends { responses: infer R } ? { [S in keyof R]: S extends 200 | 201 | 202 ? Json<R[S]> : never }[keyof R] : never;
type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type PathParams<O> = O extends { parameters: { path: infer T } } ? (T extends Record<string, unknown> ? T : never) : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Q : never;

export interface CallOptions<O> {
  path?: PathParams<O>;
  query?: QueryOf<O>;
  body?: BodyOf<O>;
  headers?: Record<string, string>;
}

function urlOf(template: string, path: Record<string, unknown> = {}, query: Record<string, unknown> = {}): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(path[name])));
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)] as [string, string]));
  return search.size ? `${filled}?${search}` : filled;
}

type Raw = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>) => Promise<TestResponse>;

/** The typed door to the REST API for the e2e suites: `httpClient(app, token).api` (the contract check still runs). */
export function typedOver(raw: Raw) {
  const call = <M extends Method, P extends PathsWith<M>>(method: M, template: P, options: CallOptions<Operation<P, M>> = {}): Promise<TestResponse<Success<Operation<P, M>>>> =>
    raw(method.toUpperCase() as Uppercase<M>, urlOf(template, options.path, options.query as Record<string, unknown>), options.body, options.headers);
  return {
    call,
    /** The success body; anything but a 2xx throws with the problem it got. */
    async ok<M extends Method, P extends PathsWith<M>>(method: M, template: P, options: CallOptions<Operation<P, M>> = {}): Promise<Success<Operation<P, M>>> {
      const response = await call(method, template, options);
      if (response.status < 200 || response.status > 299) throw new Error(`${method.toUpperCase()} ${template} answered ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body;
    },
  };
}

export type TypedClient = ReturnType<typeof typedOver>;
