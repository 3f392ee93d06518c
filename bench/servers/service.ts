// Child process for benchmarks: the whole service on a fresh SQLite file, printing its port on stdout.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { createService } from '../../src/service.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-bench-'));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const service = await createService(config);
const port = await service.listen(0, '127.0.0.1');
process.stdout.write(`PORT ${port}\n`);
process.on('SIGTERM', () => {
  void service.close().then(() => process.exit(0));
});
