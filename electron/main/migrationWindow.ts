// The hidden window that reads the old file:// origin's IndexedDB (electron/preload/migrate.ts).
import { BrowserWindow } from 'electron';
import { SECURE_WEB_PREFERENCES } from './window';

export interface MigrationWindow {
  window: BrowserWindow;
  /** true: the page reported originExportDone; false: it closed, failed to load or timed out. */
  finished: Promise<boolean>;
  /** Called by the originExportDone handler. */
  complete(ok: boolean): void;
}

/** Generous: a million persons are ~2,500 chunks, each written and fsynced by main. */
const EXPORT_TIME_LIMIT_MS = 30 * 60_000;

export function openMigrationWindow(preload: string, migrationPage: string): MigrationWindow {
  const window = new BrowserWindow({ show: false, width: 400, height: 300, webPreferences: { ...SECURE_WEB_PREFERENCES, preload } });
  let settle: (ok: boolean) => void = () => undefined;
  const finished = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const complete = (ok: boolean) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    settle(ok);
    if (!window.isDestroyed()) window.destroy();
  };
  const timer = setTimeout(() => complete(false), EXPORT_TIME_LIMIT_MS);
  window.on('closed', () => complete(false));
  window.webContents.once('did-fail-load', () => complete(false));
  window.webContents.on('render-process-gone', () => complete(false));
  void window.loadFile(migrationPage);
  return { window, finished, complete };
}
