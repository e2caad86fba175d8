import { HttpException, Injectable } from '@nestjs/common';
import { AppConfig } from '@claimdesk/config';
import type { Principal } from '@claimdesk/core';
import { UnauthenticatedError } from '@claimdesk/database';
import { bearerToken } from '../auth/bearer-auth.guard';
import { problemFor } from '../http/problem-details.filter';
import { TokenCache } from '../auth/token-cache';
import { RateLimiter, type RateDecision } from './rate-limiter';

/** What the edge learned about the caller, read by BearerAuthGuard instead of asking again. */
export interface IdentifiedRequest {
  principal?: Principal;
  /** The token was presented and refused: the guard answers 401 with this error. */
  authFailure?: UnauthenticatedError;
}

/** The parts of a Fastify request and reply used here (Nest's Fastify types differ from the root's). */
type EdgeRequest = IdentifiedRequest & { url: string; ip: string; headers: { authorization?: string } };
type EdgeReply = { header(name: string, value: string): EdgeReply; code(status: number): EdgeReply; send(payload: unknown): EdgeReply };

/**
 * Never limited: load balancers probe health without a token, often and from one address; the
 * board's static files (/board, /board/<file>) are fetched without a token by every browser of a
 * newsroom, often behind one NAT address, and cost no database lookup.
 */
const UNLIMITED = /^\/(health|board)(\/|\?|$)/;

/**
 * Identifies every request's caller once, at the edge (Fastify onRequest, before the body is read),
 * and limits what costs claimdesk work without a valid token, per client address (request.ip, see
 * CLAIMDESK_TRUST_PROXY) and shared by every API process through Redis:
 * - failed authentications: CLAIMDESK_AUTH_FAILURE_LIMIT_PER_MINUTE per address; past it every
 *   token not already trusted by this process answers 429 with Retry-After, without the Postgres
 *   lookup a guess would cost (a token the process has just seen valid still works);
 * - requests without a valid token (none, or a refused one): CLAIMDESK_ANON_LIMIT_PER_MINUTE per
 *   address, GraphQL introspection and the API docs included.
 * Callers with a valid token are limited per person by RateLimitGuard instead. Like that guard,
 * these limits let requests through when Redis is unreachable.
 */
@Injectable()
export class CallerLimits {
  constructor(
    private readonly tokens: TokenCache,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  readonly onRequest = async (request: EdgeRequest, reply: EdgeReply): Promise<EdgeReply | void> => {
    if (UNLIMITED.test(request.url)) return;
    const token = bearerToken(request.headers.authorization);
    if (token) {
      const trusted = this.tokens.cached(token);
      if (trusted) {
        request.principal = trusted;
        return;
      }
      const failures = await this.limiter.peek(`authfail:${request.ip}`, this.config.env.CLAIMDESK_AUTH_FAILURE_LIMIT_PER_MINUTE);
      if (!failures.allowed) return refuse(request, reply, failures, 'failed authentications from this address');
      try {
        request.principal = await this.tokens.authenticate(token);
        return;
      } catch (error) {
        if (!(error instanceof UnauthenticatedError)) throw error;
        request.authFailure = error;
        await this.limiter.hit(`authfail:${request.ip}`, this.config.env.CLAIMDESK_AUTH_FAILURE_LIMIT_PER_MINUTE);
      }
    }
    const anonymous = await this.limiter.hit(`anon:${request.ip}`, this.config.env.CLAIMDESK_ANON_LIMIT_PER_MINUTE);
    if (!anonymous.allowed) return refuse(request, reply, anonymous, 'requests without a valid token from this address');
  };
}

/** Answered here, not thrown: GraphQL's error handler would turn a thrown 429 into a 200. */
function refuse(request: EdgeRequest, reply: EdgeReply, decision: RateDecision, what: string): EdgeReply {
  const exception = new HttpException(`more than ${decision.limit} ${what} per minute; retry in ${decision.retryAfterSeconds} s`, 429);
  return reply
    .code(429)
    .header('Retry-After', String(decision.retryAfterSeconds))
    .header('Content-Type', 'application/problem+json')
    .send(problemFor(exception, request.url));
}
