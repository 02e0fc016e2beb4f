import { describe, expect, it } from 'vitest';
import { acknowledgeBatch, countWaiting, nextOutboxBatch, readSyncState } from './outbox';
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
