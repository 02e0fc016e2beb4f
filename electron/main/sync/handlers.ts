// The sync IPC handlers, bound to the booth's data folder and Electron's safeStorage (passed
// in, so this file needs no electron import).
import path from 'node:path';
import type { IpcHandlers } from '../ipcCore';
import { createConfigStore, type Encryptor } from './configStore';
import { createSyncService } from './service';

type SyncHandlers = Pick<IpcHandlers, 'syncStatus' | 'syncConfigure' | 'syncImportConfig' | 'syncForget' | 'syncPush' | 'syncPull' | 'syncWatchEntries' | 'syncCountyDay'>;

export function createSyncHandlers(dataDir: string, encryptor: Encryptor): SyncHandlers {
  const service = createSyncService({ store: createConfigStore(path.join(dataDir, 'county-sync.json'), encryptor) });
  return {
    syncStatus: () => service.status(),
    syncConfigure: (req) => service.configure(req),
    syncImportConfig: (text) => service.importBoothFile(text),
    syncForget: () => service.forget(),
    syncPush: (batch) => service.push(batch),
    syncPull: () => service.pull(),
    syncWatchEntries: (req) => service.watchEntries(req),
    syncCountyDay: (req) => service.countyDay(req),
  };
}
