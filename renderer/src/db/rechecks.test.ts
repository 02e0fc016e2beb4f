// 待复测 in storage: the queue, completion from the list (history kept), and the close-shift gate.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { completeRecheck, countOpenRechecks, listOpenRechecks } from './rechecks';
import { closeShift } from './shifts';
import { freshDb, makePerson, makeShift, makeVehicle, T0 } from './testing';
import { amendVehicle, saveVehicle, voidVehicle } from './vehicles';

const opened: Dexie[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

const NOTES = { pending: '', supplies: { thermometers: '', masks: '', disinfectant: '', suits: '' }, equipment: '', receivingLead: '赵队长' };

async function boothWithWaiting(): Promise<{ db: CheckpointDB; shiftId: string; vehicleId: string; waiting: Person }> {
  const db = freshDb();
  opened.push(db);
  const shift = makeShift({ status: 'open' });
  await db.shifts.add(shift);
  const v = makeVehicle({ shiftId: shift.id });
  const waiting = makePerson(
    { seq: 1, role: 'passenger', name: '李四', feverFirst: true, feverConfirmed: true, first: { celsius: 37.8, method: 'infrared', at: T0 }, awaitingRecheckSince: T0 },
    v,
  );
  expect((await saveVehicle(db, v, [makePerson({ seq: 0 }, v), waiting])).ok).toBe(true);
  return { db, shiftId: shift.id, vehicleId: v.id, waiting };
}

describe('待复测 queue', () => {
  it('lists a person saved awaiting a recheck and keeps the shift from closing', async () => {
    const { db, shiftId, waiting } = await boothWithWaiting();
    const open = await listOpenRechecks(db, shiftId);
    expect(open.map((o) => [o.person.name, o.vehicle.plate, o.since])).toEqual([['李四', '川A12345', T0]]);
    const r = await closeShift(db, shiftId, NOTES, T0 + 3600_000);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('shift.rechecksOpen');
      expect(r.error.message.zh).toContain('1 人待复测');
    }
    expect((await db.shifts.get(shiftId))?.status).toBe('open');
    expect(await countOpenRechecks(db, shiftId)).toBe(1);
    expect(waiting.awaitingRecheckSince).toBe(T0);
  });

  it('completes a recheck with the form’s rules, keeping the first reading and writing history', async () => {
    const { db, shiftId, vehicleId, waiting } = await boothWithWaiting();
    const at = T0 + 8 * 60_000;
    // Same validation as the registration form: empty, implausible, still feverish but released.
    for (const temp of ['', '45.1']) {
      const bad = await completeRecheck(db, waiting.id, { temp, method: 'mercuryAxillary', symptoms: [], disposition: 'released' }, 37.3, '王医生', at);
      expect(bad.ok).toBe(false);
    }
    const still = await completeRecheck(db, waiting.id, { temp: '38.1', method: 'mercuryAxillary', symptoms: [], disposition: 'released' }, 37.3, '王医生', at);
    expect(still.ok).toBe(false);
    expect(await countOpenRechecks(db, shiftId)).toBe(1);

    const done = await completeRecheck(db, waiting.id, { temp: '38.1', method: 'mercuryAxillary', symptoms: ['cough'], disposition: 'feverClinic' }, 37.3, '王医生', at);
    expect(done.ok).toBe(true);
    const stored = await db.persons.get(waiting.id);
    expect(stored?.first).toEqual({ celsius: 37.8, method: 'infrared', at: T0 });
    expect(stored?.recheck).toEqual({ celsius: 38.1, method: 'mercuryAxillary', at });
    expect(stored?.awaitingRecheckSince).toBeUndefined();
    expect(stored?.feverConfirmed).toBe(true);
    expect(stored?.disposition).toBe('feverClinic');
    expect(stored?.symptoms).toEqual(['cough']);

    const v = await db.vehicles.get(vehicleId);
    expect(v?.maxTemp).toBe(38.1);
    expect(v?.amendments).toHaveLength(1);
    expect(v?.amendments[0]).toMatchObject({ at, by: '王医生', kind: 'recheck', afterClose: false });
    expect(v?.amendments[0]?.changes['persons[1].recheck']).toEqual([null, { celsius: 38.1, method: 'mercuryAxillary', at }]);
    expect(v?.amendments[0]?.changes['persons[1].disposition']).toEqual(['released', 'feverClinic']);
    expect(Object.keys(v?.amendments[0]?.changes ?? {}).some((k) => k.includes('first'))).toBe(false);

    expect(await listOpenRechecks(db, shiftId)).toEqual([]);
    const again = await completeRecheck(db, waiting.id, { temp: '36.8', method: 'mercuryAxillary', symptoms: [], disposition: 'released' }, 37.3, '王医生', at + 1);
    expect(again.ok ? '' : again.error.code).toBe('recheck.notOpen');
    expect((await closeShift(db, shiftId, NOTES, at + 60_000)).ok).toBe(true);
  });

  it('a voided vehicle leaves the queue; a correction keeps the wait’s start', async () => {
    const { db, shiftId, vehicleId, waiting } = await boothWithWaiting();
    const people = (await db.persons.where('vehicleId').equals(vehicleId).toArray()).sort((a, b) => a.seq - b.seq);
    // A correction re-submitting the person still waiting (the form stamps a new start): the old start stays.
    const corrected = people.map((p) => (p.id === waiting.id ? { ...p, name: '李思', awaitingRecheckSince: T0 + 5 * 60_000 } : p));
    expect((await amendVehicle(db, vehicleId, {}, corrected, '姓名写错', '李警官', T0 + 5 * 60_000)).ok).toBe(true);
    const open = await listOpenRechecks(db, shiftId);
    expect(open.map((o) => [o.person.name, o.since])).toEqual([['李思', T0]]);
    expect((await db.persons.get(waiting.id))?.awaitingRecheckSince).toBe(T0);

    expect((await voidVehicle(db, vehicleId, '重复登记', '李警官', T0 + 6 * 60_000)).ok).toBe(true);
    expect(await countOpenRechecks(db, shiftId)).toBe(0);
    expect((await closeShift(db, shiftId, NOTES, T0 + 3600_000)).ok).toBe(true);
  });
});
