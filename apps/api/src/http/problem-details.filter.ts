import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
    if (host.getType<string>() === 'graphql') return toGraphQLError(exception, this.logger);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request.url);
    if (problem.status >= 500 && problem.status !== 503) {
      this.logger.error(`${request.method} ${request.url}: ${String(exception)}`, (exception as Error)?.stack);
    }
    if (problem.status === 503) void reply.header('Retry-After', '5');
    if (problem.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
    void reply.status(problem.status).header('Content-Type', 'application/problem+json').send(problem);
  }

  private toProblem(exception: unknown, instance: string): Problem {
    const d = describeError(exception);
    return this.problem(d.status, d.detail, instance, d.code, d.extensions);
  }

  private problem(status: number, detail: string, instance: string, code: string, extensions: Record<string, unknown> = {}): Problem {
    const title = ERROR_TITLES[status] ?? 'Error';
    return {
      type: `https://claimdesk.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
      title,
      status,
      detail,
      instance,
      code,
      ...extensions,
    };
  }
}
