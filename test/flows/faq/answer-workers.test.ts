import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundMessages } from '../../../db/schema/index.ts';
import { answerWorkerStats } from '../../../flows/index.ts';
import { startTestService, type TestService } from '../../support/service.ts';
import { until } from '../../support/until.ts';
import { readJsonl } from './support.ts';

const questions = readJsonl<{ q: string }>('advice-dev.jsonl')
  .slice(0, 12)
  .map((c) => c.q);

describe('the service with answer workers (FAQ_WORKERS=1)', () => {
  let withWorkers: TestService;
  let onLoop: TestService;
  beforeAll(async () => {
    withWorkers = await startTestService({ env: { FAQ_WORKERS: '1' } });
    onLoop = await startTestService({ env: { FAQ_WORKERS: '0' } });
    await until('the answer worker to be ready', () => answerWorkerStats()?.ready === 1, 15_000);
  });
  afterAll(async () => {
    await withWorkers?.close();
    await onLoop?.close();
  });

  it('answers residents through the web chat exactly as without workers, the answers computed on a worker', async () => {
    const before = answerWorkerStats()!.answered;
    for (const [i, q] of questions.entries()) {
      const a = await withWorkers.chat(`w${i}`).send(q);
      const b = await onLoop.chat(`l${i}`).send(q);
      expect(a, q).toEqual(b);
      expect(a[0]?.text.length, q).toBeGreaterThan(40);
    }
    expect(answerWorkerStats()!.answered - before).toBe(questions.length);
  });

  it("keeps a person's messages in the order they came, though the question waits for its worker and the next does not", async () => {
    const d = withWorkers.service.dispatcher;
    const from = 'web:order';
    const event = (providerId: string, text: string) =>
      ({ kind: 'text', channel: 'web', providerId, from, text, receivedAt: withWorkers.clock.now() }) as const;
    // Submitted one after the other without waiting, as two webhooks arriving together would be.
    const first = d.submit(event('o1', questions[0]!), { deliverNow: true });
    const second = d.submit(event('o2', 'menu'), { deliverNow: true });
    const [a, b] = await Promise.all([first, second]);
    expect(a.replies?.[0]?.text.length).toBeGreaterThan(40);
    expect(b.replies?.[0]?.quickReplies?.length).toBeGreaterThan(2);
    const stored = await withWorkers.service.db
      .select({ text: inboundMessages.text })
      .from(inboundMessages)
      .where(eq(inboundMessages.address, from))
      .orderBy(asc(inboundMessages.id));
    expect(stored.map((r) => r.text)).toEqual([questions[0], 'menu']);
  });
});
