// The reconciliation job end to end in storage: lists and entries in (fake) IndexedDB, the job
// opens the database by name like the worker does, and the bytes are read back cell by cell.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { makeWatchEntry, makeWatchList } from '../../../shared/watchlist/testFixtures';
import { DETAIL_HEADER, SUMMARY_HEADER } from '../../../shared/watchlist/reconciliation';
import type { CheckpointDB } from '../db/db';
import { withTestDb } from '../db/testing';
import { JobFailure, watchReconciliationJob } from './jobs';

const ID = '34052419800101001X';
// A fresh named database per test (no shift in it), closed after the test.
let db: CheckpointDB;
withTestDb((c) => ({ db } = c), false);

/** Two lists (one retired) and four entries: met, open, dropped from the current version, follow-up. */
async function seeded() {
  const a = makeWatchList({ name: '甲名单', version: 2, fileName: '甲.xlsx' });
  const b = makeWatchList({ name: '乙名单', status: 'retired' });
  const met = makeWatchEntry(a, { name: '赵六', idNumber: ID, phone: '13912345678', origin: '武汉', note: '自武汉返乡' });
  met.status = 'met';
  met.resolutions = [{ status: 'met', at: Date.UTC(2020, 1, 17, 2, 5), by: '李警官', checkpoint: '南江南卡点', note: '本人 13312345678', hitId: 'h1' }];
  const open = makeWatchEntry(a, { plate: '鄂A12345' });
  const dropped = makeWatchEntry(a, { plate: '鄂A00001', current: 0 });
  const follow = makeWatchEntry(b, { name: '钱七', phone: '13712345678' });
  follow.status = 'followUp';
  follow.resolutions = [{ status: 'followUp', at: Date.UTC(2020, 1, 17, 3, 0), by: '王医生', checkpoint: '黄许卡点', note: '通知社区', hitId: 'h2' }];
  await db.watchLists.bulkAdd([a, b]);
  await db.watchEntries.bulkAdd([met, open, dropped, follow]);
}

const cells = (bytes: Uint8Array, sheet: string) => {
  const wb = XLSX.read(bytes, { type: 'array', cellDates: false });
  const ws = wb.Sheets[sheet];
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: '' });
};

describe('watchReconciliationJob', () => {
  const base = { op: 'watchReconciliation' as const, exportedAt: Date.UTC(2020, 1, 17, 8), tzOffsetMinutes: 480 };

  it('lists every entry with status, when, where, by whom, and each list’s totals, masked', async () => {
    await seeded();
    const file = await watchReconciliationJob({ ...base, dbName: db.name, actor: { name: '李警官', role: 'staff' }, fullIds: false });
    expect(file.fileName).toMatch(/^布控名单对账_2020-02-17\.xlsx$/);
    const summary = cells(file.bytes, '对账汇总');
    expect(summary[0]).toEqual(SUMMARY_HEADER);
    expect(summary.slice(1).map((r) => r.slice(0, 11))).toEqual([
      ['甲名单', '县疫情防控数据专班', '2020-02-16', '2', '有效', '2', '1', '0', '1', '50.0%', '1'],
      ['乙名单', '县疫情防控数据专班', '2020-02-16', '1', '已停用', '1', '0', '1', '0', '0.0%', '1'],
      ['合计', '2 份名单', '', '', '', '3', '1', '1', '1', '33.3%', '2'],
    ]);
    const detail = cells(file.bytes, '名单明细');
    expect(detail[0]).toEqual(DETAIL_HEADER);
    expect(detail.slice(1)).toEqual([
      ['甲名单', '1', '赵六', '340524********001X', '139****5678', '', '武汉', '自武汉返乡', '已核查', '2020-02-17 10:05', '南江南卡点', '李警官', '本人 133****5678', '1', '是'],
      ['甲名单', '2', '', '', '', '鄂A12345', '', '', '未见到', '', '', '', '', '0', '是'],
      ['甲名单', '3', '', '', '', '鄂A00001', '', '', '未见到', '', '', '', '', '0', '已移出'],
      ['乙名单', '1', '钱七', '', '137****5678', '', '', '', '待跟进', '2020-02-17 11:00', '黄许卡点', '王医生', '通知社区', '1', '是'],
    ]);
    expect(JSON.stringify(detail)).not.toContain(ID);
  });

  it('writes full IDs and phones only for a lead or admin', async () => {
    await seeded();
    await expect(watchReconciliationJob({ ...base, dbName: db.name, actor: { name: '李警官', role: 'staff' }, fullIds: true })).rejects.toBeInstanceOf(JobFailure);
    const file = await watchReconciliationJob({ ...base, dbName: db.name, actor: { name: '王队长', role: 'lead' }, fullIds: true });
    expect(file.fileName).toBe('布控名单对账_2020-02-17_含完整证件号码.xlsx');
    expect(cells(file.bytes, '名单明细')[1]?.slice(3, 5)).toEqual([ID, '13912345678']);
  });

  it('says so when there is no list', async () => {
    await expect(watchReconciliationJob({ ...base, dbName: db.name, actor: null, fullIds: false })).rejects.toThrow(/No watchlists/);
  });
});
