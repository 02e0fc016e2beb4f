// Watchlist hits counted and reconciled end to end: two listed values on one car are two hits,
// each decided at the booth; the handover workbook's 布控命中 column and summary, the supervisor's
// day view and the reconciliation workbook (read back cell by cell) all say so.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { expect, test } from '@playwright/test';
import { makeWatchEntry, makeWatchList } from '../../shared/watchlist/testFixtures';
import { BoothPage, residentId } from './pages/BoothPage';
import { decideWatchHit, exportReconciliation, openShiftWithWatchlists, saveVehicle, watchHit } from './pages/watchFlows';

const LISTED_ID = residentId('420102', '19850312', '123');
const list = makeWatchList({ name: '2月16日重点人员核查名单', source: '县疫情防控数据专班', fileName: '重点人员0216.xlsx' });
const person = makeWatchEntry(list, { name: '赵六', idNumber: LISTED_ID, phone: '13912345678', origin: '武汉', note: '2月10日自武汉返乡' });
const car = makeWatchEntry(list, { plate: '鄂A12345', origin: '武汉', note: '车主已居家隔离' });
const unseen = makeWatchEntry(list, { name: '孙八', idNumber: residentId('420102', '19700101', '045'), origin: '孝感' });

const rows = (wb: XLSX.WorkBook, name: string) => {
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`no sheet ${name}`);
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: '' });
};

test('hits are counted in the handover and the day view, and the reconciliation reads back cell by cell', async ({ page }) => {
  const booth = new BoothPage(page);
  await openShiftWithWatchlists(booth, [list], [person, car, unseen]);

  await booth.registerVehicle(
    {
      plate: 'e a12345',
      origin: '武汉',
      destination: '南江县城',
      keyArea: true,
      people: [{ name: '赵六', id: LISTED_ID, phone: '13900001111', temp: '36.6' }],
    },
    { save: false },
  );
  await decideWatchHit(booth, watchHit(booth, '车牌 鄂A12345'), { status: 'met', note: '车辆已查验' });
  await decideWatchHit(booth, watchHit(booth, '赵六'), { status: 'followUp', note: '通知社区 13312345678 回访' });
  await saveVehicle(booth, '鄂A12345', 1);
  await booth.registerVehicle({ plate: 'a54321', origin: '巴中', destination: '南江', people: [{ name: '王五', id: residentId('511902', '19900307', '223'), phone: '13800138000', temp: '36.5' }] });

  // ---- the handover workbook: the 布控命中 column and the summary's count ----
  const download = await booth.exportHandover();
  const handover = XLSX.read(readFileSync(await download.path()), { type: 'buffer' });
  const vehicles = rows(handover, '车辆登记');
  const hitCol = (vehicles[0] as string[]).indexOf('布控命中');
  const plateCol = (vehicles[0] as string[]).indexOf('车牌号');
  expect(Object.fromEntries(vehicles.slice(1).map((r) => [r[plateCol], r[hitCol]]))).toEqual({ 鄂A12345: '2', 川A54321: '0' });
  const summary = rows(handover, '交接汇总');
  const hitsRow = summary.find((r) => r.includes('布控命中'));
  expect(hitsRow?.[hitsRow.indexOf('布控命中') + 1]).toBe('2');
  await booth.page.keyboard.press('Escape');

  // ---- the supervisor's day view ----
  await booth.openSupervisor();
  await expect(page.getByTestId('day-total-南江南高速出口卡点-watchlistHits')).toHaveText('2');

  // ---- reconciliation, masked ----
  const file = await exportReconciliation(booth);
  expect(file.suggestedFilename()).toMatch(/^布控名单对账_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = XLSX.read(readFileSync(await file.path()), { type: 'buffer' });
  expect(wb.SheetNames).toEqual(['对账汇总', '名单明细']);
  expect(rows(wb, '对账汇总')).toEqual([
    ['名单', '来源', '下发日期', '版本', '名单状态', '条目数', '已核查', '待跟进', '未见到', '核查率', '命中次数', '文件'],
    ['2月16日重点人员核查名单', '县疫情防控数据专班', '2020-02-16', '1', '有效', '3', '1', '1', '1', '33.3%', '2', '重点人员0216.xlsx'],
    ['合计', '1 份名单', '', '', '', '3', '1', '1', '1', '33.3%', '2', ''],
  ]);
  const detail = rows(wb, '名单明细');
  expect(detail[0]).toEqual(['名单', '序号', '姓名', '身份证号', '手机号', '车牌号', '来源地', '名单备注', '核查状态', '核查时间', '核查卡点', '核查人', '核查备注', '核查次数', '在现行名单']);
  const byName = (n: string, plate = '') => detail.find((r) => r[2] === n && (plate === '' || r[5] === plate));
  const mask = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
  expect(byName('赵六')?.slice(2, 9)).toEqual(['赵六', mask(LISTED_ID), '139****5678', '', '武汉', '2月10日自武汉返乡', '待跟进']);
  expect(byName('赵六')?.[9]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(byName('赵六')?.slice(10)).toEqual(['南江南高速出口卡点', '王医生', '通知社区 133****5678 回访', '1', '是']);
  expect(byName('', '鄂A12345')?.slice(8)).toEqual(['已核查', byName('赵六')?.[9], '南江南高速出口卡点', '王医生', '车辆已查验', '1', '是']);
  expect(byName('孙八')?.slice(8)).toEqual(['未见到', '', '', '', '', '0', '是']);
  expect(JSON.stringify(detail)).not.toContain(LISTED_ID);
});
