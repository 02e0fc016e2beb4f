import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, Vehicle } from '../../../shared/model';
import { RECOGNISED_VISITS_SHOWN, RECOGNITION_READ_LIMIT, nameConflict } from '../../../shared/recognition';
import type { CheckpointDB } from './db';
import { earlierVisitsOfId } from './recognition';
import { T0, VALID_ID, freshDb, makePerson, makeShift, makeVehicle } from './testing';
import { saveVehicle, voidVehicle } from './vehicles';

let db: CheckpointDB;
const HOUR = 3_600_000;
const OTHER_ID = '110101199003070011';

async function add(v: Vehicle, persons: Partial<Person>[]): Promise<string> {
  const r = await saveVehicle(db, v, persons.map((p, i) => makePerson({ seq: i, ...p }, v)));
  if (!r.ok) throw new Error(r.error.message.en);
  return v.id;
}

beforeAll(async () => {
  db = freshDb();
  const shift = makeShift();
  await db.shifts.add(shift);
  const s = { shiftId: shift.id };
  // Saved out of time order on purpose: the newest visit is found by time, not by insertion.
  await add(makeVehicle({ ...s, plate: '川A11111', createdAt: T0 + 3 * HOUR }), [{ name: '张三', docNumber: VALID_ID, phone: '13800138000' }]);
  await add(makeVehicle({ ...s, plate: '川A22222', createdAt: T0 + 1 * HOUR }), [
    { name: '张三', docNumber: VALID_ID, phone: '' },
    { name: '李四', docNumber: OTHER_ID },
  ]);
  await add(makeVehicle({ ...s, plate: '鄂A33333', createdAt: T0 + 5 * HOUR }), [
    {
      name: '张 叁',
      docNumber: VALID_ID,
      phone: '',
      first: { celsius: 37.6, method: 'infrared', at: T0 + 5 * HOUR },
      recheck: { celsius: 36.9, method: 'mercuryAxillary', at: T0 + 5 * HOUR },
      feverFirst: true,
      disposition: 'released',
    },
  ]);
  const voided = await add(makeVehicle({ ...s, plate: '川A44444', createdAt: T0 + 6 * HOUR }), [{ name: '王五', docNumber: VALID_ID }]);
  await voidVehicle(db, voided, '登记错误', '王队长', T0 + 7 * HOUR);
});
afterAll(() => db.close());

describe('earlierVisitsOfId', () => {
  it('lists an ID’s visits newest first, with plate, readings and disposition; voided records do not count', async () => {
    const r = await earlierVisitsOfId(db, VALID_ID);
    expect(r).toBeDefined();
    expect(r!.count).toBe(3);
    expect(r!.more).toBe(false);
    expect(r!.visits.map((v) => v.plate)).toEqual(['鄂A33333', '川A11111', '川A22222']);
    expect(r!.visits[0]).toMatchObject({ first: 37.6, recheck: 36.9, fever: false, disposition: 'released' });
    expect(r!.visits).toHaveLength(Math.min(3, RECOGNISED_VISITS_SHOWN));
  });

  it('offers the newest name and the newest phone given, and shows both masked', async () => {
    const r = (await earlierVisitsOfId(db, VALID_ID))!;
    expect(r.name).toBe('张 叁');
    expect(r.phone).toBe('13800138000');
    expect(r.phoneMasked).toBe('138****8000');
    expect(r.idMasked).toBe('340524********001X');
    expect(JSON.stringify({ ...r, phone: '' })).not.toContain(VALID_ID);
  });

  it('flags a name the ID was not registered with; spacing and full-width do not count as different', async () => {
    const r = (await earlierVisitsOfId(db, VALID_ID))!;
    // Registered as 张三 and 张 叁 (a different character): a second look already.
    expect(r.names).toEqual(['张 叁', '张三']);
    expect(nameConflict(r, '')).toEqual(['张 叁', '张三']);
    const one = (await earlierVisitsOfId(db, OTHER_ID))!;
    expect(nameConflict(one, '')).toEqual([]);
    expect(nameConflict(one, ' 李 四')).toEqual([]);
    expect(nameConflict(one, '李斯')).toEqual(['李斯', '李四']);
  });

  it('an ID never seen, or seen only in a voided record, is not recognised', async () => {
    expect(await earlierVisitsOfId(db, '510107199505050528')).toBeUndefined();
  });

  it('reads a bounded number of rows for a daily commuter and says there are more', async () => {
    const shift = (await db.shifts.toCollection().first())!;
    const id = '510107199001010017';
    const vehicles = Array.from({ length: RECOGNITION_READ_LIMIT + 5 }, (_, i) => makeVehicle({ shiftId: shift.id, createdAt: T0 + i * 60_000 }));
    await db.vehicles.bulkAdd(vehicles);
    await db.persons.bulkAdd(vehicles.map((v) => makePerson({ docNumber: id, name: '赵六' }, v)));
    const r = (await earlierVisitsOfId(db, id))!;
    expect(r.count).toBe(RECOGNITION_READ_LIMIT);
    expect(r.more).toBe(true);
  });
});
