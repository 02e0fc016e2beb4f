// App lifecycle: data folder, single instance, security, IPC, menu, window.
import { app, BrowserWindow, dialog, Menu, protocol, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC, type MenuCommand } from '../../shared/ipc';
import type { Locale } from '../../shared/model';
import { ok } from '../../shared/result';
import { aboutContent } from './about';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createRendererHandler } from './appProtocol';
import { ensureDataDir, resolveDataDir } from './dataDir';
import { registerIpcHandlers } from './ipc';
import { createJournalFiles } from './journalFiles';
import { buildContextMenuTemplate, buildMenuTemplate } from './menu';
import { printContents, printContentsToPdf } from './print';
import { saveWithDialog } from './saveFile';
import { createSyncHandlers } from './sync/handlers';
import { createImportService } from './importService';
import { hardenSession, hardenWebContents } from './security';
import { openMigrationWindow, type MigrationWindow } from './migrationWindow';
import { OriginMigration, originMigrationHandlers } from './originMigration';
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
  // The dev server URL is honoured only in development; otherwise the app is served from its
  // own privileged scheme (app://station), never from file://.
  const devUrl = (!app.isPackaged && process.env['ELECTRON_RENDERER_URL']) || undefined;
  const rendererDir = join(__dirname, '../renderer');
  const appUrl = devUrl ?? APP_ENTRY_URL;
  const isAppPage = (url: string) => isAllowedNavigation(url, appUrl);
  // The old origin, only for the one-off page that carries its IndexedDB over.
  const migrationPage = join(rendererDir, 'migrate.html');
  const isMigrationPage = (url: string) => isAllowedNavigation(url, pathToFileURL(migrationPage).href);

  let mainWindow: BrowserWindow | null = null;
  let migrationWindow: MigrationWindow | null = null;
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

  const moveFailed = () =>
    fatal(
      '无法把本机已有的登记数据迁移到新版本。旧数据完好无损，没有删除任何记录。请重新启动程序；若仍失败，请联系维护人员。',
      'Could not move the registrations already on this PC into the new version. The old data is intact; nothing was deleted. Start the app again; if it still fails, call maintenance.',
    );

  void app.whenReady().then(async () => {
    if (process.platform === 'win32') app.setAppUserModelId('cn.checkpoint.station');
    session.defaultSession.protocol.handle(APP_SCHEME, createRendererHandler(rendererDir));
    hardenSession(session.defaultSession, { devUrl, fileRoot: `${pathToFileURL(rendererDir).href}/` });
    const migration = new OriginMigration(join(app.getPath('userData'), 'origin-migration'));

    const requireWindow = (): BrowserWindow => {
      if (!mainWindow || mainWindow.isDestroyed()) throw new Error('window is closed');
      return mainWindow;
    };
    // Built beside index.js by electron-vite (a second main entry).
    const imports = createImportService(join(__dirname, 'importParser.js'));
    // The second copy lives in the data folder, beside Chromium's own IndexedDB folder.
    const journal = createJournalFiles(app.getPath('userData'));
    app.on('will-quit', () => void journal.close());
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
        ...originMigrationHandlers(migration, {
          development: devUrl !== undefined,
          onExportFinished: (exported) => migrationWindow?.complete(exported),
          onImportRefused: (error) => dialog.showErrorBox('卡口登记站 Checkpoint Station', `${error.message.zh}\n\n${error.message.en}`),
        }),
        // County sync: the password is kept only as safeStorage ciphertext in the data folder.
        ...createSyncHandlers(app.getPath('userData'), safeStorage),
        readWorkbooks: (req) => imports.readWorkbooks(req),
        cancelImport: () => imports.cancelImport(),
        journalAppend: (req) => journal.append(req),
        journalRead: (req) => journal.read(req.db, req.part),
        snapshotWrite: (req) => journal.writeSnapshot(req),
        snapshotList: (req) => journal.listSnapshots(req.db),
        snapshotRead: (req) => journal.readSnapshot(req.db, req.name),
        journalCompact: (req) => journal.compact(req),
      },
      isAppPage,
      { getWindow: () => migrationWindow?.window ?? null, isAllowedPage: isMigrationPage },
    );

    // First start at app://station: read the old file:// origin's database before the app opens
    // its own (empty) one. Quitting is better than an empty booth that looks like lost data.
    if (!devUrl && migration.needsExport()) {
      const begun = await migration.beginExport();
      if (!begun.ok) return moveFailed();
      migrationWindow = openMigrationWindow(join(__dirname, '../preload/migrate.cjs'), migrationPage);
      const exported = await migrationWindow.finished;
      migrationWindow = null;
      if (!exported) return moveFailed();
    }

    applyMenu();
    mainWindow = createMainWindow({ preload: join(__dirname, '../preload/index.cjs'), devUrl });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}

if (applyDataDir()) {
  // Before `ready`: a privileged scheme must be known when the first session is created.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.enableSandbox();
  if (app.requestSingleInstanceLock()) start();
  else app.quit();
}
