import { describe, expect, it } from 'vitest';
import { emptyCounts, emptyHourly } from '../../../shared/shift/summary';
import type { ImportedShift } from '../../../shared/excel/importHandover';
import type { CheckpointDB } from './db';
import { clearImportedShifts, importedShiftsOfDay, listImportedShifts, storeImportedShifts } from './imported';
import { withTestDb } from './testing';

function imported(p: Partial<ImportedShift> = {}): ImportedShift {
  return {
    shiftId: 's1',
    checkpoint: '南江南卡点',
    day: '2020-02-17',
    shiftName: 'night',
    leadName: '王队',
    receivingLead: '赵队',
    openedAt: 1,
    closedAt: 2,
    exportedAt: 3,
    appVersion: '0.1.0',
    fullIds: false,
    tzOffsetMinutes: 480,
    summary: { ...emptyCounts(), vehiclesChecked: 5 },
    hourly: emptyHourly(),
    fingerprint: 'aaaa',
    ...p,
  };
}

let db: CheckpointDB;
withTestDb((c) => ({ db } = c), false);

describe('imported shifts', () => {
  it('stores new shifts, counts a duplicate once and lets a later export replace an earlier one', async () => {
    const a = imported();
    const b = imported({ shiftId: 's2', checkpoint: '黄许卡点', day: '2020-02-18' });
    const r1 = await storeImportedShifts(db, [{ shift: a, fileName: 'a.xlsx' }, { shift: b, fileName: 'b.xlsx' }], 100);
    expect(r1.ok && r1.value.written).toBe(2);
    expect((await listImportedShifts(db)).length).toBe(2);

    const again = imported();
    const r2 = await storeImportedShifts(db, [{ shift: again, fileName: 'a (copy).xlsx' }], 200);
    if (!r2.ok) throw new Error('store failed');
    expect(r2.value.written).toBe(0);
    expect(r2.value.merge.duplicates).toEqual([again]);
    expect(await db.importedShifts.count()).toBe(2);

    const corrected = imported({ fingerprint: 'bbbb', exportedAt: 10, summary: { ...emptyCounts(), vehiclesChecked: 6 } });
    const r3 = await storeImportedShifts(db, [{ shift: corrected, fileName: 'a2.xlsx' }], 300);
    if (!r3.ok) throw new Error('store failed');
    expect(r3.value.written).toBe(1);
    expect(r3.value.merge.replaced.map((s) => s.fingerprint)).toEqual(['aaaa']);
    const rows = await importedShiftsOfDay(db, '2020-02-17');
    expect(rows.map((s) => s.summary.vehiclesChecked)).toEqual([6]);
    expect((await db.importedShifts.get(rows[0] ? `${rows[0].checkpoint}\u0000${rows[0].shiftId}` : ''))?.fileName).toBe('a2.xlsx');

    // An older export arriving later does not undo the correction.
    const r4 = await storeImportedShifts(db, [{ shift: imported(), fileName: 'a-old.xlsx' }], 400);
    expect(r4.ok && r4.value.written).toBe(0);
    expect((await importedShiftsOfDay(db, '2020-02-17'))[0]?.fingerprint).toBe('bbbb');

    const cleared = await clearImportedShifts(db);
    expect(cleared.ok && cleared.value).toBe(2);
    expect(await listImportedShifts(db)).toEqual([]);
  });
});

describe('station keys pinned on first import', () => {
  const KEY_A = { publicKey: 'A'.repeat(43) + '=', fingerprint: 'AAAA-AAAA-AAAA-AAAA' };
  const KEY_X = { publicKey: 'X'.repeat(43) + '=', fingerprint: 'XXXX-XXXX-XXXX-XXXX' };

  it('pins the first signed workbook of a checkpoint, accepts its later ones, refuses another key naming the station', async () => {
    const first = imported({ station: KEY_A });
    const r1 = await storeImportedShifts(db, [{ shift: first, fileName: 'a.xlsx' }], 100);
    expect(r1.ok && r1.value.pinned).toEqual([first]);
    expect((await db.pinnedStations.get('南江南卡点'))?.keys.map((k) => k.fingerprint)).toEqual([KEY_A.fingerprint]);

    const later = imported({ station: KEY_A, shiftId: 's2', fingerprint: 'bbbb' });
    const r2 = await storeImportedShifts(db, [{ shift: later, fileName: 'b.xlsx' }], 200);
    expect(r2.ok && [r2.value.written, r2.value.rejected.length, r2.value.pinned.length]).toEqual([1, 0, 0]);

    // A forger's workbook of the same shift, exported later, signed with another key.
    const forged = imported({ station: KEY_X, shiftId: 's2', fingerprint: 'ffff', exportedAt: 999 });
    const r3 = await storeImportedShifts(db, [{ shift: forged, fileName: 'forged.xlsx' }], 300);
    if (!r3.ok) throw new Error(r3.error.message.en);
    expect(r3.value.written).toBe(0);
    expect(r3.value.rejected[0]?.message.zh).toMatch(/「南江南卡点」.*XXXX-XXXX-XXXX-XXXX.*AAAA-AAAA-AAAA-AAAA/);
    expect((await listImportedShifts(db)).find((s) => s.shiftId === 's2')?.fingerprint).toBe('bbbb');
  });

  it('refuses an unsigned workbook once the checkpoint has a pinned key; accepts unsigned ones of unpinned checkpoints', async () => {
    await storeImportedShifts(db, [{ shift: imported({ station: KEY_A }), fileName: 'a.xlsx' }], 100);
    const stripped = imported({ shiftId: 's9', station: null });
    const other = imported({ shiftId: 's1', checkpoint: '黄许卡点', station: null });
    const r = await storeImportedShifts(db, [{ shift: stripped, fileName: 's.xlsx' }, { shift: other, fileName: 'o.xlsx' }], 200);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.rejected.map((x) => x.shift)).toEqual([stripped]);
    expect(r.value.written).toBe(1);
  });

  it('clearing the district data clears the pinned keys too', async () => {
    await storeImportedShifts(db, [{ shift: imported({ station: KEY_A }), fileName: 'a.xlsx' }], 100);
    await clearImportedShifts(db);
    expect(await db.pinnedStations.count()).toBe(0);
  });
});
