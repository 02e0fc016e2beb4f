// A database slow to open (a large booth, or the one-time reshaping after an update: 35 s measured
// at a million persons) must not look like a hung app that someone closes midway. Here another
// connection keeps the booth's database busy, so the app waits on it exactly as it would on a
// long upgrade; Playwright's clock moves the wait past the few seconds after which it explains.
import { expect, test } from '@playwright/test';
import { BoothPage } from './pages/BoothPage';

declare global {
  interface Window {
    holdDb?: boolean;
  }
}

test('a database slow to open says after a few seconds that it may take a minute and not to close the app; then the booth comes up with its records', async ({ page, context }) => {
  const name = `e2e-slow-${Date.now()}`;
  const booth = new BoothPage(page);
  await booth.goto(name);
  await booth.openShift();
  await booth.registerVehicle({ plate: 'a54321', origin: '巴中', destination: '南江县城', people: [{ name: '李四', id: '34052419800101001X', phone: '13900139000', temp: '36.6' }] });
  await page.goto('about:blank');

  // Another page of the same origin holds a read-write transaction over every store, kept alive
  // by a chain of reads until it is told to stop.
  const holder = await context.newPage();
  await holder.goto('./?db=e2e-holder');
  await holder.evaluate(
    (dbName) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onerror = () => reject(new Error(String(req.error)));
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction([...db.objectStoreNames], 'readwrite');
          const settings = tx.objectStore('settings');
          window.holdDb = true;
          const spin = () => {
            if (window.holdDb) settings.get('hold').onsuccess = spin;
          };
          spin();
          tx.oncomplete = () => db.close();
          resolve();
        };
      }),
    `checkpoint-station-${name}`,
  );

  await page.clock.install();
  await booth.goto(name);
  const loading = page.getByRole('status').filter({ hasText: '正在加载…' });
  await expect(loading).toBeVisible();
  await expect(loading).not.toContainText('一分钟');
  await page.clock.fastForward(3_100);
  await expect(loading).toContainText('数据较多，或刚更新了版本，首次打开可能需要一分钟。请勿关闭，记录不会丢失。');
  await expect(loading).toContainText('Please do not close the app: no record is lost.');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/loading-long.png' });

  // The other connection lets go: the booth opens, with the vehicle registered before.
  await holder.evaluate(() => {
    window.holdDb = false;
  });
  await expect(loading).toHaveCount(0, { timeout: 20_000 });
  if (await booth.lockScreen().isVisible()) await booth.unlock('岳阳');
  await expect(booth.todayList()).toContainText('川A54321');
});
