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
  // ClaimReview: where the published fact-check lives ({id} = the claim's id) and who publishes it.
  CLAIMDESK_PUBLIC_URL_TEMPLATE: url(['https:', 'http:'])
    .refine((value) => value.includes('{id}'), { message: 'must contain {id} (the claim id)' })
    .default('https://factcheck.example.org/claims/{id}'),
  CLAIMDESK_ORG_NAME: z.string().trim().min(1).max(200).default('claimdesk'),
  CLAIMDESK_ORG_URL: url(['https:', 'http:']).default('https://factcheck.example.org'),
  // Webhook delivery: the first retry's delay (doubling, with jitter), attempts per delivery,
  // failed attempts in a row that pause a subscription, the timeout of one POST, jobs at once.
  CLAIMDESK_WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(1).default(10_000),
  CLAIMDESK_WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(14),
  CLAIMDESK_WEBHOOK_PAUSE_AFTER: z.coerce.number().int().min(1).default(50),
  CLAIMDESK_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  CLAIMDESK_WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  // Fact-check matching (issue 18): a stored match at or above SUGGEST is shown to the reviewer and on
  // the claim; at or above AUTO (unset: never) the claim is held for an editor instead of routed.
  // Scores are the matcher's probability that the fact-check checks the claim.
  CLAIMDESK_MATCH_SUGGEST: z.coerce.number().min(0).max(1).default(0.5),
  CLAIMDESK_MATCH_AUTO: z.coerce.number().min(0).max(1).optional(),
  CLAIMDESK_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  CLAIMDESK_RECONCILE_SECONDS: z.coerce.number().int().min(1).default(30),
  CLAIMDESK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  CLAIMDESK_ANON_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  CLAIMDESK_AUTH_FAILURE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  CLAIMDESK_TRUST_PROXY: z.string().default(DEFAULT_TRUSTED_PROXIES).pipe(trustProxy),
  CLAIMDESK_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  // pino's levels; Nest's names `log` and `verbose` are accepted for info and trace.
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', 'log', 'verbose'])
    .default('info')
    .transform((level) => (level === 'log' ? 'info' : level === 'verbose' ? 'trace' : level)),
  /** Unset: pretty on a terminal, one JSON object per line otherwise. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** `true`: /metrics (API and worker) answer without a token; otherwise an admin token is required. */
  CLAIMDESK_METRICS_PUBLIC: bool.default(false),
  /** The worker's own metrics port; 0 turns it off. */
  CLAIMDESK_WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  CLAIMDESK_WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
});

export type Env = z.infer<typeof envSchema>;
