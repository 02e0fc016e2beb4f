// The supervisor's imported shifts (schema v2): what other booths' handover workbooks said, kept
// so the district summary survives a restart. Rows are replaced, never edited: a shift is stored
// once (key = checkpoint + shift id), and a later export of it replaces the earlier one.
import { mergeDistrict, shiftKey, type MergeResult } from '../../../shared/excel/district';
import type { ImportedShift } from '../../../shared/excel/importHandover';
import { ok, type Result } from '../../../shared/result';
import type { CheckpointDB, ImportedShiftRow } from './db';
import { storageFailure } from './errors';
import { appendJournal, stampJournal } from './journal';
import type { JournalEntry } from '../../../shared/journal';

export interface IncomingShift {
  shift: ImportedShift;
  fileName: string;
}

export interface StoreImportResult {
  /** mergeDistrict(already stored shifts with the incoming keys, incoming), by object identity. */
  merge: MergeResult;
  /** The stored rows the incoming shifts were compared with. */
  existing: ImportedShift[];
  /** How many incoming shifts were written (new, or replacing an earlier export). */
  written: number;
}

/**
 * Merges the incoming shifts with what is stored, in ONE transaction: the rows with the same keys
 * are read, mergeDistrict decides (duplicate / replaced / new), and the winners that came in are
 * written. Either all of them are stored or, on a failure, none.
 */
export async function storeImportedShifts(db: CheckpointDB, incoming: readonly IncomingShift[], now: number): Promise<Result<StoreImportResult>> {
  const fileOf = new Map<ImportedShift, string>();
  for (const i of incoming) fileOf.set(i.shift, i.fileName);
  const keys = [...new Set(incoming.map((i) => shiftKey(i.shift)))];
  let entry: JournalEntry | undefined;
  try {
    const r = await db.transaction('rw', [db.importedShifts, db.settings], async () => {
      const existing = (await db.importedShifts.bulkGet(keys)).filter((r): r is ImportedShiftRow => r !== undefined).map((r) => r.shift);
      const merge = mergeDistrict(
        existing,
        incoming.map((i) => i.shift),
      );
      const rows: ImportedShiftRow[] = merge.merged
        .filter((s) => fileOf.has(s))
        .map((s) => ({ key: shiftKey(s), day: s.day, checkpoint: s.checkpoint, shift: s, fileName: fileOf.get(s) ?? '', importedAt: now }));
      if (rows.length > 0) {
        await db.importedShifts.bulkPut(rows);
        entry = await stampJournal(db, 'storeImportedShifts', { importedShifts: rows });
      }
      return ok({ merge, existing, written: rows.length });
    });
    if (r.ok && entry) await appendJournal(db, entry);
    return r;
  } catch (e) {
    return storageFailure(e, { zh: '保存导入的交接表', en: 'Storing the imported workbooks' });
  }
}

/**
 * Every imported shift, for the district summary. The one whole-table read in the app: a row is
 * one shift's counts (a few thousand rows at most), never a registration.
 */
export async function listImportedShifts(db: CheckpointDB): Promise<ImportedShift[]> {
  return (await db.importedShifts.toArray()).map((r) => r.shift);
}

/** Imported shifts of one day (day view), on the `day` index. */
export async function importedShiftsOfDay(db: CheckpointDB, day: string): Promise<ImportedShift[]> {
  return (await db.importedShifts.where('day').equals(day).toArray()).map((r) => r.shift);
}

export async function clearImportedShifts(db: CheckpointDB): Promise<Result<number>> {
  let entry: JournalEntry | undefined;
  try {
    const r = await db.transaction('rw', [db.importedShifts, db.settings], async () => {
      const n = await db.importedShifts.count();
      await db.importedShifts.clear();
      entry = await stampJournal(db, 'clearImportedShifts', {}, {}, ['importedShifts']);
      return ok(n);
    });
    if (r.ok && entry) await appendJournal(db, entry);
    return r;
  } catch (e) {
    return storageFailure(e, { zh: '清空导入记录', en: 'Clearing the imported shifts' });
  }
}
