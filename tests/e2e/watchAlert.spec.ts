// Watchlist alert at registration (布控命中): a listed plate, ID or phone raises the alert while it
// is typed, before saving; the vehicle saves only once each hit is checked off (已核查) or marked
// for follow-up (待跟进) with a note. With SCREENSHOTS=1 it writes docs/screenshots/watch-alert-*.png.
import { expect, test } from '@playwright/test';
import { makeWatchEntry, makeWatchList } from '../../shared/watchlist/testFixtures';
import { BoothPage, residentId } from './pages/BoothPage';
import { decideWatchHit, openShiftWithWatchlists, saveVehicle, watchAlert, watchHit } from './pages/watchFlows';

const LISTED_ID = residentId('420102', '19850312', '123');
const LISTED_PHONE = '13712345678';

const list = makeWatchList({ name: '2月16日重点人员核查名单', source: '县疫情防控数据专班' });
const retired = makeWatchList({ name: '2月1日旧名单', status: 'retired' });
const person = makeWatchEntry(list, { name: '赵六', idNumber: LISTED_ID, origin: '武汉', note: '2月10日自武汉返乡，未报备' });
const car = makeWatchEntry(list, { plate: '鄂A12345', origin: '武汉', note: '车主已居家隔离' });
const phone = makeWatchEntry(list, { name: '钱七', phone: LISTED_PHONE, origin: '温州', note: '温州务工返乡' });
const retiredCar = makeWatchEntry(retired, { plate: '川A54321' });

async function start(page: import('@playwright/test').Page) {
  const booth = new BoothPage(page);
  await openShiftWithWatchlists(booth, [list, retired], [person, car, phone, retiredCar]);
  return booth;
}

test('a listed plate raises the alert as soon as it is typed; checked off, the car saves', async ({ page }) => {
  const booth = await start(page);
  await booth.expectFocusOn('车牌号');
  await booth.type('e a12345');
  // Before Enter, before saving: the alert says which list and what the list says.
  const hit = watchHit(booth, '鄂A12345');
  await expect(hit.getByRole('alert')).toContainText('名单“2月16日重点人员核查名单”（县疫情防控数据专班）：车牌 鄂A12345');
  await expect(hit.getByRole('alert')).toContainText('来源地 武汉');
  await expect(hit.getByRole('alert')).toContainText('名单备注：车主已居家隔离');
  await booth.press('Enter');
  await booth.press('Enter');
  await booth.fill('武汉');
  await booth.fill('');
  await booth.fill('南江县城');
  await booth.fill('');
  await booth.fill('');
  await booth.press('Space'); // 已全面查验
  await booth.press('Enter');
  await booth.press('Space'); // 已消毒
  await booth.press('Enter');
  await booth.enterPeople([{ name: '张三', id: residentId('510722', '19900101', '011'), phone: '13800138000', temp: '36.5' }]);
  // Saving without a decision is refused, and the cursor goes to the hit's first choice.
  await booth.press('Control+s');
  await expect(booth.saveStatus()).toHaveText('布控命中 1 条尚未核查，记录未保存');
  await expect(hit).toContainText('请先选“已核查”或“待跟进”');
  await expect(booth.focused()).toHaveText('已核查');
  await booth.press('Space');
  await expect(hit.getByRole('button', { name: '已核查' })).toHaveAttribute('aria-pressed', 'true');
  await saveVehicle(booth, '鄂A12345', 1);
  await expect(watchAlert(booth)).toHaveCount(0);
  // The plate on a retired list raises nothing.
  await booth.type('a54321');
  await expect(booth.page.getByTestId('plate-preview')).toContainText('川A54321');
  await expect(watchAlert(booth)).toHaveCount(0);
});

test('a listed ID raises the alert with the ID masked; a follow-up needs its note', async ({ page }) => {
  const booth = await start(page);
  await booth.enterVehicle({ plate: 'a11111', origin: '武汉', destination: '南江县城', keyArea: true, people: [] });
  await booth.fill('赵六');
  // Typed in lower case with spaces: the same normaliser as the form finds it.
  await booth.type(LISTED_ID.slice(0, 17));
  await expect(watchAlert(booth)).toHaveCount(0);
  await booth.type(LISTED_ID.slice(17));
  const hit = watchHit(booth, '赵六');
  await expect(hit.getByRole('alert')).toContainText('证件 420102********1234'.replace('1234', LISTED_ID.slice(-4)));
  await expect(hit.getByRole('alert')).toContainText('名单备注：2月10日自武汉返乡，未报备');
  await expect(watchAlert(booth)).not.toContainText(LISTED_ID);
  await booth.press('Enter');
  await booth.fill('13900001111');
  await booth.type('36.6');
  await decideWatchHit(booth, hit, { status: 'followUp' });
  await booth.press('Control+s');
  await expect(booth.saveStatus()).toHaveText('布控命中 1 条尚未核查，记录未保存');
  await expect(hit).toContainText('待跟进须写明跟进事项');
  await decideWatchHit(booth, hit, { status: 'followUp', note: '已通知社区落实居家隔离' });
  await saveVehicle(booth, '川A11111', 1);
  await expect(watchAlert(booth)).toHaveCount(0);
});

test('a listed phone raises the alert; the next car through with the same ID shows the earlier decision', async ({ page }) => {
  const booth = await start(page);
  await booth.enterVehicle({ plate: 'a22222', origin: '温州', destination: '南江县城', people: [] });
  await booth.fill('钱七');
  await booth.fill(residentId('330302', '19880808', '022'));
  await booth.type('137 1234 5678');
  const hit = watchHit(booth, '钱七');
  await expect(hit.getByRole('alert')).toContainText('电话 137****5678');
  await expect(hit.getByRole('alert')).toContainText('来源地 温州');
  await booth.press('Enter');
  await booth.type('36.4');
  await decideWatchHit(booth, hit, { status: 'met', note: '本人，已登记返乡' });
  await saveVehicle(booth, '川A22222', 1);

  // Same person again: the alert comes again (a hit is a sighting) and says it was checked off.
  await booth.enterVehicle({ plate: 'a22222', origin: '温州', destination: '南江县城', people: [] });
  await booth.fill('钱七');
  await booth.fill('');
  await booth.type(LISTED_PHONE);
  await expect(watchHit(booth, '钱七').getByRole('alert')).toContainText('此前：已核查');
});

for (const width of [1366, 1024] as const) {
  for (const theme of ['day', 'night'] as const) {
    test(`the alert is readable and the form still reachable at ${width}×768 (${theme})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 768 });
      const booth = await start(page);
      await booth.useTheme(theme);
      await booth.enterVehicle({ plate: 'e a12345', origin: '武汉', destination: '南江县城', keyArea: true, people: [] });
      await booth.fill('赵六');
      await booth.fill(LISTED_ID);
      await booth.fill('13900001111');
      await booth.type('36.5');
      const alert = watchAlert(booth);
      await expect(alert.locator('.watch-hit')).toHaveCount(2);
      // Both hits, their choices and the save button are on screen without scrolling.
      for (const el of [alert, booth.page.getByRole('button', { name: '保存' })]) await expect(el).toBeInViewport({ ratio: 1 });
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/watch-alert-${width}x768-${theme}.png` });
    });
  }
}

test('a decision typed before the booth locks itself is still there after signing in again, and the car saves with it', async ({ page }) => {
  await page.clock.install({ time: new Date('2020-02-17T23:00:00+08:00') });
  const booth = await start(page);
  await booth.enterVehicle({ plate: 'e a12345', origin: '武汉', destination: '南江县城', keyArea: true, people: [] });
  await booth.enterPeople([{ name: '张三', id: residentId('510722', '19900101', '011'), phone: '13800138000', temp: '36.5' }]);
  const hit = watchHit(booth, '鄂A12345');
  await decideWatchHit(booth, hit, { status: 'followUp', note: '车主居家隔离中，已通知社区' });
  // Left idle past the lock time: the booth locks, nothing of the vehicle on screen.
  await page.clock.fastForward('05:10');
  await expect(booth.lockScreen()).toBeVisible();
  await expect(watchAlert(booth)).toHaveCount(0);
  await booth.unlock('岳阳');
  await expect(booth.saveStatus()).toContainText('已恢复上次未保存的登记');
  const back = watchHit(booth, '鄂A12345');
  await expect(back.getByRole('button', { name: '待跟进' })).toHaveAttribute('aria-pressed', 'true');
  await expect(back.getByLabel('核查备注')).toHaveValue('车主居家隔离中，已通知社区');
  // Saved as decided, without being asked again.
  await saveVehicle(booth, '鄂A12345', 1);
  await expect(watchAlert(booth)).toHaveCount(0);
});
