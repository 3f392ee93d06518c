import type { CliIo } from './cli.ts';

/**
 * Commands that live beside their feature (ask, import-staff, export-progress, telegram-set-webhook).
 * Returns null for an unknown command.
 */
export async function runExtraCommand(command: string, _argv: string[], io: CliIo): Promise<number | null> {
  switch (command) {
    default:
      void io;
      return null;
  }
}
