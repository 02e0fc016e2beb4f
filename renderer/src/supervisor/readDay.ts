// What the day view reads for one date, in one read transaction: the date's shifts, each closed
// shift's stored totals (one row per shift, schema v7) and, for a shift still open, totals
// computed from its records (one shift, bounded); plus the other stations' shifts of the date:
// the county database's rows when sync is set up (`remote`), the imported workbooks otherwise.
// The bench times this very function.
import type { Shift } from '../../../shared/model';
import type { CheckpointDB } from '../db';
import { computeShiftSummary, importedShiftsOfDay, listShiftsByDay, shiftSummariesOf } from '../db';
import { buildDayView, importedRow, localRow, type CheckpointDay, type DayShiftRow } from './dayView';

export interface DayRead {
  view: CheckpointDay[];
  shifts: Map<string, Shift>;
  /** Shifts whose totals were computed from their records (no stored row: still open). */
  computed: number;
}

export async function readDay(db: CheckpointDB, day: string, now: number, remote: readonly DayShiftRow[] | null = null): Promise<DayRead> {
  return db.transaction('r', [db.shifts, db.shiftSummaries, db.vehicles, db.persons, db.incidents, db.importedShifts], async () => {
    const shifts = await listShiftsByDay(db, day);
    const stored = await shiftSummariesOf(db, shifts.map((s) => s.id));
    let computed = 0;
    const local = [];
    for (const [i, s] of shifts.entries()) {
      let totals = stored[i];
      if (!totals) {
        totals = await computeShiftSummary(db, s, now);
        computed++;
      }
      local.push(localRow(s, totals));
    }
    const imported = remote ?? (await importedShiftsOfDay(db, day)).map(importedRow);
    return { view: buildDayView(local, imported), shifts: new Map(shifts.map((s) => [s.id, s])), computed };
  });
}
