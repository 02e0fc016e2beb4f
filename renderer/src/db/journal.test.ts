// The second copy: every write path appends one line after its commit, a wiped or truncated
// IndexedDB is detected at start and restored to the same counts and content hash.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJournal } from '../../../shared/journal';
import { DEFAULT_SETTINGS, type Incident, type Shift } from '../../../shared/model';
import { CheckpointDB } from './db';
import { newId } from './ids';
import { addIncident, voidIncident } from './incidents';
import { journalError } from './journal';
import { dumpDataset, rebuildFromStore, restoreDataset, startupCheck, takeSnapshot } from './recovery';
import { saveSettings } from './settings';
import { closeShift, openShift, recordExport } from './shifts';
import { freshDb, makePerson, makeVehicle, memoryJournalStore, T0 } from './testing';
import { amendVehicle, saveVehicle, voidVehicle } from './vehicles';
import { clearImportedShifts } from './imported';
import { contentHash } from '../../../shared/journal';

let db: CheckpointDB;
let store: ReturnType<typeof memoryJournalStore>;
const dbs: CheckpointDB[] = [];
beforeEach(() => {
  db = freshDb();
  store = memoryJournalStore();
  db.journal = store;
  dbs.push(db);
});
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

async function station(): Promise<Shift> {
  const s = await openShift(db, { checkpoint: '黄许卡点', shiftName: '夜班', leadName: '王队长', staff: [{ name: '李警官', unit: 'police' }] }, T0);
  if (!s.ok) throw new Error(s.error.message.en);
  for (let i = 0; i < 3; i++) {
    const v = makeVehicle({ shiftId: s.value.id, plate: `川A1234${i}`, createdAt: T0 + i });
    const r = await saveVehicle(db, v, [makePerson({ seq: 0 }, v), makePerson({ seq: 1, role: 'passenger', name: '李四' }, v)]);
    if (!r.ok) throw new Error(r.error.message.en);
  }
  return s.value;
}

describe('journal: every write path appends after its commit', () => {
  it('open, save, amend, void, incident, export, settings, close each add one line with the next seq and the running counts', async () => {
    const shift = await station();
    const first = (await db.vehicles.toArray())[0]!;
    expect((await amendVehicle(db, first.id, { origin: '绵阳' }, undefined, '录错', '李警官', T0 + 10)).ok).toBe(true);
    expect((await voidVehicle(db, first.id, '重复登记', '李警官', T0 + 11)).ok).toBe(true);
    const inc: Incident = { id: newId(), shiftId: shift.id, checkpoint: shift.checkpoint, operator: '李警官', day: shift.day, at: T0 + 12, kind: 'other', plate: '', description: '测试', voided: 0, amendments: [] };
    expect((await addIncident(db, inc)).ok).toBe(true);
    expect((await voidIncident(db, inc.id, '误录', '李警官', T0 + 13)).ok).toBe(true);
    expect((await recordExport(db, shift.id, { at: T0 + 14, where: 'x.xlsx', fullIds: false })).ok).toBe(true);
    expect((await saveSettings(db, { name: '周管理', role: 'admin' }, { ...DEFAULT_SETTINGS, feverLine: 37.5 })).ok).toBe(true);
    expect((await closeShift(db, shift.id, { pending: '', supplies: { thermometers: '', masks: '', disinfectant: '', suits: '' }, equipment: '', receivingLead: '张' }, T0 + 15)).ok).toBe(true);
    expect((await clearImportedShifts(db)).ok).toBe(true);

    const { entries, damaged } = parseJournal((await store.readAll()).ok ? store.lines.join('\n') : '');
    expect(damaged).toEqual([]);
    // A write that is audited (create, correct, void, incident, settings: access) commits its audit
    // entry in the same transaction; that entry has its own journal line, just before the write's.
    expect(entries.map((e) => e.op)).toEqual([
      'openShift', 'audit', 'saveVehicle', 'audit', 'saveVehicle', 'audit', 'saveVehicle', 'audit', 'amendVehicle', 'audit', 'voidVehicle', 'audit', 'addIncident', 'audit', 'voidIncident', 'recordExport', 'audit', 'saveSettings', 'closeShift', 'clearImportedShifts',
    ]);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.at(-1)!.counts).toEqual({ shifts: 1, vehicles: 3, persons: 6, incidents: 1 });
    // The voided occupants are journaled as whole rows with voided = 1.
    const voided = entries.find((e) => e.op === 'voidVehicle')!;
    expect((voided.put.persons as { voided: number }[]).map((p) => p.voided)).toEqual([1, 1]);
  });

  it('a failed refusal (closed shift) writes nothing to the journal', async () => {
    const shift = await station();
    const n = store.lines.length;
    await closeShift(db, shift.id, { pending: '', supplies: { thermometers: '', masks: '', disinfectant: '', suits: '' }, equipment: '', receivingLead: '张' }, T0 + 20);
    const v = makeVehicle({ shiftId: shift.id });
    expect((await saveVehicle(db, v, [makePerson({}, v)])).ok).toBe(false);
    expect(store.lines.length).toBe(n + 1);
  });

  it('a journal that cannot be written keeps the save (it is in IndexedDB) and raises the warning', async () => {
    const shift = await station();
    store.failAppends = true;
    const v = makeVehicle({ shiftId: shift.id });
    expect((await saveVehicle(db, v, [makePerson({}, v)])).ok).toBe(true);
    expect(journalError()?.message.zh).toContain('备份日志写入失败');
    store.failAppends = false;
    const w = makeVehicle({ shiftId: shift.id });
    await saveVehicle(db, w, [makePerson({}, w)]);
    expect(journalError()).toBeUndefined();
  });
});

describe('start-up check and restore', () => {
  it('a wiped IndexedDB is "behind"; the restore gives the same counts and content hash', async () => {
    await station();
    const before = await dumpDataset(db);
    expect(await startupCheck(db)).toEqual({ kind: 'ok' });

    // The same journal, an empty database (what Chromium leaves after it deletes a corrupt one).
    const empty = freshDb();
    dbs.push(empty);
    empty.journal = store;
    const state = await startupCheck(empty);
    expect(state).toMatchObject({ kind: 'behind', db: undefined, journal: { seq: 7, counts: { vehicles: 3, persons: 6 } } });

    const rebuilt = await rebuildFromStore(store);
    if (!rebuilt.ok) throw new Error('rebuild');
    expect(rebuilt.value.hash).toBe(contentHash(before));
    const restored = await restoreDataset(empty, rebuilt.value.data, rebuilt.value.mark);
    expect(restored).toEqual({ ok: true, value: { counts: { shifts: 1, vehicles: 3, persons: 6, incidents: 0 }, hash: contentHash(before) } });
    expect(await startupCheck(empty)).toEqual({ kind: 'ok' });
    // Day counters are recounted from the restored rows.
    const { countVehiclesByDay } = await import('./vehicles');
    expect(await countVehiclesByDay(empty, (await empty.vehicles.toArray())[0]!.day)).toBe(3);
  });

  it('a database older than the journal (lost its last writes) is "behind" too', async () => {
    await station();
    // Keep a copy of the database as it was after two saves: a log cut in half.
    const old = freshDb();
    dbs.push(old);
    old.journal = memoryJournalStore();
    const rebuiltEarly = await rebuildFromStore({ ...store, readAll: async () => ({ ok: true, value: store.lines.slice(0, 3).join('\n') }) });
    if (!rebuiltEarly.ok) throw new Error('x');
    await restoreDataset(old, rebuiltEarly.value.data, rebuiltEarly.value.mark);
    old.journal = store;
    // Seven lines: 开班, then each save's audit line and its own.
    expect(await startupCheck(old)).toMatchObject({ kind: 'behind', db: { seq: 3 }, journal: { seq: 7 } });
  });

  it('a station that ran before the journal existed gets a baseline snapshot, and restores from it', async () => {
    await station();
    const before = await dumpDataset(db);
    // Forget the journal: as if the data predated it.
    store.lines.length = 0;
    await db.settings.delete('__journalMark');
    const state = await startupCheck(db);
    // The booth opens at once; the snapshot is written behind it.
    expect(state).toMatchObject({ kind: 'ok', snapshot: expect.any(Promise) });
    expect(state.kind === 'ok' && (await state.snapshot)?.ok).toBe(true);
    expect([...store.snapshots.values()].map((s) => s.info.kind)).toEqual(['baseline']);
    const empty = freshDb();
    dbs.push(empty);
    empty.journal = store;
    expect((await startupCheck(empty)).kind).toBe('behind');
    const rebuilt = await rebuildFromStore(store);
    expect(rebuilt.ok && rebuilt.value.hash).toBe(contentHash(before));
  });

  it('above the snapshot limit no snapshot is built (it would not fit in memory): the banner says so until one succeeds', async () => {
    await station();
    const tooLarge = await takeSnapshot(db, 'rolling', 5);
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'journal.snapshotTooLarge' } });
    expect(journalError()?.message.zh).toContain('本机已存 6 人，超过快照上限 5 人');
    expect(store.snapshots.size).toBe(0);
    // A save's journal line does not hide it; a snapshot that succeeds does.
    const w = makeVehicle();
    await saveVehicle(db, w, [makePerson({}, w)]);
    expect(journalError()?.code).toBe('journal.snapshotTooLarge');
    expect((await takeSnapshot(db, 'rolling')).ok).toBe(true);
    expect(journalError()).toBeUndefined();
    // A mark that undercounts (rows written before the journal) does not get past the limit:
    // reading stops once the people pass it.
    const mark = (await db.settings.get('__journalMark'))!.value as { counts: { persons: number } };
    await db.settings.put({ key: '__journalMark', value: { ...mark, counts: { ...mark.counts, persons: 0 } } });
    expect(await takeSnapshot(db, 'rolling', 5)).toMatchObject({ ok: false, error: { code: 'journal.snapshotTooLarge' } });
    expect(journalError()?.message.zh).toContain('超过快照上限 5 人');
  });

  it('a snapshot read page by page while saves go on: snapshot + the journal after its mark rebuild exactly what is stored', async () => {
    const shift = await station();
    const saveOne = async (i: number) => {
      const v = makeVehicle({ shiftId: shift.id, plate: `川B${String(10000 + i)}`, createdAt: T0 + 100 + i });
      const r = await saveVehicle(db, v, [makePerson({ seq: 0 }, v)]);
      if (!r.ok) throw new Error(r.error.message.en);
    };
    // The snapshot and ten saves interleave (each page of the dump is its own read).
    const [snap] = await Promise.all([takeSnapshot(db, 'rolling'), ...Array.from({ length: 10 }, (_, i) => saveOne(i))]);
    expect(snap.ok).toBe(true);
    const rebuilt = await rebuildFromStore(store);
    if (!rebuilt.ok) throw new Error('rebuild');
    expect(rebuilt.value.snapshotSeq).toBe(snap.ok ? snap.value.seq : -1);
    expect(rebuilt.value.hash).toBe(contentHash(await dumpDataset(db)));
    expect(rebuilt.value.counts.vehicles).toBe(13);
  });
});
