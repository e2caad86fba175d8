import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Res } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { FastifyReply } from 'fastify';
import { PrismaService } from '@claimdesk/database';
import { ALL_QUEUES, JobProducer, QueueName } from '@claimdesk/queue';
import { Public } from '../auth/public.decorator';
import { pendingMigrations } from './migration-status';

const PROBE_TIMEOUT_MS = 1_500;

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS))),
    ]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** Says which dependency is down, within a bounded time, without a token. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly prisma: PrismaService,
    @InjectQueue(QueueName.Extract) private readonly extract: Queue,
    private readonly jobs: JobProducer,
  ) {}

  @Get()
  @Public()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([
      probe(() => this.prisma.$queryRaw`SELECT 1`),
      probe(() => this.extract.count()),
    ]);
    const ok = postgres === 'up' && redis === 'up';
    void reply.status(ok ? 200 : 503);
    if (!ok) void reply.header('Retry-After', '5');
    return { status: ok ? 'ok' : 'degraded', postgres, redis };
  }

  /** Liveness: the process answers. Nothing else is asked, so a dependency's outage never restarts it. */
  @Get('live')
  @Public()
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: Postgres answers, every shipped migration is applied, Redis answers and every queue can
   * be read. 503 naming what failed (`failing`), so a balancer sends no traffic until all are up.
   */
  @Get('ready')
  @Public()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    let pending: string[] = [];
    const [postgres, redis, migrations, queues] = await Promise.all([
      probe(() => this.prisma.$queryRaw`SELECT 1`),
      probe(async () => (await this.extract.getBackend().client).get('claimdesk:ready-probe')),
      probe(async () => {
        pending = await pendingMigrations(this.prisma);
        if (pending.length > 0) throw new Error('pending');
      }),
      probe(() => Promise.all(ALL_QUEUES.map((name) => this.jobs.queue(name).getJobCounts('waiting')))),
    ]);
    const checks = { postgres, redis, migrations, queues };
    const failing = Object.entries(checks).filter(([, state]) => state !== 'up').map(([name]) => name);
    void reply.status(failing.length === 0 ? 200 : 503);
    if (failing.length > 0) void reply.header('Retry-After', '5');
    return { status: failing.length === 0 ? 'ready' : 'unavailable', checks, failing, ...(pending.length > 0 ? { pendingMigrations: pending } : {}) };
  }
}
