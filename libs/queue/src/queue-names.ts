/** Every queue, with the data its jobs carry: ids only, the worker reads the rest from Postgres. */
export const QueueName = {
  Extract: 'extract',
  Route: 'route',
  Sla: 'sla',
  Reconcile: 'reconcile',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface JobDataByQueue {
  extract: { articleId: string };
  route: { claimId: string; version: number; priority: PriorityName };
  sla: { assignmentId: string; dueAt: string };
  reconcile: Record<string, never>;
}

export type PriorityName = 'LOW' | 'NORMAL' | 'HIGH' | 'BREAKING';
export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
