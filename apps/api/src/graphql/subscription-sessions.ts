import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { LiveUpdates, TokensService, hashToken, type AuthChange, type Principal } from '@claimdesk/core';
import { UnauthenticatedError } from '@claimdesk/database';

/** graphql-ws close codes: the client must authenticate again (4401) or reconnect to see its new role (4403). */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
/** While Postgres LISTEN is down no revocation is heard: every open socket is re-checked this often. */
const SWEEP_MS = 5_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

interface ClosableSocket {
  close(code: number, reason: string): void;
}

/** One authenticated WebSocket: its credential (in memory only), who it speaks for, its socket once known. */
export class SubscriptionSession {
  private socket: ClosableSocket | null = null;
  private closedWith: [number, string] | null = null;
  expiryTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly token: string,
    readonly hash: string,
    readonly principal: Principal,
  ) {}

  get closed(): boolean {
    return this.closedWith !== null;
  }

  attach(socket: ClosableSocket): void {
    this.socket = socket;
    if (this.closedWith) socket.close(...this.closedWith);
  }

  close(code: number, reason: string): void {
    this.closedWith = [code, reason];
    this.socket?.close(code, reason);
  }
}

/**
 * GraphQL subscriptions follow their credentials: a WebSocket authenticates once, at connect, so each
 * process keeps its open sockets here and closes one as soon as its token is revoked, deleted or
 * expires, or its person is deactivated (4401), or given another role (4403, so the next connection
 * sees what the new role may). Revocations and person changes reach every API process at commit
 * through Postgres NOTIFY (the token cache's channel); expiry is a timer; while LISTEN is down every
 * socket is re-checked every 5 s instead.
 */
@Injectable()
export class SubscriptionSessions implements OnModuleDestroy {
  private readonly logger = new Logger('Subscriptions');
  private readonly sessions = new Set<SubscriptionSession>();
  private readonly unsubscribe: () => void;
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly tokens: TokensService,
    private readonly live: LiveUpdates,
  ) {
    this.unsubscribe = live.onAuthChange((change) => this.onAuthChange(change));
    this.sweep = setInterval(() => {
      if (!this.live.isListening) for (const session of this.sessions) void this.recheck(session);
    }, SWEEP_MS).unref();
  }

  /** Authenticates a connecting socket (throws UnauthenticatedError) and starts following it. */
  async open(token: string): Promise<SubscriptionSession> {
    const { principal, expiresAt } = await this.tokens.authenticateToken(token);
    const session = new SubscriptionSession(token, hashToken(token), principal);
    this.sessions.add(session);
    if (expiresAt) this.expireAt(session, expiresAt);
    return session;
  }

  end(session: SubscriptionSession | undefined): void {
    if (!session) return;
    if (session.expiryTimer) clearTimeout(session.expiryTimer);
    this.sessions.delete(session);
  }

  onModuleDestroy(): void {
    this.unsubscribe();
    clearInterval(this.sweep);
    for (const session of this.sessions) this.end(session);
  }

  private expireAt(session: SubscriptionSession, expiresAt: Date): void {
    const wait = Math.min(Math.max(0, expiresAt.getTime() - Date.now()), MAX_TIMER_MS);
    session.expiryTimer = setTimeout(() => void this.recheck(session), wait).unref();
  }

  private onAuthChange(change: AuthChange): void {
    for (const session of this.sessions) {
      if (change.all || change.hash === session.hash || change.personId === session.principal.id) void this.recheck(session);
    }
  }

  private async recheck(session: SubscriptionSession): Promise<void> {
    if (session.closed || !this.sessions.has(session)) return;
    try {
      const { principal, expiresAt } = await this.tokens.authenticateToken(session.token);
      if (principal.role !== session.principal.role) return this.close(session, CLOSE_FORBIDDEN, `role changed to ${principal.role}: reconnect`);
      // The context holds this very object: a new name shows in the next event's redaction.
      session.principal.name = principal.name;
      if (session.expiryTimer) clearTimeout(session.expiryTimer);
      if (expiresAt) this.expireAt(session, expiresAt);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return this.close(session, CLOSE_UNAUTHORIZED, 'token revoked or expired, or person deactivated');
      // Postgres unreachable: keep the socket, the sweep or the next change checks again.
      this.logger.warn(`could not re-check a subscription's token: ${String(error)}`);
    }
  }

  private close(session: SubscriptionSession, code: number, reason: string): void {
    session.close(code, reason);
    this.end(session);
  }
}
