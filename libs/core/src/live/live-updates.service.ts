import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@claimdesk/config';
import { PrismaService } from '@claimdesk/database';

/** One change-feed event as the API shows it (REST, GraphQL queries and subscriptions alike). */
export interface FeedEvent {
  id: string;
  type: string;
  articleId: string | null;
  claimId: string | null;
  actorId: string | null;
  payload: unknown;
  at: string;
}

const CHANNEL_REVISION = 'claimdesk_revision';
const CHANNEL_EVENT = 'claimdesk_event';
const CHANNEL_AUTH = 'claimdesk_auth';

/** A token was revoked or changed (hash), or a person's role or activity changed (personId); all = forget everything. */
export type AuthChange = { hash?: string; personId?: string; all?: boolean };
const MAX_CACHED_ARTICLES = 100_000;
const DESK_SHARDS = 17;

/**
 * Revisions and events as Postgres commits them, without asking Postgres on every poll. Triggers
 * (migration 20261127130000) NOTIFY on each article revision change, desk revision shard bump and
 * event insert; NOTIFY is delivered after commit and in commit order, and a shard's or an article's
 * value only grows, so keeping the highest value seen is exact. While the LISTEN connection is down
 * nothing is answered from memory, and everything cached is dropped when it comes back (notifications
 * in between were lost). Worker processes never call listen(): every read falls through to Postgres.
 */
@Injectable()
export class LiveUpdates implements OnModuleDestroy {
  private readonly logger = new Logger('LiveUpdates');
  private client: Client | null = null;
  private listening = false;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly articles = new Map<string, number>();
  private readonly deskShards = new Map<number, bigint>();
  private deskComplete = false;
  private readonly eventListeners = new Set<(event: FeedEvent) => void>();
  private readonly authListeners = new Set<(change: AuthChange) => void>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  get isListening(): boolean {
    return this.listening;
  }

  /** Starts listening (the API does at bootstrap); resolves once LISTEN is in force. */
  async listen(): Promise<void> {
    if (this.client || this.closed) return;
    const client = new Client({ connectionString: this.config.env.DATABASE_URL });
    this.client = client;
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      if (error && !this.closed) this.logger.warn(`LISTEN connection lost: ${error.message}`);
      this.forget();
      this.client = null;
      void client.end().catch(() => undefined);
      if (!this.closed) this.reconnectTimer = setTimeout(() => void this.listen().catch(() => undefined), 1_000);
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('connection ended')));
    client.on('notification', (message) => this.onNotification(message.channel, message.payload ?? ''));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL_REVISION}`);
      await client.query(`LISTEN ${CHANNEL_EVENT}`);
      await client.query(`LISTEN ${CHANNEL_AUTH}`);
      this.forget();
      this.listening = true;
    } catch (error) {
      lost(error as Error);
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.listening = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** An article's revision from memory, or undefined when it must be read from Postgres. */
  cachedArticleRevision(articleId: string): number | undefined {
    return this.listening ? this.articles.get(articleId) : undefined;
  }

  rememberArticleRevision(articleId: string, revision: number): void {
    if (!this.listening) return;
    if (this.articles.size >= MAX_CACHED_ARTICLES) this.articles.clear();
    const known = this.articles.get(articleId);
    if (known === undefined || revision > known) this.articles.set(articleId, revision);
  }

  /** The desk's revision: the sum of its shards, from memory once loaded while listening. */
  async deskRevision(): Promise<string> {
    if (!(this.listening && this.deskComplete)) {
      const wasListening = this.listening;
      const rows = await this.prisma.$queryRaw<Array<{ shard: number; revision: bigint }>>`
        SELECT shard, revision FROM "DeskRevision"`;
      for (const row of rows) this.rememberShard(row.shard, BigInt(row.revision));
      this.deskComplete = wasListening && this.listening && rows.length >= DESK_SHARDS;
      if (!this.deskComplete) return rows.reduce((sum, r) => sum + BigInt(r.revision), 0n).toString();
    }
    let sum = 0n;
    for (const value of this.deskShards.values()) sum += value;
    return sum.toString();
  }

  /** Called with every event as it commits, in this process; returns the unsubscribe function. */
  onEvent(listener: (event: FeedEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Called when authentication facts change (revocation, deactivation), so caches can drop them. */
  onAuthChange(listener: (change: AuthChange) => void): () => void {
    this.authListeners.add(listener);
    return () => this.authListeners.delete(listener);
  }

  private rememberShard(shard: number, revision: bigint): void {
    const known = this.deskShards.get(shard);
    if (known === undefined || revision > known) this.deskShards.set(shard, revision);
  }

  private forget(): void {
    this.listening = false;
    // Notifications may have been missed: whatever was cached about tokens is no longer trusted.
    for (const listener of this.authListeners) listener({ all: true });
    this.articles.clear();
    this.deskShards.clear();
    this.deskComplete = false;
  }

  private onNotification(channel: string, payload: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (channel === CHANNEL_REVISION) {
      if (typeof message.articleId === 'string' && typeof message.revision === 'number') {
        this.rememberArticleRevision(message.articleId, message.revision);
      }
      if (typeof message.shard === 'number' && typeof message.desk === 'string' && this.listening) {
        this.rememberShard(message.shard, BigInt(message.desk));
      }
    } else if (channel === CHANNEL_EVENT) {
      void this.deliver(message);
    } else if (channel === CHANNEL_AUTH) {
      const change: AuthChange = {
        hash: typeof message.hash === 'string' ? message.hash : undefined,
        personId: typeof message.personId === 'string' ? message.personId : undefined,
      };
      for (const listener of this.authListeners) listener(change);
    }
  }

  private async deliver(message: Record<string, unknown>): Promise<void> {
    if (this.eventListeners.size === 0) return;
    let event: FeedEvent | null;
    if (message.truncated) {
      const row = await this.prisma.event.findUnique({ where: { id: BigInt(String(message.id)) } }).catch(() => null);
      event = row ? toFeedEvent(row) : null;
    } else {
      const at = String(message.at);
      event = {
        id: String(message.id),
        type: String(message.type),
        articleId: (message.articleId as string | null) ?? null,
        claimId: (message.claimId as string | null) ?? null,
        actorId: (message.actorId as string | null) ?? null,
        payload: message.payload ?? {},
        // "timestamp without time zone" holds UTC (Prisma's convention).
        at: new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(at) ? at : `${at}Z`).toISOString(),
      };
    }
    if (!event) return;
    for (const listener of this.eventListeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn(`event listener failed: ${String(error)}`);
      }
    }
  }
}

export function toFeedEvent(row: {
  id: bigint;
  type: string;
  articleId: string | null;
  claimId: string | null;
  actorId: string | null;
  payload: unknown;
  at: Date;
}): FeedEvent {
  return {
    id: row.id.toString(),
    type: row.type,
    articleId: row.articleId,
    claimId: row.claimId,
    actorId: row.actorId,
    payload: row.payload,
    at: row.at.toISOString(),
  };
}
