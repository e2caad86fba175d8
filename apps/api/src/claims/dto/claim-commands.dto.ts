import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const CLAIM_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'BREAKING'] as const;

/** POST /claims/:id/assign and /reassign: the reviewer the editor names; `force` waives capacity. */
export class AssignClaimDto {
  @IsUUID('all', { message: 'reviewerId must be a UUID' })
  reviewerId!: string;

  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

/** POST /claims/:id/dismiss and /unassign: an optional note for the event log. */
export class ClaimNoteDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** PATCH /claims/:id: the claim's own priority, overriding its article's. */
export class PatchClaimDto {
  @IsIn(CLAIM_PRIORITIES, { message: `priority must be one of ${CLAIM_PRIORITIES.join(', ')}` })
  priority!: (typeof CLAIM_PRIORITIES)[number];
}
