/** Streams the CLI writes to (tests pass their own). */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

/** Split argv into positional arguments and --flags (a flag followed by a value takes it unless it is boolean). */
export function parseArgs(argv: string[], booleans: readonly string[] = []): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) flags[name] = inline;
      else if (booleans.includes(name) || i + 1 >= argv.length || (argv[i + 1] ?? '').startsWith('--')) flags[name] = true;
      else flags[name] = argv[++i] ?? '';
    } else positional.push(a);
  }
  return { positional, flags };
}

/** A string flag's value, or undefined. */
export function flag(flags: Record<string, string | true>, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
