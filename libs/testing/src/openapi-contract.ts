import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Obj = Record<string, any>;

/** Headers of the transport, not of the API: never in an OpenAPI document. */
const TRANSPORT_HEADERS = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
/**
 * Served beside the API, not part of it: GraphQL, the docs, and the static pages for browsers (the
 * desk board at /board and Bull Board at /admin/queues/*, registered on Fastify outside Nest's
 * controllers; their JSON calls are API routes). POST /admin/queues/session is an API route.
 */
const NOT_IN_DOCUMENT = [/^\/graphql(\?|$)/, /^\/docs(\/|-json|-yaml|\?|$)/, /^\/board(\/|\?|$)/, /^\/admin\/queues(?!\/session(\?|$))(\/|\?|$)/];

/** OpenAPI 3.0's `nullable` as JSON Schema (ajv), and component refs into one schema of definitions. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Obj = {};
  for (const [key, value] of Object.entries(node as Obj)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace('#/components/schemas/', 'openapi#/definitions/');
    else if (key !== 'nullable' && key !== 'example') out[key] = toJsonSchema(value);
  }
  return (node as Obj).nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

export interface ContractResponse {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
}

/**
 * Checks answers against an OpenAPI 3.0 document: the status must be documented for the operation,
 * every header (beyond the transport's) documented for that status, and the body valid against the
 * documented schema (closed objects: an undocumented field fails), in a documented media type.
 */
export class OpenApiContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Array<{ template: string; pattern: RegExp }>;

  constructor(readonly document: Obj) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', definitions: toJsonSchema(document.components?.schemas ?? {}) as Obj });
    // Literal segments before parameters, so /claims/merge would win over /claims/{id}.
    this.routes = Object.keys(document.paths)
      .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`), params: (template.match(/\{/g) ?? []).length }))
      .sort((a, b) => a.params - b.params);
  }

  /** Undocumented answers, described; an empty list when the answer matches the document. */
  violations(method: string, url: string, response: ContractResponse): string[] {
    if (NOT_IN_DOCUMENT.some((p) => p.test(url))) return [];
    const path = url.split('?')[0];
    const route = this.routes.find((r) => r.pattern.test(path));
    const operation = route && this.document.paths[route.template][method.toLowerCase()];
    const where = `${method} ${url} -> ${response.status}`;
    // An unknown route is Fastify's 404, outside any operation.
    if (!operation) return response.status === 404 ? [] : [`${where}: no operation ${method} ${path} in the document`];
    const documented = operation.responses?.[String(response.status)] ?? operation.responses?.default;
    if (!documented) return [`${where}: status ${response.status} is not documented for ${method} ${route.template} (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`];
    const problems: string[] = [];
    const headerNames = new Set(Object.keys(documented.headers ?? {}).map((h) => h.toLowerCase()));
    for (const name of Object.keys(response.headers)) {
      if (!TRANSPORT_HEADERS.has(name.toLowerCase()) && !headerNames.has(name.toLowerCase())) problems.push(`${where}: header ${name} is not documented`);
    }
    const content = documented.content as Obj | undefined;
    const hasBody = response.body !== undefined && response.body !== '';
    if (!content) {
      if (hasBody) problems.push(`${where}: a body is sent but none is documented`);
      return problems;
    }
    const mediaType = String(response.headers['content-type'] ?? '').split(';')[0].trim();
    if (!content[mediaType]) return [...problems, `${where}: media type ${mediaType || '(none)'} is not documented (${Object.keys(content).join(', ')})`];
    const validate = this.validator(`${method} ${route.template} ${response.status} ${mediaType}`, content[mediaType].schema);
    if (!validate(response.body)) {
      for (const e of validate.errors ?? []) {
        const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : '';
        problems.push(`${where}: body${e.instancePath} ${e.message}${extra}`);
      }
    }
    return problems;
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Obj);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

export class ContractViolation extends Error {
  constructor(readonly violations: string[]) {
    super(`the answer does not match the OpenAPI document:\n  ${violations.join('\n  ')}`);
  }
}
