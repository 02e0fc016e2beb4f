// Issue 9: readers that type for the booth (scanner / ID-card reader bursts) and people recognised
// across visits. Bursts are real key events at scanner pace (page.keyboard with a delay).
import { expect, test } from '@playwright/test';
import { BoothPage, residentId } from './pages/BoothPage';
import { personField, recognisedBanner, reuseRecognisedPerson, scan, scanWithImeOn, typeLikeAPerson } from './pages/scanFlows';

const ID = residentId('510722', '19850312', '123');
const DRIVER = { name: '张三', id: residentId('420102', '19800101', '011'), phone: '13800138000', temp: '36.5' };

test('an ID-card reader’s burst into the wrong field lands in the driver’s ID field; its Enter neither hops nor saves', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await booth.enterPlate('a12345');
  await booth.type('巴中');
  await scan(booth, ID, { msPerKey: 8 });
  // The origin keeps what the person typed; the ID is the driver's, and the cursor is there.
  await expect(page.getByLabel('来自何地')).toHaveValue('巴中');
  await expect(personField(booth, 0, 'docNumber')).toHaveValue(ID);
  await expect(personField(booth, 0, 'docNumber')).toBeFocused();
  await expect(booth.saveStatus()).toHaveText('已扫描证件号，填入驾驶员');
  await expect(booth.todayList().locator('tbody tr')).toHaveCount(0);
});

test('a scan while the cursor is on 保存 goes to a new person and never saves the vehicle', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await booth.registerVehicle({ plate: 'a12345', origin: '巴中', destination: '南江', people: [DRIVER] }, { save: false });
  await page.getByRole('button', { name: /^保存/ }).focus();
  await scan(booth, ID, { msPerKey: 3, end: 'Tab' });
  await expect(personField(booth, 1, 'docNumber')).toHaveValue(ID);
  await expect(personField(booth, 1, 'docNumber')).toBeFocused();
  await expect(personField(booth, 0, 'docNumber')).toHaveValue(DRIVER.id);
  await expect(booth.saveStatus()).toHaveText('已扫描证件号，填入乘客 1');
  await expect(booth.todayList().locator('tbody tr')).toHaveCount(0);
  // Another scan of the same card stays with that person.
  await personField(booth, 0, 'name').focus();
  await scan(booth, ID, { msPerKey: 12 });
  await expect(page.locator('section.occupant')).toHaveCount(2);
  await expect(personField(booth, 1, 'docNumber')).toBeFocused();
});

test('a plate scanned from the driver’s name goes to the plate; a QR person fills name and ID', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await personField(booth, 0, 'name').focus();
  await scan(booth, '鄂A12345');
  await expect(booth.plateInput()).toHaveValue('鄂A12345');
  await expect(booth.plateInput()).toBeFocused();
  await expect(personField(booth, 0, 'name')).toHaveValue('');
  await page.getByLabel('去往何地').focus();
  await scan(booth, `{"name":"Li Si","idCard":"${ID}"}`, { msPerKey: 2 });
  await expect(personField(booth, 0, 'name')).toHaveValue('Li Si');
  await expect(personField(booth, 0, 'docNumber')).toHaveValue(ID);
  await expect(page.getByLabel('去往何地')).toHaveValue('');
  // A product barcode is no person and no plate: it goes into the focused field as typed, and its Enter saves nothing.
  await page.getByLabel('备注').focus();
  await scan(booth, '6901234567892');
  await expect(page.getByLabel('备注')).toHaveValue('6901234567892');
  await expect(page.getByLabel('备注')).toBeFocused();
  await expect(booth.saveStatus()).toHaveText('已扫描，填入当前栏');
  await expect(booth.todayList().locator('tbody tr')).toHaveCount(0);
});

test('with a Chinese input method on, the reader’s keys (Process / 229) still land as the ID', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await personField(booth, 0, 'name').focus();
  await scanWithImeOn(booth, ID);
  await expect(personField(booth, 0, 'docNumber')).toHaveValue(ID);
  await expect(personField(booth, 0, 'name')).toHaveValue('');
});

test('a person typing the same ID at human speed (80–300 ms, or a fast typist’s ~50 ms) is not a scan: it stays where it was typed and Enter moves on', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await booth.enterPlate('a12345');
  await typeLikeAPerson(booth, ID);
  await expect(page.getByLabel('来自何地')).toHaveValue(ID);
  await booth.expectFocusOn('途经');
  await expect(personField(booth, 0, 'docNumber')).toHaveValue('');
  // A fast typist: ~50 ms per key, with roll-over putting some keys 15–25 ms apart.
  await typeLikeAPerson(booth, ID, [55, 18, 62, 40, 25, 70, 48, 15, 52]);
  await expect(page.getByLabel('途经')).toHaveValue(ID);
  await booth.expectFocusOn('去往何地');
});

test('a person seen before: earlier visits with masked ID and phone, F6 reuses name and phone, another name is flagged', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await booth.registerVehicle({ plate: 'a12345', origin: '巴中', destination: '南江', people: [DRIVER] });
  await booth.registerVehicle({ plate: 'e a54321', origin: '武汉', destination: '南江', keyArea: true, people: [{ ...DRIVER, name: '张叁', phone: '13900139000', temp: '37.0' }] });
  // Next car: the ID typed into the driver's line.
  await booth.enterVehicle({ plate: 'b11111', origin: '巴中', destination: '南江', people: [] });
  await reuseRecognisedPerson(booth, 0, DRIVER.id);
  const banner = recognisedBanner(booth);
  await expect(banner).toContainText('此前登记过 2 次');
  await expect(banner).toContainText('420102********');
  await expect(banner).toContainText('鄂A54321');
  await expect(banner).toContainText('川A12345');
  await expect(banner).toContainText('37.0 ℃');
  await expect(banner).toContainText('139****9000');
  // Never the full ID or phone on the banner.
  await expect(banner).not.toContainText(DRIVER.id);
  await expect(banner).not.toContainText('13900139000');
  // F6 took the newest name and the newest phone given.
  await expect(personField(booth, 0, 'name')).toHaveValue('张叁');
  await expect(personField(booth, 0, 'phone')).toHaveValue('13900139000');
  // Registered as 张三 and 张叁: flagged for a second look, not blocked.
  await expect(banner.getByTestId('recognised-conflict')).toHaveText('⚠ 请再核对本人证件：此证件号登记过不同姓名：张叁、张三');
  await booth.type('36.6');
  await booth.press('Control+s');
  await booth.expectSaved('川B11111', 1);
  // F1 lists the key with the others (one keyboard table).
  await booth.press('F1');
  await expect(page.getByRole('dialog')).toContainText('沿用证件号上次登记的姓名和电话');
});

test('a scanned plate is looked up at once, like Enter in the plate field (repeat vehicles)', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await booth.registerVehicle({ plate: 'e a12345', origin: '武汉', destination: '南江', keyArea: true, people: [DRIVER] });
  await personField(booth, 0, 'name').focus();
  await scan(booth, '鄂A12345');
  await expect(page.getByTestId('repeat-visit')).toBeVisible();
  await booth.press('F3');
  await expect(personField(booth, 0, 'docNumber')).toHaveValue(DRIVER.id);
  // A recalled visit's people are not announced again: the repeat-vehicle banner tells that story.
  await expect(personField(booth, 0, 'temp')).toBeFocused();
  await expect(recognisedBanner(booth)).toHaveCount(0);
});

for (const width of [1366, 1024]) {
  for (const theme of ['day', 'night'] as const) {
    test(`the recognised-person banner, with a second-look line, fits beside two people on one ${width}×768 screen (${theme})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 768 });
      const booth = await BoothPage.withOpenShift(page);
      await booth.useTheme(theme);
      await booth.registerVehicle({ plate: 'a12345', origin: '巴中', destination: '南江', people: [DRIVER] });
      await booth.registerVehicle({ plate: 'e a54321', origin: '武汉', destination: '南江', keyArea: true, people: [{ ...DRIVER, name: '张叁', temp: '37.6', recheck: '36.9' }] });
      await booth.enterVehicle({ plate: 'a12345', origin: '巴中', destination: '南江', people: [] });
      await booth.enterPeople([{ ...DRIVER, temp: '36.4' }, { name: '李四', id: ID, phone: '13900139000', temp: '36.6' }]);
      // The banner follows the person whose ID was completed last: the driver's, typed again.
      await personField(booth, 0, 'docNumber').fill('');
      await personField(booth, 0, 'docNumber').focus();
      await booth.type(DRIVER.id);
      const banner = recognisedBanner(booth);
      await expect(banner).toContainText('37.6 → 36.9 ℃');
      await expect(banner.getByTestId('recognised-conflict')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(overflow, 'page scrolls').toBeLessThanOrEqual(0);
      for (const el of [banner, personField(booth, 1, 'temp'), page.getByRole('button', { name: /^保存/ }), booth.plateInput()]) await expect(el).toBeInViewport({ ratio: 1 });
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/recognised-person-${width}x768-${theme}.png` });
    });
  }
}
