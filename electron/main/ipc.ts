// Binds the Electron-free dispatcher to ipcMain, one handle per channel in shared/ipc.ts.
import { ipcMain, type BrowserWindow } from 'electron';
import { channelOf, createIpcDispatcher, INVOKE_NAMES, isTrustedSender, type IpcHandlers } from './ipcCore';

/** Returns a function that removes the handlers again. */
export function registerIpcHandlers(
  getWindow: () => BrowserWindow | null,
  handlers: IpcHandlers,
  isAllowedPage: (url: string) => boolean,
): () => void {
  const dispatch = createIpcDispatcher(handlers);
  for (const name of INVOKE_NAMES) {
    const channel = channelOf(name);
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      dispatch(name, () => isTrustedSender(event, getWindow(), isAllowedPage), args),
    );
  }
  return () => {
    for (const name of INVOKE_NAMES) ipcMain.removeHandler(channelOf(name));
  };
}
