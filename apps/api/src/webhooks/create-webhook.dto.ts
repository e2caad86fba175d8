import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';

export const WEBHOOK_EVENTS = [
  'article.ingested', 'article.extracted', 'article.completed', 'article.reopened', 'article.failed',
  'claim.created', 'claim.promoted', 'claim.dismissed', 'claim.restored', 'claim.assigned', 'claim.accepted',
  'claim.declined', 'claim.expired', 'claim.reassigned', 'claim.unassigned', 'claim.reprioritised',
  'claim.submitted', 'claim.returned', 'claim.published', 'webhook.paused', 'webhook.resumed',
] as const;

export class CreateWebhookDto {
  // Scheme, credentials and destination are checked by the service (SSRF guard), with DNS.
  @IsString()
  @MaxLength(2048)
  url!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true, message: 'events must be event types such as claim.published' })
  events!: string[];
}
