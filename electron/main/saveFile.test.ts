import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, type FakeElectron } from './fakeElectron.testkit';

let fake: FakeElectron;
const showSaveDialog = vi.fn();
vi.mock('electron', () => ({
  get app() {
    return fake.electron.app;
  },
  dialog: { showSaveDialog: (...args: unknown[]) => showSaveDialog(...args) },
}));

const { saveWithDialog } = await import('./saveFile');

let base: string;
let userData: string;
let usb: string;
beforeEach(() => {
  fake = createFakeElectron();
  base = mkdtempSync(path.join(tmpdir(), 'checkpoint-save-'));
  userData = path.join(base, 'userData');
  usb = path.join(base, 'U盘');
  mkdirSync(userData);
  mkdirSync(usb);
  fake.paths['userData'] = userData;
  fake.paths['documents'] = path.join(base, 'Documents');
  showSaveDialog.mockReset();
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const win = {} as never;
const data = new TextEncoder().encode('xlsx bytes');

describe('saveWithDialog', () => {
  it('offers the sanitised name in Documents first, with a filter for the kind', async () => {
    showSaveDialog.mockResolvedValue({ canceled: true });
    const r = await saveWithDialog(win, { suggestedName: '../交接表:早班', kind: 'xlsx', data }, 'zh');
    expect(r).toEqual({ ok: true, value: { saved: false, cancelled: true } });
    const [, options] = showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string; filters: { extensions: string[] }[]; title: string }];
    expect(options.defaultPath).toBe(path.join(base, 'Documents', '交接表_早班.xlsx'));
    expect(options.filters).toEqual([{ name: 'Excel 工作簿 (*.xlsx)', extensions: ['xlsx'] }]);
    expect(options.title).toBe('导出 Excel 文件');
  });

  it('writes the file where the user chose, adds a missing extension, and remembers the folder', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(usb, '交接表') });
    const r = await saveWithDialog(win, { suggestedName: '交接表', kind: 'xlsx', data }, 'en');
    const target = path.join(usb, '交接表.xlsx');
    expect(r).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(readFileSync(target, 'utf8')).toBe('xlsx bytes');
    expect(readdirSync(usb)).toEqual(['交接表.xlsx']);

    showSaveDialog.mockResolvedValueOnce({ canceled: true });
    await saveWithDialog(win, { suggestedName: 'report', kind: 'pdf', data }, 'en');
    const [, options] = showSaveDialog.mock.calls[1] as [unknown, { defaultPath: string; title: string }];
    expect(options.defaultPath).toBe(path.join(usb, 'report.pdf'));
    expect(options.title).toBe('Save PDF file');
  });

  it('returns a bilingual failure when the stick vanished between dialog and write', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(base, 'gone', 'a.xlsx') });
    const r = await saveWithDialog(win, { suggestedName: 'a', kind: 'xlsx', data }, 'zh');
    expect(r).toMatchObject({ ok: false, error: { code: 'save.noFolder' } });
  });
});
