import { Logger } from '@nestjs/common';

interface Closable {
  close(): Promise<void>;
}

/**
 * SIGTERM/SIGINT: stop taking work, let in-flight work finish (Fastify drains requests, BullMQ
 * workers finish their active jobs), exit 0. Past the deadline, exit 1: whatever a worker still
 * held becomes a stalled job that another worker picks up, so nothing is lost either way.
 * Nest's own enableShutdownHooks re-raises the signal (exit 143) and has no deadline.
 */
export function installGracefulShutdown(
  app: Closable,
  name: string,
  options: { deadlineMs?: number; drainFirst?: () => Promise<unknown> } = {},
): void {
  const deadlineMs = options.deadlineMs ?? 20_000;
  const logger = new Logger(name);
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: draining (deadline ${deadlineMs / 1000} s)`);
    const timer = setTimeout(() => {
      logger.error('shutdown deadline passed; exiting with work still held (it will be retried)');
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    // The HTTP server stops accepting and finishes in-flight requests before anything they need
    // (Postgres, Redis) is closed; Nest alone would close the server last.
    Promise.resolve(options.drainFirst?.())
      .catch((error: unknown) => logger.warn(`draining: ${String(error)}`))
      .then(() => app.close())
      .then(
      () => {
        logger.log('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`error while stopping: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
