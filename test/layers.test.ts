import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');

/** Run dependency-cruiser with the project's rules; resolves with its exit code and report. */
async function cruise(cwd: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(DEPCRUISE, ['src', 'db', 'flows', 'bots', 'tools', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('layers point one way (db ← core ← flows, bots ← composition root)', () => {
  it('has no forbidden or circular import in the source tree', async () => {
    const { code, out } = await cruise(ROOT);
    expect(out).toContain('no dependency violations');
    expect(code).toBe(0);
  }, 120_000);

  it('reports a file in db/ that imports from src/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layers-'));
    try {
      copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
      writeFileSync(join(dir, 'tsconfig.json'), '{"compilerOptions":{"allowImportingTsExtensions":true,"noEmit":true}}');
      for (const d of ['src/core', 'db', 'flows', 'bots', 'tools']) mkdirSync(join(dir, d), { recursive: true });
      writeFileSync(join(dir, 'src/core/thing.ts'), 'export const thing = 1;\n');
      writeFileSync(join(dir, 'db/bad.ts'), "import { thing } from '../src/core/thing.ts';\nexport const bad = thing;\n");
      const { code, out } = await cruise(dir);
      expect(out).toContain('db-imports-nothing-above: db/bad.ts → src/core/thing.ts');
      expect(code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
