import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * What the record behind a business-key job id says about the work, for the reconciler:
 * - `absent`: no record; adding the job is enough.
 * - `queued`: waiting, prioritized or delayed with its data: the work will run, leave it.
 * - `running`: active. A live worker holds its lock; a killed one's lock expires and BullMQ's
 *   stalled check moves it back to wait (see WORKER_LIVENESS), so it is left to BullMQ.
 * - `stale`: the id blocks the work without carrying it, and must be removed before re-adding:
 *   completed or failed (a stub that lost removeOnComplete/removeOnFail, or a failure Postgres
 *   still calls due), a hash in no list (orphan), or a list entry whose hash lost its data (a
 *   partial key loss: BullMQ would rebuild it with `data={}`).
 */
export type JobRecordHealth = 'absent' | 'queued' | 'running' | 'stale';

const WAITING_STATES = new Set(['waiting', 'prioritized', 'delayed', 'waiting-children', 'paused']);

export async function inspectJobRecord(queue: Queue, jobId: string): Promise<JobRecordHealth> {
  // BullMQ's Redis backend runs on ioredis; its narrower client interface has no EXISTS.
  const client = (await queue.backend.client) as unknown as Redis;
  const [state, hasData, hashExists] = await Promise.all([
    queue.getJobState(jobId),
    client.hexists(queue.toKey(jobId), 'data'),
    client.exists(queue.toKey(jobId)),
  ]);
  if (state === 'active') return 'running';
  if (state === 'unknown') return hashExists ? 'stale' : 'absent';
  if (WAITING_STATES.has(state) && hasData === 1) return 'queued';
  return 'stale';
}
