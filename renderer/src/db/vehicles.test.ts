import { describe, expect, it } from 'vitest';
import type { Person, Shift, Vehicle } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { newId } from './ids';
import { T0, VALID_ID, withTestDb, makePerson, makeVehicle } from './testing';
import { countPersonsByDay, countVehiclesByDay, getVehicle, lastVisit, listVehiclesPage, personsOfVehicle, saveVehicle, voidVehicle } from './vehicles';

let db: CheckpointDB;
let shift: Shift;
withTestDb((c) => ({ db, shift } = c));

/** A vehicle of the open shift with n occupants. */
function record(partial: Partial<Vehicle> = {}, n = 1): { v: Vehicle; ps: Person[] } {
  const v = makeVehicle({ shiftId: shift.id, ...partial });
  const ps = Array.from({ length: n }, (_, i) => makePerson({ seq: i, role: i === 0 ? 'driver' : 'passenger', name: `乘员${i}` }, v));
  return { v, ps };
}

async function save(partial: Partial<Vehicle> = {}, n = 1): Promise<{ v: Vehicle; ps: Person[] }> {
  const r = record(partial, n);
  const res = await saveVehicle(db, r.v, r.ps);
  if (!res.ok) throw new Error(res.error.message.en);
  return r;
}

describe('saveVehicle', () => {
  it('stores the vehicle and its occupants and reads them back', async () => {
    const v = makeVehicle({ shiftId: shift.id, personCount: 99, maxTemp: null });
    const driver = makePerson({ seq: 0, first: { celsius: 36.4, method: 'infrared', at: T0 } }, v);
    const passenger = makePerson(
      { seq: 1, role: 'passenger', name: '李四', docNumber: '110101199003070011', docRev: 'stale', first: { celsius: 37.6, method: 'infrared', at: T0 }, recheck: { celsius: 37.0, method: 'mercuryAxillary', at: T0 + 600_000 } },
      v,
    );
    const res = await saveVehicle(db, v, [passenger, driver]);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    // Derived columns are computed from the occupants (recheck overrides the first reading).
    expect(res.value).toMatchObject({ personCount: 2, maxTemp: 37.0, anyFever: false });
    expect(await getVehicle(db, v.id)).toEqual(res.value);
    const ps = await personsOfVehicle(db, v.id);
    expect(ps.map((p) => p.name)).toEqual(['张三', '李四']);
    expect(ps[1]?.docRev).toBe('110070300991101011');
    expect(ps.every((p) => p.plate === v.plate && p.day === v.day && p.shiftId === shift.id)).toBe(true);
  });

  it('refuses when there is no shift or the shift is closed, writing nothing', async () => {
    const noShift = record({ shiftId: 'missing' });
    const r1 = await saveVehicle(db, noShift.v, noShift.ps);
    expect(!r1.ok && r1.error.code).toBe('save.noShift');
    expect(!r1.ok && r1.error.message.zh).toBeTruthy();

    await db.shifts.update(shift.id, { status: 'closed', closedAt: T0 });
    const closed = record();
    const r2 = await saveVehicle(db, closed.v, closed.ps);
    expect(!r2.ok && r2.error.code).toBe('save.shiftClosed');
    expect(await db.vehicles.count()).toBe(0);
    expect(await db.persons.count()).toBe(0);
  });

  it('refuses an empty occupant list and persons of another vehicle', async () => {
    const { v, ps } = record();
    const r1 = await saveVehicle(db, v, []);
    expect(!r1.ok && r1.error.code).toBe('save.noPersons');
    const r2 = await saveVehicle(db, v, [...ps, makePerson({ vehicleId: 'other' })]);
    expect(!r2.ok && r2.error.code).toBe('save.personMismatch');
    expect(await db.vehicles.count()).toBe(0);
  });

  it('is atomic: a person failing a constraint leaves no vehicle behind', async () => {
    const first = await save();
    // A person id that already exists (belongs to the first record).
    const { v, ps } = record({ plate: '鄂A00001' }, 2);
    const clash = { ...ps[1]!, id: first.ps[0]!.id };
    const r = await saveVehicle(db, v, [ps[0]!, clash]);
    expect(!r.ok && r.error.code).toBe('db.duplicate');
    expect(await getVehicle(db, v.id)).toBeUndefined();
    expect(await db.vehicles.count()).toBe(1);
    expect(await db.persons.count()).toBe(1);

    // Same id twice in one submission.
    const twice = record({ plate: '鄂A00002' });
    const r2 = await saveVehicle(db, twice.v, [twice.ps[0]!, { ...twice.ps[0]!, seq: 1 }]);
    expect(r2.ok).toBe(false);
    expect(await db.vehicles.count()).toBe(1);
  });

  it('refuses a double submit of the same vehicle id', async () => {
    const { v, ps } = await save();
    const r = await saveVehicle(db, v, ps.map((p) => ({ ...p, id: newId() })));
    expect(!r.ok && r.error.code).toBe('db.duplicate');
    expect(await db.persons.count()).toBe(1);
  });
});

describe('listVehiclesPage', () => {
  it('pages newest first with a [createdAt, id] cursor, across equal createdAt', async () => {
    // 7 vehicles, several sharing a millisecond.
    const times = [T0, T0 + 1, T0 + 1, T0 + 1, T0 + 2, T0 + 2, T0 + 3];
    const saved: Vehicle[] = [];
    for (const t of times) saved.push((await save({ createdAt: t, updatedAt: t })).v);
    // Another day must not leak in.
    await save({ createdAt: T0 + 86_400_000, day: '2020-02-02' });
    const expected = [...saved].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)).map((v) => v.id);

    const seen: string[] = [];
    let before: [number, string] | undefined;
    for (;;) {
      const page = await listVehiclesPage(db, '2020-02-01', { limit: 3, ...(before ? { before } : {}) });
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page.map((v) => v.id));
      const last = page[page.length - 1]!;
      before = [last.createdAt, last.id];
    }
    expect(seen).toEqual(expected);
  });

  it('includes voided rows unless includeVoided is false', async () => {
    const a = await save({ createdAt: T0 });
    await save({ createdAt: T0 + 1 });
    await voidVehicle(db, a.v.id, '重复登记', '王队长', T0 + 5);
    expect(await listVehiclesPage(db, '2020-02-01', { limit: 10 })).toHaveLength(2);
    const live = await listVehiclesPage(db, '2020-02-01', { limit: 10, includeVoided: false });
    expect(live.map((v) => v.voided)).toEqual([0]);
    expect(await listVehiclesPage(db, '2020-02-01', { limit: 0 })).toEqual([]);
  });
});

describe('counts', () => {
  it('counts non-voided vehicles and persons of a day on the index', async () => {
    const a = await save({}, 3);
    await save({ plate: '川B11111' }, 2);
    await save({ createdAt: T0 + 86_400_000, day: '2020-02-02' }, 4);
    expect(await countVehiclesByDay(db, '2020-02-01')).toBe(2);
    expect(await countPersonsByDay(db, '2020-02-01')).toBe(5);
    await voidVehicle(db, a.v.id, '录错', '王队长', T0 + 9);
    expect(await countVehiclesByDay(db, '2020-02-01')).toBe(1);
    expect(await countPersonsByDay(db, '2020-02-01')).toBe(2);
    expect(await countVehiclesByDay(db, '2020-02-03')).toBe(0);
  });
});

describe('lastVisit', () => {
  it('returns the previous non-voided visit, the count and the recent times', async () => {
    expect(await lastVisit(db, '川A12345')).toBeUndefined();
    const visits: Vehicle[] = [];
    for (let i = 0; i < 7; i++) visits.push((await save({ createdAt: T0 + i * 3600_000 }, 2)).v);
    await save({ plate: '川A12346', createdAt: T0 + 99 });
    // The 6th visit was a mistake.
    await voidVehicle(db, visits[5]!.id, '录错', '王队长', T0 + 1);

    const latest = await lastVisit(db, '川A12345');
    expect(latest?.vehicle.id).toBe(visits[6]!.id);
    expect(latest?.count).toBe(6);
    expect(latest?.recent).toEqual([6, 4, 3, 2, 1].map((i) => T0 + i * 3600_000));
    expect(latest?.persons.map((p) => p.seq)).toEqual([0, 1]);

    // From the 7th record's point of view: visits before it (voided 6th excluded).
    const before7 = await lastVisit(db, '川a 12345', visits[6]!.id);
    expect(before7?.vehicle.id).toBe(visits[4]!.id);
    expect(before7?.count).toBe(5);
    expect(before7?.recent).toHaveLength(5);

    expect(await lastVisit(db, '川A12345', visits[0]!.id)).toBeUndefined();
  });
});

describe('personsOfVehicle', () => {
  it('sorts by seq and keeps the voided occupants of a voided vehicle', async () => {
    const { v, ps } = record({}, 3);
    await saveVehicle(db, v, [ps[2]!, ps[0]!, ps[1]!]);
    expect((await personsOfVehicle(db, v.id)).map((p) => p.seq)).toEqual([0, 1, 2]);
    await voidVehicle(db, v.id, '录错', '王队长', T0 + 1);
    const after = await personsOfVehicle(db, v.id);
    expect(after).toHaveLength(3);
    expect(after.every((p) => p.voided === 1)).toBe(true);
    expect(after[0]?.docNumber).toBe(VALID_ID);
  });
});
