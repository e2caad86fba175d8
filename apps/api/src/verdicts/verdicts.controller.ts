import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { VerdictsService, type Principal, type VerdictView } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { uuidParam } from '../http/validation';
import { ReturnVerdictDto, SubmitVerdictDto } from './dto/submit-verdict.dto';

export function toVerdictView(v: VerdictView) {
  return {
    id: v.id,
    claimId: v.claimId,
    authorId: v.authorId,
    rating: v.rating,
    rationale: v.rationale,
    confidence: v.confidence,
    status: v.status,
    decidedById: v.decidedById,
    decisionNote: v.decisionNote,
    sources: v.evidence,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

@Controller()
export class VerdictsController {
  constructor(private readonly verdicts: VerdictsService) {}

  @Post('claims/:id/verdicts')
  async submit(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() dto: SubmitVerdictDto) {
    return toVerdictView(await this.verdicts.submit(actor, id, dto));
  }

  @Post('verdicts/:id/approve')
  @HttpCode(200)
  async approve(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return toVerdictView(await this.verdicts.approve(actor, id));
  }

  @Post('verdicts/:id/return')
  @HttpCode(200)
  async return(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() dto: ReturnVerdictDto) {
    return toVerdictView(await this.verdicts.return(actor, id, dto.note));
  }
}
