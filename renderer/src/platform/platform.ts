// The renderer's only door to the desktop. Electron's preload provides one implementation
// (window.checkpointDesktop); platform.web.ts provides the browser one used by `npm run web`
// and the end-to-end tests. Nothing else in renderer/ may touch either directly.
import type { DesktopApi } from '../../../shared/ipc';
import { createElectronPlatform } from './platform.electron';
import { createWebPlatform } from './platform.web';
import type { Platform } from './types';

export type { Platform } from './types';

declare global {
  interface Window {
    checkpointDesktop?: DesktopApi;
  }
}

let current: Platform | undefined;

export function getPlatform(): Platform {
  current ??= window.checkpointDesktop ? createElectronPlatform(window.checkpointDesktop) : createWebPlatform();
  return current;
}
