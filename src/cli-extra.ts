import type { CliIo } from './cli.ts';
import { loadConfig } from './config.ts';

/**
 * Commands that live beside their feature (ask, import-staff, export-progress, telegram-set-webhook).
 * Returns null for an unknown command.
 */
export async function runExtraCommand(command: string, _argv: string[], io: CliIo): Promise<number | null> {
  switch (command) {
    case 'telegram-set-webhook': {
      const { setTelegramWebhook } = await import('../bots/telegram/index.ts');
      const url = await setTelegramWebhook(loadConfig(io.env));
      io.stdout.write(`Telegram webhook set to ${url} (with the secret token)\n`);
      return 0;
    }
    default:
      return null;
  }
}
