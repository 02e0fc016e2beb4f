// Wires the storage layer's journal to the platform, and decides when snapshots are taken:
// one when a shift closes (kept per shift), and a rolling one every ROLLING_EVERY writes.
import type { CheckpointDB } from '../db';
import { takeSnapshot } from '../db/recovery';
import type { Platform } from '../platform/platform';
import { journalStoreFor } from '../platform/journalStore';

/** settings row: the second folder (desktop) every snapshot is copied to, or absent. */
export const MIRROR_KEY = 'snapshotMirrorDir';
/** A rolling snapshot every this many journal lines: bounds how much a damaged journal can cost. */
export const ROLLING_EVERY = 500;

let mirror: string | undefined;

export async function loadMirror(db: CheckpointDB): Promise<string | undefined> {
  const row = await db.settings.get(MIRROR_KEY);
  mirror = typeof row?.value === 'string' && row.value.trim() ? row.value.trim() : undefined;
  return mirror;
}

export async function saveMirror(db: CheckpointDB, dir: string): Promise<void> {
  await db.settings.put({ key: MIRROR_KEY, value: dir.trim() });
  mirror = dir.trim() || undefined;
}

export function attachJournal(db: CheckpointDB, platform: Platform): void {
  db.journal = journalStoreFor(platform, db.name, () => mirror);
  let running: Promise<unknown> = Promise.resolve();
  db.afterJournal = (entry) => {
    const kind = entry.op === 'closeShift' ? 'shift' : entry.seq % ROLLING_EVERY === 0 ? 'rolling' : undefined;
    if (!kind) return;
    // In the background, one at a time: the save that triggered it has already been confirmed.
    running = running.then(() => takeSnapshot(db, kind)).catch(() => undefined);
  };
}
