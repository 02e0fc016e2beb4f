// First start at app://station: import what the migration window exported from the old
// file:// origin, before the app reads its database (electron/main/originMigration.ts).
import type { CheckpointDB } from '../db';
import { importChunks } from '../db/originTransfer';
import type { Platform } from '../platform/platform';

export type CarryOver = 'nothing' | 'done' | 'failed';

/**
 * 'failed' when the import broke off or main did not verify it. Main keeps the export and the
 * old database; the next start imports again (keyed rows, so never twice). Until then the app
 * must not open: a record saved into a half-moved database would make the retry's check fail.
 */
export async function carryOverFromOldOrigin(db: CheckpointDB, platform: Platform, onStart: () => void): Promise<CarryOver> {
  const plan = await platform.originImportPlan();
  if (!plan.ok) {
    console.error('[origin] import plan', plan.error.message.en);
    return 'failed';
  }
  if (plan.value === null) return 'nothing';
  onStart();
  try {
    const summary = await importChunks(db, plan.value, { chunk: (i) => platform.originImportChunk(i) });
    const done = await platform.originImportDone(summary);
    if (done.ok) return 'done';
    console.error('[origin] import not verified', done.error.message.en);
  } catch (e) {
    console.error('[origin] import failed', e);
  }
  return 'failed';
}
