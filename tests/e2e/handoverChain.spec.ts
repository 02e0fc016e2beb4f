// The handover-file chain through the UI only: a booth exports before 交接班 (provisional, said in
// the dialog and the file name), closes the shift with every supply left blank, exports again, and
// the supervisor imports both files the booth really wrote — the provisional one first, then the
// closed one that replaces it. Genuine files must always import (they used to be called edited
// whenever a supply was blank or the shift was still open).
import { expect, test } from '@playwright/test';
import { BoothPage, exportHandoverByKeyboard, importWorkbooks, residentId } from './pages/BoothPage';

test('a UI-made export before and after 交接班 imports through the supervisor UI; the closed one replaces the provisional one', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);

  // One local car, every optional field left blank.
  await booth.registerVehicle({ plate: 'a54321', origin: '巴中', destination: '南江', people: [{ name: '王五', id: residentId('511902', '19900307', '223'), phone: '13912345678', temp: '36.6' }] });
  await booth.expectSaved('川A54321', 1);

  // ---- export before 交接班: says so in the dialog, the file name and the status ----
  await booth.press('Control+e');
  await page.screenshot({ path: test.info().outputPath('export-dialog-provisional-1366.png') });
  await booth.press('Escape');
  const early = await exportHandoverByKeyboard(booth);
  expect(early.dialogText).toContain('本班尚未交接班：这是中途导出');
  // Every export is signed with this station's key; the dialog shows its fingerprint.
  const fp = /本站签名指纹：([0-9A-F]{4}(?:-[0-9A-F]{4}){3})/.exec(early.dialogText)?.[1];
  expect(fp).toBeTruthy();
  expect(early.name).toMatch(/^南江南高速出口卡点_\d{4}-\d{2}-\d{2}_夜班_未交班中途导出_交接表\.xlsx$/);
  await expect(page.getByTestId('export-status')).toContainText('未交班中途导出：交接班后请再导出一次');

  // ---- close the shift, every handover field left blank ----
  await page.getByRole('button', { name: '交接班', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '交接班' });
  await expect(dialog).toBeVisible();
  await booth.expectFocusOn('待办事项');
  for (const label of ['待办事项', '体温计', '口罩', '消毒液', '防护服', '设备状况']) {
    await booth.expectFocusOn(label);
    await booth.press('Enter');
  }
  await booth.expectFocusOn('接班负责人');
  await booth.fill('赵队');
  await booth.press('Space');
  await booth.press('Enter');
  await booth.press('Enter');
  await expect(page.getByRole('heading', { name: /开班/ })).toBeVisible();

  const closed = await exportHandoverByKeyboard(booth);
  expect(closed.dialogText).not.toContain('中途导出');
  expect(closed.name).toMatch(/^南江南高速出口卡点_\d{4}-\d{2}-\d{2}_夜班_交接表\.xlsx$/);

  // ---- the supervisor imports what the booth wrote ----
  await page.getByRole('button', { name: '查看/督导' }).click();
  await expect(page.getByRole('heading', { name: /查看\/督导/ })).toBeVisible();
  const notices = page.getByTestId('import-notices').getByRole('listitem');

  await importWorkbooks(page, [early]);
  await expect(notices).toHaveCount(1);
  await expect(notices.nth(0)).toContainText('已导入：南江南高速出口卡点');
  await expect(notices.nth(0)).toContainText('临时版本');
  // First signed workbook of this checkpoint: its key is pinned, the fingerprint shown to confirm by phone.
  await expect(notices.nth(0)).toContainText(`已登记其密钥，指纹 ${fp ?? '?'}`);
  await expect(page.getByTestId('district-total-provisional')).toHaveText('1');
  await expect(page.getByTestId('district-total-shifts')).toHaveText('1');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: test.info().outputPath('district-provisional-1024.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });

  await importWorkbooks(page, [closed]);
  await expect(notices).toHaveCount(1);
  await expect(notices.nth(0)).toContainText('已替换同一班次较早导出的版本');
  await expect(notices.nth(0)).not.toContainText('临时版本');
  await expect(page.getByTestId('district-total-provisional')).toHaveText('0');
  await expect(page.getByTestId('district-total-shifts')).toHaveText('1');
  await expect(page.getByTestId('district-total-vehiclesChecked')).toHaveText('1');

  // The provisional file again, later: it never replaces the closed export.
  await importWorkbooks(page, [early]);
  await expect(notices.nth(0)).toContainText('同一班次已有较新导出的版本，本文件未采用');
  await expect(page.getByTestId('district-total-provisional')).toHaveText('0');
});
