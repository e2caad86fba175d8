import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '@claimdesk/config';
import { JobProducer } from './job-producer';
import { ALL_QUEUES } from './queue-names';
import { redisOptions } from './redis-connection';

@Global()
@Module({})
export class QueueModule {
  /** role decides how Redis outages are felt: the API fails fast, workers wait and resume. */
  static forRoot(role: 'producer' | 'worker'): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: redisOptions(config.env.REDIS_URL, role),
            prefix: config.env.CLAIMDESK_QUEUE_PREFIX,
          }),
        }),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
      ],
      providers: [JobProducer],
      exports: [JobProducer, BullModule],
    };
  }
}
