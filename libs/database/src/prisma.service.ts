import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { isRetryableTransactionError } from './errors/retryable';
import { SerialTransactionsPg } from './serial-transactions-pg';

/**
 * The one Prisma client of a process, on the pg driver adapter (no native engine: see README), whose
 * transactions send their queries one at a time (serial-transactions-pg.ts).
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnApplicationShutdown {
  constructor(config: AppConfig) {
    super({
      adapter: new SerialTransactionsPg({
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
    this.retryDeadlocks();
    await this.$connect();
  }

  /**
   * Interactive transactions that Postgres aborts as a deadlock or a serialisation failure are run
   * again (up to 3 more times, with jitter). Triggers keep counters in the same transactions, and the
   * router's one statement takes its row locks in an order a multi-statement transaction cannot
   * always match, so the odd deadlock is expected under load; Postgres rolls the loser back whole,
   * and running it again is the standard remedy. Array-form transactions are left as they are.
   */
  private retryDeadlocks(): void {
    const original = this.$transaction.bind(this) as (...args: unknown[]) => Promise<unknown>;
    const retrying = async (...args: unknown[]): Promise<unknown> => {
      if (typeof args[0] !== 'function') return original(...args);
      for (let attempt = 1; ; attempt++) {
        try {
          return await original(...args);
        } catch (error) {
          if (attempt > MAX_TRANSACTION_RETRIES || !isRetryableTransactionError(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
        }
      }
    };
    this.$transaction = retrying as PrismaClient['$transaction'];
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

const MAX_TRANSACTION_RETRIES = 3;
