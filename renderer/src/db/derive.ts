// Denormalised fields are written by this layer, never trusted from the caller: they feed
// indexes (docRev, person.day/plate/createdAt) and the list columns (personCount, maxTemp,
// anyFever), so they must agree with the rows they summarise.
import type { Person, Vehicle } from '../../../shared/model';
import { reverseString } from './normalize';

/** Copy the vehicle's keys onto its occupants and derive docRev. */
export function stampPerson(vehicle: Vehicle, p: Person, voided: 0 | 1): Person {
  return {
    ...p,
    vehicleId: vehicle.id,
    shiftId: vehicle.shiftId,
    createdAt: vehicle.createdAt,
    day: vehicle.day,
    plate: vehicle.plate,
    docRev: reverseString(p.docNumber),
    voided,
  };
}

/** The reading that counts for a person: a recheck overrides the first (infrared) reading. */
export function effectiveTemp(p: Person): number {
  return p.recheck?.celsius ?? p.first.celsius;
}

export interface VehicleSummary {
  personCount: number;
  maxTemp: number | null;
  anyFever: boolean;
}

/** Summary over the vehicle's current (non-removed) occupants. anyFever = fever after recheck. */
export function summarize(persons: readonly Person[]): VehicleSummary {
  let maxTemp: number | null = null;
  for (const p of persons) {
    const t = effectiveTemp(p);
    if (Number.isFinite(t) && (maxTemp === null || t > maxTemp)) maxTemp = t;
  }
  return { personCount: persons.length, maxTemp, anyFever: persons.some((p) => p.feverConfirmed) };
}
