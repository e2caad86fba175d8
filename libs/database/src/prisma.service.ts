import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';

/** The one Prisma client of a process, on the pg driver adapter (no native engine: see README). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnApplicationShutdown {
  constructor(config: AppConfig) {
    super({
      adapter: new PrismaPg({
        connectionString: config.env.DATABASE_URL,
        max: 20,
        connectionTimeoutMillis: 5_000,
      }),
      // Prisma's default of 5 s for an interactive transaction is hit by a loaded machine long
      // before anything is wrong; every transaction here is short, so the limit is a backstop only.
      transactionOptions: { maxWait: 5_000, timeout: 15_000 },
    });
  }

  async onModuleInit(): Promise<void> {
    await this.$connect();
  }

  /**
   * Last of all: queue workers close in onModuleDestroy and let their active jobs finish first; a
   * disconnect before that leaves a job hung mid-transaction.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

export type Tx = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];
