import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ClaimCommandsService, ClaimMatchingService, ClaimsQueryService, type Principal } from '@claimdesk/core';
import { toCommandView } from '../views/claim-command.view';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { uuidParam } from '../http/validation';
import { toVerdictView } from '../views/verdict.view';
import { AssignClaimDto, ClaimNoteDto, PatchClaimDto } from './dto/claim-commands.dto';

/** An editor's overrides of the router (roles in libs/core/src/auth/permissions.ts), and one claim. */
@Controller('claims')
export class ClaimsController {
  constructor(
    private readonly commands: ClaimCommandsService,
    private readonly query: ClaimsQueryService,
    private readonly matching: ClaimMatchingService,
  ) {}

  /** The claim, its live assignment, and every verdict on it (a returned one is never lost). */
  @Get(':id')
  async byId(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    const [claim, matches] = await Promise.all([this.query.byId(actor, id), this.matching.matchesOf([id])]);
    return { ...claim, verdicts: claim.verdicts.map(toVerdictView), matches: matches.get(id) ?? [] };
  }

  @Patch(':id')
  async patch(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() dto: PatchClaimDto) {
    return toCommandView(await this.commands.setPriority(actor, id, dto.priority));
  }

  @Post(':id/promote')
  @HttpCode(200)
  async promote(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return toCommandView(await this.commands.promote(actor, id));
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  async dismiss(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() dto: ClaimNoteDto) {
    return toCommandView(await this.commands.dismiss(actor, id, dto?.note));
  }

  @Post(':id/restore')
  @HttpCode(200)
  async restore(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return toCommandView(await this.commands.restore(actor, id));
  }

  @Post(':id/assign')
  @HttpCode(200)
  async assign(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() dto: AssignClaimDto) {
    return toCommandView(await this.commands.assign(actor, id, dto.reviewerId, dto.force ?? false));
  }

  @Post(':id/reassign')
  @HttpCode(200)
  async reassign(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() dto: AssignClaimDto) {
    return toCommandView(await this.commands.reassign(actor, id, dto.reviewerId, dto.force ?? false));
  }

  @Post(':id/unassign')
  @HttpCode(200)
  async unassign(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() dto: ClaimNoteDto) {
    return toCommandView(await this.commands.unassign(actor, id, dto?.note));
  }
}
