import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { buildFlows } from '../../../flows/index.ts';
import { startTestService, type TestService } from '../../support/service.ts';
import { addPerson, CAST } from './helpers.ts';

// These scripts go through the real service (POST /web/chat). They run once flows/index.ts registers the
// report, progress and link flows (see the report of the field-staff feature for the wiring).
const wired = buildFlows(loadConfig({})).flows.some((f) => f.id === 'report');

describe.skipIf(!wired)('field staff chat through POST /web/chat', () => {
  let t: TestService | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function start(): Promise<TestService> {
    // 2026-05-21 10:00 Asia/Ho_Chi_Minh
    t = await startTestService({ now: '2026-05-21T03:00:00Z' });
    for (const key of ['lan', 'tuan', 'minh', 'hoa'] as const) await addPerson(t.service.db, key, CAST[key]);
    return t;
  }

  it('takes a report, a confirmation, a correction and a progress request from a staff member', async () => {
    const s = await start();
    const lan = s.chat('lan');
    await lan.send('BC 12 20/5');
    expect(lan.text).toBe('Đã ghi nhận 12 người ngày 20/05 – Huyện Đông Anh: lũy kế 12/50 (24%)');
    await lan.send('BC 250');
    expect(lan.text).toContain('cao hơn mức thường gặp (200/ngày)');
    expect(lan.last[0]?.quickReplies).toEqual(['OK', 'Không']);
    await lan.send('OK');
    expect(lan.text).toBe('Đã ghi nhận 250 người ngày 21/05 – Huyện Đông Anh: lũy kế 262/50 (524%)');
    await lan.send('BC SUA 26');
    expect(lan.text).toBe('Đã sửa thành 26 người ngày 21/05 (trước: 250) – Huyện Đông Anh: lũy kế 38/50 (76%)');
    await lan.send('TIENDO');
    expect(lan.text).toBe('Tiến độ Huyện Đông Anh: lũy kế 38/50 (76%); hôm nay (21/05) 26.');
  });

  it('sums two staff of one district and shows the supervisor the province', async () => {
    const s = await start();
    await s.chat('lan').send('BC 12');
    const tuan = s.chat('tuan');
    await tuan.send('bc 8');
    expect(tuan.text).toContain('lũy kế 20/50 (40%)');
    const minh = s.chat('minh');
    await minh.send('tiến độ');
    expect(minh.text).toContain('Tiến độ Thành phố Hà Nội đến 21/05: 20/1.500 (1%)');
    expect(minh.text).toContain('Chưa báo hôm nay (29)');
  });

  it('counts a message sent twice with the same id once', async () => {
    const s = await start();
    const lan = s.chat('lan');
    await lan.send('BC 12', 'msg-1');
    await lan.send('BC 12', 'msg-1');
    await lan.send('TIENDO');
    expect(lan.text).toContain('lũy kế 12/50');
  });

  it('refuses a resident politely', async () => {
    const s = await start();
    const hoa = s.chat('hoa');
    await hoa.send('BC 12');
    expect(hoa.text).toContain('chỉ dành cho cán bộ');
  });
});
