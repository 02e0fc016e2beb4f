// Stored shift totals (schema v7). The supervisor's day view needs each shift's counts and
// hourly series; computing them reads every record of the day's shifts (~1 s at a million
// persons). A closed shift's totals change only through a later correction, so they are stored
// when the shift closes and recomputed inside the same transaction as every correction, void or
// incident void of a closed shift. An open shift has no row: its totals are computed live.
import { shiftTotals } from '../../../shared/shift/totals';
import type { Shift } from '../../../shared/model';
import { MAX, MIN } from './keys';
import { incidentsOfShift, personsOfShift, vehiclesOfShift } from './shiftData';
import type { ShiftSummaryRow, ShiftTables, SummaryTables } from './tables';

export type { ShiftSummaryRow } from './tables';

/** The booth's UTC offset at a moment (minutes east; China +480). */
export const tzOffsetAt = (ms: number): number => -new Date(ms).getTimezoneOffset();

/** Totals from the shift's records. Runs inside the caller's transaction (or opens a read). */
export async function computeShiftSummary(t: ShiftTables, shift: Pick<Shift, 'id' | 'openedAt'>, now: number): Promise<ShiftSummaryRow> {
  const [vehicles, persons, incidents] = [await vehiclesOfShift(t, shift.id), await personsOfShift(t, shift.id), await incidentsOfShift(t, shift.id)];
  const tz = tzOffsetAt(shift.openedAt);
  return { shiftId: shift.id, ...shiftTotals(vehicles, persons, incidents, tz), tzOffsetMinutes: tz, computedAt: now };
}

/** Store a closing shift's totals. Inside closeShift's transaction, after the shift row is written. */
export async function storeShiftSummary(db: SummaryTables, shift: Shift, now: number): Promise<void> {
  await db.shiftSummaries.put(await computeShiftSummary(db, shift, now));
}

/**
 * Keep a closed shift's stored totals current after a change to its records. Call inside the
 * changing transaction, after its writes (scope: shifts, vehicles, persons, incidents,
 * shiftSummaries). An open shift has no row and nothing is done.
 */
export async function refreshShiftSummary(db: SummaryTables, shiftId: string, now: number): Promise<void> {
  const shift = await db.shifts.get(shiftId);
  if (!shift || shift.status !== 'closed') return;
  await db.shiftSummaries.put(await computeShiftSummary(db, shift, now));
}

/** Stored totals of these shifts (undefined where none is stored: an open shift). */
export async function shiftSummariesOf(db: Pick<SummaryTables, 'shiftSummaries'>, shiftIds: string[]): Promise<(ShiftSummaryRow | undefined)[]> {
  return db.shiftSummaries.bulkGet(shiftIds);
}

/**
 * Totals for every closed shift that has none: the v7 upgrade (existing booths) and the bench's
 * bulk seeding. Reads each closed shift's records once, one shift at a time.
 */
export async function backfillShiftSummaries(t: SummaryTables, now: number): Promise<number> {
  const closed = await t.shifts.where('[status+openedAt]').between(['closed', MIN], ['closed', MAX]).toArray();
  let n = 0;
  for (const s of closed) {
    if (await t.shiftSummaries.get(s.id)) continue;
    await t.shiftSummaries.put(await computeShiftSummary(t, s, now));
    n++;
  }
  return n;
}
