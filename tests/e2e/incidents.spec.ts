// An incident recorded by mistake is voided with a reason: it stays listed, struck through, and
// is no longer counted.
import { expect, test } from '@playwright/test';
import { BoothPage } from './pages/BoothPage';

test('an incident is voided with a reason, stays listed as voided after a reload, and leaves the handover count', async ({ page }) => {
  const booth = new BoothPage(page);
  const db = `e2e-incident-void-${Date.now()}`;
  await booth.goto(db);
  await booth.openShiftByKeyboard({ checkpoint: '108国道漓江路口卡点', lead: '李所长', staff: '周医生' });

  await page.keyboard.press('Control+i');
  const dialog = page.getByRole('dialog', { name: '事件登记' });
  await dialog.getByLabel('经过描述').fill('误把正常通行记成冲卡');
  await dialog.getByRole('button', { name: '保存事件' }).click();
  await expect(dialog.getByRole('status')).toHaveText('事件已保存');

  const item = dialog.getByRole('listitem').filter({ hasText: '误把正常通行记成冲卡' });
  await item.getByRole('button', { name: /^作废/ }).click();
  await item.getByRole('button', { name: '确认作废' }).click();
  await expect(item.getByText('请填写作废原因')).toBeVisible();
  await item.getByLabel('作废原因').fill('误报');
  await item.getByRole('button', { name: '确认作废' }).click();
  await expect(item).toContainText('（已作废：误报）');
  await expect(item.getByRole('button', { name: /^作废/ })).toHaveCount(0);

  // On disk: after a reload the incident is still there, still voided.
  await page.reload();
  await expect(page.getByTestId('shift-info')).toBeVisible();
  await page.keyboard.press('Control+i');
  await expect(page.getByRole('dialog', { name: '事件登记' }).getByRole('listitem')).toContainText('（已作废：误报）');
  await page.keyboard.press('Escape');

  // The handover no longer counts it.
  await page.getByRole('button', { name: '交接班', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '交接班' }).getByTestId('count-incidents')).toHaveText('0');
});
