import { useLiveQuery } from 'dexie-react-hooks';
import { summarizeShift, type ShiftSummary } from '../../../shared/handover/summary';
import type { Incident, Person, Shift, Vehicle } from '../../../shared/model';
import { getShift, incidentsOfShift, personsOfShift, vehiclesOfShift } from '../db';
import { useDb } from '../runtime/dbContext';

export interface ShiftRecords {
  shift: Shift;
  vehicles: Vehicle[];
  persons: Person[];
  incidents: Incident[];
  summary: ShiftSummary;
}

/**
 * A shift with all its records and their summary, live: a record saved, corrected or voided (in
 * this window or another) updates the close-shift screen and the printable view at once.
 * One read transaction, so the counts are of one consistent snapshot. undefined while loading,
 * null when the shift does not exist.
 */
export function useShiftRecords(shiftId: string): ShiftRecords | null | undefined {
  const db = useDb();
  return useLiveQuery(
    () =>
      db.transaction('r', [db.shifts, db.vehicles, db.persons, db.incidents], async () => {
        const shift = await getShift(db, shiftId);
        if (!shift) return null;
        const vehicles = await vehiclesOfShift(db, shiftId);
        const persons = await personsOfShift(db, shiftId);
        const incidents = await incidentsOfShift(db, shiftId);
        return { shift, vehicles, persons, incidents, summary: summarizeShift(vehicles, persons, incidents) };
      }),
    [db, shiftId],
  );
}
