/** Every queue, with the data its jobs carry: ids only, the worker reads the rest from Postgres. */
export const QueueName = {
  Extract: 'extract',
  Route: 'route',
  Sla: 'sla',
  Reconcile: 'reconcile',
  Webhook: 'webhook',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/**
 * The id of the HTTP request whose work this job is (x-request-id), set by the producer from the
 * log context, so the worker's log lines for the job carry it. Absent for work nobody asked for
 * (the reconciler's, a timer's). Never part of the job id: the same work is the same job.
 */
export interface Traced {
  requestId?: string;
}

export interface JobDataByQueue {
  extract: { articleId: string } & Traced;
  /** Route one claim; or, delayed until `at`, look for waiting work for a reviewer coming back. */
  route: (RouteClaimJob | ReviewerReturnJob) & Traced;
  /** Fires at an assignment's live deadline: the offer's expiry, or the due time once accepted. */
  sla: { assignmentId: string; dueAt: string } & Traced;
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
