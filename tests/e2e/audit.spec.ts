// Issue 12 (audit): the administrator's audit trail viewer — filters, chain status, an Excel export
// read back — refused to everyone else; the retention period with the first purge's preview and
// confirmation; a purge 29 days later (Playwright's clock) that removes the traveller's name from
// what the app exports while every count stays.
import { expect, test } from '@playwright/test';
import { BoothPage, exportHandoverByKeyboard, residentId } from './pages/BoothPage';
import { AuditPage, ADMIN, sheetNumbers, workbookText } from './pages/AuditPage';
import * as XLSX from 'xlsx';

test('the audit viewer: administrators only, filters, chain intact, export read back', async ({ page }) => {
  const booth = new BoothPage(page);
  const audit = new AuditPage(booth);
  const dbName = `audit-viewer-${Date.now()}`;
  await booth.goto(dbName);
  await audit.openShiftAsAdmin();

  // Before them the trail holds the station's setup and sign-ins (access): the administrator
  // made, the lead signed in as the shift opened, then the switch to the administrator. Two
  // settings changes and an export follow.
  await audit.openRetention();
  await audit.setRetentionDays('14');
  await expect(audit.retention().getByTestId('retention-status')).toHaveText('已保存：交班后保留 14 天');
  await audit.setRetentionDays('０'); // bad input: said plainly, nothing saved
  await expect(audit.retention()).toContainText('保留天数应为 1–365 之间的整数');
  await audit.setRetentionDays('21');
  await audit.closeRetention();

  await audit.openViewer();
  await expect(audit.chain()).toHaveText('审计链完整：共 6 条，未发现删除或改动');
  await expect(audit.rows()).toHaveCount(6);
  // Newest first.
  await expect(audit.rows().first()).toContainText('before: 14; after: 21');
  await expect(audit.rows().first()).toContainText(`${ADMIN}（管理员）`);
  // No control edits or deletes an entry.
  await expect(audit.viewer().getByRole('button', { name: /删除|修改|Delete|Edit/ })).toHaveCount(0);

  const { name, wb } = await audit.exportTrail();
  expect(name).toMatch(/^审计记录_\d{8}_\d{4}\.xlsx$/);
  expect(wb.SheetNames).toEqual(['审计记录', '审计链']);
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['审计记录']!);
  expect(rows.map((r) => [r['序号'], r['动作'], r['操作人'], r['详情']])).toEqual([
    [6, '修改设置', ADMIN, 'before: 14; after: 21'],
    [5, '修改设置', ADMIN, 'before: 28; after: 14'],
    [4, '登录', ADMIN, 'how: pin; from: 岳阳'],
    [3, '退出', '岳阳', `to: ${ADMIN}`],
    [2, '登录', '岳阳', 'how: openShift'],
    [1, '修改设置', ADMIN, `admin: created; name: ${ADMIN}`],
  ]);
  expect(workbookText(wb)).toContain('审计链完整：共 6 条');
  // The export is itself audited and shows at once.
  await expect(audit.rows().first()).toContainText('导出');
  await expect(audit.chain()).toHaveText('审计链完整：共 7 条，未发现删除或改动');

  // Filters: by action, by operator, by dates (today has them all; a past range has none).
  await audit.filter({ action: '导出' });
  await expect(audit.rows()).toHaveCount(1);
  await audit.filter({ actor: ADMIN });
  await expect(audit.rows()).toHaveCount(5);
  await audit.filter({ from: '2019-01-01', to: '2019-12-31' });
  await expect(audit.rows()).toHaveCount(0);
  await expect(audit.viewer()).toContainText('没有符合条件的记录');
  await audit.filter({ from: '2019/1/1' });
  await expect(audit.viewer().getByTestId('audit-status')).toHaveText('日期格式应为 年-月-日，如 2020-02-01');

  // Screenshots of the viewer, 1366 and 1024 wide, day and night.
  await audit.filter({});
  for (const theme of ['day', 'night'] as const) {
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 768 });
      await expect(page.locator('[data-theme]').first()).toHaveAttribute('data-theme', theme);
      await page.screenshot({ path: test.info().outputPath(`audit-viewer-${width}x768-${theme}.png`) });
    }
    if (theme === 'day') {
      await audit.closeViewer();
      await booth.toggleTheme();
      await audit.openViewer();
    }
  }
  await audit.closeViewer();

  // Someone removes the newest entry behind the app's back (straight in IndexedDB): the viewer says
  // where the chain breaks — the journal on disk still knows how long the trail was.
  await audit.deleteEntryBehindTheApp(`checkpoint-station-${dbName}`, 7);
  await audit.openViewer();
  await expect(audit.chain()).toHaveText('审计链在第 7 条处断开：该条记录已被删除。该条及之后的记录无法证明未被改动，请报告上级。');
  await page.screenshot({ path: test.info().outputPath('audit-viewer-broken-1024x768-night.png') });
  await audit.closeViewer();

  // Anyone else: the 更多 menu has no audit item.
  await audit.actAs('岳阳');
  await page.locator('.topbar .more-menu summary').click();
  await expect(page.locator('.topbar .more-menu').getByRole('button', { name: '审计记录' })).toHaveCount(0);
  await expect(page.locator('.topbar .more-menu').getByRole('button', { name: '个人信息保留期限' })).toHaveCount(0);
});

test('retention: the first purge is previewed and confirmed; 29 days after 交接班 the name is gone and the counts are the same', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date('2020-02-17T21:00:00+08:00') });
  const booth = new BoothPage(page);
  const audit = new AuditPage(booth);
  await booth.goto();
  await audit.openShiftAsAdmin();

  // First run: the preview says what would go (nothing is due yet), the administrator confirms.
  await audit.openRetention();
  const preview = await audit.confirmFirstPurge();
  expect(preview).toContain('目前没有交班满 28 天的班次');
  await expect(audit.retention().getByTestId('retention-status')).toHaveText('没有到期的个人信息需要清除');
  await audit.closeRetention();

  await booth.registerVehicle({ plate: 'a54321', origin: '巴中', destination: '南江县城某小区', purpose: '返乡', people: [{ name: '王五', id: residentId('511902', '19900307', '223'), phone: '13912345678', temp: '36.6' }] });
  await booth.expectSaved('川A54321', 1);
  await page.clock.fastForward('01:00:00');
  // An idle hour locked the booth (access): the administrator signs in again.
  await booth.unlock(ADMIN);
  await booth.closeShift({ notes: '王五 明日回访', receivingLead: '赵队' });

  const before = await exportHandoverByKeyboard(booth);
  const wbBefore = XLSX.read(before.buffer, { type: 'buffer' });
  expect(workbookText(wbBefore)).toContain('王五');
  const summarySheet = wbBefore.SheetNames[0]!;

  // 29 days on: the hourly check finds the shift due and purges it.
  await page.clock.fastForward(29 * 24 * 3600_000);
  // The daily run is a background job: export (through the app) until the name has gone.
  let after: XLSX.WorkBook | undefined;
  await expect
    .poll(
      async () => {
        after = XLSX.read((await exportHandoverByKeyboard(booth)).buffer, { type: 'buffer' });
        await expect(page.getByText(/^交接表已下载/)).toBeVisible();
        return workbookText(after).includes('王五');
      },
      { timeout: 60_000 },
    )
    .toBe(false);
  if (!after) throw new Error('no export');
  const text = workbookText(after);
  for (const gone of ['王五', '13912345678', '南江县城某小区', '明日回访']) expect(text).not.toContain(gone);
  expect(text).toContain('川A54321');
  expect(sheetNumbers(after, summarySheet).filter((n) => n < 40000)).toEqual(sheetNumbers(wbBefore, summarySheet).filter((n) => n < 40000));

  // The purge is in the trail, with its counts, by the system.
  await audit.openShiftAsAdminAgain();
  await audit.openViewer();
  await audit.filter({ action: '清除个人信息' });
  await expect(audit.rows().first()).toContainText('系统');
  await expect(audit.rows().first()).toContainText('persons: 1');
  await expect(audit.chain()).toContainText('审计链完整');
});
