import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('checkpointDesktop', {});
