// The supervisor's district summary end to end: three booths' handover workbooks (made here with
// the app's own builders, as the booths would have exported them) imported from "USB sticks",
// duplicates and corrected re-exports recognised, foreign and damaged files rejected with their
// message, totals surviving a reload, and the district workbook exported and read back.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { expect, test, type Page } from '@playwright/test';
import { COUNT_KEYS, hourlyCounts, sumSummaries, summarizeShift, type ShiftCounts } from '../../shared/shift/summary';
import { buildHandoverWorkbook } from '../../shared/excel/handoverWorkbook';
import { workbookToXlsx } from '../../shared/excel/toXlsx';
import { makeShiftFixture, TZ_CHINA, type ShiftFixture } from '../../shared/excel/testFixtures';
import { BoothPage } from './pages/BoothPage';

const DAY = '2020-02-17';
const MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Booth {
  fixture: ShiftFixture;
  counts: ShiftCounts;
  file: { name: string; mimeType: string; buffer: Buffer };
}

function booth(checkpoint: string, idPrefix: string, extraCars: number, exportedAt = Date.UTC(2020, 1, 18, 1, 0), edit?: (f: ShiftFixture) => void): Booth {
  const fixture = makeShiftFixture({ checkpoint, idPrefix, extraCars, day: DAY });
  edit?.(fixture);
  const summary = summarizeShift(fixture.vehicles, fixture.persons, fixture.incidents);
  const model = buildHandoverWorkbook({ ...fixture, summary, fullIds: false, exportedAt, tzOffsetMinutes: TZ_CHINA, appVersion: '0.1.0' });
  const { feverCases: _fc, ...counts } = summary;
  return { fixture, counts, file: { name: `${checkpoint}_${DAY}_夜班_交接表.xlsx`, mimeType: MIME, buffer: Buffer.from(workbookToXlsx(model)) } };
}

const A = booth('南江南高速出口卡点', 'a', 0);
const B = booth('成绵高速黄许出口卡点', 'b', 3);
const C = booth('108国道漓江路口卡点', 'c', 6);
// The same shift as A, corrected after the close and exported again later.
const A2 = booth('南江南高速出口卡点', 'a', 0, Date.UTC(2020, 1, 18, 3, 0), (f) => {
  const v = f.vehicles[1];
  if (v) v.amendments = [{ at: (f.shift.closedAt ?? 0) + 3_600_000, by: '王队', reason: '补录来源地', changes: { origin: ['巴中', '巴中市'] }, afterClose: true }];
});

function foreignWorkbook() {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['姓名', '电话'], ['张三', '13800138000']]), '登记表');
  return { name: '别的软件.xlsx', mimeType: MIME, buffer: Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array) };
}

async function expectTotals(page: Page, counts: ShiftCounts, shifts: number) {
  await expect(page.getByTestId('district-total-shifts')).toHaveText(String(shifts));
  for (const k of COUNT_KEYS) await expect(page.getByTestId(`district-total-${k}`), k).toHaveText(String(counts[k]));
}

test('imports three booths, counts a workbook imported twice once, rejects foreign and damaged files, and exports the district summary', async ({ page }) => {
  const station = new BoothPage(page);
  const { exportWarnings, workers } = station.watchExports();
  await station.goto();
  // A supervisor's PC has no open shift: the view is reachable from the open-shift screen.
  await expect(page.getByRole('heading', { name: /开班/ })).toBeVisible();
  await station.openSupervisor();
  await expect(page.getByText('还没有导入交接表')).toBeVisible();

  // Our own button, in the UI's language (not the browser's "Choose Files").
  await expect(page.getByText('选择文件…', { exact: true })).toBeVisible();
  const input = page.getByLabel('导入交接表');
  await input.setInputFiles([A.file, B.file, C.file]);
  const notices = page.getByTestId('import-notices').getByRole('listitem');
  await expect(notices).toHaveCount(3);
  await expect(notices.nth(0)).toContainText(`已导入：南江南高速出口卡点 ${DAY} 夜班`);
  await expect(page.getByTestId('district-status')).toHaveText('共 3 个文件：3 个已识别，0 个未导入');
  const total = sumSummaries([A.counts, B.counts, C.counts]);
  await expectTotals(page, total, 3);
  await expect(page.getByTestId('district-row')).toHaveCount(3);
  // Parsed in the dedicated import worker, never on the page.
  expect(workers.some((u) => /importWorker/.test(u))).toBe(true);

  // The same workbook again: recognised, not counted twice.
  await input.setInputFiles([B.file]);
  await expect(notices).toHaveCount(1);
  await expect(notices.nth(0)).toContainText('重复，未重复计算');
  await expectTotals(page, total, 3);

  // A foreign workbook, random bytes and a copy cut short: each rejected with its message.
  const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
  const cut = C.file.buffer.subarray(0, Math.floor(C.file.buffer.length / 2));
  await input.setInputFiles([
    foreignWorkbook(),
    { name: '随机.xlsx', mimeType: MIME, buffer: random },
    { name: '复制一半.xlsx', mimeType: MIME, buffer: cut },
  ]);
  await expect(notices).toHaveCount(3);
  await expect(notices.nth(0)).toContainText('别的软件.xlsx：未导入：不是卡口登记站导出的交接表');
  await expect(notices.nth(1)).toContainText('随机.xlsx：未导入：文件已损坏或不是 Excel 文件');
  await expect(notices.nth(2)).toContainText('复制一半.xlsx：未导入：文件已损坏或不是 Excel 文件（文件不完整');
  await expect(page.getByTestId('district-status')).toHaveText('共 3 个文件：0 个已识别，3 个未导入');
  await expectTotals(page, total, 3);

  // A corrected re-export of A replaces the earlier one; A's old file afterwards changes nothing.
  await input.setInputFiles([A2.file]);
  await expect(notices.nth(0)).toContainText('已替换同一班次较早导出的版本');
  const corrected = sumSummaries([A2.counts, B.counts, C.counts]);
  expect(corrected.amendmentsAfterClose).toBe(total.amendmentsAfterClose + 1);
  await expectTotals(page, corrected, 3);
  await input.setInputFiles([A.file]);
  await expect(notices.nth(0)).toContainText('同一班次已有较新导出的版本，本文件未采用');
  await expectTotals(page, corrected, 3);

  // The English UI speaks English, messages from the reader included.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Import handover workbooks').setInputFiles([foreignWorkbook()]);
  await expect(notices.nth(0)).toContainText('Not imported: Not a handover workbook exported by Checkpoint Station');
  await page.getByRole('button', { name: '中文' }).click();

  // Day view: the date's shifts by checkpoint, with totals and an hourly chart.
  await page.getByLabel('日期', { exact: true }).fill(DAY);
  const sections = page.getByTestId('checkpoint-day');
  await expect(sections).toHaveCount(3);
  const b = page.getByRole('region', { name: `成绵高速黄许出口卡点 ${DAY}` });
  await expect(b.getByTestId(`day-total-成绵高速黄许出口卡点-vehiclesChecked`)).toHaveText(String(B.counts.vehiclesChecked));
  const hourly = hourlyCounts(B.fixture.vehicles, B.fixture.persons, TZ_CHINA);
  const h20 = hourly[20];
  await expect(b.getByRole('img', { name: `20时 车辆 ${h20?.vehicles}` })).toBeAttached();
  await expect(b.getByRole('img', { name: `20时 人员 ${h20?.people}` })).toBeAttached();
  await expect(b.getByRole('table', { name: /分时检查数（表）/ })).toContainText(String(h20?.vehicles));

  // Survives a restart (IndexedDB, schema v2).
  await page.reload();
  await station.openSupervisor();
  await expectTotals(page, corrected, 3);

  // Export the district workbook.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出区域汇总' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`区域汇总_${DAY}.xlsx`);
  await expect(page.getByTestId('district-status')).toHaveText(`区域汇总已下载：区域汇总_${DAY}.xlsx`);
  const wb = XLSX.read(readFileSync(await download.path()), { type: 'buffer' });
  expect(wb.SheetNames).toEqual(['区域汇总', '班次明细']);
  const summary = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['区域汇总'] as XLSX.WorkSheet, { header: 1 });
  const header = summary[0] as string[];
  const rows = summary.slice(1);
  expect(rows).toHaveLength(4);
  const totalRow = rows[3] as unknown[];
  expect(totalRow[0]).toBe('合计');
  expect(totalRow[header.indexOf('班次数')]).toBe(3);
  expect(totalRow[header.indexOf('检查车辆')]).toBe(corrected.vehiclesChecked);
  expect(totalRow[header.indexOf('检查人员')]).toBe(corrected.peopleChecked);
  expect(totalRow[header.indexOf('交班后更正')]).toBe(corrected.amendmentsAfterClose);
  const detail = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['班次明细'] as XLSX.WorkSheet, { header: 1 });
  expect(detail.slice(1)).toHaveLength(3);

  expect(exportWarnings).toEqual([]);
});
