// Flows of "who may see what" (masking, reveal, search scope): acting as a shift member, revealing
// a record's full numbers with a reason, searching beyond the shift, recording an incident, and
// reading every text a person could see on the page. Keys go through BoothPage where they are keys.
import { expect, type Locator } from '@playwright/test';
import type { BoothPage } from './BoothPage';

/** The operator acting at the booth: the shift member signs in with F8 and their PIN (BoothPage.actAs). */
export async function actAs(booth: BoothPage, name: string): Promise<void> {
  await booth.actAs(name);
}

/** 查看完整号码: from an open record dialog, a reason (digit 1–4 picks it; 4 = 其他 + text), confirm. */
export async function revealInRecord(booth: BoothPage, dialog: Locator, reason: { digit: number; text?: string }): Promise<void> {
  await booth.click(dialog.getByRole('button', { name: '查看完整号码…' }));
  const box = dialog.getByTestId('reveal-box');
  await expect(box).toBeVisible();
  await box.getByRole('radio').first().focus();
  await booth.press(String(reason.digit));
  if (reason.text !== undefined) {
    await box.getByLabel(/^说明/).focus();
    await booth.type(reason.text);
  }
  await booth.click(box.getByRole('button', { name: /^查看（/ }));
  await expect(dialog.getByTestId('reveal-status')).toBeVisible();
}

/** Ctrl+F and a query: the results of the current and the previous shift. */
export async function search(booth: BoothPage, query: string): Promise<void> {
  await booth.press('Control+f');
  await expect(booth.page.getByLabel(/^查找/)).toBeFocused();
  await booth.page.getByLabel(/^查找/).fill(query);
  booth.dataChars += [...query].length;
  await expect(booth.page.getByRole('heading', { name: '查找结果' })).toBeVisible();
}

/** 查找全部班次: offered to a lead only; audited. */
export function searchBeyondButton(booth: BoothPage): Locator {
  return booth.page.getByRole('button', { name: '查找全部班次（记录查询）' });
}

/** Ctrl+I, the kind's digit, the plate, the description, Ctrl+S; the dialog stays open with the list. */
export async function recordIncident(booth: BoothPage, entry: { kindDigit: number; plate: string; description: string }): Promise<Locator> {
  await booth.press('Control+i');
  const dialog = booth.page.getByRole('dialog', { name: '事件登记' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio').first().focus();
  await booth.press(String(entry.kindDigit));
  await dialog.getByLabel('车牌（如有）').fill(entry.plate);
  await dialog.getByLabel('经过描述').fill(entry.description);
  booth.dataChars += [...entry.plate].length + [...entry.description].length;
  await booth.press('Control+s');
  await expect(dialog.getByRole('status')).toHaveText('事件已保存');
  return dialog;
}

/**
 * Every text a person could read on the page right now: the rendered text of the body (what is
 * visible, as laid out) and the value of every input, textarea and select.
 */
export async function visibleText(booth: BoothPage): Promise<string> {
  return booth.page.evaluate(() => {
    const values = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')).map((e) => e.value);
    return [document.body.innerText, ...values].join('\n');
  });
}

/** No full ID number or phone in `text`: neither as typed nor with its digits spaced or dashed apart. */
export function expectNoneOf(text: string, secrets: readonly string[], where: string): void {
  const digitsOnly = text.replace(/[\s-]/g, '');
  for (const s of secrets) {
    expect(text.includes(s), `${where}: "${s}" visible in full`).toBe(false);
    expect(digitsOnly.includes(s.replace(/[\s-]/g, '')), `${where}: "${s}" visible with separators`).toBe(false);
  }
}

/** The audit trail as stored (read-only, straight from the station's IndexedDB). */
export async function auditEntries(booth: BoothPage, dbParam: string): Promise<{ action: string; actor: string; role: string; target?: string; detail?: Record<string, unknown> }[]> {
  return booth.page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('audit', 'readonly');
          const all = tx.objectStore('audit').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    `checkpoint-station-${dbParam}`,
  );
}
