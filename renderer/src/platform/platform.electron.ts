import type { DesktopApi } from '../../../shared/ipc';
import type { Platform } from './platform';

export function createElectronPlatform(api: DesktopApi): Platform {
  return {
    kind: 'electron',
    appInfo: () => api.appInfo(),
    setLocale: (locale) => api.setLocale(locale),
    saveFile: (req) => api.saveFile(req),
    print: () => api.print(),
    printToPdf: (req) => api.printToPdf(req),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
