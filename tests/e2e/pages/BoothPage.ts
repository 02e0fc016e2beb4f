// Page object for the booth: tests speak in the user's terms (labels, roles, keys), and whole
// flows (registerVehicle, recallVehicle, closeShift, exportHandover, openSupervisor …) live here
// once, so a change of keys or layout is made in one place and every spec follows it.
import { expect, type Locator, type Page } from '@playwright/test';
import { residentIdCheckChar } from '../../../shared/residentId';

/** A valid resident ID for a birth date and sequence (the check character is computed). */
export function residentId(area: string, birth: string, seq: string): string {
  const first17 = `${area}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

/** The station's administrator in the e2e suite (settings are theirs alone). */
export const ADMIN = '周管理';

export interface PersonEntry {
  name: string;
  id: string;
  phone?: string;
  temp: string;
  /** A fever at the first reading opens the recheck: its reading … */
  recheck?: string;
  /** … and, for a confirmed fever, the disposition's digit (3 = 送发热门诊). */
  disposition?: number;
  /** Or, instead of a recheck now: tick 待复测 and let the lane move on (shift's recheck queue). */
  awaitRecheck?: boolean;
}

export interface VehicleEntry {
  /** As typed: `a12345` (home province), `e a12345` (pinyin + space). */
  plate: string;
  origin: string;
  route?: string;
  destination: string;
  purpose?: string;
  contact?: string;
  /** A key-area vehicle: tick 已全面查验 and 已消毒 (Space, Enter) on the way. */
  keyArea?: boolean;
  people: PersonEntry[];
}

export interface CloseShiftEntry {
  notes?: string;
  supplies?: { thermometers?: string; masks?: string; disinfectant?: string; suits?: string };
  equipment?: string;
  receivingLead: string;
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

  resetCounts() {
    this.controlKeys = 0;
    this.dataChars = 0;
    this.pointerActions = 0;
  }

  /**
   * A person typing. Keys go out in runs of at most five with a pause between runs: the booth
   * takes seven or more keys in a row, each under 30 ms apart, for a scanner's burst (issue 9,
   * shared/scan/detector.ts), and on a loaded machine Playwright's undelayed keys can arrive that
   * close. Scanner bursts have their own flows (pages/scanFlows.ts).
   */
  async type(text: string) {
    const chars = [...text];
    this.dataChars += chars.length;
    for (let i = 0; i < chars.length; i += 5) {
      if (i > 0) await this.page.waitForTimeout(40);
      await this.page.keyboard.type(chars.slice(i, i + 5).join(''));
    }
  }

  async press(key: string) {
    this.controlKeys += 1;
    await this.page.keyboard.press(key);
  }

  async click(target: Locator) {
    this.pointerActions += 1;
    await target.click();
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

  // ---- shift ----

  /**
   * Each shift member's PIN (access): set at 开班, asked at every switch. The suite's defaults;
   * a spec may set its own before opening.
   */
  pins: Record<string, string> = {};
  pinOf(name: string): string {
    return this.pins[name] ?? '1357';
  }

  /**
   * 开班 by keyboard: checkpoint, 夜班 (or 白班 with `shift: 'day'`), the lead and the lead's PIN,
   * one health worker and their PIN, Enter on 开班. A checkpoint or lead not given keeps what the
   * form offers (after 交接班: the last shift's checkpoint and its receiving lead) with Enter. The
   * lead who opened it is signed in; then (as the booth works) the health worker signs in with F8
   * and their PIN, so records carry the health worker as before sign-in existed. `signInAs: 'lead'`
   * stays with the lead.
   */
  async openShiftByKeyboard(opts: { checkpoint?: string; lead?: string; staff: string; shift?: 'day' | 'night'; signInAs?: 'lead' | 'staff' | 'admin'; admin?: boolean }) {
    await expect(this.page.getByRole('heading', { name: /开班/ })).toBeVisible();
    if ((opts.admin || opts.signInAs === 'admin') && !(await this.hasAdmin())) {
      await this.createAdmin();
      await this.page.getByLabel('卡点名称').focus();
    }
    this.pins[opts.staff] ??= '1357';
    await this.expectFocusOn('卡点名称');
    const checkpoint = opts.checkpoint ?? (await this.focused().inputValue());
    await this.fill(opts.checkpoint ?? '');
    await this.press(opts.shift === 'day' ? '1' : '2'); // 白班 / 夜班
    await this.press('Enter');
    await this.expectFocusOn('值班负责人');
    const lead = opts.lead ?? (await this.focused().inputValue());
    this.pins[lead] ??= '2468';
    await this.fill(opts.lead ?? '');
    await this.expectFocusOn('负责人密码');
    await this.fill(this.pinOf(lead));
    await this.expectFocusOn('姓名 1');
    await this.fill(opts.staff);
    await this.expectFocusOn('密码 1');
    await this.fill(this.pinOf(opts.staff));
    await this.press('4'); // 卫健
    await this.press('Enter');
    await expect(this.focused()).toHaveText('开班');
    await this.press('Enter');
    await expect(this.page.getByTestId('shift-info')).toContainText(checkpoint);
    await this.expectSignedIn(lead);
    if (opts.signInAs === 'admin') await this.switchOperator(ADMIN);
    else if (opts.signInAs !== 'lead') await this.switchOperator(opts.staff);
  }

  // ---- operators (access) ----

  /** The PIN boxes of the 开班 form for whoever the form names (a flow that fills it by pointer). */
  async fillShiftPins() {
    const lead = await this.page.getByLabel('值班负责人').inputValue();
    this.pins[lead] ??= '2468';
    await this.page.getByLabel('负责人密码').fill(this.pinOf(lead));
    for (let i = 1; ; i++) {
      const name = this.page.getByLabel(`姓名 ${i}`, { exact: true });
      if ((await name.count()) === 0) break;
      const who = await name.inputValue();
      const box = this.page.getByLabel(`密码 ${i}`, { exact: true });
      if ((await box.count()) === 0) continue;
      this.pins[who] ??= '1357';
      await box.fill(this.pinOf(who));
    }
  }

  signedIn(): Locator {
    return this.page.getByTestId('signed-in');
  }

  async expectSignedIn(name: string) {
    await expect(this.signedIn()).toContainText(name);
  }

  /** The chooser of the switch dialog or the lock screen: a member by its digit, Enter, the PIN, Enter. */
  private async pickAndTypePin(name: string, pin: string) {
    const form = this.page.getByRole('form', { name: '切换登记人' });
    await expect(form).toBeVisible();
    const options = form.locator('fieldset label');
    const names = await options.allTextContents();
    const index = names.findIndex((n) => n.replace(/^\d/, '').startsWith(name));
    expect(index, `${name} among ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
    await expect(form.getByRole('radio', { checked: true })).toBeFocused();
    await this.press(String(index + 1));
    await this.press('Enter');
    await this.expectFocusOn('密码');
    await this.type(pin);
    await this.press('Enter');
    // A shift whose PINs are not on this PC (opened by an older version, or rebuilt from the
    // journal, which does not carry PIN hashes): the member sets theirs again, typed twice.
    if (await form.getByLabel('再次输入密码').isVisible()) {
      await this.expectFocusOn('再次输入密码');
      await this.type(pin);
      await this.press('Enter');
    }
  }

  /** F8, the member, their PIN: the booth now acts as them. */
  async switchOperator(name: string, pin = this.pinOf(name)) {
    await this.press('F8');
    await expect(this.page.getByRole('dialog', { name: '切换登记人' })).toBeVisible();
    await this.pickAndTypePin(name, pin);
    await expect(this.page.getByRole('dialog', { name: '切换登记人' })).toHaveCount(0);
    await this.expectSignedIn(name);
  }

  /** A PIN that is refused: the dialog (or lock screen) stays, says why, and nobody changes. */
  async tryPin(name: string, pin: string, opts: { fromBooth?: boolean } = {}) {
    if (opts.fromBooth) await this.press('F8');
    await this.pickAndTypePin(name, pin);
  }

  /** Another PIN in the dialog still open after a refused one (the cursor is back in the PIN box). */
  async retryPin(pin: string) {
    await this.expectFocusOn('密码');
    await this.type(pin);
    await this.press('Enter');
  }

  lockScreen(): Locator {
    return this.page.getByTestId('lock-screen');
  }

  /** Sign in at the lock screen (after the idle time, or after the browser was restarted). */
  async unlock(name: string, pin = this.pinOf(name)) {
    await expect(this.lockScreen()).toBeVisible();
    await this.pickAndTypePin(name, pin);
    await expect(this.lockScreen()).toHaveCount(0);
    await this.expectSignedIn(name);
  }

  /** Whether the station has its administrator already (the 开班 page names them instead of offering the form). */
  async hasAdmin(): Promise<boolean> {
    const summary = this.page.locator('.admin-setup summary');
    await expect(summary).toBeVisible();
    return (await summary.textContent())?.startsWith('管理员：') ?? false;
  }

  /**
   * Whoever should act next (a lead to reveal or manage lists, the administrator for the audit
   * trail): F8 and their PIN, unless they are signed in already.
   */
  async actAs(name: string) {
    if ((await this.signedIn().locator('strong').textContent()) === name) return;
    await this.switchOperator(name);
  }

  /** The station's administrator, made on the 开班 page before the first shift (once per station). */
  async createAdmin(name = ADMIN, pin = '8642') {
    const form = this.page.getByRole('form', { name: '管理员账户' });
    await form.getByLabel('管理员姓名').fill(name);
    await form.getByLabel('管理员密码').fill(pin);
    await form.getByLabel('再次输入密码').fill(pin);
    await form.getByRole('button', { name: '创建管理员' }).click();
    await expect(this.page.getByTestId('admin-status')).toHaveText(`已创建管理员：${name}`);
    this.pins[name] = pin;
  }

  /**
   * From now on, collects the export's console warnings ('[export]') and the workers the page
   * starts: the specs check that an export ran in its worker and warned of nothing.
   */
  watchExports(): { exportWarnings: string[]; workers: string[] } {
    const seen = { exportWarnings: [] as string[], workers: [] as string[] };
    this.page.on('console', (m) => {
      if (m.text().includes('[export]')) seen.exportWarnings.push(m.text());
    });
    this.page.on('worker', (w) => seen.workers.push(w.url()));
    return seen;
  }

  /** A booth page loaded and on an open night shift (openShift's defaults where not given). */
  static async withOpenShift(page: Page, opts: Parameters<BoothPage['openShift']>[0] = {}): Promise<BoothPage> {
    const booth = new BoothPage(page);
    await booth.goto();
    await booth.openShift(opts);
    return booth;
  }

  /** The usual night shift of the e2e suite. */
  async openShift(opts: { checkpoint?: string; lead?: string; staff?: string; signInAs?: 'lead' | 'staff' | 'admin'; admin?: boolean } = {}) {
    await this.openShiftByKeyboard({ ...opts, checkpoint: opts.checkpoint ?? '南江南高速出口卡点', lead: opts.lead ?? '岳阳', staff: opts.staff ?? '王医生' });
  }

  /** 交接班 by keyboard from its top-bar button: notes, supplies, receiving lead, confirmation, Ctrl+S. */
  async closeShift(entry: CloseShiftEntry) {
    await this.topbarButton('交接班').focus();
    await this.press('Enter');
    const dialog = this.closeShiftDialog();
    await expect(dialog).toBeVisible();
    await this.expectFocusOn('待办事项');
    await this.fill(entry.notes ?? '');
    await this.fill(entry.supplies?.thermometers ?? '');
    await this.fill(entry.supplies?.masks ?? '');
    await this.fill(entry.supplies?.disinfectant ?? '');
    await this.fill(entry.supplies?.suits ?? '');
    await this.expectFocusOn('设备状况');
    await this.fill(entry.equipment ?? '');
    await this.expectFocusOn('接班负责人');
    await this.fill(entry.receivingLead);
    await this.expectFocusOn(`${entry.receivingLead} 已核对交接内容，确认接班`);
    await this.press('Space');
    await this.press('Control+s');
    await expect(this.page.getByRole('heading', { name: /开班/ })).toBeVisible();
  }

  closeShiftDialog(): Locator {
    return this.page.getByRole('dialog', { name: '交接班' });
  }

  // ---- registration ----

  plateInput(): Locator {
    return this.page.getByLabel('车牌号', { exact: true });
  }

  saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  /** The confirmation a save shows beside the plate: plate, people and the time. */
  async expectSaved(plate: string, people: number, locale: 'zh' | 'en' = 'zh') {
    const time = '\\d{2}:\\d{2}(:\\d{2})?';
    const line =
      locale === 'zh' ? `^✔ 已保存 ${time}：${plate}，${people} 人$` : `^✔ Saved ${time}: ${plate}, ${people} ${people === 1 ? 'person' : 'people'}$`;
    await expect(this.saveStatus()).toHaveText(new RegExp(line));
  }

  /**
   * One vehicle by keyboard alone: plate, Enter, the default vehicle type, the route fields, the
   * key-area ticks if asked, then each person (Enter after a temperature goes to the next person)
   * and Ctrl+S. Leaves the form on the plate of the next vehicle; returns nothing until the save
   * confirmation shows.
   */
  async registerVehicle(v: VehicleEntry, opts: { save?: boolean } = {}) {
    await this.enterVehicle(v);
    await this.enterPeople(v.people);
    if (opts.save === false) return;
    const plate = await this.previewedPlate();
    await this.press('Control+s');
    await this.expectSaved(plate, v.people.length);
    await this.expectFocusOn('车牌号');
  }

  /** Plate and vehicle fields, up to the driver's name. */
  async enterVehicle(v: VehicleEntry) {
    await this.enterPlate(v.plate);
    await this.fill(v.origin);
    await this.fill(v.route ?? '');
    await this.fill(v.destination);
    await this.fill(v.purpose ?? '');
    await this.fill(v.contact ?? '');
    if (v.keyArea) {
      await this.expectFocusOn('已全面查验');
      await this.press('Space');
      await this.press('Enter');
      await this.expectFocusOn('已消毒');
      await this.press('Space');
      await this.press('Enter');
    }
    await this.expectFocusOn('姓名');
  }

  /** The plate as typed, Enter, Enter on the vehicle type (the default is right): the cursor on 来自何地. */
  async enterPlate(plate: string) {
    await this.expectFocusOn('车牌号');
    await this.type(plate);
    await this.press('Enter');
    await this.expectFocusOn('车辆类型');
    await this.press('Enter');
    await this.expectFocusOn('来自何地');
  }

  /** The people, from the driver's name on; the cursor ends in the last temperature. */
  async enterPeople(people: PersonEntry[]) {
    for (const [i, p] of people.entries()) {
      await this.expectFocusOn('姓名');
      await this.fill(p.name);
      await this.fill(p.id);
      await this.fill(p.phone ?? '');
      await this.expectFocusOn('体温 ℃');
      await this.type(p.temp);
      if (p.recheck !== undefined) {
        await this.press('Enter');
        await this.expectFocusOn('复测体温 ℃');
        await this.type(p.recheck);
        if (p.disposition !== undefined) {
          await this.press('Enter');
          await this.expectFocusOn('人员处置');
          await this.press(String(p.disposition));
        }
      }
      if (p.awaitRecheck) await this.markAwaitingRecheck();
      // On to the next person: Enter after a temperature, F2 from the 待复测 tick.
      if (i < people.length - 1) await this.press(p.awaitRecheck ? 'F2' : 'Enter');
    }
  }

  /** After a fever's first reading: Enter to 复测体温, Enter to 待复测, Space ticks it. */
  async markAwaitingRecheck() {
    await this.press('Enter');
    await this.expectFocusOn('复测体温 ℃');
    await this.press('Enter');
    await this.expectFocusOn('待复测（稍后从列表复测）');
    await this.press('Space');
    await expect(this.focused()).toBeChecked();
  }

  /** A vehicle seen before: plate, Enter, F3 recalls it; new temperatures hop with Enter; Ctrl+S. */
  async recallVehicle(plate: string, temps: string[]) {
    await this.expectFocusOn('车牌号');
    await this.type(plate);
    await this.press('Enter');
    await expect(this.page.getByTestId('repeat-visit')).toBeVisible();
    await this.press('F3');
    await this.expectFocusOn('体温 ℃');
    for (const [i, temp] of temps.entries()) {
      await expect(this.focused()).toHaveAttribute('name', `occupants.${i}.temp`);
      await this.type(temp);
      if (i < temps.length - 1) await this.press('Enter');
    }
    await this.press('Control+s');
  }

  /** What the plate preview says the typed plate will be saved as. */
  async previewedPlate(): Promise<string> {
    return ((await this.page.getByTestId('plate-preview').locator('strong').textContent()) ?? '').trim();
  }

  person(i: number): Locator {
    return this.page.locator('section.occupant').nth(i);
  }

  // ---- today's list and records ----

  todayList(): Locator {
    return this.page.getByRole('complementary', { name: '本班登记' });
  }

  todayRow(plate: string): Locator {
    return this.page.locator('.vehicle-list tbody tr', { hasText: plate });
  }

  async openRecord(plate: string): Promise<Locator> {
    await this.todayRow(plate).focus();
    await this.press('Enter');
    const dialog = this.page.getByRole('dialog', { name: new RegExp(plate) });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** From today's list into the correction form (更正). */
  async startCorrection(plate: string) {
    const dialog = await this.openRecord(plate);
    await this.click(dialog.getByRole('button', { name: '更正' }));
    await expect(this.page.getByRole('form', { name: '更正登记' })).toBeVisible();
  }

  // ---- top bar ----

  topbarButton(name: string): Locator {
    return this.page.locator('.topbar').getByRole('button', { name, exact: true });
  }

  /** A top-bar item folded under 更多 (export, print, supervisor, settings, theme, language). */
  async chooseMore(name: string | RegExp) {
    const more = this.page.locator('.topbar .more-menu');
    if ((await more.getAttribute('open')) === null) await this.click(more.locator('summary'));
    await this.click(more.getByRole('button', { name }));
  }

  /** 查看/督导: from the booth's 更多 menu, or from the open-shift screen's bar (a supervisor's PC has no shift). */
  async openSupervisor() {
    const name = /^(查看\/督导|Overview)/;
    if ((await this.page.locator('.topbar .more-menu').count()) > 0) await this.chooseMore(name);
    else await this.click(this.page.getByRole('button', { name }));
    await expect(this.page.getByRole('heading', { name: /查看\/督导|Overview/ })).toBeVisible();
  }

  async toggleTheme() {
    await this.chooseMore(/^(夜间模式|日间模式|Night mode|Day mode)$/);
  }

  /** The theme a screenshot test asks for: night is switched on (and confirmed), then the cursor is back on the plate. */
  async useTheme(theme: 'day' | 'night') {
    if (theme === 'day') return;
    await this.toggleTheme();
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', 'night');
    await this.plateInput().focus();
  }

  async toggleLanguage() {
    await this.chooseMore(/^(English|中文)$/);
  }

  // ---- handover export ----

  exportDialog(): Locator {
    return this.page.getByRole('dialog', { name: '导出交接表（Excel）' });
  }

  /**
   * Ctrl+E, then (for the health department) Shift+Tab to the full-ID box and Space to tick it,
   * then Enter on the export button. Resolves with the download.
   */
  async exportHandover(opts: { fullIds?: boolean } = {}) {
    await this.press('Control+e');
    await expect(this.exportDialog()).toBeVisible();
    await expect(this.focused()).toHaveText(/^导出/);
    if (opts.fullIds) {
      await this.press('Shift+Tab');
      await this.expectFocusOn('导出完整证件号码和电话（仅供卫健部门）');
      await this.press('Space');
      await this.press('Tab');
      await expect(this.focused()).toHaveText('导出（含完整证件号码）');
    }
    const downloading = this.page.waitForEvent('download');
    await this.press('Enter');
    return downloading;
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

  /** Settings are the administrator's: switch to them first when someone else is signed in. */
  async openSettings(admin = ADMIN): Promise<Locator> {
    if (!(await this.signedIn().textContent())?.includes(admin)) await this.switchOperator(admin);
    await this.chooseMore(/^设置/);
    const dialog = this.page.getByRole('dialog', { name: '设置' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  // ---- County sync (issue 11) ----

  /** A local car with one driver, by keyboard: plate, defaults, driver's name, ID, phone, temperature, Ctrl+S. */
  async registerCarWithDriver(plate: string, driver: { name: string; id: string; temp: string }) {
    await this.registerVehicle({ plate, origin: '巴中', destination: '南江', people: [{ ...driver, phone: '13912345678' }] });
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
  // The station's key fingerprint is read after the dialog opens: the text is whole once it shows.
  await expect(dialog.getByTestId('station-fingerprint')).toBeVisible();
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
