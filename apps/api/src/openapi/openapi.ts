import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ERROR_TITLES } from '../http/error-mapping';
import { ROUTE_DOCS, type Answer, type RouteDoc } from './route-docs';
import { SCHEMAS } from './schemas';

type Obj = Record<string, unknown>;
const schemaRef = (name: string): Obj =>
  name.endsWith('List') ? { type: 'array', items: { $ref: `#/components/schemas/${name.slice(0, -4)}` } } : { $ref: `#/components/schemas/${name}` };
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** Every response header the API sends, documented once and referenced by the responses that carry it. */
export const HEADERS: Record<string, { description: string; schema: Obj }> = {
  ETag: { description: 'The revision of the answer; send it back as If-None-Match', schema: { type: 'string' } },
  'Cache-Control': { description: 'How the answer may be cached: no-cache (revalidate), no-store (metrics), no-cache, no-transform (event stream)', schema: { type: 'string' } },
  'X-Accel-Buffering': { description: 'Always no: proxies must not buffer the event stream', schema: { type: 'string' } },
  Location: { description: 'Where the created or found resource is', schema: { type: 'string' } },
  'RateLimit-Limit': { description: 'Requests per person per minute', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in this minute', schema: { type: 'integer' } },
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
  'WWW-Authenticate': { description: 'The scheme to authenticate with (Bearer)', schema: { type: 'string' } },
  'X-Content-Type-Options': { description: 'Always nosniff', schema: { type: 'string' } },
  'X-Frame-Options': { description: 'Always DENY', schema: { type: 'string' } },
  'Referrer-Policy': { description: 'Always no-referrer', schema: { type: 'string' } },
  'Content-Security-Policy': { description: "Always `default-src 'none'; frame-ancestors 'none'` on API answers (a JSON answer loads nothing)", schema: { type: 'string' } },
  'X-Request-Id': { description: "The request's id (yours when short and safe, else a new UUID), as in the logs", schema: { type: 'string' } },
};
const ALWAYS = ['Content-Security-Policy', 'X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy', 'X-Request-Id'];
const RATE_LIMITED = ['RateLimit-Limit', 'RateLimit-Remaining'];

const BODY_METHODS = new Set(['post', 'patch', 'put', 'delete']);
const PUBLIC_PATHS = new Set(['/health', '/health/live', '/health/ready']);

function response(description: string, schema: string | null, headers: string[], mediaType = 'application/json'): Obj {
  return {
    description,
    headers: Object.fromEntries([...new Set([...headers, ...ALWAYS])].map((h) => [h, headerRef(h)])),
    ...(schema ? { content: { [mediaType]: { schema: schemaRef(schema) } } } : {}),
  };
}

/**
 * The statuses every route of its kind answers, beyond its own: an authenticated route 401, 429 and
 * 503 (the token lookup needs Postgres); a route with a body 400 (malformed JSON), 413 and 415; a
 * path parameter 400 (malformed) and 404; query parameters 400.
 */
function errorsOf(method: string, path: string, doc: RouteDoc | undefined, isPublic: boolean): number[] {
  const statuses = new Set(doc?.errors ?? []);
  if (!isPublic) [401, 429, 503].forEach((s) => statuses.add(s));
  if (BODY_METHODS.has(method)) [400, 413, 415].forEach((s) => statuses.add(s));
  if (path.includes('{')) [400, 404].forEach((s) => statuses.add(s));
  if (doc?.params?.some((p) => p.in === 'query') || doc?.body) statuses.add(400);
  return [...statuses].sort();
}

function errorHeaders(status: number, isPublic: boolean): string[] {
  const headers = isPublic || status === 401 ? [] : [...RATE_LIMITED];
  if (status === 401) headers.push('WWW-Authenticate');
  if (status === 429 || status === 503) headers.push('Retry-After');
  return headers;
}

function answer([status, schema, description, headers = [], mediaType]: Answer, isPublic: boolean): [string, Obj] {
  return [String(status), response(description, schema, isPublic ? headers : [...headers, ...RATE_LIMITED], mediaType)];
}

/**
 * A delivery POSTed to the subscription's url: any 2xx counts as delivered, a redirect is never
 * followed, anything else is retried (README, Webhooks).
 */
function callbacksOf(callbacks: Record<string, string>): Obj {
  return Object.fromEntries(
    Object.entries(callbacks).map(([name, schema]) => [
      name,
      {
        '{$request.body#/url}': {
          post: {
            summary: 'One event, signed, POSTed to the subscribed url',
            operationId: `callback_${name}`,
            security: [],
            requestBody: { required: true, content: { 'application/json': { schema: schemaRef(schema) } } },
            responses: {
              '2XX': { description: 'Delivered' },
              '4XX': { description: 'Not delivered: retried with growing gaps, then the subscription pauses' },
              '5XX': { description: 'Not delivered: retried with growing gaps, then the subscription pauses' },
            },
          },
        },
      },
    ]),
  );
}

/** Schemas reachable from the paths (so no component is left unused). */
function usedSchemas(document: unknown): Set<string> {
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = value.slice('#/components/schemas/'.length);
        if (!used.has(name)) {
          used.add(name);
          visit(SCHEMAS[name]);
        }
      } else visit(value);
    }
  };
  visit(document);
  return used;
}

/**
 * The OpenAPI document of every REST route Nest serves (the routes come from the controllers, so a
 * new route appears by itself); what each takes and answers from ROUTE_DOCS and SCHEMAS, errors as
 * problem+json, and the statuses and headers every route of its kind shares. A route without a
 * ROUTE_DOCS entry still appears with its errors and an open JSON answer; the contract suite refuses it.
 */
export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('claimdesk')
    .setDescription(
      'Fact-check workflow backend. The same operations are in GraphQL at /graphql. Errors are RFC 9457 problem+json. ' +
        'Every request but GET /health needs `Authorization: Bearer <token>`.',
    )
    .setVersion('0.1.0')
    .setLicense('UNLICENSED (private)', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
    .addServer('/', 'This claimdesk: the API is served at the root of the host that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'An API token: `cd_` and 43 base64url characters (not a JWT)' })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const doc = ROUTE_DOCS[`${method.toUpperCase()} ${path}`];
      // A route that checks its own token (ownAuth) is outside the guard: no rate limit, its own 401/403.
      const isPublic = PUBLIC_PATHS.has(path) || doc?.ownAuth === true;
      // Its answers may still carry the RateLimit headers (a valid token went through the guard first).
      const unlimited = PUBLIC_PATHS.has(path);
      op.summary = doc?.summary ?? op.summary ?? `${method.toUpperCase()} ${path}`;
      op.description = op.summary;
      if (PUBLIC_PATHS.has(path)) op.security = [];
      const responses: Obj = doc
        ? Object.fromEntries([doc.ok, ...(doc.also ?? [])].map((a) => answer(a, unlimited)))
        : { 200: response('Success (undocumented route)', null, RATE_LIMITED) };
      for (const status of errorsOf(method, path, doc, isPublic)) {
        responses[String(status)] = response(ERROR_TITLES[status] ?? 'Error', 'Problem', errorHeaders(status, unlimited), 'application/problem+json');
      }
      op.responses = responses as never;
      if (doc?.callbacks) op.callbacks = callbacksOf(doc.callbacks) as never;
      if (doc?.body) {
        op.requestBody = {
          required: !doc.bodyOptional,
          content: {
            'application/json': { schema: schemaRef(doc.body) },
            ...(doc.textBody ? { 'text/plain': { schema: { type: 'string', description: 'First line the headline, the rest the body' } } } : {}),
          },
        } as never;
      } else delete op.requestBody;
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
        const own = doc?.params?.find((p) => p.in === 'path' && p.name === name);
        return { name, in: 'path', required: true, description: own?.description ?? `The ${name}`, schema: own?.schema ?? { type: 'string', format: 'uuid' } };
      });
      const other = (doc?.params ?? []).filter((p) => p.in !== 'path');
      op.parameters = [...pathParams, ...other] as never;
    }
  }
  const used = usedSchemas(document.paths);
  document.components = {
    securitySchemes: document.components?.securitySchemes,
    headers: HEADERS as never,
    schemas: Object.fromEntries(Object.entries(SCHEMAS).filter(([name]) => used.has(name))) as never,
  };
  return document;
}

/** Serves the document at /docs-json and Swagger UI at /docs (the UI's assets are local). */
export function setupOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const document = buildOpenApi(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  return document;
}
