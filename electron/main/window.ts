// The single station window.
import { BrowserWindow, dialog } from 'electron';
import { APP_ENTRY_URL } from './appProtocol';
import { UNSAVED_CLOSE_DIALOG, leaveDespiteUnsaved } from './unsavedClose';

export interface WindowPaths {
  preload: string;
  /** The electron-vite dev server in development; otherwise the app is loaded from app://station. */
  devUrl: string | undefined;
}

/** Shared by the app window and the hidden migration window. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  webviewTag: false,
  spellcheck: false,
} as const;

/** A renderer crash loop (e.g. a corrupt database upgrade) must not spin forever. */
const MAX_RELOADS_PER_MINUTE = 3;

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    title: '卡口登记站',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: paths.preload },
  });

  win.once('ready-to-show', () => win.show());
  // ready-to-show never comes if the page fails to load; an invisible app looks like a hang.
  win.webContents.once('did-fail-load', () => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });

  // The page refuses to unload while a vehicle is half-typed (beforeunload); ask instead of
  // silently keeping the window open. The draft is on disk either way.
  win.webContents.on('will-prevent-unload', (event) => {
    if (leaveDespiteUnsaved(dialog.showMessageBoxSync(win, UNSAVED_CLOSE_DIALOG))) event.preventDefault();
  });

  const reloads: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[window] renderer gone: ${details.reason} (exit ${details.exitCode})`);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const now = Date.now();
    while (reloads.length > 0 && now - (reloads[0] ?? 0) > 60_000) reloads.shift();
    if (reloads.length >= MAX_RELOADS_PER_MINUTE) return;
    reloads.push(now);
    win.webContents.reload();
  });

  void win.loadURL(paths.devUrl ?? APP_ENTRY_URL);
  return win;
}
