import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { AssignmentsService, ClaimMatchingService, type Principal } from '@claimdesk/core';
import { toAssignmentView } from '../views/assignment.view';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { uuidParam } from '../http/validation';
import { DeclineAssignmentDto } from './dto/decline-assignment.dto';


@Controller()
export class AssignmentsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly matching: ClaimMatchingService,
  ) {}

  @Post('assignments/:id/accept')
  @HttpCode(200)
  async accept(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return toAssignmentView(await this.assignments.accept(actor, id));
  }

  @Post('assignments/:id/decline')
  @HttpCode(200)
  async decline(
    @CurrentPrincipal() actor: Principal,
    @Param('id', uuidParam()) id: string,
    @Body() dto: DeclineAssignmentDto,
  ) {
    return toAssignmentView(await this.assignments.decline(actor, id, dto?.reason));
  }

  @Get('me/assignments')
  async inbox(@CurrentPrincipal() actor: Principal) {
    const rows = await this.assignments.inbox(actor);
    // Earlier fact-checks at or above CLAIMDESK_MATCH_SUGGEST, so the reviewer sees it may be checked already.
    const matches = await this.matching.matchesOf(rows.map((a) => a.claim.id));
    return rows.map((a) => ({ ...toAssignmentView(a), claim: { ...a.claim, matches: matches.get(a.claim.id) ?? [] }, returnedVerdict: a.returnedVerdict }));
  }
}
