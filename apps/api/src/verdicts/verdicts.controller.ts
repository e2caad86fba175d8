import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { VerdictsService, type Principal } from '@claimdesk/core';
import { toVerdictView } from '../views/verdict.view';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { uuidParam } from '../http/validation';
import { ReturnVerdictDto, SubmitVerdictDto } from './dto/submit-verdict.dto';

@Controller()
export class VerdictsController {
  constructor(private readonly verdicts: VerdictsService) {}

  /** The rating scale a verdict's `rating` is chosen from, in the desk's order. */
  @Get('ratings')
  ratings(@CurrentPrincipal() actor: Principal) {
    return this.verdicts.ratingScale(actor);
  }

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
