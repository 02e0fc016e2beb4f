import { expect, test, type Page } from '@playwright/test';
import { BoothPage, residentId } from './pages/BoothPage';

const ID_A = residentId('510722', '19800101', '001');
const ID_B = residentId('511302', '19920715', '022');

async function registerLocalCar(booth: BoothPage, plate: string, people: { name: string; id: string; temp: string }[]) {
  await booth.plateInput().focus();
  await booth.registerVehicle({
    plate,
    origin: '巴中',
    destination: '南江',
    people: people.map((p, i) => ({ ...p, ...(i === 0 ? { phone: '13912345678' } : {}) })),
  });
}

const start = (page: Page) => BoothPage.withOpenShift(page, { checkpoint: '108国道漓江路口卡点', lead: '李所长', staff: '周医生' });

test('a repeat vehicle shows its past visits and its last visit is recalled with one key after the plate', async ({ page }) => {
  const booth = await start(page);
  await registerLocalCar(booth, 'a88888', [
    { name: '陈一', id: ID_A, temp: '36.4' },
    { name: '陈二', id: ID_B, temp: '36.6' },
  ]);

  booth.controlKeys = 0;
  await booth.type('a88888');
  await booth.press('Enter');
  await expect(page.getByTestId('repeat-visit')).toContainText('该车此前经过 1 次');
  await booth.press('F3');
  // Plate + Enter + F3: two keys recall the vehicle and both people; temperatures are taken anew.
  expect(booth.controlKeys).toBe(2);
  await expect(page.getByLabel('来自何地')).toHaveValue('巴中');
  await expect(page.getByLabel('姓名', { exact: true }).nth(1)).toHaveValue('陈二');
  await booth.expectFocusOn('体温 ℃');
  await booth.type('36.5');
  // After F3, Enter hops from one temperature to the next (item 15).
  await booth.press('Enter');
  await expect(page.getByLabel('体温 ℃').nth(1)).toBeFocused();
  await booth.type('36.7');
  await booth.press('Control+s');
  await booth.expectSaved('川A88888', 2);
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 2 辆 · 人员 4 人');
});

test('a record is corrected with a reason and voided with a reason, never deleted', async ({ page }) => {
  const booth = await start(page);
  await registerLocalCar(booth, 'b12345', [{ name: '赵甲', id: ID_A, temp: '36.5' }]);

  await booth.startCorrection('川B12345');
  const dialog = page.getByRole('dialog', { name: /川B12345/ });
  await page.getByLabel('去往何地').fill('南江县城关镇');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('请填写原因')).toBeVisible();
  await page.getByLabel('更正原因').fill('目的地写错');
  await page.keyboard.press('Control+s');
  await booth.expectSaved('川B12345', 1);
  await expect(booth.todayRow('川B12345')).toContainText('已更正');

  await booth.todayRow('川B12345').click();
  await expect(dialog.getByText('目的地写错')).toBeVisible();
  await expect(dialog).toContainText('南江县城关镇');
  await dialog.getByRole('button', { name: '作废' }).click();
  await dialog.getByRole('button', { name: '确认作废' }).click();
  await expect(dialog.getByText('请填写原因')).toBeVisible();
  await dialog.getByLabel('作废原因').fill('重复登记');
  await dialog.getByRole('button', { name: '确认作废' }).click();
  await expect(dialog).toBeHidden();
  await expect(booth.todayRow('川B12345')).toContainText('已作废');
  // Voided records stay visible but no longer count.
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 0 辆 · 人员 0 人');
});

test('search finds a vehicle by plate without province, by name, and by the last digits of an ID', async ({ page }) => {
  const booth = await start(page);
  await registerLocalCar(booth, 'c24680', [{ name: '孙悟空', id: ID_B, temp: '36.5' }]);
  await registerLocalCar(booth, 'd13579', [{ name: '猪八戒', id: ID_A, temp: '36.6' }]);

  await page.keyboard.press('Control+f');
  await expect(page.getByLabel(/^查找/)).toBeFocused();
  for (const [query, plate, other] of [
    ['c246', '川C24680', '川D13579'],
    ['孙悟', '川C24680', '川D13579'],
    [ID_A.slice(-4), '川D13579', '川C24680'],
    [ID_B.slice(0, 8), '川C24680', '川D13579'],
  ] as const) {
    await page.getByLabel(/^查找/).fill(query);
    await expect(page.getByRole('heading', { name: '查找结果' })).toBeVisible();
    await expect(booth.todayRow(plate)).toBeVisible();
    await expect(booth.todayRow(other)).toHaveCount(0);
  }
  await page.getByLabel(/^查找/).fill('zz');
  await expect(page.getByText('没有找到')).toBeVisible();
});

test('an incident is recorded by keyboard and listed for the day', async ({ page }) => {
  const booth = await start(page);
  await page.keyboard.press('Control+i');
  const dialog = page.getByRole('dialog', { name: '事件登记' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('2'); // 冲关逃逸
  await page.keyboard.press('Enter');
  await page.keyboard.type('e a99999');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // empty description
  await dialog.getByRole('button', { name: '保存事件' }).click();
  await expect(dialog.getByText('请填写经过描述：发生了什么')).toBeVisible();
  await dialog.getByLabel('经过描述').fill('拒不停车，冲卡后向南驶离');
  await dialog.getByRole('button', { name: '保存事件' }).click();
  await expect(dialog.getByRole('status')).toHaveText('事件已保存');
  await expect(dialog.getByRole('listitem')).toContainText('冲关逃逸');
  await expect(dialog.getByRole('listitem')).toContainText('拒不停车');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  void booth;
});

test('the interface switches to English and to the night theme', async ({ page }) => {
  const booth = await start(page);
  await booth.toggleLanguage();
  await expect(page.getByLabel('Plate', { exact: true })).toBeVisible();
  await booth.toggleTheme();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'night');
  await page.reload();
  await expect(page.getByLabel('Plate', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'night');
  // Native controls are dark too (checkboxes, radios, selects): the page asks for a dark scheme.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
});
