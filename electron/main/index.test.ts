import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../shared/ipc';
import { createFakeElectron, type FakeElectron } from './fakeElectron.testkit';

let fake: FakeElectron;
// The factory runs once; the getters hand each test its own fresh fake.
vi.mock('electron', () => ({
  get app() {
    return fake.electron.app;
  },
  get BrowserWindow() {
    return fake.electron.BrowserWindow;
  },
  get dialog() {
    return fake.electron.dialog;
  },
  get Menu() {
    return fake.electron.Menu;
  },
  get session() {
    return fake.electron.session;
  },
  get ipcMain() {
    return fake.electron.ipcMain;
  },
  get shell() {
    return fake.electron.shell;
  },
}));

let base: string;
beforeEach(() => {
  fake = createFakeElectron();
  base = mkdtempSync(path.join(tmpdir(), 'checkpoint-index-'));
  vi.resetModules();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(base, { recursive: true, force: true });
});

async function boot(env: Record<string, string | undefined> = {}) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  await import('./index');
  fake.fireReady();
  await new Promise((r) => setTimeout(r, 0));
  return fake.windows[0];
}

const trustedEvent = (win: NonNullable<FakeElectron['windows'][number]>) => ({ sender: win.webContents, senderFrame: { ...win.webContents.mainFrame } });

describe('main process wiring (fake Electron)', () => {
  it('moves userData to CHECKPOINT_DATA_DIR, creating it, before the single-instance lock', async () => {
    const dir = path.join(base, '二号站');
    await boot({ CHECKPOINT_DATA_DIR: dir, ELECTRON_RENDERER_URL: undefined });
    expect(existsSync(dir)).toBe(true);
    expect(fake.paths['userData']).toBe(dir);
    expect(fake.calls.slice(0, 3)).toEqual(['setPath:userData', 'enableSandbox', 'requestSingleInstanceLock']);
  });

  it('refuses a relative CHECKPOINT_DATA_DIR with a bilingual error box and exits 1', async () => {
    await boot({ CHECKPOINT_DATA_DIR: 'station2' });
    expect(fake.state.exitCode).toBe(1);
    expect(fake.state.errorBoxes[0]?.[1]).toMatch(/绝对路径[\s\S]*absolute/);
    expect(fake.calls).not.toContain('requestSingleInstanceLock');
    expect(fake.windows).toHaveLength(0);
  });

  it('a second instance quits without a window; the first one is focused', async () => {
    fake.state.lock = false;
    await boot({ CHECKPOINT_DATA_DIR: undefined });
    expect(fake.state.quit).toBe(1);
    expect(fake.windows).toHaveLength(0);

    fake = createFakeElectron();
    vi.resetModules();
    const win = await boot({ CHECKPOINT_DATA_DIR: undefined });
    fake.appEvents.emit('second-instance');
    expect(win?.minimized).toBe(false);
    expect(win?.focused).toBe(1);
  });

  it('creates one hardened window that shows when ready', async () => {
    const win = await boot({ CHECKPOINT_DATA_DIR: undefined, ELECTRON_RENDERER_URL: undefined });
    expect(fake.windows).toHaveLength(1);
    expect(win?.options).toMatchObject({ title: '卡口登记站', show: false });
    expect(win?.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((win?.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win?.loaded[0]).toMatch(/^file:.*renderer[\\/]index\.html$/);
    expect(win?.visible).toBe(false);
    win?.emit('ready-to-show');
    expect(win?.visible).toBe(true);
    expect(fake.state.menus).toHaveLength(1);
  });

  it('loads the dev server when ELECTRON_RENDERER_URL is set and the app is not packaged', async () => {
    const win = await boot({ CHECKPOINT_DATA_DIR: undefined, ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(win?.loaded).toEqual(['http://localhost:5173/']);
    expect(fake.session.beforeRequest).toBeDefined();
    const decide = (url: string) => {
      let answer: unknown;
      fake.session.beforeRequest!({ url }, (r: unknown) => (answer = r));
      return answer;
    };
    expect(decide('ws://localhost:5173/')).toEqual({ cancel: false });
    expect(decide('https://example.com/')).toEqual({ cancel: true });
  });

  it('registers exactly the invoke channels, answering with Results and checking the sender', async () => {
    const dir = path.join(base, 'data');
    const win = (await boot({ CHECKPOINT_DATA_DIR: dir, ELECTRON_RENDERER_URL: undefined }))!;
    expect([...fake.handlers.keys()].sort()).toEqual([IPC.appInfo, IPC.print, IPC.printToPdf, IPC.saveFile, IPC.setLocale].sort());

    const call = (channel: string, event: unknown, ...args: unknown[]) => fake.handlers.get(channel)!(event, ...args) as Promise<unknown>;
    expect(await call(IPC.appInfo, trustedEvent(win))).toEqual({ ok: true, value: { version: '0.1.0', platform: 'electron', dataDir: dir } });
    expect(await call(IPC.appInfo, { sender: win.webContents, senderFrame: { routingId: 9, processId: 11, url: win.webContents.mainFrame.url } })).toMatchObject({ ok: false, error: { code: 'ipc.forbidden' } });
    expect(await call(IPC.setLocale, trustedEvent(win), 'xx')).toMatchObject({ ok: false, error: { code: 'ipc.invalid' } });

    expect(await call(IPC.setLocale, trustedEvent(win), 'en')).toEqual({ ok: true, value: null });
    const menu = fake.state.menus.at(-1) as { template: { label: string }[] };
    expect(menu.template[0]?.label).toBe('&File');

    expect(await call(IPC.saveFile, trustedEvent(win), { suggestedName: 'a', kind: 'xlsx', data: new Uint8Array([1]) })).toEqual({ ok: true, value: { saved: false, cancelled: true } });
    expect(await call(IPC.print, trustedEvent(win))).toEqual({ ok: true, value: null });
  });

  it('menu commands reach the renderer on the menu channel', async () => {
    const win = (await boot({ CHECKPOINT_DATA_DIR: undefined }))!;
    const menu = fake.state.menus.at(-1) as { template: { submenu: { id?: string; click?: () => void }[] }[] };
    menu.template[0]?.submenu.find((i) => i.id === 'command.save')?.click?.();
    expect(win.webContents.sent).toEqual([[IPC.menuCommand, 'save']]);
  });

  it('denies window.open, foreign navigation, webviews and permissions except persistent storage', async () => {
    const win = (await boot({ CHECKPOINT_DATA_DIR: undefined, ELECTRON_RENDERER_URL: undefined }))!;
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });

    const nav = (url: string) => {
      const event = { url, prevented: false, preventDefault() { this.prevented = true; } };
      win.webContents.emit('will-navigate', event);
      return event.prevented;
    };
    expect(nav('file:///home/u/dropped.xlsx')).toBe(true);
    expect(nav(win.webContents.mainFrame.url)).toBe(false);

    const webview = { prevented: false, preventDefault() { this.prevented = true; } };
    win.webContents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);

    const ask = (permission: string) => {
      let granted: boolean | undefined;
      fake.session.permissionRequest!(win.webContents, permission, (g: boolean) => (granted = g));
      return granted;
    };
    expect(ask('media')).toBe(false);
    expect(ask('notifications')).toBe(false);
    expect(ask('persistent-storage')).toBe(true);
    expect(fake.session.permissionCheck!(win.webContents, 'geolocation')).toBe(false);
    expect(fake.session.devicePermission!({})).toBe(false);
  });

  it('offers a right-click edit menu in the UI language', async () => {
    const win = (await boot({ CHECKPOINT_DATA_DIR: undefined }))!;
    const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
    win.webContents.emit('context-menu', {}, { isEditable: true, selectionText: '', editFlags: flags });
    win.webContents.emit('context-menu', {}, { isEditable: false, selectionText: '', editFlags: flags });
    expect(fake.state.popups).toHaveLength(1);
    expect((fake.state.popups[0] as { label?: string }[]).map((i) => i.label)).toContain('粘贴');
  });

  it('reloads a crashed renderer, but not forever', async () => {
    const win = (await boot({ CHECKPOINT_DATA_DIR: undefined }))!;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (let i = 0; i < 5; i++) win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(win.webContents.reloads).toBe(3);
  });
});
