import { readFileSync, writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { parseArgs, type CliIo } from './cli-args.ts';
import { loadConfig } from './config.ts';
import { closeDb, openDatabase, type Db } from '../db/client.ts';
import { seedDefaults, seedOptions } from '../db/seed/seed.ts';
import { contacts } from '../db/schema/index.ts';
import { toE164 } from './text/phone.ts';

/**
 * Commands that live beside their feature (ask, import-staff, export-progress, telegram-set-webhook).
 * Returns null for an unknown command.
 */
export async function runExtraCommand(command: string, argv: string[], io: CliIo): Promise<number | null> {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const withDb = async <T>(fn: (db: Db) => Promise<T> | T): Promise<T> => {
    const config = loadConfig(io.env);
    const db = await openDatabase(config);
    try {
      await seedDefaults(db, seedOptions(config, new Date()));
      return await fn(db);
    } finally {
      await closeDb(db);
    }
  };
  switch (command) {
    case 'ask': {
      const { runAsk } = await import('../tools/faq/ask.ts');
      return runAsk(argv, { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr });
    }
    case 'import-staff': {
      const { positional, flags } = parseArgs(argv, ['dry-run', 'skip-bad']);
      const file = positional[0];
      if (!file) {
        err('usage: bhxh-outreach import-staff <csv> [--dry-run] [--skip-bad]');
        return 2;
      }
      const { importStaff } = await import('../flows/report/import-staff.ts');
      const text = readFileSync(file, 'utf8');
      const dryRun = flags['dry-run'] === true;
      const skipBad = flags['skip-bad'] === true;
      const result = await withDb((db) => importStaff(db, text, { dryRun, skipBad, now: new Date() }));
      for (const b of result.bad) err(`line ${b.line}: ${b.reason}`);
      if (result.bad.length > 0 && !skipBad) {
        err(`nothing imported: ${result.bad.length} bad row(s)${dryRun ? '' : ' (fix them, or use --skip-bad)'}`);
        return 1;
      }
      out(`${dryRun ? 'dry run: would import' : 'imported'} ${result.imported} new, ${result.updated} updated${result.bad.length > 0 ? `, skipped ${result.bad.length} bad row(s)` : ''}`);
      return 0;
    }
    case 'export-progress': {
      const { flags } = parseArgs(argv);
      const format = flags['format'] === undefined ? 'csv' : flags['format'];
      if (format !== 'csv' && format !== 'xlsx') {
        err('--format must be csv or xlsx');
        return 2;
      }
      const { exportProgress } = await import('../flows/report/export-progress.ts');
      const config = loadConfig(io.env);
      const db = await openDatabase(config);
      try {
        const data = await exportProgress(db, { format, now: new Date() });
        if (typeof flags['out'] === 'string') writeFileSync(flags['out'], data);
        else if (format === 'xlsx' && (io.stdout as NodeJS.WriteStream).isTTY) {
          err('xlsx is binary: use --out FILE or redirect the output');
          return 2;
        } else io.stdout.write(data);
      } finally {
        await closeDb(db);
      }
      return 0;
    }
    case 'issue-link-code': {
      const raw = argv[0];
      const phone = raw ? toE164(raw) : null;
      if (!phone) {
        err('usage: bhxh-outreach issue-link-code <staff phone>');
        return 2;
      }
      const { issueLinkCode } = await import('../db/queries/staff.ts');
      const code = await withDb(async (db) => {
        const [staff] = await db.select().from(contacts).where(eq(contacts.phone, phone)).limit(1);
        return staff && staff.role !== 'resident' ? issueLinkCode(db, staff.id, new Date()) : null;
      });
      if (!code) {
        err('no staff member with that phone: import staff first');
        return 1;
      }
      out(`DK ${code}`);
      out('The staff member sends this from Telegram or Zalo within 7 days to link that account.');
      return 0;
    }
    case 'telegram-set-webhook': {
      const { setTelegramWebhook } = await import('../bots/telegram/index.ts');
      const url = await setTelegramWebhook(loadConfig(io.env));
      io.stdout.write(`Telegram webhook set to ${url} (with the secret token)\n`);
      return 0;
    }
    default: {
      const { runAccountCommand } = await import('./cli-accounts.ts');
      return runAccountCommand(command, argv, io);
    }
  }
}
