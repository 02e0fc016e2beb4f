// Page object for the booth: tests speak in the user's terms (labels, roles, keys).
import { expect, type Locator, type Page } from '@playwright/test';
import { residentIdCheckChar } from '../../../shared/residentId';

/** A valid resident ID for a birth date and sequence (the check character is computed). */
export function residentId(area: string, birth: string, seq: string): string {
  const first17 = `${area}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

export class BoothPage {
  /** Keys pressed that carry no data (Enter, F2, digits that pick an option, Ctrl+S …). */
  controlKeys = 0;
  /** Characters typed as data. */
  dataChars = 0;
  pointerActions = 0;

  constructor(readonly page: Page) {}

  async goto(db = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}`) {
    await this.page.goto(`./?db=${db}`);
  }

  async type(text: string) {
    this.dataChars += [...text].length;
    await this.page.keyboard.type(text);
  }

  async press(key: string) {
    this.controlKeys += 1;
    await this.page.keyboard.press(key);
  }

  /** Type into the focused field, then Enter to move on. */
  async fill(text: string) {
    if (text) await this.type(text);
    await this.press('Enter');
  }

  focused(): Locator {
    return this.page.locator(':focus');
  }

  async expectFocusOn(label: string | RegExp) {
    await expect(this.focused()).toHaveAccessibleName(label);
  }

  async openShiftByKeyboard(opts: { checkpoint: string; lead: string; staff: string }) {
    await expect(this.page.getByRole('heading', { name: /开班/ })).toBeVisible();
    await this.expectFocusOn('卡点名称');
    await this.fill(opts.checkpoint);
    await this.press('2'); // 夜班
    await this.press('Enter');
    await this.expectFocusOn('值班负责人');
    await this.fill(opts.lead);
    await this.expectFocusOn('姓名 1');
    await this.fill(opts.staff);
    await this.press('4'); // 卫健
    await this.press('Enter');
    await expect(this.focused()).toHaveText('开班');
    await this.press('Enter');
    await expect(this.page.getByTestId('shift-info')).toContainText(opts.checkpoint);
  }

  plateInput(): Locator {
    return this.page.getByLabel('车牌号', { exact: true });
  }

  saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  todayList(): Locator {
    return this.page.getByRole('complementary', { name: '本班登记' });
  }

  todayRow(plate: string): Locator {
    return this.page.locator('.vehicle-list tbody tr', { hasText: plate });
  }

  // ---- correct: flows by field label (they hold whatever the form's layout or key order) ----

  /** Fill and save one vehicle with its driver; fields by label, saved with Ctrl+S. */
  async registerByLabel(v: { plate: string; origin?: string; destination?: string; name: string; id: string; phone?: string; temp: string; confirmPlate?: string }) {
    await this.plateInput().fill(v.plate);
    if (v.confirmPlate) await this.page.getByLabel(v.confirmPlate).check();
    await this.page.getByLabel('来自何地').fill(v.origin ?? '巴中');
    await this.page.getByLabel('去往何地').fill(v.destination ?? '南江');
    await this.page.getByLabel('姓名', { exact: true }).first().fill(v.name);
    await this.page.getByLabel('证件号码').first().fill(v.id);
    await this.page.getByLabel('联系电话').first().fill(v.phone ?? '13912345678');
    await this.page.getByLabel('体温 ℃').first().fill(v.temp);
    await this.page.keyboard.press('Control+s');
  }

  /** Open a saved record from today's list, start 更正, apply edit, give the reason and save. */
  async correctRecord(plate: string, edit: () => Promise<void>, reason: string) {
    await this.todayRow(plate).click();
    await this.page.getByRole('dialog', { name: new RegExp(plate) }).getByRole('button', { name: '更正' }).click();
    await expect(this.page.getByRole('form', { name: '更正登记' })).toBeVisible();
    await edit();
    await this.page.getByLabel('更正原因').fill(reason);
    await this.page.keyboard.press('Control+s');
    await expect(this.saveStatus()).toContainText('已保存');
  }

  recordDialog(plate: string): Locator {
    return this.page.getByRole('dialog', { name: new RegExp(plate) });
  }

  async openSettings(): Promise<Locator> {
    await this.page.getByRole('button', { name: '设置', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: '设置' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  // ---- County sync (issue 11) ----

  /** A local car with one driver, by keyboard: plate, defaults, driver's name, ID, phone, temperature, Ctrl+S. */
  async registerCarWithDriver(plate: string, driver: { name: string; id: string; temp: string }) {
    await this.expectFocusOn('车牌号');
    await this.type(plate);
    await this.press('Enter');
    await this.press('Enter'); // vehicle type
    await this.fill('巴中');
    await this.fill('');
    await this.fill('南江');
    await this.fill('');
    await this.fill('');
    await this.fill(driver.name);
    await this.fill(driver.id);
    await this.fill('13912345678');
    await this.type(driver.temp);
    await this.press('Control+s');
    await expect(this.saveStatus()).toContainText('已保存');
  }

  syncIndicator(): Locator {
    return this.page.getByTestId('sync-indicator');
  }

  async openSyncPanel(): Promise<Locator> {
    await this.syncIndicator().click();
    const dialog = this.page.getByRole('dialog', { name: '县级同步' });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}

// ---- handover-file chain flows (imports) ----

/** Ctrl+E, Enter through the export dialog (masked), and the browser download it gives. */
export async function exportHandoverByKeyboard(booth: BoothPage): Promise<{ name: string; buffer: Buffer; dialogText: string }> {
  const { page } = booth;
  await booth.press('Control+e');
  const dialog = page.getByRole('dialog', { name: '导出交接表（Excel）' });
  await expect(dialog).toBeVisible();
  const dialogText = (await dialog.textContent()) ?? '';
  const downloading = page.waitForEvent('download');
  await booth.press('Enter');
  await booth.press('Enter');
  const download = await downloading;
  const { readFileSync } = await import('node:fs');
  return { name: download.suggestedFilename(), buffer: readFileSync(await download.path()), dialogText };
}

/** The supervisor's 导入交接表 with files as from a USB stick. */
export async function importWorkbooks(page: Page, files: { name: string; buffer: Buffer }[]): Promise<void> {
  await page
    .getByLabel('导入交接表')
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: f.buffer })));
}
