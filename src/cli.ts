import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { closeDb, databaseLabel, openDatabase } from '../db/client.ts';
import { seedDefaults, seedOptions } from '../db/seed/seed.ts';
import { importUnits } from '../db/seed/units.ts';
import { contacts, units } from '../db/schema/index.ts';
import { createService } from './service.ts';
import { createLogger } from './core/log.ts';
import { resolveContact } from './core/contacts.ts';
import { toE164 } from './text/phone.ts';
import type { Address } from './core/message.ts';
import { parseArgs, type CliIo } from './cli-args.ts';

export { parseArgs, type CliIo } from './cli-args.ts';

const USAGE = `Usage: bhxh-outreach <command> [options]

Commands:
  serve                         start the service (HTTP, channels, outbox)
  migrate                       apply database migrations
  seed                          seed the default campaign and unit tree (idempotent)
  chat [--as resident|staff|supervisor] [--phone 09…] [--unit CODE]
                                chat with the bot in the terminal
  ask [--json] [--date=YYYY-MM-DD] "<question>"
                                answer one question (--stdin: one question per line; --date: as on that day)
  import-units <csv> [--dry-run] load a unit tree (code,name,type,level,parent_code[,target])
  import-staff <csv> [--dry-run] [--skip-bad]
  export-progress [--format csv|xlsx] [--out FILE]
  issue-link-code <phone>       one-time code (DK 123456) that links a Telegram/Zalo account to staff
  create-admin [--name N] [--email E | --phone P]
                                the first admin (asks for the password, or reads it from stdin)
  user add --name N --role admin|supervisor|consultant|viewer|staff --unit CODE [--email E] [--phone P] [--password-stdin]
  user list [--unit CODE] | user disable <id|login> | user reset-password <id|login>
  token create --user <id|login> [--label L] [--days N] | token list [--user <id|login>] | token revoke <id>
  create-admin-token --name N --role admin|supervisor|consultant|viewer --unit CODE
                                an API token for that user (created or reused), printed alone on one line
  telegram-set-webhook          register PUBLIC_BASE_URL/webhooks/telegram with the secret token
`;

function print(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

function config(io: CliIo): Config {
  return loadConfig(io.env);
}

/** Run one CLI command; resolves with the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(io);
      case 'migrate': {
        const cfg = config(io);
        await closeDb(await openDatabase(cfg));
        print(io.stdout, `migrations applied to ${databaseLabel(cfg)}`);
        return 0;
      }
      case 'seed': {
        const cfg = config(io);
        const db = await openDatabase(cfg);
        const { campaign, unitsImported } = await seedDefaults(db, seedOptions(cfg, new Date()));
        await closeDb(db);
        print(io.stdout, `campaign "${campaign.name}" launches ${campaign.launchAt.toISOString()}; ${unitsImported} units imported`);
        return 0;
      }
      case 'import-units': {
        const { positional, flags } = parseArgs(rest, ['dry-run']);
        const file = positional[0];
        const dryRun = flags['dry-run'] === true;
        if (!file) {
          print(io.stderr, 'usage: bhxh-outreach import-units <csv> [--dry-run]');
          return 2;
        }
        const cfg = config(io);
        const db = await openDatabase(cfg);
        const result = await importUnits(db, readFileSync(file, 'utf8'), { dryRun });
        await closeDb(db);
        if (result.bad.length > 0) {
          for (const b of result.bad) print(io.stderr, `line ${b.line}: ${b.reason}`);
          print(io.stderr, `nothing imported: ${result.bad.length} bad row(s)`);
          return 1;
        }
        print(io.stdout, `${dryRun ? 'dry run: would import' : 'imported'} ${result.imported} units (${result.added} new)`);
        return 0;
      }
      case 'chat':
        return await chat(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        print(io.stdout, USAGE);
        return command === undefined ? 2 : 0;
      default: {
        const extra = await import('./cli-extra.ts');
        const code = await extra.runExtraCommand(command, rest, io);
        if (code !== null) return code;
        print(io.stderr, `unknown command "${command}"\n\n${USAGE}`);
        return 2;
      }
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      print(io.stderr, err.message);
      return 1;
    }
    print(io.stderr, `error: ${(err as Error).message}`);
    return 1;
  }
}

async function serve(io: CliIo): Promise<number> {
  const cfg = config(io);
  const service = await createService(cfg);
  // Last line of defence: a stray rejected promise (a provider SDK, a timer) is logged, never fatal.
  process.on('unhandledRejection', (reason) => service.log.error({ err: reason }, 'unhandled promise rejection'));
  const port = await service.listen();
  service.log.info({ port, dataDir: cfg.dataDir }, `bhxh-outreach listening: web chat on http://localhost:${port}/`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      service.log.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await service.close();
  return 0;
}

/** Terminal chat: the same dispatcher and flows as every channel, replies printed as they are sent. */
async function chat(argv: string[], io: CliIo): Promise<number> {
  const { flags } = parseArgs(argv);
  const role = typeof flags['as'] === 'string' ? flags['as'] : 'resident';
  if (role !== 'resident' && role !== 'staff' && role !== 'supervisor') {
    print(io.stderr, '--as must be resident, staff or supervisor');
    return 2;
  }
  const cfg = config(io);
  const log = createLogger({ level: 'silent' });
  const service = await createService(cfg, { log, manualOutbox: true });
  const phone = typeof flags['phone'] === 'string' ? flags['phone'] : undefined;
  const e164 = phone ? toE164(phone) : null;
  if (phone && !e164) {
    print(io.stderr, `not a valid phone number: ${phone}`);
    await service.close();
    return 2;
  }
  // With a phone, the terminal speaks as that phone (its tel: address, replies printed here and recorded as
  // delivered, never sent by SMS): nothing new is linked. Without one, an anonymous web session of its own.
  const address: Address = e164 ? `tel:${e164}` : `web:cli-${randomUUID()}`;
  const channel = e164 ? 'sms' : 'web';
  if (e164) {
    const { contact } = await resolveContact(service.db, address, service.clock.now());
    if (role !== 'resident' || contact.role !== 'resident') {
      const unitCode = typeof flags['unit'] === 'string' ? flags['unit'] : (contact.unitCode ?? '001');
      const [unit] = await service.db.select({ code: units.code }).from(units).where(eq(units.code, unitCode));
      if (!unit) {
        print(io.stderr, `unknown unit code ${unitCode}`);
        await service.close();
        return 2;
      }
      if (contact.role === 'resident') {
        await service.db.update(contacts).set({ role, unitCode }).where(eq(contacts.id, contact.id));
      }
    }
  } else if (role !== 'resident') {
    print(io.stderr, '--as staff/supervisor needs --phone (staff are known by phone)');
    await service.close();
    return 2;
  }
  const [who] = phone ? await service.db.select().from(contacts).where(eq(contacts.phone, toE164(phone) ?? '')).limit(1) : [];
  print(io.stdout, `Chat as ${who?.role ?? role}${phone ? ` (${phone})` : ''}. Type a message; Ctrl-D to quit.`);
  const rl = createInterface({ input: io.stdin, terminal: false });
  for await (const line of rl) {
    const result = await service.dispatcher.handle({
      kind: 'text',
      channel,
      providerId: randomUUID(),
      from: address,
      text: line,
      receivedAt: service.clock.now(),
    }, { deliverNow: true });
    for (const reply of result.replies ?? []) {
      print(io.stdout, `bot> ${reply.text.replace(/\n/g, '\n     ')}`);
      (reply.quickReplies ?? []).forEach((q, i) => print(io.stdout, `     [${i + 1}] ${q}`));
    }
  }
  await service.close();
  return 0;
}

/** Write a buffer to a file or stdout (for exports). */
export function writeOutput(io: CliIo, data: Buffer | string, file: string | undefined): void {
  if (file) writeFileSync(file, data);
  else io.stdout.write(data);
}
