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

/** A local vehicle (home-province plate), typed as the booth does; saved with Ctrl+S. */
export async function registerLocalVehicle(booth: BoothPage, plate: string, people: Occupant[]): Promise<void> {
  await booth.expectFocusOn('车牌号');
  await booth.type(plate);
  await booth.press('Enter');
  await booth.expectFocusOn(/小型客车/);
  await booth.press('Enter');
  await booth.fill('巴中');
  await booth.fill('');
  await booth.fill('南江县城');
  await booth.fill('返乡');
  await booth.fill('');
  for (const [i, p] of people.entries()) {
    await booth.expectFocusOn('姓名');
    await booth.fill(p.name);
    await booth.fill(p.id);
    await booth.fill(p.phone);
    await booth.type(p.temp);
    if (p.awaitRecheck) await markAwaitingRecheck(booth);
    if (i < people.length - 1) await booth.press('F2');
  }
  await booth.press('Control+s');
}

/** After a fever's first reading: Enter to 复测体温, Enter to 待复测, Space ticks it. */
export async function markAwaitingRecheck(booth: BoothPage): Promise<void> {
  await booth.press('Enter');
  await booth.expectFocusOn('复测体温 ℃');
  await booth.press('Enter');
  await booth.expectFocusOn('待复测（稍后从列表复测）');
  await booth.press('Space');
  await expect(booth.focused()).toBeChecked();
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
