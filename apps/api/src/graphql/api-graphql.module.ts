import { Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import mqemitterRedis from 'mqemitter-redis';
import { AppConfig } from '@claimdesk/config';
import { BatchReads, CoreModule } from '@claimdesk/core';
import { bearerToken } from '../auth/bearer-auth.guard';
import { AuthModule } from '../auth/auth.module';
import { auditDenial } from '../http/audit';
import { toGraphQLError } from '../http/error-mapping';
import { describeRootTypes } from './described';
import { AssignmentFieldsResolver, ClaimCountsResolver, ClaimFieldsResolver, DeskResolver } from './desk.resolver';
import { EventRelay, GRAPHQL_EMITTER, type Emitter } from './event-relay';
import { createLoaders } from './loaders';
import { withCodeAndStatus } from './error-status';
import { costLimitRule, depthLimitRule } from './query-limits';
import { SubscriptionSessions, type SubscriptionSession } from './subscription-sessions';

@Module({
  imports: [CoreModule],
  providers: [
    {
      provide: GRAPHQL_EMITTER,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Emitter => {
        const emitter = mqemitterRedis({ connectionString: config.env.REDIS_URL }) as unknown as Emitter & {
          state: { on(event: 'error', listener: (error: Error) => void): void };
        };
        // Redis down must not take the API down: subscriptions wait, everything else answers.
        let lastWarning = 0;
        emitter.state.on('error', (error) => {
          if (Date.now() - lastWarning < 30_000) return;
          lastWarning = Date.now();
          new Logger('GraphQL').warn(`subscription emitter: Redis unavailable (${error.message})`);
        });
        return emitter;
      },
    },
    EventRelay,
    SubscriptionSessions,
  ],
  exports: [GRAPHQL_EMITTER, SubscriptionSessions],
})
class GraphqlSupportModule {}

/**
 * Code-first GraphQL at /graphql (Mercurius): queries, mutations and the articleChanged
 * subscription (graphql-ws protocol over WebSocket, fanned out through Redis).
 */
@Module({
  imports: [
    CoreModule,
    GraphqlSupportModule,
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      imports: [GraphqlSupportModule, AuthModule, CoreModule],
      inject: [GRAPHQL_EMITTER, BatchReads, SubscriptionSessions],
      useFactory: (emitter: Emitter, batch: BatchReads, sessions: SubscriptionSessions) => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        transformSchema: describeRootTypes,
        graphiql: false,
        // Mercurius loads its query cache (quick-lru, ESM) with a dynamic import, which Jest's CommonJS
        // runtime cannot do: under Jest the cache is off, in production it holds 1024 parsed queries.
        cache: process.env.JEST_WORKER_ID ? false : 1024,
        // Static rules (Mercurius caches validated queries): a list's `limit: $var` is costed at its cap.
        // Depth is our rule, not Mercurius' queryDepth, so that introspection is exempt from it.
        validationRules: [depthLimitRule(), costLimitRule(undefined)],
        context: (request: unknown) => ({ req: request, loaders: createLoaders(batch) }),
        errorFormatter: (execution: { errors?: readonly unknown[]; data?: unknown }) => {
          // Mercurius wraps validation failures (depth, cost, unknown fields) in one error: unwrap them.
          const flat = (execution.errors ?? []).flatMap((e) => {
            const inner = (e as { errors?: unknown[] }).errors ?? (e as { originalError?: { errors?: unknown[] } }).originalError?.errors;
            return Array.isArray(inner) && inner.length ? inner : [e];
          });
          const errors = flat.map((e) => {
            const error = toGraphQLError((e as { originalError?: unknown }).originalError ?? e);
            const located = e as { locations?: unknown; path?: unknown; message: string; extensions?: Record<string, unknown> };
            return {
              message: located.message ?? error.message,
              locations: located.locations,
              path: located.path,
              extensions: withCodeAndStatus({ ...(located.extensions ?? {}), ...error.extensions }, located.path !== undefined),
            };
          });
          return { statusCode: 200, response: { data: (execution.data ?? null) as never, errors: errors as never } };
        },
        subscription: {
          emitter: emitter as never,
          onConnect: async ({ payload }: { payload?: Record<string, unknown> }) => {
            const token = bearerToken(payload?.authorization ?? payload?.Authorization);
            const refuse = (exception: unknown) => {
              auditDenial({ status: 401, code: 'UNAUTHENTICATED', door: 'graphql', action: 'Subscription (connect)', exception });
              return false;
            };
            if (!token) return refuse(new Error('missing bearer token'));
            try {
              const session = await sessions.open(token);
              return { principal: session.principal, session };
            } catch (error) {
              return refuse(error);
            }
          },
          // The socket, so that SubscriptionSessions can close it when its credentials stop being valid.
          context: (socket: unknown) => ({ loaders: createLoaders(batch), socket }),
          onDisconnect: (context: object) => sessions.end((context as { session?: SubscriptionSession }).session),
        },
        hooks: {
          // The first point where a connection's session and socket meet (onConnect has no socket).
          preSubscriptionExecution: async (_schema, _document, context) => {
            const { session, socket } = context as unknown as { session?: SubscriptionSession; socket?: { close(code: number, reason: string): void } };
            if (session && socket) session.attach(socket);
          },
        },
      }),
    }),
  ],
  providers: [DeskResolver, ClaimFieldsResolver, AssignmentFieldsResolver, ClaimCountsResolver],
})
export class ApiGraphqlModule {}
