import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../flows/faq/answer.ts';
import { createAnswerPool } from '../../../flows/faq/answer-pool.ts';
import { fromWire, toWire, type WireAnswer } from '../../../flows/faq/answer-wire.ts';
import { buildFaqIndex } from '../../../flows/faq/search-index.ts';
import { loadKb } from '../../../flows/faq/kb.ts';
import { stripDiacritics } from '../../../src/text/vietnamese.ts';
import { until } from '../../support/until.ts';

import { readJsonl, DAY } from './support.ts';

// The real knowledge base, as the service's flows and the workers both read it.
const index = buildFaqIndex(loadKb());
const questions = readJsonl<{ q: string }>('advice-regress.jsonl')
  .slice(0, 20)
  .map((c) => c.q);

describe('answer workers (worker threads holding the index)', () => {
  const pool = createAnswerPool({ size: 1 });
  afterAll(() => pool.close());

  it('answer exactly as the event loop would, as written and without diacritics', async () => {
    await until('the answer worker to be ready', () => pool.stats().ready === 1, 15_000);
    for (const q of [...questions, ...questions.map(stripDiacritics), 'xin chào', 'giá vàng hôm nay bao nhiêu']) {
      const wire = await pool.answer(q, DAY);
      expect(wire, q).not.toBeNull();
      expect(fromWire(index, wire!), q).toEqual(answerQuestion(index, q, undefined, {}, DAY));
    }
    expect(pool.stats().answered).toBeGreaterThanOrEqual(questions.length * 2 + 2);
  });

  it('hand a text back (null) beyond their queue, so that the caller answers it itself', async () => {
    const small = createAnswerPool({ size: 1, maxQueue: 2 });
    try {
      await until('the answer worker to be ready', () => small.stats().ready === 1, 15_000);
      const all = await Promise.all(questions.slice(0, 6).map((q) => small.answer(q, DAY)));
      expect(all.filter((a) => a !== null)).toHaveLength(2);
      expect(small.stats().handedBack).toBe(4);
    } finally {
      await small.close();
    }
  });

  it('report a worker that cannot start, try again a bounded number of times, and hand every text back', async () => {
    const errors: unknown[] = [];
    const broken = createAnswerPool({ size: 1, kbDir: '/nonexistent/kb', onError: (e) => errors.push(e) });
    try {
      await until('the broken worker to fail', () => errors.length >= 1, 15_000);
      // Each text finds no ready worker: handed back at once, while the dead worker is started again (3 times at most).
      for (let i = 0; i < 10; i++) {
        expect(await broken.answer(questions[0]!, DAY)).toBeNull();
        await until('the worker to be gone', () => broken.stats().workers === 0, 15_000);
      }
      expect(errors.length).toBe(4);
      expect(String(errors[0])).toMatch(/exited with code 1|nonexistent/);
      expect(broken.stats().answered).toBe(0);
    } finally {
      await broken.close();
    }
  });

  it('never keep the process alive: a process that started a pool and has nothing else to do exits', () => {
    const script = `import('./flows/faq/answer-pool.ts').then((m) => { m.createAnswerPool({ size: 1 }); console.log('started'); })`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(import.meta.dirname, '../../..'), timeout: 20_000, encoding: 'utf8' });
    expect(r.error).toBeUndefined(); // not killed by the timeout
    expect(r.stdout).toContain('started');
    expect(r.status).toBe(0);
  });

  it('hand texts back once closed', async () => {
    const closing = createAnswerPool({ size: 1 });
    await closing.close();
    expect(await closing.answer(questions[0]!, DAY)).toBeNull();
    expect(closing.stats()).toMatchObject({ workers: 0, ready: 0 });
  });

  it('carry no knowledge-base object across threads, only ids, and refuse ids this index does not have', () => {
    const a = answerQuestion(index, questions[0]!);
    const wire = JSON.parse(JSON.stringify(toWire(a))) as WireAnswer;
    expect(JSON.stringify(wire)).not.toContain('"questions"');
    expect(fromWire(index, wire)).toEqual(a);
    expect(fromWire(index, { ...wire, entryId: 'no.such.entry' })).toBeNull();
  });
});

