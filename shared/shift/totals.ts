// A shift's totals as the supervisor's day view shows them: the counts (no fever-case list) and
// the hourly series. Computed from the records by the same functions as the handover
// (summarizeShift, hourlyCounts), stored per shift when it closes (renderer/src/db/
// shiftSummaries.ts) so a day view reads one row per shift instead of all its records.
import { COUNT_KEYS, hourlyCounts, summarizeShift, type HourCount, type ShiftCounts } from './summary';
import type { Incident, Person, Vehicle } from '../model';

export interface ShiftTotals {
  counts: ShiftCounts;
  hourly: HourCount[];
}

/** The counts of a summary without its fever-case list. */
export function countsOnly(s: ShiftCounts): ShiftCounts {
  const c = {} as ShiftCounts;
  for (const k of COUNT_KEYS) c[k] = s[k];
  return c;
}

export function shiftTotals(vehicles: Vehicle[], persons: Person[], incidents: Incident[], tzOffsetMinutes: number): ShiftTotals {
  return { counts: countsOnly(summarizeShift(vehicles, persons, incidents)), hourly: hourlyCounts(vehicles, persons, tzOffsetMinutes) };
}
