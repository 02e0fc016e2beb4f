// Flows of the watchlist alert at registration (布控命中) and the reconciliation export. Keys go
// through BoothPage, so the bench can count them. Lists are seeded straight into the station's
// IndexedDB (the import screen is tested on its own): raw IndexedDB in the page, no app back door.
import { expect, type Locator, type Page } from '@playwright/test';
import type { WatchEntry, WatchList } from '../../../shared/watchlist/model';
import type { BoothPage } from './BoothPage';

/** The IndexedDB name the app opens for `?db=name` (App.tsx). */
export const stationDbName = (name: string) => `checkpoint-station-${name}`;

/** Writes lists and entries into the open station's database, as an import would have left them. */
export async function seedWatchlists(page: Page, db: string, lists: WatchList[], entries: WatchEntry[]): Promise<void> {
  await page.evaluate(
    async ({ name, lists, entries }) => {
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = idb.transaction(['watchLists', 'watchEntries'], 'readwrite');
        for (const l of lists) tx.objectStore('watchLists').put(l);
        for (const e of entries) tx.objectStore('watchEntries').put(e);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      idb.close();
    },
    { name: stationDbName(db), lists, entries },
  );
}

export function watchAlert(booth: BoothPage): Locator {
  return booth.page.getByTestId('watch-alert');
}

/** One hit of the alert, found by what it says (the list's name, a name, a plate …). */
export function watchHit(booth: BoothPage, text: string | RegExp): Locator {
  return watchAlert(booth).locator('.watch-hit').filter({ hasText: text });
}

/**
 * The operator's decision on a hit: Tab-reachable buttons, here clicked like a glove would; a note
 * typed into 核查备注 when given.
 */
export async function decideWatchHit(booth: BoothPage, hit: Locator, decision: { status: 'met' | 'followUp'; note?: string }): Promise<void> {
  const button = hit.getByRole('button', { name: decision.status === 'met' ? '已核查' : '待跟进' });
  await booth.click(button);
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  if (decision.note !== undefined) {
    await booth.click(hit.getByLabel('核查备注'));
    await booth.type(decision.note);
  }
}

/** Ctrl+S from wherever the cursor is, and the save confirmation. */
export async function saveVehicle(booth: BoothPage, plate: string, people: number): Promise<void> {
  await booth.press('Control+s');
  await booth.expectSaved(plate, people);
}

/** A fresh station with an open shift and these lists already imported. */
export async function openShiftWithWatchlists(booth: BoothPage, lists: WatchList[], entries: WatchEntry[]): Promise<void> {
  const db = `e2e-watch-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await booth.goto(db);
  await booth.openShift();
  await seedWatchlists(booth.page, db, lists, entries);
}

/** 查看/督导 → 导出对账表: resolves with the download once the file is saved. */
export async function exportReconciliation(booth: BoothPage) {
  const section = booth.page.getByRole('region', { name: '布控名单对账' });
  const downloading = booth.page.waitForEvent('download');
  await booth.click(section.getByRole('button', { name: '导出对账表（Excel）' }));
  const download = await downloading;
  await expect(booth.page.getByTestId('watch-reconcile-status')).toContainText('对账表已下载');
  return download;
}
