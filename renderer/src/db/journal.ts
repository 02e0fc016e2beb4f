// The second copy: every write path in this folder stamps a journal entry INSIDE its IndexedDB
// transaction (sequence number + record counts, kept in the `settings` row JOURNAL_MARK_KEY, so
// the mark and the data commit or roll back together), then appends the entry to the journal
// outside IndexedDB (platform: a file in the data folder / OPFS) and waits for it to be flushed
// before the caller may say 已保存. At start-up the two marks are compared (integrity.ts).
//
// A new write path MUST do the same: stamp inside the transaction (with db.settings in its scope),
// then `await appendJournal(db, entry)` after the commit — journaledWrite.ts does both around the
// caller's transaction.
import { addCounts, encodeEntry, ZERO_COUNTS, type JournalEntry, type JournalMark, type JournalTable, type RecordCounts } from '../../../shared/journal';
import type { AppError } from '../../../shared/result';
import type { CheckpointDB } from './db';

export const JOURNAL_MARK_KEY = '__journalMark';

export type { SnapshotInfo } from '../../../shared/ipc';

// The store's shape lives in tables.ts (db.ts holds one, and must not import this module).
export type { JournalStore } from './tables';

// ---------------------------------------------------------------------------------------------
// Health: a failed append does not undo the save (the record IS in IndexedDB), but the booth
// must see that its second copy stopped. One listener set, read by the banner in the app.

let lastError: AppError | undefined;
/** A snapshot that could not be taken: stays until one succeeds (a later append does not clear it). */
let snapshotProblem: AppError | undefined;
const listeners = new Set<() => void>();
export const journalError = (): AppError | undefined => lastError ?? snapshotProblem;
export function onJournalHealth(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
function setJournalError(e: AppError | undefined): void {
  lastError = e;
  for (const fn of listeners) fn();
}
export function setSnapshotProblem(e: AppError | undefined): void {
  if (e === snapshotProblem) return;
  snapshotProblem = e;
  for (const fn of listeners) fn();
}

// ---------------------------------------------------------------------------------------------

export async function readMark(db: CheckpointDB): Promise<JournalMark | undefined> {
  const row = await db.settings.get(JOURNAL_MARK_KEY);
  const v = row?.value as JournalMark | undefined;
  return v && typeof v.seq === 'number' ? v : undefined;
}

export async function writeMark(db: CheckpointDB, mark: JournalMark): Promise<void> {
  await db.settings.put({ key: JOURNAL_MARK_KEY, value: mark });
}

/**
 * Inside the caller's rw transaction (which must include db.settings): next sequence number and
 * counts. `added` = records that did not exist before this write.
 */
export async function stampJournal(
  db: CheckpointDB,
  op: string,
  put: Partial<Record<JournalTable, unknown[]>>,
  added: Partial<RecordCounts> = {},
  clear?: JournalTable[],
): Promise<JournalEntry> {
  const mark = (await readMark(db)) ?? { seq: 0, counts: ZERO_COUNTS };
  // The audit head is carried forward on every line (appendAudit sets it): see JournalMark.audit.
  const next: JournalMark = { seq: mark.seq + 1, counts: addCounts(mark.counts, added), ...(mark.audit ? { audit: mark.audit } : {}) };
  await writeMark(db, next);
  return { ...next, at: Date.now(), op, put, ...(clear ? { clear } : {}) };
}

// Appends run one after another, so lines reach the file in commit order.
const chains = new WeakMap<CheckpointDB, Promise<unknown>>();

/** After the commit: append and flush. Resolves when the line is on disk or the failure is recorded. */
export async function appendJournal(db: CheckpointDB, entry: JournalEntry): Promise<void> {
  const store = db.journal;
  if (!store) return;
  const line = encodeEntry(entry);
  const prev = chains.get(db) ?? Promise.resolve();
  const next = prev.then(() => store.append([line]));
  chains.set(db, next.catch(() => undefined));
  const r = await next.catch((e: unknown) => ({ ok: false as const, error: { code: 'journal.failed', message: { zh: String(e), en: String(e) } } }));
  if (r.ok) {
    if (lastError) setJournalError(undefined);
    db.afterJournal?.(entry);
  } else {
    setJournalError({
      code: 'journal.failed',
      message: {
        zh: `记录已存入数据库，但备份日志写入失败：${r.error.message.zh}`,
        en: `The record is in the database, but the backup journal could not be written: ${r.error.message.en}`,
      },
    });
  }
}
