// The object behind window.checkpointDesktop: one named function per IPC channel. It takes
// ipcRenderer as an argument so it can be exercised in Node with a fake.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { DesktopApi, IPC, MenuCommand } from '../../shared/ipc';
import { fail, type Result } from '../../shared/result';

/**
 * Duplicated on purpose: importing the runtime table from shared/ipc.ts would pull zod into
 * the preload bundle, and a sandboxed preload can require nothing but 'electron'.
 * `satisfies` makes type-checking fail if these drift from the contract.
 */
export const CHANNELS = {
  appInfo: 'app:info',
  setLocale: 'app:set-locale',
  saveFile: 'file:save',
  print: 'window:print',
  printToPdf: 'window:print-to-pdf',
  readWorkbooks: 'import:read-workbooks',
  cancelImport: 'import:cancel',
  journalAppend: 'journal:append',
  journalRead: 'journal:read',
  snapshotWrite: 'snapshot:write',
  snapshotList: 'snapshot:list',
  snapshotRead: 'snapshot:read',
  journalCompact: 'journal:compact',
  menuCommand: 'menu:command',
  originExportChunk: 'origin:export-chunk',
  originExportDone: 'origin:export-done',
  originImportPlan: 'origin:import-plan',
  originImportChunk: 'origin:import-chunk',
  originImportDone: 'origin:import-done',
  syncStatus: 'sync:status',
  syncConfigure: 'sync:configure',
  syncImportConfig: 'sync:import-config',
  syncForget: 'sync:forget',
  syncPush: 'sync:push',
  syncPull: 'sync:pull',
  syncWatchEntries: 'sync:watch-entries',
  syncCountyDay: 'sync:county-day',
} as const satisfies typeof IPC;

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createDesktopApi(ipc: IpcRendererLike): DesktopApi {
  // Main always answers with a Result; this covers invoke itself rejecting (e.g. data that cannot be cloned).
  const invoke = <T>(channel: string, ...args: unknown[]): Promise<Result<T>> =>
    (ipc.invoke(channel, ...args) as Promise<Result<T>>).catch((e: unknown) => {
      const detail = e instanceof Error ? e.message : String(e);
      return fail<T>('ipc.failed', `与主进程通信失败（${channel}）：${detail}`, `Could not reach the main process (${channel}): ${detail}`);
    });

  return {
    appInfo: () => invoke(CHANNELS.appInfo),
    setLocale: (locale) => invoke(CHANNELS.setLocale, locale),
    saveFile: (req) => invoke(CHANNELS.saveFile, req),
    print: () => invoke(CHANNELS.print),
    printToPdf: (req) => invoke(CHANNELS.printToPdf, req),
    originExportChunk: (chunk) => invoke(CHANNELS.originExportChunk, chunk),
    originExportDone: (summary) => invoke(CHANNELS.originExportDone, summary),
    originImportPlan: () => invoke(CHANNELS.originImportPlan),
    originImportChunk: (index) => invoke(CHANNELS.originImportChunk, index),
    originImportDone: (summary) => invoke(CHANNELS.originImportDone, summary),
    syncStatus: () => invoke(CHANNELS.syncStatus),
    syncConfigure: (req) => invoke(CHANNELS.syncConfigure, req),
    syncImportConfig: (text) => invoke(CHANNELS.syncImportConfig, text),
    syncForget: () => invoke(CHANNELS.syncForget),
    syncPush: (batch) => invoke(CHANNELS.syncPush, batch),
    syncPull: () => invoke(CHANNELS.syncPull),
    syncWatchEntries: (req) => invoke(CHANNELS.syncWatchEntries, req),
    syncCountyDay: (req) => invoke(CHANNELS.syncCountyDay, req),
    readWorkbooks: (req) => invoke(CHANNELS.readWorkbooks, req),
    cancelImport: () => invoke(CHANNELS.cancelImport),
    journalAppend: (req) => invoke(CHANNELS.journalAppend, req),
    journalRead: (req) => invoke(CHANNELS.journalRead, req),
    journalCompact: (req) => invoke(CHANNELS.journalCompact, req),
    snapshotWrite: (req) => invoke(CHANNELS.snapshotWrite, req),
    snapshotList: (req) => invoke(CHANNELS.snapshotList, req),
    snapshotRead: (req) => invoke(CHANNELS.snapshotRead, req),
    onMenuCommand: (listener) => {
      // The event is dropped: its `sender` is ipcRenderer itself.
      const handler = (_event: IpcRendererEvent, command: unknown) => {
        if (typeof command === 'string') listener(command as MenuCommand);
      };
      ipc.on(CHANNELS.menuCommand, handler);
      return () => {
        ipc.removeListener(CHANNELS.menuCommand, handler);
      };
    },
  };
}

