import { Controller, Post } from '@nestjs/common';
import type { Principal } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { BoardSessions } from './board-sessions';

@Controller('admin/queues')
export class BoardSessionController {
  constructor(private readonly sessions: BoardSessions) {}

  /** A link to the queue board for a browser, which sends no bearer token: `{url, expiresAt}`. */
  @Post('session')
  mint(@CurrentPrincipal() actor: Principal) {
    return this.sessions.mint(actor);
  }
}
