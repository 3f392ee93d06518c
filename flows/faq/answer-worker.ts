// An answer worker (worker_threads): builds the FAQ index from the knowledge base once, then answers the texts the
// event loop sends it. See answer-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { answerQuestion } from './answer.ts';
import { toWire } from './answer-wire.ts';
import { loadKb } from './kb.ts';
import { buildFaqIndex } from './search-index.ts';

const port = parentPort;
if (!port) throw new Error('answer-worker: run me as a worker thread');
const { kbDir } = workerData as { kbDir?: string };
const index = buildFaqIndex(loadKb(kbDir));
port.on('message', (m: { id: number; text: string; day: string }) => {
  try {
    port.postMessage({ id: m.id, answer: toWire(answerQuestion(index, m.text, undefined, {}, m.day)) });
  } catch (err) {
    port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
port.postMessage({ ready: true });
