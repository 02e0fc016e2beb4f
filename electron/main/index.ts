// App lifecycle: data folder, single instance, security, IPC, menu, window.
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC, type MenuCommand } from '../../shared/ipc';
import type { Locale } from '../../shared/model';
import { ok } from '../../shared/result';
import { aboutContent } from './about';
import { ensureDataDir, resolveDataDir } from './dataDir';
import { registerIpcHandlers } from './ipc';
import { buildContextMenuTemplate, buildMenuTemplate } from './menu';
import { printContents, printContentsToPdf } from './print';
import { saveWithDialog } from './saveFile';
import { hardenSession, hardenWebContents } from './security';
import { isAllowedNavigation } from './urlPolicy';
import { createMainWindow } from './window';

function fatal(zh: string, en: string): void {
  dialog.showErrorBox('卡口登记站 Checkpoint Station', `${zh}\n\n${en}`);
  app.exit(1);
}

/**
 * Must run before `ready` and before the single-instance lock: Chromium opens IndexedDB in
 * userData, and Electron's lock is per userData, which is what lets a second station
 * (CHECKPOINT_DATA_DIR=D:\\station2) run beside the first on one PC.
 */
function applyDataDir(): boolean {
  const choice = resolveDataDir(process.env);
  if (choice.kind === 'invalid') {
    fatal(choice.message.zh, choice.message.en);
    return false;
  }
  if (choice.kind === 'custom') {
    const made = ensureDataDir(choice.dir);
    if (!made.ok) {
      fatal(made.message.zh, made.message.en);
      return false;
    }
    app.setPath('userData', choice.dir);
  }
  return true;
}

function start(): void {
  // The dev server URL is honoured only in development; a packaged app loads its own files.
  const devUrl = (!app.isPackaged && process.env['ELECTRON_RENDERER_URL']) || undefined;
  const rendererFile = join(__dirname, '../renderer/index.html');
  const appUrl = devUrl ?? pathToFileURL(rendererFile).href;
  const isAppPage = (url: string) => isAllowedNavigation(url, appUrl);

  let mainWindow: BrowserWindow | null = null;
  // Chinese until the renderer reports the user's saved choice through setLocale.
  let locale: Locale = 'zh';

  const sendMenuCommand = (command: MenuCommand) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC.menuCommand, command);
  };

  const showAbout = async () => {
    const dataDir = app.getPath('userData');
    const content = aboutContent(locale, { version: app.getVersion(), dataDir, electron: process.versions.electron ?? '' });
    const options = { type: 'info' as const, title: content.title, message: content.message, detail: content.detail, buttons: content.buttons, defaultId: 0, cancelId: 0, noLink: true };
    const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
    if (response === 1) await shell.openPath(dataDir);
  };

  const applyMenu = () => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(locale, sendMenuCommand, { isPackaged: app.isPackaged, onAbout: () => void showAbout().catch((e: unknown) => console.error('[about]', e)) })));
  };

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, appUrl);
    // DevTools draws its own context menus.
    if (contents.getType() !== 'window') return;
    contents.on('context-menu', (_e, params) => {
      const template = buildContextMenuTemplate(locale, params);
      if (template.length > 0) Menu.buildFromTemplate(template).popup();
    });
  });

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    if (process.platform === 'win32') app.setAppUserModelId('cn.checkpoint.station');
    hardenSession(session.defaultSession, devUrl);

    const requireWindow = (): BrowserWindow => {
      if (!mainWindow || mainWindow.isDestroyed()) throw new Error('window is closed');
      return mainWindow;
    };
    registerIpcHandlers(
      () => mainWindow,
      {
        appInfo: async () => ok({ version: app.getVersion(), platform: 'electron', dataDir: app.getPath('userData') }),
        setLocale: async (next) => {
          locale = next;
          applyMenu();
          return ok(null);
        },
        saveFile: (req) => saveWithDialog(requireWindow(), req, locale),
        print: () => printContents(requireWindow().webContents),
        printToPdf: (req) => printContentsToPdf(requireWindow().webContents, req, (save) => saveWithDialog(requireWindow(), save, locale)),
      },
      isAppPage,
    );

    applyMenu();
    mainWindow = createMainWindow({ preload: join(__dirname, '../preload/index.cjs'), rendererFile, devUrl });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}

if (applyDataDir()) {
  app.enableSandbox();
  if (app.requestSingleInstanceLock()) start();
  else app.quit();
}
