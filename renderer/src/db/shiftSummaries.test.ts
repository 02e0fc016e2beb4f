// Stored shift totals (v7): written when a shift closes, kept current by every later correction
// in the same transaction, and always equal to the totals counted from the records.
import { describe, expect, it } from 'vitest';
import type { Incident, Shift } from '../../../shared/model';
import { shiftTotals } from '../../../shared/shift/totals';
import type { CheckpointDB } from './db';
import { newId } from './ids';
import { addIncident, voidIncident } from './incidents';
import { readShiftRecords } from './readShift';
import { closeShift } from './shifts';
import { tzOffsetAt } from './shiftSummaries';
import { T0, withTestDb, makePerson, makeVehicle } from './testing';
import { amendVehicle, saveVehicle, voidVehicle } from './vehicles';

let db: CheckpointDB;
let shift: Shift;
withTestDb((c) => ({ db, shift } = c));

const handover = { pending: '', supplies: { thermometers: '', masks: '', disinfectant: '', suits: '' }, equipment: '', receivingLead: '赵队', receivedConfirmedAt: T0 };

async function register(at: number) {
  const v = makeVehicle({ shiftId: shift.id, createdAt: at });
  const r = await saveVehicle(db, v, [makePerson({ seq: 0 }, v), makePerson({ seq: 1, role: 'passenger' }, v)]);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}

const incident = (): Incident => ({
  id: newId(),
  shiftId: shift.id,
  checkpoint: shift.checkpoint,
  operator: '李警官',
  at: T0,
  day: shift.day,
  kind: 'evasion',
  plate: '鄂A12345',
  description: '拒不停车',
  voided: 0,
  amendments: [],
});

/** What the records say now: the truth the stored row must equal. */
async function counted() {
  const r = await readShiftRecords(db, shift.id);
  if (!r) throw new Error('no shift');
  return shiftTotals(r.vehicles, r.persons, r.incidents, tzOffsetAt(r.shift.openedAt));
}

describe('stored shift summaries', () => {
  it('an open shift has none; closing stores the totals counted from its records', async () => {
    await register(T0);
    await register(T0 + 3600_000);
    const inc = incident();
    expect((await addIncident(db, inc)).ok).toBe(true);
    expect(await db.shiftSummaries.get(shift.id)).toBeUndefined();
    expect((await closeShift(db, shift.id, handover, T0 + 7200_000)).ok).toBe(true);
    const row = await db.shiftSummaries.get(shift.id);
    expect(row).toMatchObject({ shiftId: shift.id, ...(await counted()) });
    expect(row?.counts).toMatchObject({ vehiclesChecked: 2, peopleChecked: 4, incidents: 1 });
  });

  it('a correction, a void and an incident void after closing keep the stored totals current', async () => {
    const a = await register(T0);
    const b = await register(T0 + 1000);
    const inc = incident();
    await addIncident(db, inc);
    await closeShift(db, shift.id, handover, T0 + 7200_000);

    expect((await amendVehicle(db, a.id, { disposition: 'turnedBack' }, undefined, '填错', '王队长', T0 + 8000_000)).ok).toBe(true);
    let row = await db.shiftSummaries.get(shift.id);
    expect(row?.counts).toMatchObject({ vehiclesTurnedBack: 1, amendmentsAfterClose: 1 });
    expect(row).toMatchObject(await counted());

    expect((await voidVehicle(db, b.id, '重复登记', '王队长', T0 + 8100_000)).ok).toBe(true);
    row = await db.shiftSummaries.get(shift.id);
    expect(row?.counts).toMatchObject({ vehiclesChecked: 1, peopleChecked: 2 });
    expect(row).toMatchObject(await counted());

    expect((await voidIncident(db, inc.id, '误报', '王队长', T0 + 8200_000)).ok).toBe(true);
    row = await db.shiftSummaries.get(shift.id);
    expect(row?.counts.incidents).toBe(0);
    expect(row).toMatchObject(await counted());
    expect(row?.computedAt).toBe(T0 + 8200_000);
  });

  it('corrections to an open shift write no stored row (its totals are counted live)', async () => {
    const a = await register(T0);
    await voidVehicle(db, a.id, '重复登记', '王队长', T0 + 10);
    expect(await db.shiftSummaries.count()).toBe(0);
  });
});
