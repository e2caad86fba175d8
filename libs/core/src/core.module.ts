import { Module } from '@nestjs/common';
import { FailedJobsService } from './admin/failed-jobs.service';
import { ClaimMatchingService } from './fact-checks/claim-matching.service';
import { FactCheckLibrary } from './fact-checks/fact-check-library.service';
import { FactCheckMatcher } from './fact-checks/fact-check-matcher';
import { ArticlesService } from './articles/articles.service';
import { AssignmentsService } from './assignments/assignments.service';
import { TokensService } from './auth/tokens.service';
import { ClaimReviewsService } from './claim-review/claim-reviews.service';
import { ClaimCommandsService } from './claims/claim-commands.service';
import { ClaimsQueryService } from './claims/claims-query.service';
import { DashboardService } from './dashboard/dashboard.service';
import { DeskCounters } from './dashboard/desk-counters';
import { EventsService } from './events/events.service';
import { ExtractArticleService } from './extraction/extract-article.service';
import { LiveUpdates } from './live/live-updates.service';
import { PeopleService } from './people/people.service';
import { BatchReads } from './queries/batch-reads';
import { ListsService } from './queries/lists.service';
import { ReconcilerService } from './reconcile/reconciler.service';
import { RoutingService } from './routing/routing.service';
import { VerdictsService } from './verdicts/verdicts.service';
import { WebhookDeliveryService } from './webhooks/webhook-delivery.service';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.service';
import { WebhooksService } from './webhooks/webhooks.service';

const SERVICES = [
  ClaimMatchingService,
  FactCheckLibrary,
  FactCheckMatcher,
  ArticlesService,
  AssignmentsService,
  BatchReads,
  ClaimCommandsService,
  ClaimReviewsService,
  ClaimsQueryService,
  DashboardService,
  DeskCounters,
  EventsService,
  ExtractArticleService,
  FailedJobsService,
  LiveUpdates,
  ListsService,
  PeopleService,
  ReconcilerService,
  RoutingService,
  TokensService,
  VerdictsService,
  WebhookDeliveryService,
  WebhookDispatcher,
  WebhooksService,
];

/** The service layer shared by the api and the worker; it expects Config, Database and Queue modules. */
@Module({ providers: SERVICES, exports: SERVICES })
export class CoreModule {}
