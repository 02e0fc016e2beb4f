import { describe, expect, it } from 'vitest';
import { acknowledgeBatch, countWaiting, nextOutboxBatch, readSyncState, refusedBatch } from './outbox';
import { openShift } from './shifts';
import { setAdmin } from './operators';
import { operatorRowId, operatorUuid } from '../../../shared/sync/operatorId';
import { syncBatchSchema } from '../../../shared/sync/batch';
import { WAITING_COUNT_MAX, waitingShown } from '../../../shared/sync/limits';
import { freshDb, makePerson, makeShift, makeVehicle } from './testing';
import { dayKey } from './ids';

const CP = '成绵高速黄许出口卡点';

async function seed(n: number, sameMs: boolean) {
  const db = freshDb();
  const t = Date.now();
  const shift = makeShift({ checkpoint: CP, openedAt: t - 1000, day: dayKey(t - 1000) });
  await db.shifts.add(shift);
  const vehicles = Array.from({ length: n }, (_, i) => makeVehicle({ shiftId: shift.id, checkpoint: CP, createdAt: t, updatedAt: sameMs ? t : t + i, day: dayKey(t) }));
  await db.vehicles.bulkAdd(vehicles);
  await db.persons.bulkAdd(vehicles.flatMap((v) => [makePerson({}, v), makePerson({ seq: 1 }, v)]));
  return { db, vehicles, today: dayKey(t) };
}

async function drain(db: Awaited<ReturnType<typeof seed>>['db'], today: string, maxVehicles: number) {
  const seen: string[] = [];
  let batches = 0;
  for (;;) {
    const state = await readSyncState(db);
    const next = await nextOutboxBatch(db, state.cursor, { checkpoint: CP, today, maxVehicles });
    if (!next) break;
    expect(next.batch.vehicles.length).toBeLessThanOrEqual(maxVehicles);
    expect(next.batch.persons.length).toBe(next.batch.vehicles.length * 2);
    seen.push(...next.batch.vehicles.map((v) => v.id));
    await acknowledgeBatch(db, next.next, next.batch, [], Date.now());
    batches++;
    if (!next.more) break;
  }
  return { seen, batches };
}

describe('sync outbox', () => {
  it('sends every vehicle exactly once in bounded batches, with its occupants', async () => {
    const { db, vehicles, today } = await seed(25, false);
    expect(await countWaiting(db, (await readSyncState(db)).cursor)).toBe(25);
    // Counting stops past the bound (it walks the index): 11 means "more than 10".
    expect(await countWaiting(db, (await readSyncState(db)).cursor, 10)).toBe(11);
    expect([waitingShown(WAITING_COUNT_MAX), waitingShown(WAITING_COUNT_MAX + 1)]).toEqual([WAITING_COUNT_MAX, `${WAITING_COUNT_MAX}+`]);
    const { seen, batches } = await drain(db, today, 10);
    expect(batches).toBe(3);
    expect(seen.sort()).toEqual(vehicles.map((v) => v.id).sort());
    expect(await countWaiting(db, (await readSyncState(db)).cursor)).toBe(0);
  });

  it('does not skip or repeat rows that share one millisecond across a batch boundary', async () => {
    const { db, vehicles, today } = await seed(23, true);
    const { seen } = await drain(db, today, 5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(new Set(seen)).toEqual(new Set(vehicles.map((v) => v.id)));
  });

  it('a vehicle amended after it was sent is sent again (later updatedAt)', async () => {
    const { db, vehicles, today } = await seed(3, false);
    await drain(db, today, 10);
    const v = vehicles[1]!;
    await db.vehicles.put({ ...v, destination: '绵阳', updatedAt: Date.now() + 10_000 });
    const state = await readSyncState(db);
    expect(await countWaiting(db, state.cursor)).toBe(1);
    const next = await nextOutboxBatch(db, state.cursor, { checkpoint: CP, today });
    expect(next?.batch.vehicles.map((x) => [x.id, x.destination])).toEqual([[v.id, '绵阳']]);
  });
});

describe('sync outbox: operators', () => {
  const INPUT = { checkpoint: CP, shiftName: 'night', leadName: '岳阳', staff: [{ name: '王医生', unit: 'health' as const }, { name: '李警官', unit: 'auxiliary' as const }] };
  const PINS = { 岳阳: '2468', 王医生: '1357', 李警官: '9012' };

  it('sends the members of the batch’s shifts and the administrator, without PINs, named by county uuids', async () => {
    const db = freshDb();
    const t = Date.now();
    const r = await openShift(db, INPUT, t, PINS);
    if (!r.ok) throw new Error(r.error.message.en);
    expect((await setAdmin(db, null, '周管理', '8642', t)).ok).toBe(true);
    const next = await nextOutboxBatch(db, (await readSyncState(db)).cursor, { checkpoint: CP, today: dayKey(t) });
    const ops = next!.batch.operators;
    expect(ops.map((o) => [o.name, o.role, o.shiftId]).sort()).toEqual([
      ['岳阳', 'lead', r.value.id], ['李警官', 'staff', r.value.id], ['王医生', 'health', r.value.id], ['周管理', 'admin', 'station'],
    ].sort());
    for (const o of ops) {
      expect(o.id).toBe(operatorUuid(CP, operatorRowId(o.shiftId, o.name)));
      expect(Object.keys(o).sort()).toEqual(['checkpoint', 'createdAt', 'id', 'name', 'role', 'setBy', 'shiftId']);
    }
    // Neither a salt nor a PIN hash the booth holds appears anywhere in what is sent.
    const sent = JSON.stringify(next!.batch);
    for (const row of await db.operators.toArray()) {
      expect(sent).not.toContain(row.salt);
      expect(sent).not.toContain(row.hash);
    }
    // The batch passes the contract main checks it with.
    expect(syncBatchSchema.parse(JSON.parse(JSON.stringify(next!.batch))).operators).toHaveLength(4);
  });

  it('a batch without shifts carries no operators; a refused operator is sent again and leaves the list once accepted', async () => {
    const db = freshDb();
    const t = Date.now();
    const r = await openShift(db, INPUT, t, PINS);
    if (!r.ok) throw new Error(r.error.message.en);
    const first = await nextOutboxBatch(db, (await readSyncState(db)).cursor, { checkpoint: CP, today: dayKey(t) });
    const doctor = first!.batch.operators.find((o) => o.name === '王医生')!;
    const key = operatorRowId(doctor.shiftId, doctor.name);
    await acknowledgeBatch(db, first!.next, first!.batch, [{ kind: 'operator', id: key, code: 'sync.serverRefused', reason: { zh: '拒', en: 'no' } }], t);
    expect((await db.syncRefused.toArray()).map((x) => x.key)).toEqual([`operator:${key}`]);
    const again = await refusedBatch(db, CP);
    expect(again!.operators.map((o) => o.id)).toEqual([doctor.id]);
    await acknowledgeBatch(db, first!.next, again!, [], t + 1);
    expect(await db.syncRefused.count()).toBe(0);

    // Only a registration waiting: no shift in the batch, so no operators either.
    const v = makeVehicle({ shiftId: r.value.id, checkpoint: CP, createdAt: t + 5, updatedAt: t + 5, day: dayKey(t) });
    await db.vehicles.add(v);
    const later = await nextOutboxBatch(db, { ...(await readSyncState(db)).cursor, dayFrom: '9999-01-01' }, { checkpoint: CP, today: dayKey(t) });
    expect(later!.batch.shifts).toEqual([]);
    expect(later!.batch.operators).toEqual([]);
  });

  it('an older booth’s batch without operators still parses (empty list)', () => {
    const old = { batchId: '0190aaaa-0000-7000-8000-000000000001', checkpoint: CP, shifts: [], vehicles: [], persons: [], incidents: [] };
    expect(syncBatchSchema.parse(old).operators).toEqual([]);
  });

  it('a PIN hash sent by mistake is dropped by the contract', () => {
    const op = { id: operatorUuid(CP, 'admin'), checkpoint: CP, shiftId: 'station', name: '周管理', role: 'admin', setBy: 'admin', createdAt: 1, salt: 'aa', hash: 'bb', iterations: 9, failures: 2, waitUntil: 3 };
    const parsed = syncBatchSchema.parse({ batchId: '0190aaaa-0000-7000-8000-000000000001', checkpoint: CP, shifts: [], vehicles: [], persons: [], incidents: [], operators: [op] });
    expect(Object.keys(parsed.operators[0]!).sort()).toEqual(['checkpoint', 'createdAt', 'id', 'name', 'role', 'setBy', 'shiftId']);
  });
});
