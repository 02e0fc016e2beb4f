// Binds the Electron-free dispatcher to ipcMain, one handle per channel in shared/ipc.ts.
import { ipcMain, type BrowserWindow } from 'electron';
import { channelOf, createIpcDispatcher, INVOKE_NAMES, isTrustedSender, MIGRATION_PAGE_CALLS, type IpcHandlers } from './ipcCore';

export interface TrustedPage {
  getWindow: () => BrowserWindow | null;
  isAllowedPage: (url: string) => boolean;
}

/** Returns a function that removes the handlers again. */
export function registerIpcHandlers(
  getWindow: () => BrowserWindow | null,
  handlers: IpcHandlers,
  isAllowedPage: (url: string) => boolean,
  migrationPage: TrustedPage,
): () => void {
  // Every call that saves a file or changes settings is recorded with the actor it named and
  // whether its role allowed it (ipcCore.ts accessOf); the main-process log keeps it.
  const dispatch = createIpcDispatcher(handlers, { onAccess: (r) => console.info('[access]', JSON.stringify(r)) });
  for (const name of INVOKE_NAMES) {
    const channel = channelOf(name);
    const trusted: TrustedPage = MIGRATION_PAGE_CALLS.has(name) ? migrationPage : { getWindow, isAllowedPage };
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      dispatch(name, () => isTrustedSender(event, trusted.getWindow(), trusted.isAllowedPage), args),
    );
  }
  return () => {
    for (const name of INVOKE_NAMES) ipcMain.removeHandler(channelOf(name));
  };
}
