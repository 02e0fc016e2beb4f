// The per-day counters must always equal a recount from the indexes, whatever happened that day.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDB } from './db';
import { CheckpointDB as DB } from './db';
import { recountDay } from './dayCounts';
import { newId } from './ids';
import { freshDb, makePerson, makeShift, makeVehicle, shippedDatabase } from './testing';
import { amendVehicle, countPersonsByDay, countVehiclesByDay, saveVehicle, voidVehicle } from './vehicles';
import { openRechecks, summarizeShift } from '../../../shared/shift/summary';
import { ensureCounterRows, readDayCounts, readShiftCounts, recountShift } from './dayCounts';
import { completeRecheck } from './rechecks';
import { personsOfShift, vehiclesOfShift } from './shiftData';

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
    expect(await db.dayCounts.get(a.day)).toEqual({ day: a.day, vehicles: 2, persons: 3, feverFirst: 0, feverConfirmed: 0, rechecksOpen: 0 });

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
    const shift = makeShift({ status: 'open' });
    const v = makeVehicle({ shiftId: shift.id });
    await shippedDatabase(name, 2, { shifts: [shift], vehicles: [v], persons: [makePerson({ seq: 0 }, v), makePerson({ seq: 1 }, v)] });

    const db = new DB(name);
    opened.push(db);
    expect(await db.dayCounts.count()).toBe(0);
    await expectInStep(db, v.day, 1, 2);
    const w = makeVehicle({ shiftId: shift.id, plate: '川B11111' });
    expect((await saveVehicle(db, w, [makePerson({}, w)])).ok).toBe(true);
    await expectInStep(db, v.day, 2, 3);
  });

  it('a v3 day row (vehicles and people only) is emptied by the v4 upgrade and recounted with the fever figures', async () => {
    const name = `pre-v4-${newId()}`;
    const shift = makeShift({ status: 'open' });
    const v = makeVehicle({ shiftId: shift.id, anyFever: true });
    const fever = makePerson({ seq: 1, feverFirst: true, feverConfirmed: true, first: { celsius: 38.0, method: 'infrared', at: v.createdAt }, recheck: { celsius: 38.2, method: 'mercuryAxillary', at: v.createdAt }, disposition: 'feverClinic' }, v);
    await shippedDatabase(name, 3, { shifts: [shift], vehicles: [v], persons: [makePerson({ seq: 0 }, v), fever], dayCounts: [{ day: v.day, vehicles: 1, persons: 2 }] });

    const db = new DB(name);
    opened.push(db);
    expect(await db.dayCounts.count()).toBe(0);
    expect(await readDayCounts(db, v.day)).toEqual({ day: v.day, vehicles: 1, persons: 2, feverFirst: 1, feverConfirmed: 1, rechecksOpen: 0 });
    expect(await readShiftCounts(db, shift.id)).toEqual({ shiftId: shift.id, vehicles: 1, persons: 2, feverFirst: 1, feverConfirmed: 1, rechecksOpen: 0 });
    // The booth screen stores the rows once, then reads them.
    await ensureCounterRows(db, shift.id, v.day);
    expect(await db.shiftCounts.get(shift.id)).toEqual(await recountShift(db, shift.id));
    expect(await db.dayCounts.get(v.day)).toEqual(await recountDay(db, v.day));
  });
});

describe('per-shift counters and the handover summary agree', () => {
  /** The shift's counter row against the handover summary of the same records. */
  async function expectAgree(db: CheckpointDB, shiftId: string) {
    const summary = summarizeShift(await vehiclesOfShift(db, shiftId), await personsOfShift(db, shiftId), []);
    const row = await readShiftCounts(db, shiftId);
    expect(row).toEqual({
      shiftId,
      vehicles: summary.vehiclesChecked,
      persons: summary.peopleChecked,
      feverFirst: summary.feverFirst,
      feverConfirmed: summary.feverConfirmed,
      rechecksOpen: openRechecks(summary).length,
    });
    expect(row).toEqual(await recountShift(db, shiftId));
    return row;
  }

  it('through a night shift across midnight: 待复测 saved, completed, corrected and voided', async () => {
    const { db, shiftId } = await booth();
    const beforeMidnight = new Date(2020, 1, 17, 23, 50).getTime();
    const afterMidnight = new Date(2020, 1, 18, 0, 10).getTime();
    const a = makeVehicle({ shiftId, createdAt: beforeMidnight });
    const waiting = makePerson({ seq: 1, role: 'passenger', feverFirst: true, feverConfirmed: true, first: { celsius: 37.6, method: 'infrared', at: beforeMidnight }, awaitingRecheckSince: beforeMidnight }, a);
    expect((await saveVehicle(db, a, [makePerson({ seq: 0 }, a), waiting])).ok).toBe(true);
    const b = makeVehicle({ shiftId, createdAt: afterMidnight, plate: '川B22222' });
    expect((await saveVehicle(db, b, [makePerson({}, b)])).ok).toBe(true);

    // The open recheck counts as a first-reading fever (and, not yet rechecked, as confirmed).
    expect(await expectAgree(db, shiftId)).toMatchObject({ vehicles: 2, persons: 3, feverFirst: 1, feverConfirmed: 1, rechecksOpen: 1 });
    // The calendar days split the same shift; each day's row is its own recount.
    expect(await readDayCounts(db, a.day)).toEqual(await recountDay(db, a.day));
    expect(await readDayCounts(db, a.day)).toMatchObject({ day: '2020-02-17', vehicles: 1, persons: 2, feverFirst: 1, rechecksOpen: 1 });
    expect(await readDayCounts(db, b.day)).toMatchObject({ day: '2020-02-18', vehicles: 1, persons: 1, feverFirst: 0, rechecksOpen: 0 });

    // Completed from the list: no fever on recheck.
    const done = await completeRecheck(db, waiting.id, { temp: '36.9', method: 'mercuryAxillary', symptoms: [], disposition: 'released' }, 37.3, '王医生', afterMidnight + 60_000);
    expect(done.ok).toBe(true);
    expect(await expectAgree(db, shiftId)).toMatchObject({ feverFirst: 1, feverConfirmed: 0, rechecksOpen: 0 });
    expect(await readDayCounts(db, a.day)).toEqual(await recountDay(db, a.day));

    // A correction that adds a person, then voiding the vehicle.
    const people = await personsOfShift(db, shiftId);
    const aPeople = people.filter((p) => p.vehicleId === a.id);
    expect((await amendVehicle(db, a.id, {}, [...aPeople, makePerson({ seq: 2, role: 'passenger', name: '王五' }, a)], '漏登一人', '李警官', afterMidnight + 120_000)).ok).toBe(true);
    expect(await expectAgree(db, shiftId)).toMatchObject({ vehicles: 2, persons: 4 });
    expect((await voidVehicle(db, a.id, '重复登记', '李警官', afterMidnight + 180_000)).ok).toBe(true);
    expect(await expectAgree(db, shiftId)).toMatchObject({ vehicles: 1, persons: 1, feverFirst: 0, feverConfirmed: 0 });
    expect(await readDayCounts(db, a.day)).toEqual(await recountDay(db, a.day));
  });
});
