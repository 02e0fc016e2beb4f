// Operators sign in (issue 12, access): PINs set at 开班, switching by F8 and a PIN, a wrong PIN
// that changes nothing, the idle lock on Playwright's clock keeping a half-typed vehicle, and a
// staff operator who is not offered settings. Screenshots of the lock screen for the README.
import { expect, test } from '@playwright/test';
import { BoothPage, residentId } from './pages/BoothPage';

const DRIVER = { name: '张三', id: residentId('510722', '19850312', '123'), phone: '13800138000', temp: '36.5' };

test('opening a shift sets each PIN; F8 and a PIN switch the operator, whose name the next record carries', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page, { signInAs: 'lead' });
  await expect(booth.signedIn()).toContainText('岳阳');
  await expect(booth.signedIn()).toContainText('带班领导');
  await booth.switchOperator('王医生');
  await expect(booth.signedIn()).toContainText('王医生医务人员');
  await booth.registerVehicle({ plate: 'a12345', origin: '巴中', destination: '南江县城', people: [DRIVER] });
  const record = await booth.openRecord('川A12345');
  await expect(record.locator('.record-fields')).toContainText('王医生');
  await booth.press('Escape');
  // F1 lists the key.
  await booth.press('F1');
  await expect(page.getByRole('dialog', { name: /快捷键/ })).toContainText('F8');
  await expect(page.getByRole('dialog', { name: /快捷键/ })).toContainText('切换登记人（输入密码）');
});

test('a wrong PIN says so, changes nothing, and after three the next try waits', async ({ page }) => {
  await page.clock.install({ time: new Date('2020-02-17T21:00:00+08:00') });
  const booth = await BoothPage.withOpenShift(page);
  const dialog = page.getByRole('dialog', { name: '切换登记人' });
  await booth.tryPin('岳阳', '0000', { fromBooth: true });
  await expect(page.getByTestId('signin-error')).toHaveText('密码错误，登记人未变。再错 2 次将暂停登录');
  await expect(dialog.getByLabel('密码', { exact: true })).toHaveValue('');
  await booth.press('Escape');
  await expect(booth.signedIn()).toContainText('王医生医务人员');
  await booth.tryPin('岳阳', '0001', { fromBooth: true });
  await expect(page.getByTestId('signin-error')).toHaveText('密码错误，登记人未变。再错 1 次将暂停登录');
  await booth.retryPin('0002');
  await expect(page.getByTestId('signin-error')).toHaveText('密码错误次数过多，请 30 秒后再试');
  // Even the right PIN waits out the back-off.
  await booth.retryPin('2468');
  await expect(page.getByTestId('signin-error')).toHaveText(/^密码错误次数过多，请 (29|30) 秒后再试$/);
  await expect(dialog).toBeVisible();
  await booth.press('Escape');
  await expect(booth.signedIn()).toContainText('王医生医务人员');
  await page.clock.fastForward('00:31');
  await booth.switchOperator('岳阳');
});

test('left idle, the booth locks to the operator switch; the half-typed vehicle survives the lock and another operator signing in', async ({ page }) => {
  await page.clock.install({ time: new Date('2020-02-17T23:00:00+08:00') });
  const booth = await BoothPage.withOpenShift(page);
  await booth.enterVehicle({ plate: 'a54321', origin: '巴中', destination: '南江县城', people: [] });
  await booth.type('李四');
  // Four idle minutes: still open.
  await page.clock.fastForward('04:00');
  await expect(booth.lockScreen()).toHaveCount(0);
  // Past five: locked, nothing of the shift on screen.
  await page.clock.fastForward('01:10');
  await expect(booth.lockScreen()).toBeVisible();
  await expect(page.getByText('川A54321')).toHaveCount(0);
  await expect(booth.lockScreen()).toContainText('无操作 5 分钟后自动锁定');
  // Another operator signs in: the typed vehicle is back, with the notice.
  await booth.unlock('岳阳');
  await expect(booth.saveStatus()).toContainText('已恢复上次未保存的登记');
  await expect(page.getByTestId('plate-preview')).toContainText('川A54321');
  await expect(page.getByLabel('姓名', { exact: true }).first()).toHaveValue('李四');
  // And it saves under the operator now signed in.
  await page.getByLabel('证件号码').first().fill(DRIVER.id);
  await page.getByLabel('联系电话').first().fill(DRIVER.phone);
  await page.getByLabel('体温 ℃').first().fill('36.6');
  await booth.press('Control+s');
  await booth.expectSaved('川A54321', 1);
  const record = await booth.openRecord('川A54321');
  await expect(record.locator('.record-fields')).toContainText('岳阳');
});

test('a staff operator is not offered settings, and Ctrl+, says who may; the administrator is', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page, { admin: true });
  await page.locator('.topbar .more-menu summary').click();
  await expect(page.locator('.more-list').getByRole('button', { name: /^设置/ })).toHaveCount(0);
  await page.locator('.topbar .more-menu summary').click();
  await booth.press('Control+,');
  await expect(page.getByRole('dialog', { name: '设置' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('设置只能由管理员修改：按 F8 切换为管理员后再打开');
  const dialog = await booth.openSettings();
  await expect(dialog.getByLabel('无操作自动锁屏（分钟）')).toHaveValue('5');
  await dialog.getByLabel('无操作自动锁屏（分钟）').fill('0');
  await dialog.getByRole('button', { name: '保存设置' }).click();
  await expect(dialog).toContainText('自动锁屏时间须为 1–60 分钟的整数');
  await dialog.getByLabel('无操作自动锁屏（分钟）').fill('10');
  await dialog.getByRole('button', { name: '保存设置' }).click();
  await expect(dialog).toHaveCount(0);
});

for (const [w, h] of [
  [1366, 768],
  [1024, 768],
] as const) {
  for (const theme of ['day', 'night'] as const) {
    test(`screenshot: the lock screen and the open-shift form with PINs, ${w}×${h} ${theme}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      const booth = new BoothPage(page);
      await booth.goto();
      await page.getByLabel('值班负责人').fill('岳阳');
      await page.getByLabel('负责人密码').fill('2468');
      await page.getByLabel('姓名 1').fill('王医生');
      await page.getByLabel('密码 1').fill('1357');
      // The 开班 page has no night switch of its own: its picture is taken in day mode only.
      if (theme === 'day') await page.screenshot({ path: `docs/screenshots/open-shift-pins-${w}x${h}-day.png` });
      await page.getByLabel('卡点名称').fill('南江南高速出口卡点');
      await page.getByRole('button', { name: '开班', exact: true }).click();
      await expect(booth.signedIn()).toContainText('岳阳');
      if (theme === 'night') await booth.toggleTheme();
      await booth.tryPin('王医生', '0000', { fromBooth: true });
      await expect(page.getByTestId('signin-error')).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/switch-operator-${w}x${h}-${theme}.png` });
      await booth.press('Escape');
      await page.evaluate(() => sessionStorage.clear());
      await page.reload();
      await expect(booth.lockScreen()).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/lock-${w}x${h}-${theme}.png` });
    });
  }
}
