// Reading a whole shift: one function, one read transaction.
import type { Incident, Person, Shift, Vehicle } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { incidentsOfShift, personsOfShift, vehiclesOfShift } from './shiftData';

export interface ShiftRecords {
  shift: Shift;
  vehicles: Vehicle[];
  persons: Person[];
  incidents: Incident[];
}

/** What readShiftRecords is reading, in order (the export's progress shows it). */
export type ShiftReadStep = 'readShift' | 'readVehicles' | 'readPersons' | 'readIncidents';

/**
 * The one way to read a whole shift (handover screen, printed report, export worker, bench):
 * its row and all its records in ONE read transaction, so counts and rows are one consistent
 * snapshot even while the booth keeps registering. undefined when the shift does not exist.
 */
export async function readShiftRecords(
  db: CheckpointDB,
  shiftId: string,
  onStep: (step: ShiftReadStep, read: { vehicles?: number; persons?: number }) => void = () => undefined,
): Promise<ShiftRecords | undefined> {
  return db.transaction('r', [db.shifts, db.vehicles, db.persons, db.incidents], async () => {
    onStep('readShift', {});
    const shift = await db.shifts.get(shiftId);
    if (!shift) return undefined;
    onStep('readVehicles', {});
    const vehicles = await vehiclesOfShift(db, shiftId);
    onStep('readPersons', { vehicles: vehicles.length });
    const persons = await personsOfShift(db, shiftId);
    onStep('readIncidents', { vehicles: vehicles.length, persons: persons.length });
    const incidents = await incidentsOfShift(db, shiftId);
    return { shift, vehicles, persons, incidents };
  });
}
