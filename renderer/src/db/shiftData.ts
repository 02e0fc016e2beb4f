// Everything of one shift, for the handover report and the Excel export. Full arrays are fine:
// a shift is bounded (≤ ~5,000 vehicles / 20,000 persons) and read through [shiftId+…] ranges.
// Voided rows are included; the report decides how to show them.
import type { Incident, Person, Shift, Vehicle } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { MAX, MIN } from './keys';

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

/** The shift's vehicles in registration order. */
export async function vehiclesOfShift(db: CheckpointDB, shiftId: string): Promise<Vehicle[]> {
  return db.vehicles.where('[shiftId+createdAt]').between([shiftId, MIN], [shiftId, MAX]).toArray();
}

/** The shift's persons in registration order, each vehicle's occupants by seq. */
export async function personsOfShift(db: CheckpointDB, shiftId: string): Promise<Person[]> {
  const persons = await db.persons.where('[shiftId+createdAt]').between([shiftId, MIN], [shiftId, MAX]).toArray();
  return persons.sort((a, b) => a.createdAt - b.createdAt || (a.vehicleId < b.vehicleId ? -1 : a.vehicleId > b.vehicleId ? 1 : 0) || a.seq - b.seq);
}

export async function incidentsOfShift(db: CheckpointDB, shiftId: string): Promise<Incident[]> {
  return db.incidents.where('[shiftId+at]').between([shiftId, MIN], [shiftId, MAX]).toArray();
}

