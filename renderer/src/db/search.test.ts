import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, Vehicle } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { searchRecords } from './search';
import { T0, VALID_ID, freshDb, makePerson, makeShift, makeVehicle } from './testing';
import { amendVehicle, saveVehicle, voidVehicle } from './vehicles';

let db: CheckpointDB;
const ids: Record<string, string> = {};

async function add(key: string, v: Vehicle, persons: (Partial<Person>)[]): Promise<void> {
  const ps = persons.map((p, i) => makePerson({ seq: i, ...p }, v));
  const r = await saveVehicle(db, v, ps);
  if (!r.ok) throw new Error(r.error.message.en);
  ids[key] = v.id;
}

beforeAll(async () => {
  db = freshDb();
  const shift = makeShift();
  await db.shifts.add(shift);
  const s = { shiftId: shift.id };
  await add('e1', makeVehicle({ ...s, plate: '鄂A12345', plateBody: 'A12345', createdAt: T0 + 1 }), [{ name: '张三', docNumber: VALID_ID, phone: '13912345678' }]);
  await add('c1', makeVehicle({ ...s, plate: '川A12345', plateBody: 'A12345', createdAt: T0 + 2 }), [{ name: '李四', docNumber: '110101199003070011', phone: '13800001111' }]);
  await add('c2', makeVehicle({ ...s, plate: '川B99999', plateBody: 'B99999', createdAt: T0 + 3 }), [
    { name: '王小明', docNumber: '510107199505050528' },
    { name: '买买提·艾力', docNumber: '650102198802020015' },
  ]);
  await add('v1', makeVehicle({ ...s, plate: '川C55555', plateBody: 'C55555', createdAt: T0 + 4 }), [{ name: '赵六', docNumber: '510107199001010017' }]);
  await voidVehicle(db, ids.v1!, '重复', '王队长', T0 + 10);
});
afterAll(() => db.close());

const found = async (q: string, limit = 10) => (await searchRecords(db, q, { limit })).map((v) => Object.keys(ids).find((k) => ids[k] === v.id));

describe('searchRecords', () => {
  it('finds by plate prefix and full plate, newest first', async () => {
    expect(await found('川A')).toEqual(['c1']);
    expect(await found('川')).toEqual([]); // shorter than 2 characters
    expect(await found(' 鄂ａ12345 ')).toEqual(['e1']); // full-width + spaces
    expect(await found('鄂A·12345')).toEqual(['e1']);
  });

  it('finds by plate without province', async () => {
    expect(await found('a123')).toEqual(['c1', 'e1']);
    expect(await found('A12345', 1)).toEqual(['c1']);
  });

  it('finds by ID prefix and ID suffix (last 4 including X)', async () => {
    expect(await found('340524')).toEqual(['e1']);
    expect(await found('001x')).toEqual(['e1']);
    expect(await found('００１Ｘ')).toEqual(['e1']);
    expect(await found('0011')).toEqual(['c1']);
    expect(await found('5101')).toEqual(['v1', 'c2']);
  });

  it('finds by name prefix and phone prefix', async () => {
    expect(await found('王小')).toEqual(['c2']);
    expect(await found('买买提·艾')).toEqual(['c2']);
    expect(await found('李四')).toEqual(['c1']);
    expect(await found('139123')).toEqual(['e1']);
  });

  it('keeps voided records findable, flagged voided', async () => {
    const r = await searchRecords(db, '赵六', { limit: 5 });
    expect(r).toHaveLength(1);
    expect(r[0]?.voided).toBe(1);
    expect((await searchRecords(db, '川C55555', { limit: 5 }))[0]?.voidMark?.reason).toBe('重复');
  });

  it('does not find a middle-of-ID fragment (prefix/suffix only, documented)', async () => {
    expect(await found('19800101')).toEqual([]);
  });

  it('no longer finds a vehicle by a person removed from it by an amendment', async () => {
    const other = freshDb();
    const shift = makeShift();
    await other.shifts.add(shift);
    const v = makeVehicle({ shiftId: shift.id });
    const keep = makePerson({ name: '周七' }, v);
    const gone = makePerson({ seq: 1, name: '吴八' }, v);
    await saveVehicle(other, v, [keep, gone]);
    expect((await searchRecords(other, '吴八', { limit: 5 })).map((x) => x.id)).toEqual([v.id]);
    await amendVehicle(other, v.id, {}, [keep], '多录一人', '王队长', T0 + 1);
    expect(await searchRecords(other, '吴八', { limit: 5 })).toEqual([]);
    other.close();
  });
});
