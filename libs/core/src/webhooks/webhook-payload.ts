import { redactEvent } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import type { ClaimReviewDocument } from '../claim-review/to-claim-review';
import { toFeedEvent, type FeedEvent } from '../live/live-updates.service';

/**
 * A subscriber is a system outside the desk: it reads the change feed as a VIEWER does, so the
 * rating of a verdict under review and an editor's return note stay out of its payloads.
 */
export const WEBHOOK_READER: Principal = { id: '00000000-0000-0000-0000-000000000000', name: 'webhook subscriber', role: 'VIEWER' };

/** What a delivery POSTs: the event as GET /events shows it, and for claim.published its ClaimReview. */
export interface WebhookPayload {
  type: string;
  /** The event id: also the webhook-id header, the same on every retry. */
  id: string;
  at: string;
  data: FeedEvent & { claimReview?: ClaimReviewDocument | null };
}

export async function webhookPayload(event: Parameters<typeof toFeedEvent>[0], claimReview: (claimId: string) => Promise<ClaimReviewDocument | null>): Promise<WebhookPayload> {
  const feed = redactEvent(WEBHOOK_READER, toFeedEvent(event));
  const data = event.type === 'claim.published' && event.claimId ? { ...feed, claimReview: await claimReview(event.claimId) } : feed;
  return { type: feed.type, id: feed.id, at: feed.at, data };
}
