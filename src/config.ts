import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { CHANNEL_ENV_SHAPE, checkChannelEnv } from '../bots/config.ts';
import { envString, envUrl } from './core/env.ts';

/** One answer worker where there is a core to spare for it (two on larger machines), none on a single core. */
const DEFAULT_FAQ_WORKERS = Math.max(0, Math.min(2, availableParallelism() - 1));

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

/**
 * Every environment variable the service reads, with its default: the core's here, each channel's in its own
 * `bots/<name>/config.ts`. `.env.example` documents each one.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  LEADER_RETRY_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  DATABASE_URL: envString.pipe(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_BASE_URL: envUrl,
  ADMIN_TOKEN: envString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  UNIT_TREE: z.enum(['2025-07', '2025-03']).default('2025-07'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGNIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SIGNIN_RATE_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  API_TOKEN_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WEB_CHAT_RATE_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(2000),
  CAMPAIGN_LAUNCH_AT: envString.pipe(
    z.iso.datetime({ offset: true, local: true, message: 'must be an ISO date-time such as 2027-05-23T08:00' }).optional(),
  ),
  QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM-HH:MM, e.g. 21:00-07:00')
    .default('21:00-07:00'),
  BULK_DAILY_CAP: z.coerce.number().int().min(1).default(3),
  OUTBOX_TICK_MS: z.coerce.number().int().min(10).default(250),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  CALC_DISCOUNT_RATE: z.coerce.number().min(0).max(0.05).default(0.0035),
  // Answer workers: threads that answer residents' questions beside the event loop (0 = on the event loop).
  FAQ_WORKERS: z.coerce.number().int().min(0).max(16).default(DEFAULT_FAQ_WORKERS),
  REPORT_SANITY_LIMIT: z.coerce.number().int().min(1).max(999).default(200),
  REPORT_REMINDER_AT: hhmm.default('16:30'),
  SUPERVISOR_DIGEST_AT: hhmm.default('18:00'),
  CALLBACK_DEADLINE_HOURS: z.coerce.number().min(0.25, 'must be at least 0.25 (working hours)').max(72).default(4),
  ...CHANNEL_ENV_SHAPE,
});

export type Env = z.infer<typeof EnvSchema>;

/** The typed configuration every part of the service receives. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbPath: string;
  /** PostgreSQL (DATABASE_URL) for several instances; undefined = the SQLite file at dbPath. */
  databaseUrl: string | undefined;
  /** On PostgreSQL: how often a follower tries to become the leader, and the leader checks it still is. */
  leaderRetryMs: number;
  logLevel: Env['LOG_LEVEL'];
  publicBaseUrl: string | undefined;
  adminToken: string | undefined;
  /** Console sessions, sign-in throttling, API tokens, per-client limits. */
  access: {
    sessionIdleMs: number;
    sessionMaxMs: number;
    signInMaxFailures: number;
    signInLockMs: number;
    signInPerAddressPer15Min: number;
    tokenDays: number;
    webChatPerMinute: number;
    maxConnections: number;
  };
  campaignLaunchAt: string | undefined;
  /** The shipped unit tree a fresh database is seeded with. */
  unitTree: Env['UNIT_TREE'];
  timezone: 'Asia/Ho_Chi_Minh';
  quietHours: { start: string; end: string };
  bulkDailyCap: number;
  /** leaseMs: how long a claimed row belongs to its instance (PostgreSQL: a dead instance's rows go out after it). */
  outbox: { tickMs: number; maxAttempts: number; leaseMs: number };
  calculator: { discountRatePerMonth: number };
  /** Answer worker threads (0: questions are answered on the event loop). */
  faq: { workers: number };
  reports: { sanityLimit: number; reminderAt: string; digestAt: string };
  /** Working hours (Mon–Sat 08:00–17:00) a callback request may wait to be taken before it is escalated. */
  callbacks: { deadlineHours: number };
  /** Every variable, parsed; each channel reads its own through its config schema's type. */
  env: Env;
}

/** Thrown when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  readonly issues: { variable: string; message: string }[];
  constructor(issues: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** Parse the environment once at start-up. Throws ConfigError naming each bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '(environment)'), message: i.message })),
    );
  }
  const env = parsed.data;
  const problems = checkChannelEnv(env);
  if (problems.length > 0) throw new ConfigError(problems);
  const [quietStart, quietEnd] = env.QUIET_HOURS.split('-') as [string, string];
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    dbPath: `${env.DATA_DIR.replace(/\/$/, '')}/bhxh-outreach.db`,
    databaseUrl: env.DATABASE_URL,
    leaderRetryMs: env.LEADER_RETRY_SECONDS * 1000,
    logLevel: env.LOG_LEVEL,
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    adminToken: env.ADMIN_TOKEN,
    access: {
      sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: env.SESSION_MAX_HOURS * 3_600_000,
      signInMaxFailures: env.SIGNIN_MAX_FAILURES,
      signInLockMs: env.SIGNIN_LOCK_MINUTES * 60_000,
      signInPerAddressPer15Min: env.SIGNIN_RATE_PER_ADDRESS,
      tokenDays: env.API_TOKEN_DAYS,
      webChatPerMinute: env.WEB_CHAT_RATE_PER_MINUTE,
      maxConnections: env.HTTP_MAX_CONNECTIONS,
    },
    campaignLaunchAt: env.CAMPAIGN_LAUNCH_AT,
    unitTree: env.UNIT_TREE,
    timezone: 'Asia/Ho_Chi_Minh',
    quietHours: { start: quietStart, end: quietEnd },
    bulkDailyCap: env.BULK_DAILY_CAP,
    outbox: { tickMs: env.OUTBOX_TICK_MS, maxAttempts: env.OUTBOX_MAX_ATTEMPTS, leaseMs: env.OUTBOX_LEASE_SECONDS * 1000 },
    calculator: { discountRatePerMonth: env.CALC_DISCOUNT_RATE },
    faq: { workers: env.FAQ_WORKERS },
    reports: { sanityLimit: env.REPORT_SANITY_LIMIT, reminderAt: env.REPORT_REMINDER_AT, digestAt: env.SUPERVISOR_DIGEST_AT },
    callbacks: { deadlineHours: env.CALLBACK_DEADLINE_HOURS },
    env,
  };
}
