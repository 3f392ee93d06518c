import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../src/cli.ts';

function io(lines: string[], env: Record<string, string>): { io: CliIo; out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += String(d)));
  stderr.on('data', (d) => (err += String(d)));
  return { io: { stdin: Readable.from(lines.map((l) => `${l}\n`)), stdout, stderr, env }, out: () => out, err: () => err };
}

function tempEnv() {
  return { DATA_DIR: mkdtempSync(join(tmpdir(), 'bhxh-cli-')), LOG_LEVEL: 'silent', UNIT_TREE: '2025-03' };
}

describe('terminal chat', () => {
  it('chats as a resident through the same flows as every channel', async () => {
    const t = io(['menu', '4', 'đồng ý'], tempEnv());
    expect(await runCli(['chat'], t.io)).toBe(0);
    expect(t.out()).toMatch(/bot> Chào anh\/chị/);
    expect(t.out()).toMatch(/\[4\] Đăng ký nhận tin/);
    expect(t.out()).toMatch(/bot> Cảm ơn anh\/chị đã đăng ký nhận tin/);
  });

  it('chats as staff known by phone', async () => {
    const t = io(['menu'], tempEnv());
    expect(await runCli(['chat', '--as', 'staff', '--phone', '0912345678', '--unit', '017'], t.io)).toBe(0);
    expect(t.out()).toMatch(/cán bộ/);
  });

  it('refuses staff chat without a phone', async () => {
    const t = io([], tempEnv());
    expect(await runCli(['chat', '--as', 'staff'], t.io)).toBe(2);
    expect(t.err()).toMatch(/needs --phone/);
  });
});

describe('cli', () => {
  it('prints config errors that name the variable and exits 1', async () => {
    const t = io([], { PORT: 'abc' });
    expect(await runCli(['migrate'], t.io)).toBe(1);
    expect(t.err()).toMatch(/PORT/);
  });

  it('imports units and reports bad rows without importing', async () => {
    const env = tempEnv();
    const file = join(env.DATA_DIR, 'u.csv');
    writeFileSync(file, 'code,name,type,level,parent_code\n01,Hà Nội,Thành phố,province,\n001,Ba Đình,Quận,district,77\n');
    const bad = io([], env);
    expect(await runCli(['import-units', file], bad.io)).toBe(1);
    expect(bad.err()).toMatch(/line 3: unknown parent_code 77/);
    writeFileSync(file, 'code,name,type,level,parent_code\n01,Hà Nội,Thành phố,province,\n001,Ba Đình,Quận,district,01\n');
    const good = io([], env);
    expect(await runCli(['import-units', file], good.io)).toBe(0);
    expect(good.out()).toMatch(/imported 2 units/);
  });

  it('answers an unknown command with usage and exit code 2', async () => {
    const t = io([], tempEnv());
    expect(await runCli(['frobnicate'], t.io)).toBe(2);
    expect(t.err()).toMatch(/Usage/);
  });
});

describe('staff commands', () => {
  const csv = 'name,phone,unit_code,role\nNguyễn Thị Lan,0912345678,017,staff\nTrần Văn Minh,0987654321,01,supervisor\n';

  it('imports staff, then a staff member reports from the terminal chat, then the export shows it', async () => {
    // A campaign that has started, so today's report is accepted.
    const env = { ...tempEnv(), CAMPAIGN_LAUNCH_AT: '2026-05-23T08:00' };
    const file = join(env.DATA_DIR, 'staff.csv');
    writeFileSync(file, csv);
    const imp = io([], env);
    expect(await runCli(['import-staff', file], imp.io)).toBe(0);
    expect(imp.out()).toMatch(/imported 2 new/);
    const chat = io(['BC 12'], env);
    expect(await runCli(['chat', '--phone', '0912345678'], chat.io)).toBe(0);
    expect(chat.out()).toMatch(/Đã ghi nhận 12 người/);
    const out = join(env.DATA_DIR, 'p.csv');
    const exp = io([], env);
    expect(await runCli(['export-progress', '--format', 'csv', '--out', out], exp.io)).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(out, 'utf8')).toMatch(/Huyện Đông Anh/);
  });

  it('lists every bad row and imports nothing unless --skip-bad', async () => {
    const env = tempEnv();
    const file = join(env.DATA_DIR, 'staff.csv');
    writeFileSync(file, `${csv}Bad Phone,12345,017,staff\nNo Unit,0911111111,999,staff\n`);
    const dry = io([], env);
    expect(await runCli(['import-staff', file, '--dry-run'], dry.io)).toBe(1);
    expect(dry.err()).toMatch(/line 4:/);
    expect(dry.err()).toMatch(/line 5:/);
    const skip = io([], env);
    expect(await runCli(['import-staff', file, '--skip-bad'], skip.io)).toBe(0);
    expect(skip.out()).toMatch(/imported 2 new/);
  });

  it('issues a one-time link code for a staff phone', async () => {
    const env = tempEnv();
    const file = join(env.DATA_DIR, 'staff.csv');
    writeFileSync(file, csv);
    await runCli(['import-staff', file], io([], env).io);
    const t = io([], env);
    expect(await runCli(['issue-link-code', '0912345678'], t.io)).toBe(0);
    expect(t.out()).toMatch(/^DK \d{6}$/m);
  });
});

describe('admin tokens', () => {
  it('prints the token alone on stdout, stores it hashed, and refuses an unknown unit', async () => {
    const env = tempEnv();
    const t = io([], env);
    expect(await runCli(['create-admin-token', '--name', 'BHXH Hà Nội', '--role', 'supervisor', '--unit', '01'], t.io)).toBe(0);
    const lines = t.out().trim().split('\n');
    expect(lines).toHaveLength(1);
    const token = lines[0] ?? '';
    expect(token).toMatch(/^bhxh_[A-Za-z0-9_-]{32}$/);
    const { openDb } = await import('../../db/client.ts');
    const { adminTokens, adminUsers } = await import('../../db/schema/index.ts');
    const db = openDb(join(env.DATA_DIR, 'bhxh-outreach.db'));
    expect(JSON.stringify(await db.select().from(adminTokens))).not.toContain(token);
    db.$client.close();
    const again = io([], env);
    expect(await runCli(['create-admin-token', '--name', 'BHXH Hà Nội', '--role', 'supervisor', '--unit', '01'], again.io)).toBe(0);
    const db2 = openDb(join(env.DATA_DIR, 'bhxh-outreach.db'));
    expect(await db2.select().from(adminUsers)).toHaveLength(1);
    db2.$client.close();
    const bad = io([], env);
    expect(await runCli(['create-admin-token', '--name', 'X', '--role', 'viewer', '--unit', '9999'], bad.io)).toBe(1);
    expect(bad.err()).toMatch(/unknown unit code 9999/);
  });
});
