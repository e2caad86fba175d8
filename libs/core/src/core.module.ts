import { Module } from '@nestjs/common';
import { FailedJobsService } from './admin/failed-jobs.service';
import { ArticlesService } from './articles/articles.service';
import { AssignmentsService } from './assignments/assignments.service';
import { TokensService } from './auth/tokens.service';
import { ClaimsQueryService } from './claims/claims-query.service';
import { ExtractArticleService } from './extraction/extract-article.service';
import { PeopleService } from './people/people.service';
import { ReconcilerService } from './reconcile/reconciler.service';
import { RoutingService } from './routing/routing.service';
import { VerdictsService } from './verdicts/verdicts.service';

const SERVICES = [
  ArticlesService,
  AssignmentsService,
  ClaimsQueryService,
  ExtractArticleService,
  FailedJobsService,
  PeopleService,
  ReconcilerService,
  RoutingService,
  TokensService,
  VerdictsService,
];

/** The service layer shared by the api and the worker; it expects Config, Database and Queue modules. */
@Module({ providers: SERVICES, exports: SERVICES })
export class CoreModule {}
