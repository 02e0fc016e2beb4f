// Sandboxed preload (bundled to out/preload/index.cjs). ipcRenderer itself never crosses the
// bridge, so page code cannot invoke arbitrary channels.
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopApi } from './api';

contextBridge.exposeInMainWorld('checkpointDesktop', createDesktopApi(ipcRenderer));
