import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from '@claimdesk/core';

/** The caller, in a controller or a resolver (set by BearerAuthGuard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  if (ctx.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(ctx).getContext<{ req?: { principal: Principal }; principal?: Principal }>();
    return gql.principal ?? gql.req!.principal;
  }
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
