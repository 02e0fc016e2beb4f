// Flows the shell tests share (served from another origin, under the production CSP): a plain
// home-province car with one driver, registered by keyboard as the booth does — through the page
// object's one registration flow.
import { expect } from '@playwright/test';
import type { BoothPage } from './BoothPage';

export interface PlainVehicle {
  /** Home-province plate as typed, e.g. 'a12345' → 川A12345. */
  typed: string;
  shown: string;
  driver: { name: string; id: string; phone: string; temp: string };
}

export async function registerPlainVehicle(booth: BoothPage, v: PlainVehicle): Promise<void> {
  await booth.enterVehicle({ plate: v.typed, origin: '成都', destination: '南江县城', purpose: '返乡', people: [] });
  await expect(booth.page.getByTestId('plate-preview')).toContainText(v.shown);
  await booth.enterPeople([v.driver]);
  await booth.press('Control+s');
  await booth.expectSaved(v.shown, 1);
}
