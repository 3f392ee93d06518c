import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/bhxh-outreach.js');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Start `serve` on a data folder; resolves once it listens, or with its exit code and stderr if it stops first. */
function serve(dataDir: string): Promise<{ listening: true } | { listening: false; code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' } });
  children.push(child);
  let stdout = '';
  let stderr = '';
  return new Promise((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += String(d);
      if (stdout.includes('listening')) resolve({ listening: true });
    });
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    child.on('exit', (code) => resolve({ listening: false, code, stderr }));
  });
}

describe('one instance per SQLite file', () => {
  it('refuses to start a second instance on the same data folder, pointing at PostgreSQL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bhxh-lock-'));
    expect(await serve(dir)).toEqual({ listening: true });
    const second = await serve(dir);
    expect(second.listening).toBe(false);
    if (second.listening) return;
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already running/);
    expect(second.stderr).toMatch(/PostgreSQL \(DATABASE_URL\)/);
  }, 60_000);

  it('starts again once the first instance was killed with SIGKILL (the OS drops the lock)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bhxh-lock-'));
    expect(await serve(dir)).toEqual({ listening: true });
    const first = children[0];
    first?.kill('SIGKILL');
    await new Promise((r) => first?.once('exit', r));
    expect(await serve(dir)).toEqual({ listening: true });
  }, 60_000);
});
