import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { createService } from '../src/service.ts';
const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'p-')), LOG_LEVEL: 'warn' });
const s = createService(config, { manualOutbox: true });
const n = 6000;
for (let i = 0; i < 2000; i++) s.dispatcher.handle({ kind: 'text', channel: 'web', providerId: 'w' + i, from: `web:s${i % 2000}`, text: 'menu', receivedAt: new Date() }, { deliverNow: true });
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  s.dispatcher.handle({ kind: 'text', channel: 'web', providerId: 'x' + i, from: `web:s${i % 2000}`, text: Math.floor(i / 2000) % 2 === 0 ? '1' : 'menu', receivedAt: new Date() }, { deliverNow: true });
}
console.log('dispatch per msg µs', Math.round(((performance.now() - t0) / n) * 1000));
await s.close();
