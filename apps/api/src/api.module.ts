import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ConfigModule, type Env } from '@claimdesk/config';
import { CoreModule } from '@claimdesk/core';
import { DatabaseModule } from '@claimdesk/database';
import { MetricsRegistry, ObservabilityModule, createLogger } from '@claimdesk/observability';
import { QueueModule } from '@claimdesk/queue';
import type { Logger } from 'pino';
import { FailedJobsController } from './admin/failed-jobs.controller';
import { ArticlesController } from './articles/articles.controller';
import { AssignmentsController } from './assignments/assignments.controller';
import { ClaimReviewsController } from './claim-reviews/claim-reviews.controller';
import { ClaimsController } from './claims/claims.controller';
import { AuthModule } from './auth/auth.module';
import { BearerAuthGuard } from './auth/bearer-auth.guard';
import { DashboardController } from './dashboard/dashboard.controller';
import { EventStreamController } from './events/event-stream.controller';
import { EventStreams } from './events/event-streams';
import { EventsController } from './events/events.controller';
import { FactChecksController } from './fact-checks/fact-checks.controller';
import { ApiGraphqlModule } from './graphql/api-graphql.module';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { DeskMetrics } from './observability/desk-metrics';
import { MetricsController } from './observability/metrics.controller';
import { BoardSessionController } from './queue-board/board-session.controller';
import { BoardSessions } from './queue-board/board-sessions';
import { RateLimitGuard } from './limits/rate-limit.guard';
import { CallerLimits } from './limits/caller-limits';
import { RateLimiter } from './limits/rate-limiter';
import { ClaimsListController } from './lists/claims-list.controller';
import { PeopleController } from './people/people.controller';
import { TokensController } from './tokens/tokens.controller';
import { WebhooksController } from './webhooks/webhooks.controller';
import { VerdictsController } from './verdicts/verdicts.controller';

/** The HTTP process: controllers over the shared services; it registers no queue processors. */
@Module({})
export class ApiModule {
  static forRoot(
    env?: Env,
    logger: Logger = createLogger({ name: 'api', level: 'silent' }),
    metrics: MetricsRegistry = new MetricsRegistry('api'),
  ): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(env), ObservabilityModule.forRoot(logger, metrics), DatabaseModule, QueueModule.forRoot('producer'), CoreModule, AuthModule, ApiGraphqlModule],
      controllers: [ArticlesController, ClaimsController, AssignmentsController, VerdictsController, PeopleController, HealthController, FailedJobsController, TokensController, WebhooksController,
        ClaimsListController, DashboardController, EventsController, EventStreamController, ClaimReviewsController, MetricsController, BoardSessionController, FactChecksController],
      providers: [
        RateLimiter,
        EventStreams,
        DeskMetrics,
        BoardSessions,
        CallerLimits,
        // Guards run in this order: who is calling, then whether they still have budget.
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
