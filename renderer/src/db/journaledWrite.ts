// The write-path protocol of journal.ts in one place: the caller's transaction stamps its journal
// line inside IndexedDB (with db.settings in its scope); once it has committed with ok, the line
// is appended and flushed before the caller may say 已保存; a storage error becomes the user's
// message (errors.ts). Each caller keeps its own transaction — stores, checks and writes.
import type { JournalEntry, JournalTable, RecordCounts } from '../../../shared/journal';
import type { Result } from '../../../shared/result';
import type { CheckpointDB } from './db';
import { storageFailure } from './errors';
import { appendJournal, stampJournal } from './journal';

/** stampJournal for the running transaction: the line it stamps is the one appended after the commit. */
export type StampJournal = (op: string, put: Partial<Record<JournalTable, unknown[]>>, added?: Partial<RecordCounts>, clear?: JournalTable[]) => Promise<void>;

/**
 * Runs `write` (which runs one transaction and calls `stamp` inside it), then appends the stamped
 * line when the result is ok. `action` names the write in a failure message ("保存事件失败…").
 */
export async function journaledWrite<T>(db: CheckpointDB, action: { zh: string; en: string }, write: (stamp: StampJournal) => Promise<Result<T>>): Promise<Result<T>> {
  let entry: JournalEntry | undefined;
  const stamp: StampJournal = async (...args) => {
    entry = await stampJournal(db, ...args);
  };
  try {
    const r = await write(stamp);
    if (r.ok && entry) await appendJournal(db, entry);
    return r;
  } catch (e) {
    return storageFailure(e, action);
  }
}
