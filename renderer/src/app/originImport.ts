// First start at app://station: import what the migration window exported from the old
// file:// origin, before the app reads its database (electron/main/originMigration.ts).
import type { CheckpointDB } from '../db';
import { importChunks } from '../db/originTransfer';
import type { Platform } from '../platform/platform';

/**
 * Resolves when there was nothing to import, or the import was verified by main. A failure
 * is logged; main keeps the export (and the old database) and says so, and the next start
 * imports again — keyed rows, so never twice.
 */
export async function carryOverFromOldOrigin(db: CheckpointDB, platform: Platform, onStart: () => void): Promise<void> {
  const plan = await platform.originImportPlan();
  if (!plan.ok) {
    console.error('[origin] import plan', plan.error.message.en);
    return;
  }
  if (plan.value === null) return;
  onStart();
  try {
    const summary = await importChunks(db, plan.value, { chunk: (i) => platform.originImportChunk(i) });
    const done = await platform.originImportDone(summary);
    if (!done.ok) console.error('[origin] import not verified', done.error.message.en);
  } catch (e) {
    console.error('[origin] import failed', e);
  }
}
