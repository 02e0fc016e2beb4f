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
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
