import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/service.ts';

const TOKEN = 'bootstrap-token-0123456789';
let t: TestService;
beforeAll(async () => {
  t = await startTestService({ env: { ADMIN_TOKEN: TOKEN, UNIT_TREE: '2025-07' } });
});
afterAll(async () => {
  await t.close();
});

describe('the progress export on the tree in force since 1 July 2025', () => {
  it('labels commune rows as communes, never as districts', async () => {
    const csv = await (await fetch(`${t.url}/admin/progress.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
    expect(csv).toContain('Xã/phường,01,Thành phố Hà Nội,00004,Phường Ba Đình');
    expect(csv).not.toContain('Huyện,');
  });
});
