import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ERROR_TITLES } from '../http/error-mapping';
import { ROUTE_DOCS } from './route-docs';
import { SCHEMAS } from './schemas';

const LISTS: Record<string, string> = { ClaimList: 'Claim', AssignmentList: 'Assignment', TokenInfoList: 'TokenInfo', FailedJobList: 'FailedJob', WebhookList: 'Webhook', ClaimReviewList: 'ClaimReview' };
const ref = (name: string) =>
  LISTS[name] ? { type: 'array', items: { $ref: `#/components/schemas/${LISTS[name]}` } } : { $ref: `#/components/schemas/${name}` };
const DEFAULT_ERRORS = [400, 401, 403, 404, 409];

/**
 * The OpenAPI document of every REST route Nest serves (the routes come from the controllers, so a
 * new route appears by itself); request and response schemas from ROUTE_DOCS, errors as problem+json.
 * A route missing from ROUTE_DOCS still gets its problem responses and a generic JSON answer.
 */
export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('claimdesk')
    .setDescription('Fact-check workflow backend. The same operations are in GraphQL at /graphql.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  document.components = { ...document.components, schemas: { ...((document.components?.schemas ?? {}) as object), ...SCHEMAS } as never };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const doc = ROUTE_DOCS[`${method.toUpperCase()} ${path}`];
      op.summary = doc?.summary ?? op.summary;
      if (path === '/health') op.security = [];
      const responses: Record<string, unknown> = {};
      if (doc) {
        const [status, schema] = doc.ok;
        responses[String(status)] = schema ? { description: 'success', content: { 'application/json': { schema: ref(schema) } } } : { description: 'success' };
        for (const [s, sch, description] of doc.also ?? []) {
          responses[String(s)] = sch ? { description, content: { 'application/json': { schema: ref(sch) } } } : { description };
        }
        if (doc.body) {
          op.requestBody = {
            required: true,
            content: {
              'application/json': { schema: ref(doc.body) },
              ...(doc.textBody ? { 'text/plain': { schema: { type: 'string', description: 'first line the headline, the rest the body' } } } : {}),
            },
          };
        } else if (method === 'post') {
          delete op.requestBody;
        }
        const params = (op.parameters ?? []).filter((p) => !('in' in p) || p.in === 'path');
        op.parameters = [...params, ...(doc.params ?? [])] as never;
      } else {
        responses['200'] = { description: 'success', content: { 'application/json': { schema: { type: 'object' } } } };
      }
      for (const status of doc?.errors ?? (path === '/health' ? [] : DEFAULT_ERRORS)) {
        responses[String(status)] = {
          description: ERROR_TITLES[status] ?? 'error',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
      op.responses = responses as never;
    }
  }
  return document;
}

/** Serves the document at /docs-json and Swagger UI at /docs (the UI's assets are local). */
export function setupOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const document = buildOpenApi(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  return document;
}
