import { CanActivate, ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@claimdesk/core';
import { RateLimiter } from './rate-limiter';

interface Caller {
  principal?: Principal;
  reply?: FastifyReply;
}

function caller(context: ExecutionContext): Caller {
  if (context.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(context).getContext<{ req?: { principal?: Principal }; principal?: Principal; reply?: FastifyReply }>();
    // A subscription's context has a reply-like object without header(): only a Fastify reply counts.
    const reply = typeof gql.reply?.header === 'function' ? gql.reply : undefined;
    return { principal: gql.principal ?? gql.req?.principal, reply };
  }
  const http = context.switchToHttp();
  return { principal: http.getRequest<{ principal?: Principal }>().principal, reply: http.getResponse<FastifyReply>() };
}

/**
 * Runs after the bearer guard, for REST and GraphQL alike: each person's tokens share one budget per
 * minute across every API process (429 + Retry-After past it).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { principal, reply } = caller(context);
    if (!principal) return true;
    const decision = await this.limiter.hit(principal.id);
    void reply?.header('RateLimit-Limit', String(decision.limit)).header('RateLimit-Remaining', String(decision.remaining));
    if (decision.allowed) return true;
    void reply?.header('Retry-After', String(decision.retryAfterSeconds));
    throw new HttpException(`rate limit of ${decision.limit} requests per minute exceeded; retry in ${decision.retryAfterSeconds} s`, 429);
  }
}
