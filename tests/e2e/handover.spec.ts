// Shift handover end to end: register by keyboard, close the shift by keyboard (notes, supplies,
// receiving lead, confirmation), export the handover workbook (a browser download), read it back
// with SheetJS, print the handover view, and open the next shift from there.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { expect, test, type Page } from '@playwright/test';
import { BoothPage, residentId } from './pages/BoothPage';

const DRIVER_ID = residentId('420102', '19850312', '123');
const FEVER_ID = '34052419800101001X';
const CHILD_ID = residentId('510722', '20120601', '042');
const LOCAL_ID = residentId('511902', '19900307', '223');
const FORMULA_NAME = '=HYPERLINK("x","y")';
const FULL_IDS = [DRIVER_ID, FEVER_ID, CHILD_ID, LOCAL_ID];

async function registerVehicles(booth: BoothPage, page: Page) {
  // 1: key-area vehicle, driver + a fever case sent to the fever clinic + a passenger whose
  // "name" is a spreadsheet formula.
  await booth.registerVehicle({
    plate: 'e a12345',
    origin: '武汉',
    route: '湖北',
    destination: '南江县城',
    purpose: '返乡',
    keyArea: true,
    people: [
      { name: '张三', id: DRIVER_ID, phone: '13800138000', temp: '36.5' },
      { name: '李四', id: FEVER_ID.toLowerCase(), temp: '37.8', recheck: '38.1', disposition: 3 },
      { name: FORMULA_NAME, id: CHILD_ID, temp: '36.7' },
    ],
  });
  // 2: a local car with one driver.
  await booth.registerVehicle({ plate: 'a54321', origin: '巴中', destination: '南江', people: [{ name: '王五', id: LOCAL_ID, phone: '13912345678', temp: '36.6' }] });
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 2 辆 · 人员 4 人');
}

function sheet(wb: XLSX.WorkBook, name: string): XLSX.WorkSheet {
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Data rows (below the header) of a table sheet. */
function dataRows(ws: XLSX.WorkSheet): number {
  return XLSX.utils.decode_range(ws['!ref'] ?? 'A1').e.r;
}

/** The cells of one column (by header) below the header. */
function column(ws: XLSX.WorkSheet, header: string): (XLSX.CellObject | undefined)[] {
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  let c = -1;
  for (let i = range.s.c; i <= range.e.c; i++) if (ws[XLSX.utils.encode_cell({ r: 0, c: i })]?.v === header) c = i;
  if (c < 0) throw new Error(`no column ${header}`);
  const out: (XLSX.CellObject | undefined)[] = [];
  for (let r = 1; r <= range.e.r; r++) out.push(ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined);
  return out;
}

test('closes a shift by keyboard, exports and prints its handover, and opens the next shift from there', async ({ page }) => {
  const booth = new BoothPage(page);
  const { exportWarnings, workers } = booth.watchExports();
  await booth.goto();
  await booth.openShiftByKeyboard({ checkpoint: '南江南高速出口卡点', lead: '岳阳', staff: '王医生' });
  await registerVehicles(booth, page);

  // ---- close the shift ----
  await booth.topbarButton('交接班').focus();
  await booth.press('Enter');
  const dialog = booth.closeShiftDialog();
  await expect(dialog).toBeVisible();
  // The summary is computed from the records, never typed.
  const counts: Record<string, string> = {
    vehiclesChecked: '2',
    peopleChecked: '4',
    keyAreaVehicles: '1',
    vehiclesInspected: '1',
    vehiclesDisinfected: '1',
    feverFirst: '1',
    feverConfirmed: '1',
    feverReferred: '1',
    vehiclesTurnedBack: '0',
    peopleTurnedBack: '0',
    incidents: '0',
  };
  for (const [k, v] of Object.entries(counts)) await expect(dialog.getByTestId(`count-${k}`), k).toHaveText(v);
  await expect(dialog.getByRole('row', { name: /李四/ })).toContainText('送发热门诊');
  // Named once: one heading that is also the table's name.
  await expect(dialog.getByText('发热及转送人员', { exact: true })).toHaveCount(1);
  await expect(dialog.getByRole('table', { name: '发热及转送人员' })).toBeVisible();

  await booth.expectFocusOn('待办事项');
  await booth.fill('鄂A12345 同车人员需社区回访');
  await booth.expectFocusOn('体温计');
  await booth.fill('3 支');
  await booth.expectFocusOn('口罩');
  await booth.fill('200 只');
  await booth.expectFocusOn('消毒液');
  await booth.fill('2 桶');
  await booth.expectFocusOn('防护服');
  await booth.fill('5 套');
  await booth.expectFocusOn('设备状况');
  await booth.fill('测温枪 1 台电量低');
  await booth.expectFocusOn('接班负责人');
  await booth.fill('赵队');
  await booth.expectFocusOn('赵队 已核对交接内容，确认接班');
  // Without the receiving lead's confirmation the shift stays open.
  await booth.press('Enter');
  await expect(booth.focused()).toHaveText('确认交班');
  await booth.press('Enter');
  await expect(dialog.getByText('须由接班负责人确认接班后才能交班')).toBeVisible();
  await booth.expectFocusOn('赵队 已核对交接内容，确认接班');
  await booth.press('Space');
  await booth.press('Enter');
  await booth.press('Enter');

  // ---- back on the open-shift screen, the next lead filled in ----
  await expect(page.getByRole('heading', { name: /开班/ })).toBeVisible();
  await booth.expectFocusOn('卡点名称');
  await expect(page.getByLabel('值班负责人')).toHaveValue('赵队');
  const previous = page.getByTestId('previous-shift');
  await expect(previous).toContainText('岳阳 交班，赵队 接班');
  await expect(page.getByTestId('previous-shift-exports')).toHaveText('交接表尚未导出');

  // ---- export (Ctrl+E): masked by default; focus starts on 导出, not on the full-ID box ----
  const download = await booth.exportHandover();
  await expect(page.getByLabel('导出完整证件号码和电话（仅供卫健部门）')).toHaveCount(0);
  const fileName = download.suggestedFilename();
  expect(fileName).toMatch(/^南江南高速出口卡点_\d{4}-\d{2}-\d{2}_夜班_交接表\.xlsx$/);
  await expect(page.getByTestId('export-status')).toHaveText(`交接表已下载：${fileName}`);
  // The shift remembers the export.
  await expect(page.getByTestId('previous-shift-exports')).toContainText(`交接表已导出 1 次`);
  await expect(page.getByTestId('previous-shift-exports')).toContainText(fileName);

  // Built off the UI thread, in the module worker (not the on-page fallback).
  expect(workers.some((u) => /exportWorker/.test(u))).toBe(true);
  expect(exportWarnings).toEqual([]);
  const bytes = readFileSync(await download.path());
  const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: true, cellNF: true });
  expect(wb.SheetNames).toEqual(['交接汇总', '车辆登记', '人员体温', '发热处置', '事件记录', '_meta']);
  expect(dataRows(sheet(wb, '车辆登记'))).toBe(2);
  expect(dataRows(sheet(wb, '人员体温'))).toBe(4);
  expect(dataRows(sheet(wb, '发热处置'))).toBe(1);
  expect(dataRows(sheet(wb, '事件记录'))).toBe(0);

  const persons = sheet(wb, '人员体温');
  const ids = column(persons, '证件号码').map((c) => c?.v);
  expect(ids).toContain('340524********001X');
  expect(ids).toContain(`${LOCAL_ID.slice(0, 6)}********${LOCAL_ID.slice(-4)}`);
  expect(column(persons, '联系电话').map((c) => c?.v)).toContain('138****8000');
  // No full ID number anywhere in the workbook.
  for (const name of wb.SheetNames) {
    for (const [addr, cell] of Object.entries(sheet(wb, name))) {
      if (addr.startsWith('!')) continue;
      for (const id of FULL_IDS) expect(String((cell as XLSX.CellObject).v), `${name}!${addr}`).not.toContain(id);
    }
  }
  // The formula typed as a name is text, not a formula.
  const formulaCell = column(persons, '姓名').find((c) => String(c?.v).includes('HYPERLINK'));
  expect(formulaCell?.t).toBe('s');
  expect(formulaCell?.f).toBeUndefined();
  expect(formulaCell?.v).toBe(`'${FORMULA_NAME}`);
  // Dates are real Excel dates (numbers with a date format), not text.
  for (const c of column(persons, '登记时间')) {
    expect(c?.t).toBe('n');
    expect(String(c?.z)).toMatch(/yyyy/);
  }
  for (const c of column(sheet(wb, '车辆登记'), '登记时间')) expect(c?.t).toBe('n');
  const fever = sheet(wb, '发热处置');
  expect(column(fever, '处置去向').map((c) => c?.v)).toEqual(['送发热门诊']);
  expect(column(fever, '证件号码').map((c) => c?.v)).toEqual(['340524********001X']);
  // The handover notes are in the summary sheet.
  const summaryText = Object.values(sheet(wb, '交接汇总'))
    .map((c) => String((c as XLSX.CellObject).v ?? ''))
    .join('|');
  expect(summaryText).toContain('鄂A12345 同车人员需社区回访');
  expect(summaryText).toContain('赵队');

  // ---- print (Ctrl+P): the handover view, and only it, is printed ----
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await booth.press('Control+p');
  const printDialog = page.getByRole('dialog', { name: '打印交接表' });
  const report = printDialog.getByRole('article', { name: '南江南高速出口卡点 交接班记录' });
  await expect(report).toBeVisible();
  await expect(report.getByRole('row', { name: /交班负责人/ })).toContainText('岳阳');
  await expect(report.getByRole('row', { name: /接班负责人/ })).toContainText('赵队');
  await expect(report.getByRole('row', { name: /李四/ })).toContainText('340524********001X');
  await expect(report).toContainText('2 桶');
  await booth.press('Control+p');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-root .handover-report')).toBeVisible();
  await expect(page.getByRole('heading', { name: /开班/ })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await booth.press('Escape');
  await expect(printDialog).toBeHidden();
  await expect(page.locator('.print-root')).toHaveCount(0);

  // ---- the next shift opens from there: the offered checkpoint and receiving lead kept, 白班 ----
  // Each member sets a PIN as the shift opens (access).
  await booth.openShiftByKeyboard({ shift: 'day', staff: '刘护士', signInAs: 'lead' });
  await expect(page.getByTestId('shift-info')).toContainText('南江南高速出口卡点 · 白班');
});

test('an export whose file cannot be saved says so and does not mark the shift exported', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page, { checkpoint: '旌阳黄许卡点', lead: '刘警官', staff: '陈护士' });
  // The browser build downloads; a failing download is simulated by making the Blob URL fail.
  await page.evaluate(() => {
    URL.createObjectURL = () => {
      throw new Error('磁盘已满');
    };
  });
  await booth.press('Control+e');
  await expect(booth.focused()).toHaveText('导出');
  await booth.press('Enter');
  await expect(page.getByTestId('export-status')).toContainText('文件保存失败，班次未记为已导出');
  await expect(page.getByTestId('export-status')).toContainText('磁盘已满');
  await booth.click(booth.topbarButton('交接班'));
  const dialog = booth.closeShiftDialog();
  await expect(dialog.getByTestId('count-vehiclesChecked')).toHaveText('0');
  await page.keyboard.press('Escape');
  // Nothing recorded: the day view shows the shift, and its export record stays empty.
  const exports = await page.evaluate(async () => {
    const req = indexedDB.open(new URLSearchParams(location.search).get('db') ? `checkpoint-station-${new URLSearchParams(location.search).get('db')}` : 'checkpoint-station');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<{ exports?: unknown[] }[]>((resolve, reject) => {
      const r = db.transaction('shifts').objectStore('shifts').getAll();
      r.onsuccess = () => resolve(r.result as { exports?: unknown[] }[]);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return all.map((s) => s.exports?.length ?? 0);
  });
  expect(exports).toEqual([0]);
});

test('a correction after the close is an amendment with a reason, counted and visible in the closed shift’s report', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page, { checkpoint: '108国道漓江路口卡点', lead: '李所长', staff: '周医生' });
  await booth.registerVehicle({ plate: 'b12345', origin: '巴中', destination: '南江', people: [{ name: '赵甲', id: LOCAL_ID, phone: '13912345678', temp: '36.5' }] });
  await booth.closeShift({ receivingLead: '钱所长' });

  // The next shift: its lead comes from the handover.
  await expect(page.getByLabel('值班负责人')).toHaveValue('钱所长');
  await page.getByLabel('姓名 1').fill('孙医生');
  await booth.fillShiftPins();
  await page.getByRole('button', { name: '开班', exact: true }).click();
  await expect(page.getByTestId('shift-info')).toContainText('108国道漓江路口卡点');

  // The closed shift's vehicle is found by search (the list beside the form is the new shift's)
  // and corrected with a reason.
  await expect(booth.todayRow('川B12345')).toHaveCount(0);
  await page.keyboard.press('Control+f');
  await page.keyboard.type('川B12345');
  await booth.startCorrection('川B12345');
  // Wait until the record is loaded into the form (it replaces the form's fields when it arrives).
  await expect(page.getByLabel('来自何地')).toHaveValue('巴中');
  await expect(page.getByLabel('去往何地')).toHaveValue('南江');
  await page.getByLabel('去往何地').fill('南江县城关镇');
  await page.getByLabel('更正原因').fill('目的地写错');
  await page.keyboard.press('Control+s');
  await booth.expectSaved('川B12345', 1);

  // A half-typed vehicle is not dropped by leaving for the overview.
  await booth.type('c9');
  await booth.chooseMore('查看/督导');
  await expect(page.getByRole('alert').filter({ hasText: '登记表中还有未保存的内容' })).toBeVisible();
  await expect(booth.plateInput()).toHaveValue('c9');
  await booth.plateInput().focus();
  await booth.press('Escape');
  await booth.press('Escape');
  await expect(booth.plateInput()).toHaveValue('');

  // The supervisor's day view counts it against the closed shift, and its report shows it.
  await booth.openSupervisor();
  const closedRow = page.getByRole('row', { name: /李所长/ });
  await expect(closedRow).toContainText('钱所长');
  await expect(page.getByTestId('day-total-108国道漓江路口卡点-amendmentsAfterClose')).toHaveText('1');
  await expect(page.getByTestId('day-total-108国道漓江路口卡点-vehiclesChecked')).toHaveText('1');
  await closedRow.getByRole('button', { name: /打印交接表/ }).click();
  const report = page.getByRole('dialog', { name: '打印交接表' }).getByRole('article');
  await expect(report.getByRole('heading', { name: '交班后更正（1）' })).toBeVisible();
  const amendment = report.getByRole('row', { name: /目的地写错/ });
  await expect(amendment).toContainText('车辆 #1 川B12345');
  await expect(amendment).toContainText('去往何地：南江 → 南江县城关镇');
  await expect(report.getByRole('row', { name: /接班负责人/ })).toContainText('钱所长');
});

test('if the export worker cannot start, the export still completes on the page and says nothing false', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('[export]')) warnings.push(m.text());
  });
  await page.route('**/assets/exportWorker-*.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const booth = new BoothPage(page);
  await booth.goto();
  // A full-ID export is the shift lead's (or the administrator's) to make.
  await booth.openShift({ checkpoint: '旌阳黄许卡点', lead: '刘警官', staff: '陈护士', signInAs: 'lead' });
  // The health-department export: a deliberate Shift+Tab and tick, then a warning.
  const download = await booth.exportHandover({ fullIds: true });
  await expect(page.getByTestId('export-status')).toHaveText(`交接表已下载：${download.suggestedFilename()} （含完整证件号码） （未交班中途导出：交接班后请再导出一次）`);
  const wb = XLSX.read(readFileSync(await download.path()), { type: 'buffer' });
  expect(wb.SheetNames).toContain('交接汇总');
  const meta = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['_meta'] as XLSX.WorkSheet, { header: 1 });
  expect(meta.find((r) => r[0] === 'fullIds')?.[1]).toBe(1);
  expect(warnings.join('\n')).toContain('running on the page');
});
