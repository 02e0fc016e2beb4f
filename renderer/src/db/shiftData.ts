// Everything of one shift, for the handover report and the Excel export. Full arrays are fine:
// a shift is bounded (≤ ~5,000 vehicles / 20,000 persons) and read through [shiftId+…] ranges.
// Voided rows are included; the report decides how to show them.
import type { Incident, Person, Vehicle } from '../../../shared/model';
import { MAX, MIN } from './keys';
import type { ShiftTables } from './tables';

/** The shift's vehicles in registration order. */
export async function vehiclesOfShift(db: ShiftTables, shiftId: string): Promise<Vehicle[]> {
  return db.vehicles.where('[shiftId+createdAt]').between([shiftId, MIN], [shiftId, MAX]).toArray();
}

/** The shift's persons in registration order, each vehicle's occupants by seq. */
export async function personsOfShift(db: ShiftTables, shiftId: string): Promise<Person[]> {
  const persons = await db.persons.where('[shiftId+createdAt]').between([shiftId, MIN], [shiftId, MAX]).toArray();
  return persons.sort((a, b) => a.createdAt - b.createdAt || (a.vehicleId < b.vehicleId ? -1 : a.vehicleId > b.vehicleId ? 1 : 0) || a.seq - b.seq);
}

export async function incidentsOfShift(db: ShiftTables, shiftId: string): Promise<Incident[]> {
  return db.incidents.where('[shiftId+at]').between([shiftId, MIN], [shiftId, MAX]).toArray();
}

