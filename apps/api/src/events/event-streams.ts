import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { EventsService, LiveUpdates, redactEvent, type FeedEvent, type Principal } from '@claimdesk/core';

/** Events replayed to a reconnecting stream at most; further behind, it gets a `reset` and reloads. */
export const STREAM_REPLAY_MAX = 1000;
const HEARTBEAT_MS = 15_000;
/** While this process does not LISTEN to Postgres, open streams read the feed this often instead. */
const POLL_MS = 2_000;
const REMEMBERED_IDS = 2_000;

/**
 * The change feed as Server-Sent Events. A stream first replays what the caller missed after its
 * cursor (the `Last-Event-ID` header or `after`), then pushes each event as Postgres commits it
 * (LiveUpdates' LISTEN), redacted for the caller as `GET /events` is. Without a cursor it starts at
 * the newest event. Streams end after `maxSeconds` (clients reconnect with their last id: the
 * standard SSE behaviour), when the server closes (a drain is never held by a board), and when the
 * caller's token is revoked or their person changes (the reconnect authenticates again).
 */
@Injectable()
export class EventStreams implements OnModuleInit, OnModuleDestroy {
  private readonly open = new Set<() => void>();

  constructor(
    private readonly events: EventsService,
    private readonly live: LiveUpdates,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    // Fastify's close waits for open requests: end the streams before it does (SIGTERM drains Fastify first).
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preClose', async () => this.endAll());
  }

  onModuleDestroy(): void {
    this.endAll();
  }

  get openStreams(): number {
    return this.open.size;
  }

  /** Checks the caller's cursor, then takes the reply over for the stream's lifetime. */
  async serve(actor: Principal, tokenHash: string | null, reply: FastifyReply, after: string | undefined, maxSeconds: number): Promise<void> {
    // Validates the cursor (400 before any byte is sent) and reads the newest id when there is none.
    const start = after ?? (await this.events.latestId(actor));
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    });
    let cursor = BigInt(start);
    let replaying = true;
    let closed = false;
    const held: FeedEvent[] = [];
    const sent = new Set<string>();

    const send = (event: FeedEvent) => {
      if (closed || sent.has(event.id)) return;
      sent.add(event.id);
      if (sent.size > REMEMBERED_IDS) sent.delete(sent.values().next().value as string);
      const id = BigInt(event.id);
      if (id > cursor) cursor = id;
      raw.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(redactEvent(actor, event))}\n\n`);
    };
    const catchUp = async (): Promise<void> => {
      const page = await this.events.after(actor, cursor.toString(), STREAM_REPLAY_MAX);
      if (page.events.length === STREAM_REPLAY_MAX) {
        // Too far behind to replay: the client reloads its views and continues from the newest id.
        const newest = await this.events.latestId(actor);
        cursor = BigInt(newest);
        if (!closed) raw.write(`id: ${newest}\nevent: reset\ndata: {}\n\n`);
        return;
      }
      page.events.forEach(send);
    };

    const unsubscribe = this.live.onEvent((event) => (replaying ? held.push(event) : send(event)));
    // `all`: the LISTEN connection was lost, so a revocation may have been missed too.
    const unwatch = this.live.onAuthChange((change) => {
      if (change.all || change.personId === actor.id || (change.hash !== undefined && change.hash === tokenHash)) end();
    });
    let lastBeat = Date.now();
    const tick = setInterval(() => {
      if (!this.live.isListening) void catchUp().catch(() => undefined);
      if (Date.now() - lastBeat >= HEARTBEAT_MS) {
        lastBeat = Date.now();
        raw.write(': keep-alive\n\n');
      }
    }, POLL_MS);
    const end = () => {
      if (closed) return;
      closed = true;
      clearInterval(tick);
      clearTimeout(deadline);
      unsubscribe();
      unwatch();
      this.open.delete(end);
      raw.end();
    };
    const deadline = setTimeout(end, maxSeconds * 1000);
    // The stream's socket keeps the server alive while it is open; the timers alone must not.
    tick.unref();
    deadline.unref();
    this.open.add(end);
    raw.on('close', end);
    raw.write(`retry: 2000\n: stream from ${start}\n\n`);
    try {
      await catchUp();
    } catch {
      end();
      return;
    }
    replaying = false;
    held.splice(0).forEach(send);
  }

  private endAll(): void {
    for (const end of [...this.open]) end();
  }
}
