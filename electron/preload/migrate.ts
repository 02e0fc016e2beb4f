// Preload of the one-off migration window (see electron/main/originMigration.ts). It runs in the
// OLD file:// origin's page, whose IndexedDB holds the booth's data, and sends that data to
// main in bounded chunks. The page itself runs no script: a preload loads whatever the page's
// own rules allow, so this works with the file:// privileges fuse off.
// Bundled with Dexie into out/preload/migrate.cjs (sandboxed: it can require only 'electron').
import { ipcRenderer } from 'electron';
import { CheckpointDB } from '../../renderer/src/db/db';
import { DB_NAME } from '../../renderer/src/db/schema';
import { exportToSink } from '../../renderer/src/db/originTransfer';
import { createDesktopApi } from './api';

async function run(): Promise<void> {
  // The app's own class: the old database is opened at the current schema (any pending
  // upgrade() runs, as it would have when the app updated), never deleted or cleared.
  const db = new CheckpointDB(DB_NAME);
  try {
    await exportToSink(db, createDesktopApi(ipcRenderer));
  } finally {
    db.close();
  }
}

run().catch((e: unknown) => {
  console.error('[migrate] export failed', e);
  // Main waits for originExportDone or for this window to close: closing is the failure signal.
  window.close();
});
