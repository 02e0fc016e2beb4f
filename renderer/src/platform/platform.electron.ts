import type { DesktopApi } from '../../../shared/ipc';
import type { Platform } from './types';

export function createElectronPlatform(api: DesktopApi): Platform {
  return {
    kind: 'electron',
    appInfo: () => api.appInfo(),
    setLocale: (locale) => api.setLocale(locale),
    saveFile: (req) => api.saveFile(req),
    print: () => api.print(),
    printToPdf: (req) => api.printToPdf(req),
    originExportChunk: (chunk) => api.originExportChunk(chunk),
    originExportDone: (summary) => api.originExportDone(summary),
    originImportPlan: () => api.originImportPlan(),
    originImportChunk: (index) => api.originImportChunk(index),
    originImportDone: (summary) => api.originImportDone(summary),
    syncStatus: () => api.syncStatus(),
    syncConfigure: (req) => api.syncConfigure(req),
    syncImportConfig: (text) => api.syncImportConfig(text),
    syncForget: () => api.syncForget(),
    syncPush: (batch) => api.syncPush(batch),
    syncPull: () => api.syncPull(),
    syncWatchEntries: (req) => api.syncWatchEntries(req),
    syncCountyDay: (req) => api.syncCountyDay(req),
    readWorkbooks: (req) => api.readWorkbooks(req),
    cancelImport: () => api.cancelImport(),
    journalAppend: (req) => api.journalAppend(req),
    journalRead: (req) => api.journalRead(req),
    journalCompact: (req) => api.journalCompact(req),
    snapshotWrite: (req) => api.snapshotWrite(req),
    snapshotList: (req) => api.snapshotList(req),
    snapshotRead: (req) => api.snapshotRead(req),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
