import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person, Shift, Vehicle } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { T0, freshDb, makePerson, makeShift, makeVehicle } from './testing';
import { amendVehicle, getVehicle, personsOfVehicle, saveVehicle, voidVehicle } from './vehicles';

let db: CheckpointDB;
let shift: Shift;
let v: Vehicle;
let ps: Person[];

beforeEach(async () => {
  db = freshDb();
  shift = makeShift();
  await db.shifts.add(shift);
  v = makeVehicle({ shiftId: shift.id });
  ps = [makePerson({ seq: 0, name: '张三' }, v), makePerson({ seq: 1, role: 'passenger', name: '李四', docNumber: '110101199003070011' }, v)];
  const r = await saveVehicle(db, v, ps);
  if (!r.ok) throw new Error(r.error.message.en);
  v = r.value;
});
afterEach(() => db.close());

describe('amendVehicle', () => {
  it('requires a reason and the person amending', async () => {
    const r = await amendVehicle(db, v.id, { origin: '温州' }, undefined, '  ', '王队长', T0 + 1);
    expect(!r.ok && r.error.code).toBe('db.reasonRequired');
    const r2 = await amendVehicle(db, v.id, { origin: '温州' }, undefined, '填错', '', T0 + 1);
    expect(!r2.ok && r2.error.code).toBe('db.byRequired');
    expect((await getVehicle(db, v.id))?.origin).toBe('成都');
  });

  it('records a field diff, afterClose=false while the shift is open', async () => {
    const r = await amendVehicle(db, v.id, { origin: '温州', keyArea: true, keyAreaReasons: ['origin:温州'] }, undefined, '来源地填错', '王队长', T0 + 60_000);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.origin).toBe('温州');
    expect(r.value.updatedAt).toBe(T0 + 60_000);
    expect(r.value.amendments).toHaveLength(1);
    expect(r.value.amendments[0]).toEqual({
      at: T0 + 60_000,
      by: '王队长',
      reason: '来源地填错',
      afterClose: false,
      changes: { origin: ['成都', '温州'], keyAreaReasons: [[], ['origin:温州']] },
    });
    expect(await getVehicle(db, v.id)).toEqual(r.value);
  });

  it('marks amendments made after the shift closed', async () => {
    await db.shifts.update(shift.id, { status: 'closed', closedAt: T0 + 1 });
    const r = await amendVehicle(db, v.id, { destination: '旌阳区某小区' }, undefined, '补录', '赵队长', T0 + 2);
    expect(r.ok && r.value.amendments[0]?.afterClose).toBe(true);
  });

  it('diffs persons, keeps ids, voids removed persons and recomputes the summary', async () => {
    const [zhang, li] = ps as [Person, Person];
    const fever = { ...zhang, name: '张叁', first: { celsius: 38.1, method: 'infrared' as const, at: T0 }, feverFirst: true, feverConfirmed: true };
    const added = makePerson({ seq: 1, role: 'passenger', name: '王五' }, v);
    const r = await amendVehicle(db, v.id, {}, [fever, added], '人员登记错误', '王队长', T0 + 5);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const changes = r.value.amendments[0]?.changes;
    // What the booth changed, not what follows from it (fever flags, summary columns).
    expect(changes).toEqual({
      'persons[0].name': ['张三', '张叁'],
      'persons[0].first': [zhang.first, fever.first],
      'persons[1]': ['李四', '王五'],
    });
    expect(r.value).toMatchObject({ personCount: 2, maxTemp: 38.1, anyFever: true });

    const current = await personsOfVehicle(db, v.id);
    expect(current.map((p) => p.id)).toEqual([zhang.id, added.id]);
    const all = await personsOfVehicle(db, v.id, { includeRemoved: true });
    expect(all).toHaveLength(3);
    expect(all.find((p) => p.id === li.id)?.voided).toBe(1);
    expect(await db.persons.count()).toBe(3);
  });

  it('a correction of one name writes every other value exactly as stored, reading times included', async () => {
    const [zhang, li] = ps as [Person, Person];
    const storedBefore = await personsOfVehicle(db, v.id);
    // The form rebuilds every reading with the correction's time.
    const rebuilt = [
      { ...zhang, name: '张叁', first: { ...zhang.first, at: T0 + 9_000 } },
      { ...li, first: { ...li.first, at: T0 + 9_000 } },
    ];
    const r = await amendVehicle(db, v.id, { ...v, updatedAt: T0 + 9_000 }, rebuilt, '姓名写错', '王队长', T0 + 9_000);
    expect(r.ok && r.value.amendments[0]?.changes).toEqual({ 'persons[0].name': ['张三', '张叁'] });
    const after = await personsOfVehicle(db, v.id);
    expect(after).toEqual([{ ...storedBefore[0], name: '张叁' }, storedBefore[1]]);
  });

  it('never changes id, shiftId or createdAt', async () => {
    for (const patch of [{ id: 'x' }, { shiftId: 'x' }, { createdAt: 1 }, { voided: 1 as const }]) {
      const r = await amendVehicle(db, v.id, patch, undefined, '试图', '王队长', T0 + 1);
      expect(!r.ok && r.error.code).toBe('amend.frozen');
    }
    // The whole loaded object with one field changed is fine: unchanged frozen fields pass.
    const r = await amendVehicle(db, v.id, { ...v, purpose: '就医', updatedAt: 0 }, undefined, '事由', '王队长', T0 + 3);
    expect(r.ok && r.value.amendments[0]?.changes).toEqual({ purpose: ['返乡', '就医'] });
  });

  it('copies a corrected plate onto the occupants', async () => {
    const r = await amendVehicle(db, v.id, { plate: '川A54321', plateBody: 'A54321' }, undefined, '车牌录错', '王队长', T0 + 1);
    expect(r.ok).toBe(true);
    expect((await personsOfVehicle(db, v.id)).map((p) => p.plate)).toEqual(['川A54321', '川A54321']);
  });

  it('refuses no-op amendments, foreign persons, empty lists and voided records', async () => {
    const same = await amendVehicle(db, v.id, { origin: '成都' }, undefined, '无', '王队长', T0 + 1);
    expect(!same.ok && same.error.code).toBe('amend.noChanges');
    const empty = await amendVehicle(db, v.id, {}, [], '删人', '王队长', T0 + 1);
    expect(!empty.ok && empty.error.code).toBe('amend.noPersons');

    const other = makeVehicle({ shiftId: shift.id, plate: '川B00001' });
    const otherP = makePerson({}, other);
    await saveVehicle(db, other, [otherP]);
    const stolen = await amendVehicle(db, v.id, {}, [{ ...otherP, vehicleId: v.id }], '换人', '王队长', T0 + 1);
    expect(!stolen.ok && stolen.error.code).toBe('amend.personMismatch');
    expect((await db.persons.get(otherP.id))?.vehicleId).toBe(other.id);

    await voidVehicle(db, v.id, '录错', '王队长', T0 + 2);
    const r = await amendVehicle(db, v.id, { origin: '温州' }, undefined, '改', '王队长', T0 + 3);
    expect(!r.ok && r.error.code).toBe('amend.voided');
    const missing = await amendVehicle(db, 'nope', { origin: '温州' }, undefined, '改', '王队长', T0 + 3);
    expect(!missing.ok && missing.error.code).toBe('db.notFound');
  });
});

describe('voidVehicle', () => {
  it('flags the vehicle and its persons, keeps the rows, requires a reason', async () => {
    const noReason = await voidVehicle(db, v.id, '', '王队长', T0 + 1);
    expect(!noReason.ok && noReason.error.code).toBe('db.reasonRequired');

    const r = await voidVehicle(db, v.id, '重复登记', '王队长', T0 + 1);
    expect(r.ok && r.value).toMatchObject({ voided: 1, voidMark: { at: T0 + 1, by: '王队长', reason: '重复登记' } });
    expect(await db.vehicles.count()).toBe(1);
    expect(await db.persons.where('vehicleId').equals(v.id).count()).toBe(2);
    expect((await db.persons.toArray()).every((p) => p.voided === 1)).toBe(true);

    const again = await voidVehicle(db, v.id, '再次', '王队长', T0 + 2);
    expect(!again.ok && again.error.code).toBe('void.already');
  });
});
