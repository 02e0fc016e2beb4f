// The booth's counters: per day (schema v3, fever and recheck figures since v4) and per shift
// (v4), plus the 待复测 queue (v4). Today's and this shift's figures are read after every save,
// and counting an index range costs time in proportion to the rows in it; a counter row costs one
// read. Every change to a vehicle and its people goes through applyRecordChange, which adds
// tallyRecords(after) − tallyRecords(before) — the handover summary's own counting — so the
// counters equal the summary by construction (dayCounts.test.ts checks it).
import type { Person, Vehicle } from '../../../shared/model';
import { addTally, emptyTally, isZeroTally, tallyDelta, tallyRecords, type BoothTally } from '../../../shared/shift/summary';
import { isRecheckOpen } from '../../../shared/recheck';
import type { CheckpointDB, DayCountRow, RecheckQueueRow, ShiftCountRow } from './db';
import { MAX, MIN } from './keys';

/** Counted from the indexes: the truth the counters start from and are tested against. */
export async function recountDay(db: CheckpointDB, day: string): Promise<DayCountRow> {
  // [day+voided] = [day, 0]: the day's non-voided rows only. People follow their vehicle's void,
  // so no vehicle lookup is needed to leave voided people out.
  const [vehicles, persons] = await Promise.all([
    db.vehicles.where('[day+voided]').equals([day, 0]).count(),
    db.persons.where('[day+voided]').equals([day, 0]).toArray(),
  ]);
  return { day, ...tallyRecords([], persons), vehicles };
}

/** A shift counted from its records ([shiftId+createdAt], bounded by one shift). */
export async function recountShift(db: CheckpointDB, shiftId: string): Promise<ShiftCountRow> {
  const [vehicles, persons] = await Promise.all([
    db.vehicles.where('[shiftId+createdAt]').between([shiftId, MIN], [shiftId, MAX]).toArray(),
    db.persons.where('[shiftId+createdAt]').between([shiftId, MIN], [shiftId, MAX]).toArray(),
  ]);
  return { shiftId, ...tallyRecords(vehicles, persons) };
}

/** The day's counts: the stored row, or (a day never written since v4) a recount. */
export async function readDayCounts(db: CheckpointDB, day: string): Promise<DayCountRow> {
  return (await db.dayCounts.get(day)) ?? recountDay(db, day);
}

/** The shift's counts (本班): the stored row, or a recount. */
export async function readShiftCounts(db: CheckpointDB, shiftId: string): Promise<ShiftCountRow> {
  return (await db.shiftCounts.get(shiftId)) ?? recountShift(db, shiftId);
}

/**
 * Store the shift's and the day's counter rows if they are missing (a shift open when the app
 * was updated to v4, a new day after midnight), so the booth's live figures read one row each
 * instead of recounting on every refresh. One recount, in one transaction; a no-op afterwards.
 */
export async function ensureCounterRows(db: CheckpointDB, shiftId: string, day: string): Promise<void> {
  await db.transaction('rw', [db.vehicles, db.persons, db.dayCounts, db.shiftCounts], async () => {
    if (!(await db.shiftCounts.get(shiftId))) await db.shiftCounts.put(await recountShift(db, shiftId));
    if (!(await db.dayCounts.get(day))) await db.dayCounts.put(await recountDay(db, day));
  });
}

/** The tables applyRecordChange writes; a caller's rw transaction must include them (and vehicles, persons). */
export function counterTables(db: CheckpointDB) {
  return [db.dayCounts, db.shiftCounts, db.recheckQueue];
}

export interface RecordState {
  vehicle: Vehicle;
  /** Every person row of the vehicle (removed ones included, with their voided flag). */
  persons: readonly Person[];
}

const plus = (row: BoothTally, d: BoothTally): BoothTally => addTally(row, d);

export function queueRows(state: RecordState | null): RecheckQueueRow[] {
  if (!state || state.vehicle.voided === 1) return [];
  return state.persons
    .filter((p) => p.voided === 0 && isRecheckOpen(p))
    .map((p) => ({ personId: p.id, shiftId: state.vehicle.shiftId, vehicleId: state.vehicle.id, since: p.awaitingRecheckSince as number }));
}

/**
 * Keep the counters and the recheck queue in step with a change to one vehicle: null before = a
 * new record. Must run inside the caller's rw transaction (vehicles, persons, counterTables) and
 * BEFORE the caller's own writes, so a missing counter row is recounted from the state the
 * change applies to.
 */
export async function applyRecordChange(db: CheckpointDB, before: RecordState | null, after: RecordState): Promise<void> {
  const delta = tallyDelta(
    before ? tallyRecords([before.vehicle], before.persons) : emptyTally(),
    tallyRecords([after.vehicle], after.persons),
  );
  if (!isZeroTally(delta)) {
    // A record keeps its day and shift for life (amendments may not move them).
    const { day, shiftId } = after.vehicle;
    const dayRow = await readDayCounts(db, day);
    const shiftRow = await readShiftCounts(db, shiftId);
    await db.dayCounts.put({ ...plus(dayRow, delta), day });
    await db.shiftCounts.put({ ...plus(shiftRow, delta), shiftId });
  }
  const open = queueRows(after);
  const stillOpen = new Set(open.map((r) => r.personId));
  const closed = queueRows(before).filter((r) => !stillOpen.has(r.personId));
  if (closed.length > 0) await db.recheckQueue.bulkDelete(closed.map((r) => r.personId));
  if (open.length > 0) await db.recheckQueue.bulkPut(open);
}
