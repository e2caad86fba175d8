import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@claimdesk/core';
import { auditDenial } from './audit';
import { ERROR_TITLES, describeError, toGraphQLError } from './error-mapping';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  [extension: string]: unknown;
}

/**
 * The one place REST errors are shaped: RFC 9457 problem+json from domain errors, Nest HTTP errors
 * and Fastify's own (body too large, bad JSON). Anything else is a bug: logged with its stack,
 * answered 500 without one.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    // GraphQL resolvers: the same mapping, as a GraphQL error with extensions.code.
    if (host.getType<string>() === 'graphql') {
      const error = toGraphQLError(exception, this.logger);
      const status = error.extensions?.status;
      if (status === 401 || status === 403) {
        const gql = GqlArgumentsHost.create(host);
        const context = gql.getContext<{ principal?: Principal; req?: { principal?: Principal } }>();
        const info = gql.getInfo<{ parentType?: { name: string }; fieldName?: string } | undefined>();
        const id = gql.getArgs<{ id?: unknown; claimId?: unknown }>();
        auditDenial({
          status,
          code: String(error.extensions.code),
          door: 'graphql',
          action: `${info?.parentType?.name ?? 'GraphQL'}.${info?.fieldName ?? '?'}`,
          target: typeof id?.id === 'string' ? id.id : typeof id?.claimId === 'string' ? id.claimId : null,
          principal: context?.principal ?? context?.req?.principal,
          exception,
        });
      }
      return error;
    }
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & { principal?: Principal }>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request.url);
    if (problem.status === 401 || problem.status === 403) {
      const route = (request as { routeOptions?: { url?: string } }).routeOptions?.url ?? request.url.split('?')[0];
      auditDenial({
        status: problem.status,
        code: problem.code,
        door: 'rest',
        action: `${request.method} ${route}`,
        target: request.url.split('?')[0],
        principal: request.principal,
        exception,
      });
    }
    if (problem.status >= 500 && problem.status !== 503) {
      this.logger.error(`${request.method} ${request.url}: ${String(exception)}`, (exception as Error)?.stack);
    }
    sendProblem(reply, problem);
  }

  private toProblem(exception: unknown, instance: string): Problem {
    return problemFor(exception, instance);
  }
}

/** Sends a problem with the headers its status calls for (from Nest's filter and Fastify's error handler alike). */
export function sendProblem(reply: { header(name: string, value: string): unknown; status(code: number): { header(name: string, value: string): { send(payload: unknown): unknown } } }, problem: Problem): void {
  if (problem.status === 503) void reply.header('Retry-After', '5');
  if (problem.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
  void reply.status(problem.status).header('Content-Type', 'application/problem+json').send(problem);
}

/** RFC 9457 problem details for anything thrown, through the one mapping (error-mapping.ts). */
export function problemFor(exception: unknown, instance: string): Problem {
  const d = describeError(exception);
  return {
    type: `https://claimdesk.dev/problems/${d.code.toLowerCase().replace(/_/g, '-')}`,
    title: ERROR_TITLES[d.status] ?? 'Error',
    status: d.status,
    detail: d.detail,
    instance,
    code: d.code,
    ...d.extensions,
  };
}
