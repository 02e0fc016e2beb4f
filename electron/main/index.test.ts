import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../shared/ipc';
import { createFakeElectron, type FakeElectron } from './fakeElectron.testkit';

let fake: FakeElectron;
// The factory runs once; a getter per export of the fake hands each test its own fresh fake.
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fakeElectron.testkit');
  const mod: Record<string, unknown> = {};
  for (const name of Object.keys(createFakeElectron().electron)) {
    Object.defineProperty(mod, name, { enumerable: true, get: () => (fake.electron as Record<string, unknown>)[name] });
  }
  return mod;
});

let base: string;
beforeEach(() => {
  fake = createFakeElectron();
  base = mkdtempSync(path.join(tmpdir(), 'checkpoint-index-'));
  fake.paths['userData'] = path.join(base, 'userData');
  vi.resetModules();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(base, { recursive: true, force: true });
});

const summary = { counts: { persons: 2, vehicles: 1 }, digest: 'e'.repeat(64) };

/** As after the first start: the data already moved from file:// to app://station. */
function markMigrated(userData: string) {
  mkdirSync(path.join(userData, 'origin-migration'), { recursive: true });
  writeFileSync(path.join(userData, 'origin-migration', 'state.json'), JSON.stringify({ status: 'done', summary, doneAt: '2026-12-03T00:00:00Z' }));
}

async function boot(env: Record<string, string | undefined> = {}, options: { migrated?: boolean } = {}) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const userData = env['CHECKPOINT_DATA_DIR'] ?? fake.paths['userData']!;
  // A relative CHECKPOINT_DATA_DIR is refused by the app: nothing to prepare (and nothing written to the cwd).
  if ((options.migrated ?? true) && path.isAbsolute(userData)) markMigrated(userData);
  await import('./index');
  fake.fireReady();
  await new Promise((r) => setTimeout(r, 0));
  return fake.windows[0];
}

/** What the session's request filter answers for a URL: `{ cancel }`, as Electron would receive it. */
function decide(url: string): unknown {
  let answer: unknown;
  fake.session.beforeRequest!({ url }, (r: unknown) => (answer = r));
  return answer;
}

const trustedEvent = (win: NonNullable<FakeElectron['windows'][number]>) => ({ sender: win.webContents, senderFrame: { ...win.webContents.mainFrame } });

describe('main process wiring (fake Electron)', () => {
  it('moves userData to CHECKPOINT_DATA_DIR, creating it, before the single-instance lock', async () => {
    const dir = path.join(base, '二号站');
    await boot({ CHECKPOINT_DATA_DIR: dir, ELECTRON_RENDERER_URL: undefined });
    expect(existsSync(dir)).toBe(true);
    expect(fake.paths['userData']).toBe(dir);
    expect(fake.calls.slice(0, 4)).toEqual(['setPath:userData', 'registerSchemesAsPrivileged:app', 'enableSandbox', 'requestSingleInstanceLock']);
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
    expect(win?.loaded).toEqual(['app://station/index.html']);
    expect(win?.visible).toBe(false);
    win?.emit('ready-to-show');
    expect(win?.visible).toBe(true);
    expect(fake.state.menus).toHaveLength(1);
  });

  it('loads the dev server when ELECTRON_RENDERER_URL is set and the app is not packaged', async () => {
    const win = await boot({ CHECKPOINT_DATA_DIR: undefined, ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(win?.loaded).toEqual(['http://localhost:5173/']);
    expect(fake.session.beforeRequest).toBeDefined();
    expect(decide('ws://localhost:5173/')).toEqual({ cancel: false });
    expect(decide('https://example.com/')).toEqual({ cancel: true });
  });

  it('registers exactly the invoke channels, answering with Results and checking the sender', async () => {
    const dir = path.join(base, 'data');
    const win = (await boot({ CHECKPOINT_DATA_DIR: dir, ELECTRON_RENDERER_URL: undefined }))!;
    expect([...fake.handlers.keys()].sort()).toEqual(Object.values(IPC).filter((c) => c !== IPC.menuCommand).sort());

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

    // Sub-frames never navigate (the app has none); redirects go nowhere but the app itself.
    const guarded = (event: string, details: Record<string, unknown>) => {
      const e = { ...details, prevented: false, preventDefault() { this.prevented = true; } };
      win.webContents.emit(event, e);
      return e.prevented;
    };
    expect(guarded('will-frame-navigate', { url: 'https://example.com/', isMainFrame: true })).toBe(true);
    expect(guarded('will-frame-navigate', { url: 'app://station/index.html', isMainFrame: false })).toBe(true);
    expect(guarded('will-frame-navigate', { url: 'app://station/index.html', isMainFrame: true })).toBe(false);
    expect(guarded('will-redirect', { url: 'https://example.com/' })).toBe(true);
    expect(guarded('will-redirect', { url: 'file:///etc/passwd' })).toBe(true);
    expect(guarded('will-redirect', { url: 'app://station/index.html' })).toBe(false);

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

  it('serves app://station from the renderer folder and refuses other local files and the web', async () => {
    await boot({ CHECKPOINT_DATA_DIR: undefined, ELECTRON_RENDERER_URL: undefined });
    expect(fake.state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const handler = fake.session.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    // No built renderer next to the test's index.ts: the handler serves nothing rather than throwing.
    const res = (await handler!({ url: 'app://station/index.html', method: 'GET' })) as Response;
    expect(res.status).toBe(404);
    expect(decide('app://station/assets/index.js')).toEqual({ cancel: false });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide('https://example.com/')).toEqual({ cancel: true });
  });

  describe('first start after the move from file:// to app://station', () => {
    const migrationEvent = (win: NonNullable<FakeElectron['windows'][number]>) => ({ sender: win.webContents, senderFrame: { ...win.webContents.mainFrame } });

    it('reads the old origin in a hidden window first, then opens the app, which imports and verifies; the next start skips it', async () => {
      const dir = path.join(base, 'station');
      await boot({ CHECKPOINT_DATA_DIR: dir, ELECTRON_RENDERER_URL: undefined }, { migrated: false });
      await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
      const first = fake.windows[0]!;
      expect(first.options).toMatchObject({ show: false });
      expect(first.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      expect(String((first.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[\\/]migrate\.cjs$/);
      expect(first.loaded[0]).toMatch(/^file:.*renderer[\\/]migrate\.html$/);

      const call = (channel: string, event: unknown, ...args: unknown[]) => fake.handlers.get(channel)!(event, ...args) as Promise<unknown>;
      // Only the migration page may export; an app page (or a forged frame) may not.
      expect(await call(IPC.originExportChunk, { sender: {}, senderFrame: { routingId: 1, processId: 11, url: 'app://station/index.html' } }, { table: 'persons', rows: [{ id: 'x' }] })).toMatchObject({ ok: false, error: { code: 'ipc.forbidden' } });
      expect(await call(IPC.originExportChunk, migrationEvent(first), { table: 'persons', rows: [{ id: 'p1' }, { id: 'p2' }] })).toEqual({ ok: true, value: null });
      expect(await call(IPC.originExportChunk, migrationEvent(first), { table: 'vehicles', rows: [{ id: 'v1' }] })).toEqual({ ok: true, value: null });
      expect(await call(IPC.originExportDone, migrationEvent(first), summary)).toEqual({ ok: true, value: null });
      await vi.waitFor(() => expect(fake.windows).toHaveLength(2));
      expect(first.isDestroyed()).toBe(true);
      const win = fake.windows[1]!;
      expect(win.loaded).toEqual(['app://station/index.html']);
      // The migration page is gone: its channels now refuse even its old frame.
      expect(await call(IPC.originExportChunk, migrationEvent(first), { table: 'persons', rows: [{ id: 'p9' }] })).toMatchObject({ ok: false, error: { code: 'ipc.forbidden' } });
      expect(await call(IPC.originImportPlan, migrationEvent(win))).toEqual({ ok: true, value: { chunks: 2, summary } });
      expect(await call(IPC.originImportChunk, migrationEvent(win), 1)).toEqual({ ok: true, value: { table: 'vehicles', rows: [{ id: 'v1' }] } });
      // A short import is not accepted, and says so in both languages.
      expect(await call(IPC.originImportDone, migrationEvent(win), { ...summary, counts: { persons: 1, vehicles: 1 } })).toMatchObject({ ok: false, error: { code: 'origin.mismatch' } });
      expect(fake.state.errorBoxes.at(-1)?.[1]).toMatch(/旧数据完好保留[\s\S]*old data is kept intact/);
      expect(await call(IPC.originImportDone, migrationEvent(win), summary)).toEqual({ ok: true, value: null });
      expect(JSON.parse(readFileSync(path.join(dir, 'origin-migration', 'state.json'), 'utf8'))).toMatchObject({ status: 'done', summary });

      // Second start: straight to the app, nothing to import.
      fake = createFakeElectron();
      vi.resetModules();
      const again = (await boot({ CHECKPOINT_DATA_DIR: dir, ELECTRON_RENDERER_URL: undefined }, { migrated: false }))!;
      expect(fake.windows).toHaveLength(1);
      expect(again.loaded).toEqual(['app://station/index.html']);
      expect(await (fake.handlers.get(IPC.originImportPlan)!(migrationEvent(again)) as Promise<unknown>)).toEqual({ ok: true, value: null });
    });

    it('quits with a bilingual message, the old data untouched, when the migration page dies', async () => {
      await boot({ CHECKPOINT_DATA_DIR: path.join(base, 's2'), ELECTRON_RENDERER_URL: undefined }, { migrated: false });
      await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
      fake.windows[0]!.webContents.emit('did-fail-load');
      await vi.waitFor(() => expect(fake.state.exitCode).toBe(1));
      expect(fake.state.errorBoxes.at(-1)?.[1]).toMatch(/旧数据完好无损[\s\S]*old data is intact/);
      expect(fake.windows).toHaveLength(1);
    });
  });
});
