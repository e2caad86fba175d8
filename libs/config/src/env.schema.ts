import { z } from 'zod';
import { DEFAULT_SLA_MINUTES, parseSlaMinutes } from '@claimdesk/workflow';


const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL with protocol ${protocols.join(' or ')}` },
  );

// One parser for the SLA spec, the workflow's: the config only reports its error against the variable.
const slaMinutes = z.string().transform((spec, ctx) => {
  try {
    return parseSlaMinutes(spec);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/**
 * Which peers may tell the client's address in X-Forwarded-For: `true` (any: only behind a proxy that
 * overwrites the header), `false` (none) or a comma-separated list of addresses, CIDRs and the names
 * loopback, linklocal, uniquelocal. Trusting every peer would let anyone pick the address the
 * per-address limits count against.
 */
export const DEFAULT_TRUSTED_PROXIES = 'loopback,linklocal,uniquelocal';
const trustProxy = z
  .string()
  .regex(/^(true|false|[0-9A-Za-z.:/, ]+)$/, 'true, false, or a comma-separated list of addresses, CIDRs, loopback, linklocal, uniquelocal')
  .transform((v): boolean | string[] => (v === 'true' ? true : v === 'false' ? false : v.split(',').map((s) => s.trim()).filter(Boolean)));

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every variable claimdesk reads, validated once at start. */
export const envSchema = z.object({
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  CLAIMDESK_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  CLAIMDESK_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('claimdesk'),
  CLAIMDESK_SLA_MINUTES: slaMinutes.default(() => ({ ...DEFAULT_SLA_MINUTES })),
  CLAIMDESK_OFFER_TIMEOUT_MINUTES: z.coerce.number().positive().default(60),
  CLAIMDESK_CHECKWORTHY_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  CLAIMDESK_WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  CLAIMDESK_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  CLAIMDESK_RECONCILE_SECONDS: z.coerce.number().int().min(1).default(30),
  CLAIMDESK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  CLAIMDESK_ANON_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  CLAIMDESK_AUTH_FAILURE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  CLAIMDESK_TRUST_PROXY: z.string().default(DEFAULT_TRUSTED_PROXIES).pipe(trustProxy),
  CLAIMDESK_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
});

export type Env = z.infer<typeof envSchema>;
