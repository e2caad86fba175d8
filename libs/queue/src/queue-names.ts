/** Every queue, with the data its jobs carry: ids only, the worker reads the rest from Postgres. */
export const QueueName = {
  Extract: 'extract',
  Route: 'route',
  Sla: 'sla',
  Reconcile: 'reconcile',
  Webhook: 'webhook',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface JobDataByQueue {
  extract: { articleId: string };
  /** Route one claim; or, delayed until `at`, look for waiting work for a reviewer coming back. */
  route: RouteClaimJob | ReviewerReturnJob;
  /** Fires at an assignment's live deadline: the offer's expiry, or the due time once accepted. */
  sla: { assignmentId: string; dueAt: string };
  reconcile: Record<string, never>;
  /** POST one event to one subscription; a job of an older generation (before resume or redeliver) does nothing. */
  webhook: WebhookDeliveryJob;
}

export interface WebhookDeliveryJob {
  deliveryId: string;
  generation: number;
}

export interface RouteClaimJob {
  claimId: string;
  version: number;
  priority: PriorityName;
}

export interface ReviewerReturnJob {
  reviewerId: string;
  at: string;
}

export function isReviewerReturnJob(data: JobDataByQueue['route']): data is ReviewerReturnJob {
  return 'reviewerId' in data;
}

export type PriorityName = 'LOW' | 'NORMAL' | 'HIGH' | 'BREAKING';
export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
