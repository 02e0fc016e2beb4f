import { describe, expect, it } from 'vitest';
import type { Shift } from '../../../shared/model';
import { draftWatchKeys, groupMatches, planWatchHits, type WatchDecision } from '../../../shared/watchlist/alert';
import { makeWatchEntry, makeWatchList } from '../../../shared/watchlist/testFixtures';
import { decodeLine } from '../../../shared/journal';
import { emptyOccupant, emptyVehicleDraft } from '../../../shared/registration';
import type { CheckpointDB } from './db';
import { newId } from './ids';
import { makePerson, makeVehicle, memoryJournalStore, VALID_ID, withTestDb } from './testing';
import { saveVehicle } from './vehicles';
import { activeListMap, hitsOfShift, matchWatchKeys } from './watchHits';
import { checkAuditChain, listAudit } from './audit';

let db: CheckpointDB;
let shift: Shift;
withTestDb((c) => ({ db, shift } = c));

const actor = { name: '李警官', role: 'staff' as const };

async function seed() {
  const list = makeWatchList({ name: '2月16日重点人员' });
  const retired = makeWatchList({ name: '旧名单', status: 'retired' });
  const person = makeWatchEntry(list, { name: '赵六', idNumber: VALID_ID, phone: '13912345678', origin: '武汉', note: '2月10日自武汉返乡' });
  const car = makeWatchEntry(list, { plate: '鄂A12345', origin: '武汉', note: '车主已隔离' });
  const dropped = makeWatchEntry(list, { plate: '川A88888', current: 0 });
  const onRetired = makeWatchEntry(retired, { plate: '川A12345' });
  await db.watchLists.bulkAdd([list, retired]);
  await db.watchEntries.bulkAdd([person, car, dropped, onRetired]);
  return { list, person, car };
}

describe('matchWatchKeys', () => {
  it('finds current entries of active lists by plate, ID and phone, and nothing else', async () => {
    const { list, person, car } = await seed();
    const m = await matchWatchKeys(db, ['plate:鄂A12345', 'id:' + VALID_ID, 'phone:13912345678', 'plate:川A88888', 'plate:川A12345', 'plate:京A00000']);
    expect(m.map((x) => [x.entry.id, x.key, x.list.id])).toEqual([
      [car.id, 'plate:鄂A12345', list.id],
      [person.id, 'id:' + VALID_ID, list.id],
      [person.id, 'phone:13912345678', list.id],
    ]);
    expect(groupMatches(m).map((h) => [h.entry.id, h.keys.length])).toEqual([
      [car.id, 1],
      [person.id, 2],
    ]);
    expect(await matchWatchKeys(db, [])).toEqual([]);
  });

  it('with the active lists the form holds, the same answer; a list missing from them is still read', async () => {
    const { list, person } = await seed();
    const keys = ['id:' + VALID_ID, 'plate:川A12345'];
    const plain = await matchWatchKeys(db, keys);
    expect(await matchWatchKeys(db, keys, await activeListMap(db))).toEqual(plain);
    expect([...(await activeListMap(db)).keys()]).toEqual([list.id]);
    // Held before the list arrived: the hit is not hidden.
    expect((await matchWatchKeys(db, keys, new Map())).map((x) => x.entry.id)).toEqual([person.id]);
  });

  it('matches what the form types, through the same normalisers', async () => {
    const { person, car } = await seed();
    const draft = emptyVehicleDraft('v');
    const o = { ...emptyOccupant('p', 'driver'), docNumber: VALID_ID.toLowerCase(), phone: '139 1234 5678' };
    const keys = draftWatchKeys({ ...draft, plateInput: 'e a12345', occupants: [o] }, '川', '2020-02-17');
    const hits = groupMatches(await matchWatchKeys(db, keys.map((k) => k.key)));
    expect(hits.map((h) => h.entry.id)).toEqual([car.id, person.id]);
    // A half-typed ID looks nothing up.
    expect(draftWatchKeys({ ...draft, plateInput: '', occupants: [{ ...o, docNumber: VALID_ID.slice(0, 17), phone: '' }] }, '川', '2020-02-17')).toEqual([]);
  });
});

describe('saveVehicle with watchlist hits', () => {
  type Seeded = Awaited<ReturnType<typeof seed>>;
  async function saveWithHits(decide: (s: Seeded) => Map<string, WatchDecision>, before?: (s: Seeded) => Promise<void>) {
    const s = await seed();
    const v = makeVehicle({ shiftId: shift.id, plate: '鄂A12345', checkpoint: shift.checkpoint });
    const p = makePerson({ docNumber: VALID_ID }, v);
    const keys = [
      { key: 'plate:鄂A12345', kind: 'plate' as const, occupant: null },
      { key: 'id:' + VALID_ID, kind: 'id' as const, occupant: 0 },
    ];
    const hits = groupMatches(await matchWatchKeys(db, keys.map((k) => k.key)));
    const planned = planWatchHits({ vehicle: v, persons: [p], hits, keys, decisions: decide(s), operator: actor.name, newId: () => newId() });
    const stored = { ...v, watchHits: planned.map((x) => x.hit.id) };
    await before?.(s);
    const r = await saveVehicle(db, stored, [p], { actor, planned });
    return { r, v: stored, p, s };
  }

  it('stores each hit as its own row with the vehicle, resolves the entries and audits both', async () => {
    const journal = memoryJournalStore();
    db.journal = journal;
    const { r, v, p, s } = await saveWithHits(
      (s) =>
        new Map<string, WatchDecision>([
          [s.car.id, { status: 'met', note: '' }],
          [s.person.id, { status: 'followUp', note: '通知社区 13312345678 跟进' }],
        ]),
    );
    expect(r.ok).toBe(true);

    const hits = await hitsOfShift(db, shift.id);
    expect(hits).toHaveLength(2);
    expect(hits.map((h) => h.id).sort()).toEqual([...v.watchHits].sort());
    const carHit = hits.find((h) => h.entryId === s.car.id);
    const personHit = hits.find((h) => h.entryId === s.person.id);
    expect(carHit).toMatchObject({ key: 'plate:鄂A12345', vehicleId: v.id, personId: '', operator: '李警官', checkpoint: shift.checkpoint, shiftId: shift.id, at: v.createdAt, day: v.day, listId: s.list.id });
    expect(personHit).toMatchObject({ key: 'id:' + VALID_ID, vehicleId: v.id, personId: p.id });

    const carEntry = await db.watchEntries.get(s.car.id);
    expect(carEntry?.status).toBe('met');
    expect(carEntry?.resolutions).toEqual([{ status: 'met', at: v.createdAt, by: '李警官', checkpoint: shift.checkpoint, note: '', hitId: carHit?.id }]);
    const personEntry = await db.watchEntries.get(s.person.id);
    expect(personEntry?.status).toBe('followUp');
    expect(personEntry?.resolutions[0]?.note).toBe('通知社区 13312345678 跟进');

    const listed = await listAudit(db, { name: '管理员', role: 'admin' }, { limit: 10 });
    const audit = listed.ok ? listed.value : [];
    // The registration's own entry (create) commits with the hits' entries.
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'watchHit', 'watchHit', 'watchResolve', 'watchResolve']);
    // The trail never holds a full ID or phone.
    expect(JSON.stringify(audit)).not.toContain(VALID_ID);
    expect(JSON.stringify(audit)).not.toContain('13312345678');
    expect(await checkAuditChain(db)).toEqual({ ok: true, count: 5 });

    // The journal line carries the hits and the resolved entries with the vehicle.
    const saveLine = journal.lines.map((l, i) => decodeLine(l, i + 1)).find((d) => d.ok && d.entry.op === 'saveVehicle');
    const decoded = saveLine ?? decodeLine('', 1);
    expect(decoded.ok && decoded.entry.put.watchHits?.length).toBe(2);
    expect(decoded.ok && (decoded.entry.put.watchEntries as Array<{ status: string }>).map((e) => e.status).sort()).toEqual(['followUp', 'met']);
  });

  it('writes nothing when the shift is closed', async () => {
    await db.shifts.update(shift.id, { status: 'closed', closedAt: Date.now() });
    const { r } = await saveWithHits((s) => new Map([[s.car.id, { status: 'met', note: '' }], [s.person.id, { status: 'met', note: '' }]]));
    expect(!r.ok && r.error.code).toBe('save.shiftClosed');
    expect(await db.watchHits.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses, writing nothing, when an entry went away before the save (list replaced)', async () => {
    const { r } = await saveWithHits(
      (s) => new Map([[s.car.id, { status: 'met', note: '' }], [s.person.id, { status: 'met', note: '' }]]),
      (s) => db.watchEntries.delete(s.person.id),
    );
    expect(!r.ok && r.error.code).toBe('watch.entryGone');
    expect(await db.vehicles.count()).toBe(0);
    expect(await db.watchHits.count()).toBe(0);
    expect((await db.watchEntries.toArray()).every((e) => e.resolutions.length === 0)).toBe(true);
  });

  it('refuses to plan a hit that has no decision', async () => {
    await expect(saveWithHits((s) => new Map([[s.car.id, { status: 'met', note: '' }]]))).rejects.toThrow(/no decision/);
  });
});
