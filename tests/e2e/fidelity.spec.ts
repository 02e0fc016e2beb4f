// Too-long or invisible input is refused with a message, never cut: a 100,000-character name
// pasted into the form stays as pasted (no maxLength cutting it to 40) and the save is refused
// with the field's message; a name of zero-width spaces is refused too.
import { expect, test } from '@playwright/test';
import { BoothPage } from './pages/BoothPage';

test('a 100,000-character name is refused with a message, not cut; an invisible-only name is refused', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await booth.fill('a54321');
  const name = page.getByLabel('姓名', { exact: true }).first();
  const long = '张'.repeat(100_000);
  await name.fill(long); // as a paste would
  await expect(name).toHaveValue(long);
  await booth.press('Control+s');
  await expect(page.getByText('内容太长，最多 40 个字')).toBeVisible();
  await expect(name).toHaveValue(long);

  await name.fill('\u200b\u200b\u200b');
  await booth.press('Control+s');
  await expect(page.getByText('只有看不见的字符（如零宽字符），请输入实际内容')).toBeVisible();
});
