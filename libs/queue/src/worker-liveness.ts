import type { WorkerOptions } from 'bullmq';

/**
 * How fast the work of a worker that died mid-job (SIGKILL, OOM, a lost machine) comes back, for
 * every processor. BullMQ's defaults (30 s lock, 30 s stalled check) held a killed worker's job id
 * for about 70 s, and the reconciler cannot re-enqueue an id that is still active.
 *
 * - lockDuration 10 s, renewed every 5 s (half of it): a job is "running" only while its worker
 *   renews the lock. After a SIGKILL the lock lapses within 10 s.
 * - stalledInterval 5 s: the stalled check marks active jobs on one pass and moves those whose lock
 *   is gone back to wait on the next, so a killed worker's job is waiting again within about
 *   10-15 s (lock expiry plus at most one or two checks), then runs on a live worker.
 * - maxStalledCount 2: a job that stalls a third time (it keeps crashing its worker) fails instead of
 *   cycling; a failed record no longer blocks its id, since the reconciler replaces it while
 *   Postgres still calls the work due.
 *
 * The trade-off: a shorter lock means a worker whose event loop is blocked for longer than the
 * renewal gap (5 s) loses the lock of a job that is still running, and a second worker may run the
 * same job. That is safe here (every processor is idempotent: extraction serialises on the article
 * row, routing on the claim's version, expiry on the assignment's status), only wasted work. The
 * longest synchronous step is extraction: about 0.5 s for a 120 kB article on a quiet machine, so
 * only articles near the 1 MB body limit on a loaded machine come near 5 s. A shorter stalled
 * interval costs one small Lua script per queue every 5 s, shared by all workers.
 */
export const WORKER_LIVENESS = {
  lockDuration: 10_000,
  stalledInterval: 5_000,
  maxStalledCount: 2,
} as const satisfies Partial<WorkerOptions>;
