import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { FailedJobsService, type Principal } from '@claimdesk/core';
import { ValidationError } from '@claimdesk/database';
import { CurrentPrincipal } from '../auth/current-principal.decorator';

@Controller('admin/jobs')
export class FailedJobsController {
  constructor(private readonly failed: FailedJobsService) {}

  @Get('failed')
  async list(@CurrentPrincipal() actor: Principal, @Query('queue') queue?: string, @Query('limit') limit?: string) {
    const n = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 500) throw new ValidationError([{ field: 'limit', message: 'must be an integer from 1 to 500' }]);
    return this.failed.list(actor, queue, n);
  }

  @Post(':queue/:id/retry')
  @HttpCode(200)
  retry(@CurrentPrincipal() actor: Principal, @Param('queue') queue: string, @Param('id') id: string) {
    return this.failed.retry(actor, queue, id);
  }
}
