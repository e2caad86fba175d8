// Placeholder until the embedded-defaults helper lands: assumes local Postgres and Redis.
export interface LocalServices {
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}
export async function ensureLocalServices(_opts: { purpose: 'run' | 'test' }): Promise<LocalServices> {
  return {
    databaseUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/claimdesk',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    stop: async () => undefined,
  };
}
