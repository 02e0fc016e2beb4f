// The per-day counters must always equal a recount from the indexes, whatever happened that day.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDB } from './db';
import { CheckpointDB as DB } from './db';
import { recountDay } from './dayCounts';
import { newId } from './ids';
import { SCHEMA_V1, SCHEMA_V2 } from './schema';
import { freshDb, makePerson, makeShift, makeVehicle } from './testing';
import { amendVehicle, countPersonsByDay, countVehiclesByDay, saveVehicle, voidVehicle } from './vehicles';

const opened: Dexie[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

async function booth(): Promise<{ db: CheckpointDB; shiftId: string }> {
  const db = freshDb();
  opened.push(db);
  const shift = makeShift({ status: 'open' });
  await db.shifts.add(shift);
  return { db, shiftId: shift.id };
}

async function expectInStep(db: CheckpointDB, day: string, vehicles: number, persons: number) {
  expect(await countVehiclesByDay(db, day)).toBe(vehicles);
  expect(await countPersonsByDay(db, day)).toBe(persons);
  const truth = await recountDay(db, day);
  expect([truth.vehicles, truth.persons]).toEqual([vehicles, persons]);
}

describe('per-day counters', () => {
  it('follow saves, voids and amendments that add or remove people', async () => {
    const { db, shiftId } = await booth();
    const a = makeVehicle({ shiftId });
    const b = makeVehicle({ shiftId, plate: '鄂A54321' });
    const aPeople = [makePerson({ seq: 0 }, a), makePerson({ seq: 1, role: 'passenger' }, a)];
    expect((await saveVehicle(db, a, aPeople)).ok).toBe(true);
    expect((await saveVehicle(db, b, [makePerson({}, b)])).ok).toBe(true);
    await expectInStep(db, a.day, 2, 3);
    expect(await db.dayCounts.get(a.day)).toEqual({ day: a.day, vehicles: 2, persons: 3 });

    // Amendment adds a third occupant to a.
    const third = makePerson({ seq: 2, role: 'passenger', name: '王五' }, a);
    expect((await amendVehicle(db, a.id, {}, [...aPeople, third], '漏登一人', '李警官', a.createdAt + 60_000)).ok).toBe(true);
    await expectInStep(db, a.day, 2, 4);

    // Amendment removes one.
    expect((await amendVehicle(db, a.id, {}, [aPeople[0]!, third], '登记错误', '李警官', a.createdAt + 120_000)).ok).toBe(true);
    await expectInStep(db, a.day, 2, 3);

    // Voiding a takes its two remaining people with it.
    expect((await voidVehicle(db, a.id, '重复登记', '李警官', a.createdAt + 180_000)).ok).toBe(true);
    await expectInStep(db, a.day, 1, 1);
  });

  it('a refused save changes no counter', async () => {
    const { db, shiftId } = await booth();
    const a = makeVehicle({ shiftId });
    const p = makePerson({}, a);
    expect((await saveVehicle(db, a, [p])).ok).toBe(true);
    const dup = makeVehicle({ shiftId, id: newId() });
    // Same person id again: the transaction aborts, the counter bump with it.
    expect((await saveVehicle(db, dup, [{ ...p, vehicleId: dup.id }])).ok).toBe(false);
    await expectInStep(db, a.day, 1, 1);
  });

  it('a day with data from before v3 is counted from the indexes, then kept in step', async () => {
    const name = `pre-v3-${newId()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    const shift = makeShift({ status: 'open' });
    const v = makeVehicle({ shiftId: shift.id });
    await old.table('shifts').add(shift);
    await old.table('vehicles').add(v);
    await old.table('persons').bulkAdd([makePerson({ seq: 0 }, v), makePerson({ seq: 1 }, v)]);
    old.close();

    const db = new DB(name);
    opened.push(db);
    expect(await db.dayCounts.count()).toBe(0);
    await expectInStep(db, v.day, 1, 2);
    const w = makeVehicle({ shiftId: shift.id, plate: '川B11111' });
    expect((await saveVehicle(db, w, [makePerson({}, w)])).ok).toBe(true);
    await expectInStep(db, v.day, 2, 3);
  });
});
