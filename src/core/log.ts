import { pino, type Logger as PinoLogger, type LoggerOptions } from 'pino';

/** The service logger (pino). Personal data and secrets are masked before they are written. */
export type Logger = PinoLogger;

// +84912345678, 0912345678, 84912345678 → keep the first 3 and last 2 digits.
const PHONE = /(\+?84|0)(\d{2})\d{5,6}(\d{2})\b/g;
// Telegram bot tokens (123456:ABC…), long hex/base64-ish secrets in URLs or headers.
const BOT_TOKEN = /(?<![0-9])\d{6,12}:[A-Za-z0-9_-]{30,}/g;
const SECRET_PARAM = /((?:token|secret|password|key|signature|access_token|refresh_token)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi;

// A password inside a URL (postgres://user:password@host/db, as DATABASE_URL carries one).
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s/]+@/gi;

/** Mask phone numbers and secrets in free text. */
export function maskText(text: string): string {
  return text
    .replace(URL_PASSWORD, '$1***@')
    .replace(BOT_TOKEN, '***:***')
    .replace(SECRET_PARAM, '$1***')
    .replace(PHONE, (_m, p: string, a: string, b: string) => `${p}${a}*****${b}`);
}

/** Mask an address (`tel:+84912345678` → `tel:+8491*****78`); provider ids of chat apps are kept. */
export function maskAddress(address: string): string {
  return address.startsWith('tel:') ? maskText(address) : address;
}

const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-twilio-signature"]',
  'req.headers["x-zevent-signature"]',
  'req.headers["x-signature"]',
  'req.headers.access_token',
  'req.headers.secret_key',
  'req.headers.cookie',
  '*.phone',
  '*.text',
  '*.name',
  '*.token',
  '*.password',
];

/** Create the service logger. `destination` lets tests capture output and check that secrets never reach it. */
export function createLogger(opts: { level: string; destination?: NodeJS.WritableStream }): Logger {
  const options: LoggerOptions = {
    level: opts.level,
    redact: { paths: REDACT_PATHS, censor: '***' },
    hooks: {
      // Mask what slips into message strings, e.g. an error message quoting a URL or a phone number.
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as typeof args;
        method.apply(this, masked);
      },
    },
    formatters: {
      log(obj) {
        const err = obj['err'];
        if (err instanceof Error) {
          return { ...obj, err: { type: err.name, message: maskText(err.message), stack: err.stack ? maskText(err.stack) : undefined } };
        }
        return obj;
      },
    },
  };
  return opts.destination ? pino(options, opts.destination as pino.DestinationStream) : pino(options);
}
