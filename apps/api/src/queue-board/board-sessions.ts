import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '@claimdesk/config';
import { authorize, hashToken, type Principal } from '@claimdesk/core';
import { JobProducer, QueueName } from '@claimdesk/queue';

/** How long a queue-board link (and the cookie it becomes) works. */
export const BOARD_SESSION_SECONDS = 15 * 60;
export const BOARD_PATH = '/admin/queues';

/**
 * Sessions of the queue board. A browser sends no bearer token, so an admin asks the API for a link
 * (`POST /admin/queues/session`): a random 256-bit ticket, kept in Redis as its SHA-256 for 15
 * minutes (every API process sees it; nothing to configure, and a flush ends every session). Opening
 * the link trades the ticket for an HttpOnly cookie scoped to the board's path.
 */
@Injectable()
export class BoardSessions {
  constructor(
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
  ) {}

  async mint(actor: Principal): Promise<{ url: string; expiresAt: string }> {
    authorize(actor, 'jobs.manage');
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = Date.now() + BOARD_SESSION_SECONDS * 1000;
    await (await this.redis()).set(this.key(ticket), `${expiresAt} ${actor.id}`, { EX: BOARD_SESSION_SECONDS });
    return { url: `${BOARD_PATH}/?ticket=${ticket}`, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Seconds the ticket still works, or 0 when it is unknown or expired (or Redis is unreachable). */
  async secondsLeft(ticket: string): Promise<number> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(ticket)) return 0;
    try {
      const session = await (await this.redis()).get(this.key(ticket));
      return session ? Math.max(0, Math.floor((Number(session.split(' ')[0]) - Date.now()) / 1000)) : 0;
    } catch {
      return 0;
    }
  }

  /** The API's producer connection (fails fast when Redis is down). */
  private redis() {
    return this.jobs.queue(QueueName.Extract).getBackend().client;
  }

  private key(ticket: string): string {
    return `${this.config.env.CLAIMDESK_QUEUE_PREFIX}:board-session:${hashToken(ticket)}`;
  }
}
