import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import type { Env } from './env.schema';
import { loadEnv } from './load-env';

@Global()
@Module({})
export class ConfigModule {
  /** Pass an Env to override the process environment (tests build one per file). */
  static forRoot(env?: Env): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useFactory: () => new AppConfig(env ?? loadEnv()) }],
      exports: [AppConfig],
    };
  }
}
