// Adapts the platform's journal channels (Electron IPC or the OPFS worker) to the storage
// layer's JournalStore, for one database name.
import type { JournalStore } from '../db/journal';
import type { Platform } from './platform';

/** IndexedDB names may hold characters a file name should not; the journal's name is derived. */
export const journalNameOf = (dbName: string): string => dbName.replace(/[^\w-]/g, '_').slice(0, 80);

export function journalStoreFor(platform: Platform, dbName: string, mirrorDir: () => string | undefined = () => undefined): JournalStore {
  const db = journalNameOf(dbName);
  return {
    append: (lines) => platform.journalAppend({ db, lines }),
    readAll: () => platform.journalRead({ db, part: 'all' }),
    tail: () => platform.journalRead({ db, part: 'tail' }),
    writeSnapshot: (kind, seq, text) => {
      const dir = mirrorDir();
      return platform.snapshotWrite({ db, kind, seq, text, ...(dir ? { mirrorDir: dir } : {}) });
    },
    listSnapshots: () => platform.snapshotList({ db }),
    readSnapshot: (name) => platform.snapshotRead({ db, name }),
    compact: (keepAfterSeq, head, keepSnapshot) => platform.journalCompact({ db, keepAfterSeq, head, keepSnapshot }),
  };
}

/** Ask the browser not to evict this origin's storage; returns whether it is (now) persistent. */
export async function requestPersistence(): Promise<{ supported: boolean; persisted: boolean }> {
  const storage = navigator.storage;
  if (!storage?.persist || !storage.persisted) return { supported: false, persisted: false };
  try {
    if (await storage.persisted()) return { supported: true, persisted: true };
    return { supported: true, persisted: await storage.persist() };
  } catch {
    return { supported: true, persisted: false };
  }
}

export async function persistenceState(): Promise<{ supported: boolean; persisted: boolean }> {
  const storage = navigator.storage;
  if (!storage?.persisted) return { supported: false, persisted: false };
  return { supported: true, persisted: await storage.persisted().catch(() => false) };
}
