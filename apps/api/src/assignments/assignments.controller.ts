import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { Assignment } from '@prisma/client';
import { AssignmentsService, deadlineKind, type Principal } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { uuidParam } from '../http/validation';
import { DeclineAssignmentDto } from './dto/decline-assignment.dto';

export function toAssignmentView(a: Assignment) {
  return {
    id: a.id,
    claimId: a.claimId,
    reviewerId: a.reviewerId,
    assignedById: a.assignedById,
    reason: a.reason,
    status: a.status,
    cost: a.cost,
    /** dueAt is the offer's expiry while OFFERED ("offer"), the due time once ACCEPTED ("due"). */
    deadline: deadlineKind(a.status),
    dueAt: a.dueAt.toISOString(),
    acceptedAt: a.acceptedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

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
    return rows.map((a) => ({ ...toAssignmentView(a), claim: a.claim, returnedVerdict: a.returnedVerdict }));
  }
}
