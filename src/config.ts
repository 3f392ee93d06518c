import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const optionalUrl = optionalString.pipe(z.url({ message: 'must be a URL such as http://127.0.0.1:9001' }).optional());
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
const rate = z.coerce.number().min(0, 'must be 0 (unlimited) or a positive number of messages per second');

/** Every environment variable the service reads, with its default. `.env.example` documents each one. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_BASE_URL: optionalUrl,
  ADMIN_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGNIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SIGNIN_RATE_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  API_TOKEN_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WEB_CHAT_RATE_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(2000),
  CAMPAIGN_LAUNCH_AT: optionalString.pipe(
    z.iso.datetime({ offset: true, local: true, message: 'must be an ISO date-time such as 2027-05-23T08:00' }).optional(),
  ),
  QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM-HH:MM, e.g. 21:00-07:00')
    .default('21:00-07:00'),
  BULK_DAILY_CAP: z.coerce.number().int().min(1).default(3),
  OUTBOX_TICK_MS: z.coerce.number().int().min(10).default(250),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  RATE_WEB: rate.default(0),
  RATE_TELEGRAM: rate.default(25),
  RATE_ZALO: rate.default(50),
  RATE_SMS: rate.default(1),
  SMS_PROVIDER: z.enum(['twilio', 'android']).optional(),
  SMS_KEEP_DIACRITICS: bool.default(false),
  CALC_DISCOUNT_RATE: z.coerce.number().min(0).max(0.05).default(0.0035),
  REPORT_SANITY_LIMIT: z.coerce.number().int().min(1).max(999).default(200),
  REPORT_REMINDER_AT: hhmm.default('16:30'),
  SUPERVISOR_DIGEST_AT: hhmm.default('18:00'),
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'may only contain A-Z, a-z, 0-9, _ and - (Telegram rule)').optional(),
  ),
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_POLLING: bool.default(false),
  ZALO_APP_ID: optionalString,
  ZALO_APP_SECRET: optionalString,
  ZALO_OA_SECRET_KEY: optionalString,
  ZALO_REFRESH_TOKEN: optionalString,
  ZALO_API_BASE: optionalUrl,
  ZALO_OAUTH_BASE: optionalUrl,
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_MESSAGING_SERVICE_SID: optionalString,
  TWILIO_FROM: optionalString,
  TWILIO_API_BASE: optionalUrl,
  ANDROID_SMS_URL: optionalUrl,
  ANDROID_SMS_USER: optionalString,
  ANDROID_SMS_PASSWORD: optionalString,
  ANDROID_SMS_SIGNING_KEY: optionalString,
});

export type Env = z.infer<typeof EnvSchema>;

/** The typed configuration every part of the service receives. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbPath: string;
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
  timezone: 'Asia/Ho_Chi_Minh';
  quietHours: { start: string; end: string };
  bulkDailyCap: number;
  outbox: { tickMs: number; maxAttempts: number };
  rates: { web: number; telegram: number; zalo: number; sms: number };
  sms: { provider: 'twilio' | 'android' | undefined; keepDiacritics: boolean };
  calculator: { discountRatePerMonth: number };
  reports: { sanityLimit: number; reminderAt: string; digestAt: string };
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
  const problems: { variable: string; message: string }[] = [];
  const need = (provider: string, names: (keyof Env)[]) => {
    for (const name of names) if (!env[name]) problems.push({ variable: name, message: `required when SMS_PROVIDER=${provider}` });
  };
  if (env.SMS_PROVIDER === 'twilio') {
    need('twilio', ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN']);
    if (!env.TWILIO_MESSAGING_SERVICE_SID && !env.TWILIO_FROM) {
      problems.push({ variable: 'TWILIO_FROM', message: 'set TWILIO_MESSAGING_SERVICE_SID or TWILIO_FROM when SMS_PROVIDER=twilio' });
    }
  }
  if (env.SMS_PROVIDER === 'android') need('android', ['ANDROID_SMS_URL', 'ANDROID_SMS_USER', 'ANDROID_SMS_PASSWORD']);
  if (problems.length > 0) throw new ConfigError(problems);
  const [quietStart, quietEnd] = env.QUIET_HOURS.split('-') as [string, string];
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    dbPath: `${env.DATA_DIR.replace(/\/$/, '')}/bhxh-outreach.db`,
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
    timezone: 'Asia/Ho_Chi_Minh',
    quietHours: { start: quietStart, end: quietEnd },
    bulkDailyCap: env.BULK_DAILY_CAP,
    outbox: { tickMs: env.OUTBOX_TICK_MS, maxAttempts: env.OUTBOX_MAX_ATTEMPTS },
    rates: { web: env.RATE_WEB, telegram: env.RATE_TELEGRAM, zalo: env.RATE_ZALO, sms: env.RATE_SMS },
    sms: { provider: env.SMS_PROVIDER, keepDiacritics: env.SMS_KEEP_DIACRITICS },
    calculator: { discountRatePerMonth: env.CALC_DISCOUNT_RATE },
    reports: { sanityLimit: env.REPORT_SANITY_LIMIT, reminderAt: env.REPORT_REMINDER_AT, digestAt: env.SUPERVISOR_DIGEST_AT },
    env,
  };
}
