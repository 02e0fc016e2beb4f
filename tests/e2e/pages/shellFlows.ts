// Flows the shell tests share (served from another origin, under the production CSP): a plain
// home-province car with one driver, registered by keyboard as the booth does.
import { expect } from '@playwright/test';
import type { BoothPage } from './BoothPage';

export interface PlainVehicle {
  /** Home-province plate as typed, e.g. 'a12345' → 川A12345. */
  typed: string;
  shown: string;
  driver: { name: string; id: string; phone: string; temp: string };
}

export async function registerPlainVehicle(booth: BoothPage, v: PlainVehicle): Promise<void> {
  await booth.expectFocusOn('车牌号');
  await booth.type(v.typed);
  await expect(booth.page.getByTestId('plate-preview')).toContainText(v.shown);
  await booth.press('Enter');
  await booth.press('Enter'); // 小型客车
  await booth.fill('成都');
  await booth.fill('');
  await booth.fill('南江县城');
  await booth.fill('返乡');
  await booth.fill('');
  await booth.expectFocusOn('姓名');
  await booth.fill(v.driver.name);
  await booth.fill(v.driver.id);
  await booth.fill(v.driver.phone);
  await booth.type(v.driver.temp);
  await booth.press('Control+s');
  await expect(booth.saveStatus()).toHaveText(`已保存：${v.shown}，1 人`);
}
