// The booth's shift view across midnight (本班, with the calendar day beside it) and the 待复测
// queue: time is Playwright's fake clock, so 00:00 and "minutes waited" are crossed for real.
import { expect, test } from '@playwright/test';
import { BoothPage, residentId } from './pages/BoothPage';
import { completeRecheckFromList, recheckDialog, recheckRows, registerLocalVehicle } from './pages/shiftFlows';

const A = { name: '张三', id: residentId('510722', '19850312', '123'), phone: '13800138000', temp: '36.5' };
const B = { name: '李四', id: residentId('511302', '19900715', '022'), phone: '13900139000', temp: '36.6' };
const FEVER = { name: '王五', id: '34052419800101001X', phone: '13700137000', temp: '37.8', awaitRecheck: true };

test('a night shift across midnight: every car stays listed and counted for 本班, the day figures roll over, a reload keeps them', async ({ page }) => {
  await page.clock.install({ time: new Date('2020-02-17T23:50:00+08:00') });
  const booth = await BoothPage.withOpenShift(page);

  await registerLocalVehicle(booth, 'a11111', [A, { ...FEVER }]);
  await booth.expectSaved('川A11111', 2);
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 1 辆 · 人员 2 人');
  await expect(page.getByTestId('shift-fever')).toHaveText('初测发热 1 人');
  await expect(page.getByTestId('day-label')).toHaveText('今日 02-17');
  await expect(page.getByTestId('day-counts')).toHaveText('车辆 1 辆 · 人员 2 人');

  // 00:05 the next morning, no reload: the day's figures start again, the shift's do not.
  // Fifteen idle minutes lock the booth (access); the operator signs in again.
  await page.clock.fastForward('15:00');
  await booth.unlock('王医生');
  await expect(page.getByTestId('day-label')).toHaveText('今日 02-18');
  await expect(page.getByTestId('day-counts')).toHaveText('车辆 0 辆 · 人员 0 人');
  await expect(page.getByTestId('day-fever')).toHaveText('初测发热 0 人');
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 1 辆 · 人员 2 人');
  await expect(booth.todayRow('川A11111')).toContainText('02-17 23:5');

  await registerLocalVehicle(booth, 'b22222', [B]);
  await booth.expectSaved('川B22222', 1);
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 2 辆 · 人员 3 人');
  await expect(page.getByTestId('day-counts')).toHaveText('车辆 1 辆 · 人员 1 人');
  await expect(booth.todayRow('川A11111')).toBeVisible();
  await expect(booth.todayRow('川B22222')).toContainText('00:0');
  // The person waiting since 23:5x is still in the queue after midnight, minutes counted on.
  await expect(recheckRows(booth)).toHaveCount(1);
  await expect(recheckRows(booth)).toContainText(/已等 1[4-6] 分钟/);

  await page.reload();
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 2 辆 · 人员 3 人');
  await expect(page.getByTestId('shift-fever')).toHaveText('初测发热 1 人');
  await expect(page.getByTestId('day-label')).toHaveText('今日 02-18');
  await expect(page.getByTestId('day-counts')).toHaveText('车辆 1 辆 · 人员 1 人');
  await expect(booth.todayRow('川A11111')).toBeVisible();
  await expect(booth.todayRow('川B22222')).toBeVisible();
});

test('待复测: the lane moves on, the wait is shown live, the recheck is completed from the list, and only then does the shift close', async ({ page }) => {
  await page.clock.install({ time: new Date('2020-02-17T21:00:00+08:00') });
  const booth = await BoothPage.withOpenShift(page);

  await registerLocalVehicle(booth, 'a33333', [A, FEVER]);
  await booth.expectSaved('川A33333', 2);
  // The next car is typed at once; the person waiting shows in the queue and on the car's row.
  await booth.expectFocusOn('车牌号');
  await expect(recheckRows(booth)).toHaveCount(1);
  await expect(recheckRows(booth)).toContainText('王五');
  await expect(recheckRows(booth)).toContainText('初测 37.8 ℃');
  await expect(recheckRows(booth)).toContainText('已等 0 分钟');
  await expect(booth.todayRow('川A33333')).toContainText('待复测');
  await page.clock.fastForward('07:00');
  await booth.unlock('王医生');
  await expect(recheckRows(booth)).toContainText('已等 7 分钟');

  // The handover refuses while the recheck is open, and says who is waiting.
  await page.getByRole('button', { name: '交接班' }).click();
  const close = page.getByRole('dialog', { name: /交接班/ });
  await expect(close.getByTestId('close-rechecks-open')).toContainText('还有 1 人待复测，完成复测后才能交班');
  await expect(close.getByTestId('close-rechecks-open')).toContainText('王五');
  // Open recheck = a first-reading fever, and (no recheck yet) a fever after recheck.
  await expect(close.getByTestId('count-feverFirst')).toHaveText('1');
  await expect(close.getByTestId('count-feverConfirmed')).toHaveText('1');
  await expect(close.locator('.fever-cases')).toContainText('待复测');
  await close.getByLabel('接班负责人', { exact: true }).fill('赵队长');
  await close.getByRole('checkbox').check();
  await page.keyboard.press('Control+s');
  await expect(close.locator('.field-error')).toHaveText('还有 1 人待复测，完成复测后才能交班');
  await expect(close).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(close).toHaveCount(0);

  // Still feverish but 放行: the form's own rule refuses it, nothing is saved.
  await completeRecheckFromList(booth, { temp: '38.2' });
  const dialog = recheckDialog(booth);
  await expect(dialog).toContainText('初测 37.8 ℃（红外，21:00）');
  await expect(dialog).toContainText('复测仍发热，不能直接放行');
  await page.keyboard.press('Escape');
  await expect(recheckRows(booth)).toHaveCount(1);

  // A normal mercury reading: saved from the list, the queue empties, the car's history says so.
  await page.clock.fastForward('02:00');
  await completeRecheckFromList(booth, { temp: '36.8' });
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('recheck-status')).toHaveText('已保存复测：王五 36.8 ℃');
  // Focus goes back to the plate, ready for the next vehicle.
  await booth.expectFocusOn('车牌号');
  await expect(recheckRows(booth)).toHaveCount(0);
  await expect(page.getByTestId('shift-fever')).toHaveText('初测发热 1 人');
  await expect(booth.todayRow('川A33333')).not.toContainText('待复测');
  await expect(booth.todayRow('川A33333')).not.toContainText('已更正');

  await booth.todayRow('川A33333').click();
  const record = page.getByRole('dialog', { name: /川A33333/ });
  const row = record.locator('.persons tbody tr', { hasText: '王五' });
  await expect(row).toContainText('37.8');
  await expect(row).toContainText('36.8');
  await expect(record).toContainText('王医生：完成复测');
  await expect(record).toContainText('2020-02-17 21:09');
  await page.keyboard.press('Escape');

  // Now the shift closes.
  await page.getByRole('button', { name: '交接班' }).click();
  await expect(close.getByTestId('close-rechecks-open')).toHaveCount(0);
  await expect(close.getByTestId('count-feverFirst')).toHaveText('1');
  await expect(close.getByTestId('count-feverConfirmed')).toHaveText('0');
  // The handover notes typed before are still there.
  await expect(close.getByLabel('接班负责人', { exact: true })).toHaveValue('赵队长');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { name: /开班/ })).toBeVisible();
});
