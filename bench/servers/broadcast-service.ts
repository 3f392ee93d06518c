// Child process for the broadcast benchmark: the whole service on a SQLite file seeded with N subscribed residents
// (BENCH_RESIDENTS), printing its port on stdout once ready.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, openDb } from '../../db/client.ts';
import { seedDefaults } from '../../db/seed/seed.ts';
import { loadConfig } from '../../src/config.ts';
import { createService } from '../../src/service.ts';
import { seedResidents } from './broadcast-seed.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-bench-bcs-'));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const db = openDb(config.dbPath);
await seedDefaults(db, { now: new Date() });
await seedResidents(db, Number(process.env['BENCH_RESIDENTS'] ?? 1_000_000));
await closeDb(db);
const service = await createService(config);
const port = await service.listen(0, '127.0.0.1');
process.stdout.write(`PORT ${port}\n`);
process.on('SIGTERM', () => {
  void service.close().then(() => process.exit(0));
});
