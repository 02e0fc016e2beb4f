// 布控名单 flows: open the dialog from the booth's 更多 menu, act as an operator allowed to manage
// lists, import a list file (mapping confirmed or changed, preview checked), store it, update or
// retire a list. Specs and screenshots speak through these, not through raw key sequences.
import { expect, type Locator } from '@playwright/test';
import type { BoothPage } from './BoothPage';

export interface ListFileUpload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export function watchlistDialog(booth: BoothPage): Locator {
  return booth.page.getByRole('dialog', { name: /^(布控名单|Watchlists)$/ });
}

/** The shift lead (who may manage lists) signs in with F8 and their PIN. */
export { actAs } from './privacyFlows';

export async function openWatchlists(booth: BoothPage): Promise<Locator> {
  await booth.chooseMore(/^(布控名单|Watchlists)$/);
  const dialog = watchlistDialog(booth);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** 导入新名单 (or 更新版本 of a listed one), then the file: resolves once the columns are shown. */
export async function chooseListFile(booth: BoothPage, file: ListFileUpload, version?: { list: string }): Promise<Locator> {
  const dialog = watchlistDialog(booth);
  if (version) await booth.click(dialog.getByRole('row').filter({ hasText: version.list }).getByRole('button', { name: /^(更新版本|New version)$/ }));
  else await booth.click(dialog.getByRole('button', { name: /^(导入新名单|Import a new list)$/ }));
  await dialog.locator('input[type=file]').setInputFiles(file);
  await expect(dialog.getByTestId('wl-file')).toContainText(file.name);
  await expect(dialog.getByTestId('wl-totals')).toBeVisible();
  return dialog;
}

/** What a sheet's column is imported as (by the column's letter: 'C'). */
export function columnChoice(dialog: Locator, letter: string): Locator {
  return dialog.getByRole('combobox', { name: new RegExp(`^(导入为|Import as) ${letter}\\b`) });
}

export async function setColumn(booth: BoothPage, dialog: Locator, letter: string, field: string): Promise<void> {
  await columnChoice(dialog, letter).selectOption({ label: field });
  await expect(dialog.getByTestId('wl-totals')).toBeVisible();
}

/** Name, source and date (a new list), then Ctrl+S; resolves when the list of lists says it is stored. */
export async function storeList(booth: BoothPage, meta: { name?: string; source?: string; issuedOn: string; mode?: 'replace' | 'add' }): Promise<string> {
  const dialog = watchlistDialog(booth);
  if (meta.name !== undefined) await dialog.getByLabel(/^(名单名称|List name)$/).fill(meta.name);
  if (meta.source !== undefined) await dialog.getByLabel(/^(下发单位|Sent by)$/).fill(meta.source);
  if (meta.mode) await dialog.getByRole('radio', { name: meta.mode === 'replace' ? /^(替换|Replace)/ : /^(追加|Add)/ }).check();
  await dialog.getByLabel(/^(下发日期|Issued on)/).fill(meta.issuedOn);
  await booth.press('Control+s');
  const status = dialog.getByRole('status').filter({ hasText: /已保存|Stored/ });
  await expect(status).toBeVisible();
  return (await status.textContent()) ?? '';
}

export async function retireList(booth: BoothPage, name: string): Promise<void> {
  const dialog = watchlistDialog(booth);
  await booth.click(dialog.getByRole('row').filter({ hasText: name }).getByRole('button', { name: /^(停用|Retire)$/ }));
  await booth.click(dialog.getByRole('button', { name: /^(确认停用|Retire it)$/ }));
  await expect(dialog.getByRole('status')).toContainText(name);
  // The list of lists is a live query: it shows the retired state a moment after the message.
  await expect(dialog.getByTestId('watchlists').getByRole('row').filter({ hasText: name }).first().getByRole('button', { name: /^(停用|Retire)$/ })).toHaveCount(0);
}

/** The list-of-lists row of a list, as cells' text. */
/** The cells of a list's row in the 名单 table. */
export function listCells(dialog: Locator, name: string): Locator {
  return dialog.getByTestId('watchlists').getByRole('row').filter({ hasText: name }).first().getByRole('cell');
}

/**
 * The row's first cells read as given, retried until they do: after a save the table is read
 * again from IndexedDB, so reading its cells at once could catch the old row.
 */
export async function expectListRow(dialog: Locator, name: string, texts: string[]): Promise<void> {
  const cells = listCells(dialog, name);
  for (const [i, t] of texts.entries()) await expect(cells.nth(i)).toHaveText(t);
}
