import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@claimdesk/core';

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
