import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAsk } from '../../../tools/faq/ask.ts';
import { hasKb } from '../../../flows/faq/kb.ts';
import { fixtureIndex } from './support.ts';

const index = fixtureIndex();

function capture(): { out: { write(s: string): boolean }; text: () => string } {
  let buf = '';
  return {
    out: {
      write(s: string) {
        buf += s;
        return true;
      },
    },
    text: () => buf,
  };
}

async function ask(argv: string[], stdinText = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const out = capture();
  const err = capture();
  const code = await runAsk(argv, { stdin, stdout: out.out, stderr: err.out }, { index });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('the ask command', () => {
  it('prints exactly one JSON line with topic, entryId, confidence and answer', async () => {
    const r = await ask(['ask', '--json', 'hộ cận nghèo có được hỗ trợ ko']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(o)).toEqual(['topic', 'entryId', 'confidence', 'answer']);
    expect(o).toMatchObject({ topic: 'subsidy', entryId: 'subsidy-rates' });
    expect(typeof o['confidence']).toBe('number');
    expect(typeof o['answer']).toBe('string');
  });

  it('prints topic "unknown" and a null entryId for text it cannot place', async () => {
    const o = JSON.parse((await ask(['--json', 'bảo hiểm xyz abc'])).stdout) as Record<string, unknown>;
    expect(o).toMatchObject({ topic: 'unknown', entryId: null });
  });

  it('reads one question per line from stdin and prints one object per line, in order', async () => {
    const questions = ['hộ cận nghèo có được hỗ trợ ko', 'xin chào', '', 'rut bhxh 1 lan dc ko', 'đóng ở bưu điện được không'];
    const r = await ask(['ask', '--json', '--stdin'], `${questions.join('\n')}\n`);
    expect(r.code).toBe(0);
    const objs = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { topic: string; entryId: string | null });
    expect(objs.map((o) => o.topic)).toEqual(['subsidy', 'other', 'unknown', 'lump_sum', 'where_to_pay']);
    for (const o of objs) expect(Object.keys(o)).toEqual(['topic', 'entryId', 'confidence', 'answer']);
  });

  it('prints the answer text without --json', async () => {
    const r = await ask(['ask', 'hộ cận nghèo có được hỗ trợ ko']);
    expect(r.stdout.startsWith('{')).toBe(false);
    expect(r.stdout).toContain('ho tro');
  });

  it.runIf(hasKb())('loads the real knowledge base when no index is passed', async () => {
    const out = capture();
    const stdin = new PassThrough();
    stdin.end('');
    const code = await runAsk(['ask', '--json', 'toi 52 tuoi dong den 62 co luong huu khong'], { stdin, stdout: out.out });
    expect(code).toBe(0);
    const o = JSON.parse(out.text()) as { topic: string; entryId: string | null };
    expect(o.topic).toBe('pension_conditions');
    expect(o.entryId).not.toBeNull();
  });

  it('answers as on the day given by --date, and refuses a day that does not exist', async () => {
    if (hasKb()) {
      // The real knowledge base: this year's retirement age for a man with 16 years paid.
      const q = 'Tôi là nam, năm nay 60 tuổi, đã đóng BHXH 16 năm thì khi nào được lương hưu?';
      const on = async (day: string): Promise<string> => {
        const stdin = new PassThrough();
        stdin.end('');
        const out = capture();
        expect(await runAsk(['--json', `--date=${day}`, q], { stdin, stdout: out.out, stderr: capture().out })).toBe(0);
        return (JSON.parse(out.text()) as { answer: string }).answer;
      };
      expect(await on('2026-12-31')).toMatch(/nam, năm 2026: 61 tuổi 6 tháng/);
      expect(await on('2027-01-01')).toMatch(/nam, năm 2027: 61 tuổi 9 tháng/);
    }
    for (const bad of ['--date=2027-02-30', '--date=23/5/2027', '--date']) {
      const r = await ask([bad, 'câu hỏi']);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/usage: ask/);
    }
  });

  it('exits 2 with a usage line when there is no question', async () => {
    const r = await ask(['ask', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage/);
    expect(r.stdout).toBe('');
  });
});
