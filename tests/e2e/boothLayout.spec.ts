// Item 13 (one vehicle, one screen) and item 4 (the save seen where the eyes are), at the booth
// laptops' sizes in both themes. With SCREENSHOTS=1 it also writes docs/screenshots/*.png.
import { expect, test, type Page } from '@playwright/test';
import { BoothPage, residentId, type VehicleEntry } from './pages/BoothPage';

const THREE: VehicleEntry = {
  plate: 'e a12345',
  origin: '武汉',
  route: '沪渝高速',
  destination: '南江县城',
  purpose: '返乡',
  keyArea: true,
  people: [
    { name: '张三', id: residentId('420102', '19850312', '123'), phone: '13800138000', temp: '36.5' },
    { name: '李四', id: '34052419800101001X', phone: '13900139000', temp: '36.8' },
    { name: '王小五', id: residentId('510722', '20120601', '042'), temp: '36.6' },
  ],
};

/** Nothing of the page or of the form scrolls, and every element given is fully on screen. */
async function expectOneScreen(page: Page, must: ReturnType<Page['locator']>[]) {
  const overflow = await page.evaluate(() => {
    const form = document.querySelector('form.registration') as HTMLElement;
    return {
      page: document.documentElement.scrollHeight - window.innerHeight,
      pageX: document.documentElement.scrollWidth - window.innerWidth,
      form: form.scrollHeight - form.clientHeight,
      topbar: (document.querySelector('.topbar') as HTMLElement).getBoundingClientRect().height,
      // Text cut short: the checkpoint's name in the top bar, the column headings over the people.
      clipped: [...document.querySelectorAll<HTMLElement>('.shift-checkpoint, .shift-when, .people-head > span')]
        .filter((el) => getComputedStyle(el).visibility !== 'hidden')
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        .map((el) => el.textContent),
    };
  });
  expect(overflow.page, 'page scrolls').toBeLessThanOrEqual(0);
  expect(overflow.pageX, 'page scrolls sideways').toBeLessThanOrEqual(0);
  expect(overflow.form, 'form scrolls').toBeLessThanOrEqual(0);
  expect(overflow.topbar, 'top bar is one row').toBeLessThan(60);
  expect(overflow.clipped, 'text cut short').toEqual([]);
  for (const m of must) await expect(m).toBeInViewport({ ratio: 1 });
}

for (const width of [1366, 1024]) {
  for (const theme of ['day', 'night'] as const) {
    test(`a three-person key-area vehicle, plate, temperatures and save confirmation fit one ${width}×768 screen (${theme})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 768 });
      const booth = await BoothPage.withOpenShift(page);
      await booth.useTheme(theme);
      // A first vehicle saved, so the confirmation is on screen while the next one is typed.
      await booth.registerVehicle({ plate: 'a54321', origin: '巴中', destination: '南江', people: [THREE.people[0]!] });
      await booth.enterVehicle(THREE);
      await booth.enterPeople(THREE.people);
      const temps = page.getByLabel('体温 ℃', { exact: true });
      await expect(temps).toHaveCount(3);
      await expect(booth.saveStatus()).toContainText('川A54321');
      await expectOneScreen(page, [booth.plateInput(), temps.nth(0), temps.nth(1), temps.nth(2), booth.saveStatus(), page.getByRole('button', { name: /^保存/ })]);
      // Today's list stays beside the form, not below it.
      const form = await page.locator('form.registration').boundingBox();
      const list = await booth.todayList().boundingBox();
      expect(list && form && list.x >= form.x + form.width - 1).toBe(true);
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/booth-${width}x768-${theme}.png` });

      await booth.press('Control+s');
      await booth.expectSaved('鄂A12345', 3);
      await expect(booth.saveStatus()).toBeInViewport({ ratio: 1 });
      await expect(booth.saveStatus()).toHaveAttribute('role', 'status');
    });
  }
}

test('a refused save says how many fields need fixing, in the same place beside the plate', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const booth = await BoothPage.withOpenShift(page);
  await booth.type('a12345');
  await booth.press('Control+s');
  await expect(booth.saveStatus()).toHaveText(/^还有 \d+ 处需要修改，记录未保存$/);
  await expect(booth.saveStatus()).toBeInViewport({ ratio: 1 });
  // The status sits on the plate's line, not below the form.
  const plate = await booth.plateInput().boundingBox();
  const status = await booth.saveStatus().boundingBox();
  expect(plate && status && Math.abs(status.y - plate.y) < 60).toBe(true);
});
