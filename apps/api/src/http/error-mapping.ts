import { HttpException, type Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
  mapPrismaError,
} from '@claimdesk/database';

/** The one mapping from domain errors to transport: an HTTP status (REST) and a code (both doors). */
export const STATUS_BY_ERROR = new Map<new (...args: never[]) => DomainError, number>([
  [ValidationError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [UnavailableError, 503],
]);

/** Fastify's own refusals, before a handler runs, under the codes the API documents. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
};

export interface DescribedError {
  status: number;
  code: string;
  detail: string;
  extensions: Record<string, unknown>;
}

/**
 * What any thrown value means to a client. REST turns it into problem+json, GraphQL into an error
 * whose extensions carry the same code, status and details (errors, currentState...).
 */
export function describeError(exception: unknown): DescribedError {
  const domain = mapPrismaError(exception);
  if (domain) {
    const status = STATUS_BY_ERROR.get(domain.constructor as never) ?? 500;
    return { status, code: domain.code, detail: domain.message, extensions: domain.details };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: string[] }).message.join('; ')
          : String((response as { message?: unknown }).message ?? exception.message);
    return { status, code: `HTTP_${status}`, detail: message, extensions: {} };
  }
  const fastify = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const extra =
      fastify.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(fastify.message ?? '')
        ? { errors: [{ field: 'body', message: 'is not valid JSON' }] }
        : {};
    const code = FASTIFY_CODES[fastify.code ?? ''] ?? (extra.errors ? 'VALIDATION_FAILED' : (fastify.code ?? 'BAD_REQUEST'));
    return { status: fastify.statusCode, code, detail: fastify.message ?? 'bad request', extensions: extra };
  }
  return { status: 500, code: 'INTERNAL', detail: 'internal error', extensions: {} };
}

export function toGraphQLError(exception: unknown, logger?: Logger): GraphQLError {
  if (exception instanceof GraphQLError) return exception;
  const d = describeError(exception);
  if (d.status >= 500 && d.status !== 503) logger?.error(`GraphQL: ${String(exception)}`, (exception as Error)?.stack);
  return new GraphQLError(d.detail, { extensions: { code: d.code, status: d.status, ...d.extensions } });
}

export const ERROR_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
