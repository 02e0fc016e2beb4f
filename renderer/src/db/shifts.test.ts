import { describe, expect, it } from 'vitest';
import type { HandoverNotes } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { closeShift, currentShift, getShift, listShiftsByDay, openShift, recordExport, type OpenShiftInput } from './shifts';
import { T0, freshDb, withTestDb } from './testing';

const input = { checkpoint: '南江南高速出口卡点', shiftName: 'day', leadName: '王队长', staff: [{ name: '李警官', unit: 'police' as const }] };
const handover: HandoverNotes = {
  pending: '',
  supplies: { thermometers: '3', masks: '200', disinfectant: '2 桶', suits: '10' },
  equipment: '正常',
  receivingLead: '赵队长',
};

let db: CheckpointDB;
withTestDb((c) => ({ db } = c), false);

describe('shifts', () => {
  it('opens, finds, lists and closes a shift', async () => {
    expect(await currentShift(db)).toBeUndefined();
    const r = await openShift(db, input, T0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ status: 'open', openedAt: T0, day: '2020-02-01', checkpoint: input.checkpoint });
    expect((await currentShift(db))?.id).toBe(r.value.id);
    expect(await getShift(db, r.value.id)).toEqual(r.value);
    expect((await listShiftsByDay(db, '2020-02-01')).map((s) => s.id)).toEqual([r.value.id]);

    const c = await closeShift(db, r.value.id, handover, T0 + 1000);
    expect(c.ok && c.value).toMatchObject({ status: 'closed', closedAt: T0 + 1000, handover });
    expect(await currentShift(db)).toBeUndefined();

    const again = await closeShift(db, r.value.id, handover, T0 + 2000);
    expect(!again.ok && again.error.code).toBe('shift.alreadyClosed');
  });

  it('refuses to close without the receiving lead or with over-long notes, in the dialog\'s words, and the shift stays open', async () => {
    const r = await openShift(db, input, T0);
    if (!r.ok) throw new Error('not opened');
    const noLead = await closeShift(db, r.value.id, { ...handover, receivingLead: ' ' }, T0 + 1000);
    expect(!noLead.ok && noLead.error).toMatchObject({ code: 'handover.receivingLeadRequired', message: { zh: '请填写接班负责人', en: 'Name the receiving lead' } });
    const tooLong = await closeShift(db, r.value.id, { ...handover, equipment: '坏'.repeat(501) }, T0 + 1000);
    expect(!tooLong.ok && tooLong.error.code).toBe('handover.tooLong');
    expect(!tooLong.ok && tooLong.error.message.en).toContain('500');
    expect((await currentShift(db))?.id).toBe(r.value.id);
  });

  it('refuses a second open shift and missing checkpoint, lead or staff', async () => {
    expect((await openShift(db, input, T0)).ok).toBe(true);
    const second = await openShift(db, input, T0 + 1);
    expect(!second.ok && second.error.code).toBe('shift.alreadyOpen');
    expect(!second.ok && second.error.message.zh).toMatch(/交班/);

    const other = freshDb();
    for (const [bad, code] of [
      [{ ...input, checkpoint: '  ' }, 'shift.checkpointRequired'],
      [{ ...input, leadName: '' }, 'shift.leadRequired'],
      [{ ...input, staff: [] }, 'shift.staffRequired'],
      [{ ...input, staff: [{ name: ' ', unit: 'health' }] }, 'shift.staffRequired'],
    ] as [OpenShiftInput, string][]) {
      const r = await openShift(other, bad, T0);
      expect(!r.ok && r.error.code).toBe(code);
    }
    expect(await other.shifts.count()).toBe(0);
    other.close();
  });

  it('records exports on the shift', async () => {
    const r = await openShift(db, input, T0);
    if (!r.ok) throw new Error('open failed');
    await recordExport(db, r.value.id, { at: T0 + 5, where: 'a.xlsx', fullIds: false });
    const x = await recordExport(db, r.value.id, { at: T0 + 6, where: 'b.xlsx', fullIds: true });
    expect(x.ok && x.value.exports?.map((e) => e.where)).toEqual(['a.xlsx', 'b.xlsx']);
    const missing = await recordExport(db, 'nope', { at: 1, where: 'c', fullIds: false });
    expect(!missing.ok && missing.error.code).toBe('db.notFound');
  });
});
