/**
 * Wait until `ok()` holds (checked every `everyMs`), or fail after `ms` naming `what`: for tests that watch real
 * processes, loops and timers rather than a fixed clock.
 */
export async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 10_000, everyMs = 10): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
