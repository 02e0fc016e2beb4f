import { describe, expect, it } from 'vitest';
import type { Incident, Shift } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { newId } from './ids';
import { addIncident, listIncidentsByDay, voidIncident } from './incidents';
import { incidentsOfShift, personsOfShift, vehiclesOfShift } from './shiftData';
import { readShiftRecords } from './readShift';
import { T0, withTestDb, makePerson, makeVehicle } from './testing';
import { saveVehicle } from './vehicles';

let db: CheckpointDB;
let shift: Shift;
withTestDb((c) => ({ db, shift } = c));

const incident = (p: Partial<Incident> = {}): Incident => ({
  id: newId(),
  shiftId: shift.id,
  checkpoint: shift.checkpoint,
  operator: '李警官',
  at: T0,
  day: '2020-02-01',
  kind: 'evasion',
  plate: '鄂A12345',
  description: '冲卡后向南驶离',
  voided: 0,
  amendments: [],
  ...p,
});

describe('incidents', () => {
  it('adds, lists chronologically by day and shift, and voids', async () => {
    const late = incident({ at: T0 + 100 });
    expect((await addIncident(db, late)).ok).toBe(true);
    expect((await addIncident(db, incident({ at: T0, kind: 'other', description: '拒绝测温' }))).ok).toBe(true);
    expect((await addIncident(db, incident({ at: T0 + 86_400_000, day: '2020-02-02' }))).ok).toBe(true);
    expect((await listIncidentsByDay(db, '2020-02-01')).map((i) => i.at)).toEqual([T0, T0 + 100]);
    expect(await incidentsOfShift(db, shift.id)).toHaveLength(3);

    const noReason = await voidIncident(db, late.id, ' ', '王队长', T0 + 5);
    expect(!noReason.ok && noReason.error.code).toBe('incident.voidReasonRequired');
    const v = await voidIncident(db, late.id, '误报', '王队长', T0 + 5);
    expect(v.ok && v.value).toMatchObject({ voided: 1, voidMark: { reason: '误报' } });
    expect(await db.incidents.count()).toBe(3);
  });

  it('refuses an undescribed incident of any kind (the dialog\'s rule) and a closed or missing shift', async () => {
    const r1 = await addIncident(db, incident({ kind: 'other', description: ' ' }));
    expect(!r1.ok && r1.error.code).toBe('incident.descriptionRequired');
    const r0 = await addIncident(db, incident({ kind: 'evasion', description: '' }));
    expect(!r0.ok && r0.error.message).toEqual({ zh: '请填写经过描述：发生了什么', en: 'Describe what happened' });
    const r2 = await addIncident(db, incident({ shiftId: 'missing' }));
    expect(!r2.ok && r2.error.code).toBe('incident.noShift');
    await db.shifts.update(shift.id, { status: 'closed' });
    const r3 = await addIncident(db, incident());
    expect(!r3.ok && r3.error.code).toBe('incident.shiftClosed');
    expect(await db.incidents.count()).toBe(0);
  });
});

describe('shiftData', () => {
  it('returns the shift records in registration order', async () => {
    const later = makeVehicle({ shiftId: shift.id, createdAt: T0 + 10 });
    const earlier = makeVehicle({ shiftId: shift.id, createdAt: T0 });
    await saveVehicle(db, later, [makePerson({ seq: 0 }, later), makePerson({ seq: 1 }, later)]);
    await saveVehicle(db, earlier, [makePerson({ seq: 0 }, earlier)]);
    await addIncident(db, incident());
    expect((await vehiclesOfShift(db, shift.id)).map((v) => v.id)).toEqual([earlier.id, later.id]);
    expect((await personsOfShift(db, shift.id)).map((p) => [p.vehicleId, p.seq])).toEqual([
      [earlier.id, 0],
      [later.id, 0],
      [later.id, 1],
    ]);
    expect(await incidentsOfShift(db, shift.id)).toHaveLength(1);
    expect(await vehiclesOfShift(db, 'other')).toEqual([]);
  });

  it('readShiftRecords reads the shift and all its records, reporting each step, or undefined for no shift', async () => {
    const v = makeVehicle({ shiftId: shift.id, createdAt: T0 });
    await saveVehicle(db, v, [makePerson({ seq: 0 }, v), makePerson({ seq: 1 }, v)]);
    await addIncident(db, incident());
    const steps: string[] = [];
    const r = await readShiftRecords(db, shift.id, (step, read) => steps.push(`${step}:${read.vehicles ?? '-'}/${read.persons ?? '-'}`));
    expect(r?.shift.id).toBe(shift.id);
    expect([r?.vehicles.length, r?.persons.length, r?.incidents.length]).toEqual([1, 2, 1]);
    expect(steps).toEqual(['readShift:-/-', 'readVehicles:-/-', 'readPersons:1/-', 'readIncidents:1/2']);
    expect(await readShiftRecords(db, 'missing')).toBeUndefined();
  });
});
