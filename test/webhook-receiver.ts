import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  webhookId: string;
  at: number;
  headers: IncomingHttpHeaders;
  body: any;
  /** Which of the receiver's secrets verified it (standardwebhooks); none: an empty list. */
  verifiedBy: string[];
}

export type Answer = { status: number; headers?: Record<string, string>; holdMs?: number };

/**
 * A loopback receiver as a partner would write it: it verifies each request with the
 * `standardwebhooks` package against the secrets it knows and records everything it got.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  secrets: string[] = [];
  answer: (request: Received) => Answer = () => ({ status: 204 });
  private listeners: Array<(r: Received) => void> = [];
  private server!: Server;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const verifiedBy = this.secrets.filter((secret) => {
          try {
            new Webhook(secret).verify(raw, req.headers as Record<string, string>);
            return true;
          } catch {
            return false;
          }
        });
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // kept as text
        }
        const record: Received = { webhookId: String(req.headers['webhook-id']), at: Date.now(), headers: req.headers, body, verifiedBy };
        this.received.push(record);
        const answer = this.answer(record);
        for (const listener of this.listeners) listener(record);
        setTimeout(() => {
          res.writeHead(answer.status, answer.headers);
          res.end();
        }, answer.holdMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(pathname = '/hook'): string {
    return `http://127.0.0.1:${this.port}${pathname}`;
  }

  /** Resolves with the first request that satisfies the check (already received or still to come). */
  next(check: (r: Received) => boolean = () => true): Promise<Received> {
    const seen = this.received.find(check);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const listener = (r: Received) => {
        if (!check(r)) return;
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(r);
      };
      this.listeners.push(listener);
    });
  }

  ids(): Set<string> {
    return new Set(this.received.map((r) => r.webhookId));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
