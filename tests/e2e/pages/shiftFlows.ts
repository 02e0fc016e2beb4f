// Flows of the shift view (本班) and the 待复测 queue, in the booth's own keys. Every key goes
// through BoothPage, so the bench can count them.
import { expect, type Locator } from '@playwright/test';
import type { BoothPage } from './BoothPage';

export interface Occupant {
  name: string;
  id: string;
  phone: string;
  temp: string;
  /** Fever at the first reading: mark 待复测 instead of typing a recheck. */
  awaitRecheck?: boolean;
}

/** A local vehicle (home-province plate) from 巴中 to 南江县城, through the page object's registration flow. */
export async function registerLocalVehicle(booth: BoothPage, plate: string, people: Occupant[]): Promise<void> {
  await booth.registerVehicle({ plate, origin: '巴中', destination: '南江县城', purpose: '返乡', people });
}

/** After a fever's first reading: the keys that send the person to the 待复测 queue. */
export async function markAwaitingRecheck(booth: BoothPage): Promise<void> {
  await booth.markAwaitingRecheck();
}

export function recheckRows(booth: BoothPage): Locator {
  return booth.page.getByTestId('recheck-row');
}

/**
 * From anywhere on the booth screen: F4 to the 待复测 list (longest wait first), ↓ to the n-th,
 * Enter opens the recheck, the reading is typed; a still-feverish reading moves on (Enter) to
 * 人员处置 and a digit picks it. Ctrl+S saves. Returns with the dialog still open or closed,
 * as the app decided; callers assert.
 */
export async function completeRecheckFromList(booth: BoothPage, opts: { temp: string; dispositionDigit?: string; nth?: number }): Promise<void> {
  // The operator acts on what the list shows: the row is there before F4 is pressed.
  await expect(recheckRows(booth).nth(opts.nth ?? 0)).toBeVisible();
  await booth.press('F4');
  await expect(booth.focused()).toHaveAttribute('data-testid', 'recheck-row');
  for (let i = 0; i < (opts.nth ?? 0); i++) await booth.press('ArrowDown');
  await booth.press('Enter');
  await booth.expectFocusOn('复测体温 ℃');
  await booth.type(opts.temp);
  if (opts.dispositionDigit) {
    await booth.press('Enter');
    await booth.press(opts.dispositionDigit);
  }
  await booth.press('Control+s');
}

export function recheckDialog(booth: BoothPage): Locator {
  return booth.page.getByRole('dialog', { name: /^复测 · / });
}
