// Values derived from a record's own fields, defined once. buildRecords (shared/registration.ts)
// uses them for a new record, storage (renderer/src/db) for an amended one, the handover workbook
// and the lists read them: they must agree everywhere.
import type { Person, Vehicle } from './model';
import { reverseString } from './text';

/** The reading that counts for a person: a recheck overrides the first (infrared) reading. */
export function countingReading(p: Pick<Person, 'first' | 'recheck'>): number {
  return (p.recheck ?? p.first).celsius;
}

/** docNumber reversed: an index on it answers "ends with" searches (last digits of an ID). */
export function docRevOf(docNumber: string): string {
  return reverseString(docNumber);
}

export interface VehicleSummary {
  personCount: number;
  maxTemp: number | null;
  anyFever: boolean;
}

/** Over the vehicle's current (non-removed) occupants. anyFever = still feverish after the recheck. */
export function vehicleSummary(persons: readonly Pick<Person, 'first' | 'recheck' | 'feverConfirmed'>[]): VehicleSummary {
  let maxTemp: number | null = null;
  for (const p of persons) {
    const t = countingReading(p);
    if (Number.isFinite(t) && (maxTemp === null || t > maxTemp)) maxTemp = t;
  }
  return { personCount: persons.length, maxTemp, anyFever: persons.some((p) => p.feverConfirmed) };
}

/** An occupant's copies of its vehicle's keys (for the per-shift / per-day / plate indexes) and its docRev. */
export function stampPerson(vehicle: Pick<Vehicle, 'id' | 'shiftId' | 'createdAt' | 'day' | 'plate'>, p: Person, voided: 0 | 1): Person {
  return {
    ...p,
    vehicleId: vehicle.id,
    shiftId: vehicle.shiftId,
    createdAt: vehicle.createdAt,
    day: vehicle.day,
    plate: vehicle.plate,
    docRev: docRevOf(p.docNumber),
    voided,
  };
}
