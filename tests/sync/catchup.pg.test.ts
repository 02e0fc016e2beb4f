// A booth offline for a week catches up in bounded batches, while it keeps saving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncOnce, type SyncTransport } from '../../renderer/src/sync/engine';
import { countWaiting, readSyncState } from '../../renderer/src/db/outbox';
import { makePerson, makeVehicle } from '../../renderer/src/db/testing';
import { dayKey, newId } from '../../renderer/src/db/ids';
import { SYNC_LIMITS, type SyncBatch } from '../../shared/sync/batch';
import type { Person, Shift, Vehicle } from '../../shared/model';
import { BOOTH_A as A, startBoothCounty, type BoothCounty, type BoothSide } from './county.testkit';
import { openBooth, register, type Booth } from './booth.testkit';

const DAYS = 7;
const PER_DAY = 2000;

/** The county with booth A alone, and A's main-process side. */
let env: BoothCounty;
let side: BoothSide;
let booth: Booth;

beforeAll(async () => {
  env = await startBoothCounty([A]);
  side = env.sides[0]!;
  const now = Date.now();
  booth = await openBooth(A.checkpoint, now - 1000);
  // A week of closed shifts and their records, written in bulk: this seeds the booth; the path
  // under test is the sync that follows.
  const start = now - DAYS * 86_400_000;
  for (let d = 0; d < DAYS; d++) {
    const openedAt = start + d * 86_400_000;
    const shift: Shift = { id: newId(openedAt), checkpoint: A.checkpoint, shiftName: 'day', leadName: '王队长', staff: [{ name: '李警官', unit: 'police' }], openedAt, day: dayKey(openedAt), status: 'closed', closedAt: openedAt + 12 * 3600_000, exports: [] };
    const vehicles: Vehicle[] = [];
    const persons: Person[] = [];
    for (let i = 0; i < PER_DAY; i++) {
      const t = openedAt + i * 20_000;
      const v = makeVehicle({ id: newId(t), shiftId: shift.id, checkpoint: A.checkpoint, createdAt: t, updatedAt: t, day: dayKey(t), personCount: 2 });
      vehicles.push(v);
      persons.push(makePerson({ id: newId(t) }, v), makePerson({ id: newId(t), seq: 1, role: 'passenger' }, v));
    }
    await booth.db.transaction('rw', [booth.db.shifts, booth.db.vehicles, booth.db.persons], async () => {
      await booth.db.shifts.add(shift);
      await booth.db.vehicles.bulkAdd(vehicles);
      await booth.db.persons.bulkAdd(persons);
    });
  }
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

describe('a week offline', () => {
  it('catches up in bounded batches, and saves made during the catch-up all succeed and follow', async () => {
    const total = DAYS * PER_DAY;
    expect(await countWaiting(booth.db, (await readSyncState(booth.db)).cursor)).toBe(total);
    const sizes: { vehicles: number; persons: number; shifts: number }[] = [];
    let saves: Promise<void> | undefined;
    let savedDuringCatchUp = false;
    const transport: SyncTransport = {
      push: async (batch: SyncBatch) => {
        sizes.push({ vehicles: batch.vehicles.length, persons: batch.persons.length, shifts: batch.shifts.length });
        // The booth keeps working while the catch-up runs: register vehicles between batches.
        if (sizes.length === 3) saves = register(booth, 25).then(() => { savedDuringCatchUp = true; });
        return side.transport.push(batch);
      },
      pull: () => side.transport.pull(),
      watchEntries: (r) => side.transport.watchEntries(r),
    };
    const r = await syncOnce(booth.db, transport, { checkpoint: A.checkpoint });
    await saves;
    expect(savedDuringCatchUp).toBe(true);
    expect(r.error).toBeNull();
    expect(r.done).toBe(true);
    expect(sizes.length).toBeGreaterThanOrEqual(Math.ceil(total / SYNC_LIMITS.vehicles));
    for (const s of sizes) {
      expect(s.vehicles).toBeLessThanOrEqual(SYNC_LIMITS.vehicles);
      expect(s.persons).toBeLessThanOrEqual(SYNC_LIMITS.persons);
    }
    // The 25 saved during the catch-up were either in this run or wait for the next one.
    await syncOnce(booth.db, side.transport, { checkpoint: A.checkpoint });
    expect(await countWaiting(booth.db, (await readSyncState(booth.db)).cursor)).toBe(0);
    const c = await env.county.admin.query<{ v: number; p: number; s: number; h: number }>(
      `SELECT (SELECT count(*)::int FROM county.vehicles) v, (SELECT count(*)::int FROM county.persons) p,
              (SELECT count(*)::int FROM county.shifts) s, (SELECT count(*)::int FROM county.handover_summaries) h`,
    );
    expect(c.rows[0]).toEqual({ v: total + 25, p: await booth.db.persons.count(), s: DAYS + 1, h: DAYS });
  }, 300_000);
});
