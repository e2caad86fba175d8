import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { ClaimMatchingService, FactCheckLibrary, type Principal } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { uuidParam } from '../http/validation';

export class ReuseFactCheckDto {
  /** The library fact-check whose verdict the claim takes (one of GET /claims/:id/matches). */
  @IsUUID('all', { message: 'factCheckId must be a UUID' })
  factCheckId!: string;

  /** A desk rating id, when the fact-check's own rating has no equivalent on the desk's scale. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z_]{1,40}$/, { message: 'rating must be a rating id such as FALSE' })
  rating?: string;
}

/** The fact-check library (issue 18): imports, a claim's matches in it, and reusing an earlier verdict. */
@Controller()
export class FactChecksController {
  constructor(
    private readonly library: FactCheckLibrary,
    private readonly matching: ClaimMatchingService,
  ) {}

  /**
   * One ClaimReview JSON-LD document, an array, or a feed `{items: [...]}` (GET /claim-reviews);
   * idempotent by each review's URL. The body is checked by parseClaimReviews (400 naming the field).
   */
  @Post('fact-checks/import')
  @HttpCode(200)
  async import(@CurrentPrincipal() actor: Principal, @Body() body: unknown) {
    const { received, inserted, updated } = await this.library.importClaimReviews(actor, body);
    return { received, inserted, updated };
  }

  @Get('claims/:id/matches')
  matches(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.matching.matches(actor, id);
  }

  @Post('claims/:id/reuse')
  @HttpCode(200)
  reuse(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() dto: ReuseFactCheckDto) {
    return this.matching.reuse(actor, id, dto);
  }
}
