// Per-day counters (schema v3). Today's counts are read after every save, and counting an index
// range costs time in proportion to the rows in it; a counter row costs one read.
import type { CheckpointDB, DayCountRow } from './db';

/** Counted from the indexes: the truth the counters start from and are tested against. */
export async function recountDay(db: CheckpointDB, day: string): Promise<DayCountRow> {
  const [vehicles, persons] = await Promise.all([
    db.vehicles.where('[day+voided]').equals([day, 0]).count(),
    db.persons.where('[day+voided]').equals([day, 0]).count(),
  ]);
  return { day, vehicles, persons };
}

/** The day's counts: the stored row, or (a day never written since v3) a recount. */
export async function readDayCounts(db: CheckpointDB, day: string): Promise<DayCountRow> {
  return (await db.dayCounts.get(day)) ?? recountDay(db, day);
}

/**
 * Apply a change to a day's counters. Must run inside the caller's rw transaction that also
 * includes vehicles, persons and dayCounts, and BEFORE the caller's own writes, so a missing
 * row is recounted from the state the delta applies to.
 */
export async function bumpDayCounts(db: CheckpointDB, day: string, vehicles: number, persons: number): Promise<void> {
  if (vehicles === 0 && persons === 0) return;
  const current = await readDayCounts(db, day);
  await db.dayCounts.put({ day, vehicles: current.vehicles + vehicles, persons: current.persons + persons });
}
