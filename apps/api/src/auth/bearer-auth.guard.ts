import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TokensService, type Principal } from '@claimdesk/core';
import { UnauthenticatedError } from '@claimdesk/database';
import { IS_PUBLIC } from './public.decorator';

/** Every route needs `Authorization: Bearer <token>` unless marked @Public(); roles are checked in services. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthenticatedError('missing bearer token');
    request.principal = await this.tokens.authenticate(match[1]);
    return true;
  }
}
