import { runCli } from './cli.ts';

/** Entry point: `bhxh-outreach <command>` (see src/cli.ts). */
const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
