-- ClaimReview: when a verdict was approved (its publication time), kept apart from updatedAt.
ALTER TABLE "Verdict" ADD COLUMN "decidedAt" TIMESTAMP(3);
UPDATE "Verdict" SET "decidedAt" = "updatedAt" WHERE status <> 'SUBMITTED';

-- Webhook subscriptions: rotation, pausing, deletion.
ALTER TABLE "Webhook" ADD COLUMN "previousSecret" TEXT,
  ADD COLUMN "previousSecretUntil" TIMESTAMP(3),
  ADD COLUMN "pausedReason" TEXT,
  ADD COLUMN "pausedAt" TIMESTAMP(3),
  ADD COLUMN "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "deletedAt" TIMESTAMP(3);
-- A deactivated subscription was a deleted one (DELETE /webhooks/:id) before pausing existed.
UPDATE "Webhook" SET "deletedAt" = CURRENT_TIMESTAMP WHERE NOT active;
-- Secrets become Standard Webhooks secrets (whsec_ + base64), the same 32 bytes as before.
UPDATE "Webhook" SET secret = 'whsec_' || encode(decode(secret, 'hex'), 'base64')
  WHERE secret NOT LIKE 'whsec\_%' AND secret ~ '^[0-9a-f]{64}$';

-- Deliveries: a generation per (re)dispatch, the queue hand-off, the last outcome.
ALTER TABLE "WebhookDelivery" ADD COLUMN "generation" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "queuedAt" TIMESTAMP(3),
  ADD COLUMN "lastStatus" INTEGER,
  ADD COLUMN "deliveredAt" TIMESTAMP(3),
  ALTER COLUMN "updatedAt" SET DEFAULT CURRENT_TIMESTAMP;

-- What the dispatcher looks for: pending deliveries not yet handed to the queue.
CREATE INDEX "WebhookDelivery_undispatched_idx" ON "WebhookDelivery" ("eventId") WHERE status = 'PENDING' AND "queuedAt" IS NULL;

CREATE TABLE "WebhookAttempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "deliveryId" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "statusCode" INTEGER,
    "latencyMs" INTEGER,
    "error" TEXT,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "WebhookAttempt_deliveryId_at_idx" ON "WebhookAttempt"("deliveryId", "at");
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Fan-out from the event log, in the event's own transaction: every event a live (active or
-- paused, not deleted) subscription asked for gets its delivery row as it commits, so no event is
-- missed whatever Redis holds, and the unique key makes a second insert impossible.
CREATE FUNCTION cd_webhook_fanout() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "WebhookDelivery" ("webhookId", "eventId")
    SELECT w.id, e.id FROM new_events e JOIN "Webhook" w ON w."deletedAt" IS NULL AND e.type = ANY (w.events)
    ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END';

CREATE TRIGGER cd_webhook_fanout AFTER INSERT ON "Event"
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION cd_webhook_fanout();
