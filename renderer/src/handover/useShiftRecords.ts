import { useLiveQuery } from 'dexie-react-hooks';
import { summarizeShift, type ShiftSummary } from '../../../shared/shift/summary';
import { readShiftRecords, type ShiftRecords as StoredShiftRecords } from '../db';
import { useDb } from '../runtime/dbContext';

export interface ShiftRecords extends StoredShiftRecords {
  summary: ShiftSummary;
}

/**
 * A shift with all its records and their summary, live: a record saved, corrected or voided (in
 * this window or another) updates the close-shift screen and the printable view at once.
 * readShiftRecords reads in one transaction, so the counts are of one consistent snapshot.
 * undefined while loading, null when the shift does not exist.
 */
export function useShiftRecords(shiftId: string): ShiftRecords | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const r = await readShiftRecords(db, shiftId);
    return r ? { ...r, summary: summarizeShift(r.vehicles, r.persons, r.incidents) } : null;
  }, [db, shiftId]);
}
