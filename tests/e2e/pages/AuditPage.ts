// Flows for the privacy screens an administrator uses: the audit trail viewer (filter, pages,
// chain status, export) and the retention period with the first purge's confirmation. The
// administrator is the station's own account (made on the 开班 page) and signs in with F8 and a PIN.
import { expect, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { ADMIN, type BoothPage } from './BoothPage';

export { ADMIN };

export class AuditPage {
  constructor(readonly booth: BoothPage) {}

  /** The usual night shift, with the administrator made first and then signed in. */
  async openShiftAsAdmin() {
    await this.booth.openShift({ signInAs: 'admin' });
  }

  /** The next shift, on the open-shift screen that a close leaves (its fields may be prefilled); then the administrator signs in. */
  async openShiftAsAdminAgain() {
    const p = this.booth.page;
    await expect(p.getByRole('heading', { name: /开班/ })).toBeVisible();
    await p.getByLabel('卡点名称').fill('南江南高速出口卡点');
    await p.getByLabel('值班负责人').fill('赵队');
    await p.getByLabel('姓名 1').fill('王医生');
    await this.booth.fillShiftPins();
    await p.getByLabel('密码 1', { exact: true }).focus();
    await this.booth.press('Enter');
    await this.booth.press('4'); // 卫健
    await this.booth.press('Enter');
    await expect(this.booth.focused()).toHaveText('开班');
    await this.booth.press('Enter');
    await this.booth.expectSignedIn('赵队');
    await this.booth.switchOperator(ADMIN);
  }

  async actAs(name: string) {
    await this.booth.actAs(name);
  }

  viewer(): Locator {
    return this.booth.page.getByRole('dialog', { name: /审计记录|Audit trail/ });
  }

  async openViewer(): Promise<Locator> {
    await this.booth.chooseMore(/^(审计记录|Audit trail)$/);
    await expect(this.viewer()).toBeVisible();
    await expect(this.viewer().getByTestId('audit-chain')).not.toHaveText(/正在核对|Checking/);
    return this.viewer();
  }

  async closeViewer() {
    await this.viewer().getByRole('button', { name: /^(关闭|Close)$/ }).last().click();
    await expect(this.viewer()).toBeHidden();
  }

  /** Tampering as an intruder would: delete one audit row directly in IndexedDB, not through the app. */
  async deleteEntryBehindTheApp(idbName: string, seq: number) {
    await this.booth.page.evaluate(
      ([name, key]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('audit', 'readwrite');
            tx.objectStore('audit').delete(key);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [idbName, seq] as const,
    );
  }

  chain(): Locator {
    return this.viewer().getByTestId('audit-chain');
  }

  rows(): Locator {
    return this.viewer().getByTestId('audit-table').locator('tbody tr');
  }

  async filter(f: { action?: string; actor?: string; from?: string; to?: string }) {
    const v = this.viewer();
    await v.getByLabel(/^(动作|Action)$/).selectOption({ label: f.action ?? '全部' });
    await v.getByLabel(/^(操作人|Operator)$/).selectOption({ label: f.actor ?? '全部' });
    await v.getByLabel(/^(从（日期）|From \(date\))$/).fill(f.from ?? '');
    await v.getByLabel(/^(到（日期）|To \(date\))$/).fill(f.to ?? '');
    await v.getByRole('button', { name: /^(筛选|Filter)$/ }).click();
  }

  /** 导出 Excel: the download, read back as a workbook. */
  async exportTrail(): Promise<{ name: string; wb: XLSX.WorkBook }> {
    const downloading = this.booth.page.waitForEvent('download');
    await this.viewer().getByRole('button', { name: /^(导出 Excel|Export to Excel)$/ }).click();
    const d = await downloading;
    await expect(this.viewer().getByTestId('audit-status')).toContainText(/已导出|exported/);
    return { name: d.suggestedFilename(), wb: XLSX.read(readFileSync(await d.path()), { type: 'buffer' }) };
  }

  retention(): Locator {
    return this.booth.page.getByRole('dialog', { name: /个人信息保留期限|Personal data retention/ });
  }

  async openRetention(): Promise<Locator> {
    await this.booth.chooseMore(/^(个人信息保留期限|Personal data retention)$/);
    await expect(this.retention()).toBeVisible();
    return this.retention();
  }

  async setRetentionDays(days: string) {
    const r = this.retention();
    await r.getByLabel(/^(交班后保留天数|Days kept after the shift closed)$/).fill(days);
    await r.getByRole('button', { name: /^(保存期限|Save period)$/ }).click();
  }

  /** The first run: the preview must be read, then 确认清除. */
  async confirmFirstPurge(): Promise<string> {
    const preview = this.retention().getByTestId('purge-preview');
    await expect(preview).toBeVisible();
    const text = (await preview.textContent()) ?? '';
    await preview.getByRole('button', { name: /^(确认清除|Confirm purge)$/ }).click();
    await expect(this.retention().getByTestId('retention-status')).toContainText(/清除|[Pp]urge/);
    await expect(preview).toBeHidden();
    return text;
  }

  async closeRetention() {
    await this.retention().getByRole('button', { name: /^(关闭|Close)$/ }).last().click();
    await expect(this.retention()).toBeHidden();
  }
}

/** Every text cell of a workbook, sheet by sheet, for "is this name still anywhere" checks. */
export function workbookText(wb: XLSX.WorkBook): string {
  return wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n]!)).join('\n');
}

/** Every number cell of a sheet in reading order: the counts, whatever their labels. */
export function sheetNumbers(wb: XLSX.WorkBook, sheet: string): number[] {
  const ws = wb.Sheets[sheet]!;
  return (XLSX.utils.sheet_to_json(ws, { header: 1, raw: true }) as unknown[][]).flat().filter((v): v is number => typeof v === 'number');
}
