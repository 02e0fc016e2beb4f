// County sync in the renderer. The browser build has no main process: sync is shown as
// unavailable with its reason. With a desktop bridge (a stand-in for the preload, installed
// before the app loads) the real renderer engine reads its outbox from IndexedDB and hands
// batches over; a record the "county" refuses stays on the PC and is listed with the reason.
import { expect, test, type Page } from '@playwright/test';
import { BoothPage } from './pages/BoothPage';

const ID = '34052419800101001X';

/** Runs in the page: a desktop bridge whose county refuses plate 川A44444 (while __hold is set) and accepts the rest. */
function installFakeDesktop() {
  const ok = (value: unknown) => Promise.resolve({ ok: true, value });
  const setup = { host: 'county.example', port: 5432, database: 'county', role: 'booth_nanjiang', checkpoint: '南江南高速出口卡点', tls: 'verify' };
  const w = window as unknown as { __batches: unknown[]; __hold: boolean; checkpointDesktop: unknown };
  w.__batches = [];
  w.__hold = true;
  const journal: string[] = [];
  w.checkpointDesktop = {
    appInfo: () => ok({ version: 'test', platform: 'electron', dataDir: '/data' }),
    setLocale: () => ok(null),
    saveFile: () => ok({ saved: false, cancelled: true }),
    print: () => ok(null),
    printToPdf: () => ok({ saved: false, cancelled: true }),
    onMenuCommand: () => () => undefined,
    // Nothing to carry over from an older file:// origin.
    originImportPlan: () => ok(null),
    originExportChunk: () => ok(null),
    originExportDone: () => ok(null),
    originImportChunk: () => ok(null),
    originImportDone: () => ok(null),
    syncStatus: () => ok({ available: true, configured: true, setup }),
    syncConfigure: () => ok({ available: true, configured: true, setup }),
    syncImportConfig: () => ok({ available: true, configured: true, setup }),
    syncForget: () => ok({ available: true, configured: false }),
    syncPush: (batch: { batchId: string; vehicles: { id: string; plate: string }[]; persons: { id: string; vehicleId: string }[] }) => {
      w.__batches.push(JSON.parse(JSON.stringify(batch)));
      const bad = batch.vehicles.filter((v) => w.__hold && v.plate === '川A44444');
      const refused = bad.flatMap((v) => [
        { kind: 'vehicle', id: v.id, code: 'sync.forbidden', reason: { zh: '服务器拒绝：无权写入', en: 'Refused by the server: not permitted' } },
        ...batch.persons.filter((p) => p.vehicleId === v.id).map((p) => ({ kind: 'person', id: p.id, code: 'sync.forbidden', reason: { zh: '服务器拒绝：无权写入', en: 'Refused by the server: not permitted' } })),
      ]);
      return ok({ batchId: batch.batchId, stored: batch.vehicles.length + batch.persons.length - refused.length, duplicates: 0, refused });
    },
    syncPull: () => ok({ keyAreas: [], feverLine: null, watchlists: [] }),
    syncWatchEntries: () => ok([]),
    syncCountyDay: (req: { day: string }) => ok({ day: req.day, shifts: [] }),
    // The second copy (journal) kept in memory: this test is about sync, not recovery.
    journalAppend: (req: { lines: string[] }) => {
      journal.push(...req.lines);
      return ok(null);
    },
    journalRead: () => ok(journal.length > 0 ? journal.join('\n') + '\n' : ''),
    snapshotWrite: (req: { kind: string; seq: number; text: string }) => ok({ name: `${req.kind}-${String(req.seq).padStart(10, '0')}-0.jsonl`, kind: req.kind, seq: req.seq, bytes: req.text.length }),
    snapshotList: () => ok([]),
    snapshotRead: () => ok(''),
    readWorkbooks: () => ok([]),
    cancelImport: () => ok(null),
  };
}

async function shot(page: Page, name: string) {
  for (const [w, h] of [[1366, 768], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/sync-${name}-${w}.png` });
  }
}

test('the browser build shows sync as unavailable, with the reason in one line', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await expect(booth.syncIndicator()).toHaveText('同步不可用');
  const panel = await booth.openSyncPanel();
  await expect(panel.getByTestId('sync-unavailable')).toHaveText('浏览器版不能与县级服务器同步，请使用桌面版');
  await shot(page, 'unavailable');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  // Saving is untouched by sync being unavailable.
  await booth.plateInput().focus();
  await booth.registerCarWithDriver('a12345', { name: '张三', id: ID, temp: '36.5' });
});

test('with the desktop bridge, records go out in a batch; a refused one stays here, listed with its reason', async ({ page }) => {
  await page.addInitScript(installFakeDesktop);
  const booth = await BoothPage.withOpenShift(page);
  await booth.registerCarWithDriver('a12345', { name: '张三', id: ID, temp: '36.5' });
  await booth.registerCarWithDriver('a44444', { name: '李四', id: ID, temp: '36.6' });
  const panel = await booth.openSyncPanel();
  await panel.getByRole('button', { name: '立即同步' }).click();
  await expect(panel.getByTestId('sync-refused')).toContainText('服务器拒绝：无权写入');
  await expect(panel.getByTestId('sync-refused').locator('tbody tr')).toHaveCount(2);
  await expect(booth.syncIndicator()).toContainText('被拒 2');
  await expect(booth.syncIndicator()).toContainText('待传 0');
  const batches = await page.evaluate(() => (window as unknown as { __batches: { vehicles: { plate: string }[]; persons: unknown[] }[] }).__batches);
  const plates = batches.flatMap((b) => b.vehicles.map((v) => v.plate));
  expect(plates).toEqual(expect.arrayContaining(['川A12345', '川A44444']));
  expect(batches.reduce((n, b) => n + b.persons.length, 0)).toBeGreaterThanOrEqual(2);
  await shot(page, 'panel-day');
  await page.keyboard.press('Escape');
  // The refused record is still in today's list: nothing is dropped.
  await expect(booth.todayRow('川A44444')).toBeVisible();
  await booth.toggleTheme();
  await booth.openSyncPanel();
  await shot(page, 'panel-night');
  await page.keyboard.press('Escape');
  await shot(page, 'topbar-night');

  // The county lifts the refusal; 再次发送 sends the refused vehicle with its person, and the list empties.
  await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = false));
  const again = await booth.openSyncPanel();
  await again.getByRole('button', { name: '再次发送' }).click();
  await expect(again.getByRole('status')).toHaveText('已再次发送；仍被拒收 0 条');
  await expect(again.getByTestId('sync-refused')).toHaveCount(0);
  await expect(booth.syncIndicator()).not.toContainText('被拒');
  const resent = await page.evaluate(() => (window as unknown as { __batches: { vehicles: { plate: string }[] }[] }).__batches.at(-1));
  expect(resent?.vehicles.map((v) => v.plate)).toEqual(['川A44444']);
});
