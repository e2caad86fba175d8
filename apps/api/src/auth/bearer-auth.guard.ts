import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from '@claimdesk/core';
import { UnauthenticatedError } from '@claimdesk/database';
import type { IdentifiedRequest } from '../limits/caller-limits';
import { IS_PUBLIC } from './public.decorator';
import { TokenCache } from './token-cache';

type WithPrincipal = { headers?: Record<string, string | undefined> } & IdentifiedRequest;

/** Bearer token from an Authorization header (or a GraphQL WebSocket's connection params). */
export function bearerToken(authorization: unknown): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(typeof authorization === 'string' ? authorization : '');
  return match ? match[1] : null;
}

/**
 * Every REST route and GraphQL resolver needs `Authorization: Bearer <token>` unless marked
 * @Public(); roles are checked in services. GraphQL subscriptions authenticate when the WebSocket
 * connects (api-graphql.module.ts), carry the principal in their context, and are closed when their
 * credentials stop being valid (subscription-sessions.ts).
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    let target: WithPrincipal;
    if (context.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(context).getContext<{ req?: WithPrincipal; principal?: Principal }>();
      if (gql.principal) return true;
      target = gql.req ?? (gql as WithPrincipal);
    } else {
      target = context.switchToHttp().getRequest<WithPrincipal>();
    }
    // HTTP requests were identified at the edge (CallerLimits): a refused token is not looked up twice.
    if (target.principal) return true;
    if (target.authFailure) throw target.authFailure;
    const token = bearerToken(target.headers?.authorization);
    if (!token) throw new UnauthenticatedError('missing bearer token');
    target.principal = await this.tokens.authenticate(token);
    return true;
  }
}
