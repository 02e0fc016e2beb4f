import type { DesktopApi } from '../../../shared/ipc';
import type { Platform } from './types';

/** The desktop: every call goes through the preload's one function per IPC channel. */
export function createElectronPlatform(api: DesktopApi): Platform {
  return { ...api, kind: 'electron' };
}
