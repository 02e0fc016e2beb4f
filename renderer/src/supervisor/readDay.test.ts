// The day view reads a closed shift's stored totals (one row) and counts only an open shift live.
import { afterEach, describe, expect, it } from 'vitest';
import { closeShift, saveVehicle } from '../db';
import { T0, freshDb, makePerson, makeShift, makeVehicle } from '../db/testing';
import type { CheckpointDB } from '../db';
import { readDay } from './readDay';

const dbs: CheckpointDB[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

const handover = { pending: '', supplies: { thermometers: '', masks: '', disinfectant: '', suits: '' }, equipment: '', receivingLead: '赵队', receivedConfirmedAt: T0 };

describe('readDay', () => {
  it('uses the stored totals of a closed shift and counts an open one from its records', async () => {
    const db = freshDb();
    dbs.push(db);
    const night = makeShift({ openedAt: T0 - 5 * 3600_000, shiftName: 'night' });
    const day = makeShift({ openedAt: T0 - 3600_000 });
    await db.shifts.add(night);
    const v = makeVehicle({ shiftId: night.id, createdAt: T0 - 4 * 3600_000 });
    await saveVehicle(db, v, [makePerson({ seq: 0 }, v)]);
    await closeShift(db, night.id, handover, T0 - 2 * 3600_000);
    await db.shifts.add(day);
    const w = makeVehicle({ shiftId: day.id, createdAt: T0 });
    await saveVehicle(db, w, [makePerson({ seq: 0 }, w), makePerson({ seq: 1 }, w)]);

    const read = await readDay(db, night.day, T0);
    expect(read.computed).toBe(1);
    expect(read.view[0]?.total).toMatchObject({ vehiclesChecked: 2, peopleChecked: 3 });

    // The closed shift's figures come from its stored row, not from its records.
    const row = await db.shiftSummaries.get(night.id);
    if (!row) throw new Error('no stored row');
    await db.shiftSummaries.put({ ...row, counts: { ...row.counts, vehiclesChecked: 40 } });
    const again = await readDay(db, night.day, T0);
    expect(again.view[0]?.shifts.map((s) => s.counts.vehiclesChecked)).toEqual([40, 1]);
  });
});
