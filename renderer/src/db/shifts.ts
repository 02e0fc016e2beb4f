// Shifts (白班/夜班): every record belongs to one, and only an open shift accepts new records.
import type { ExportRecord, HandoverNotes, Shift } from '../../../shared/model';
import { MESSAGES } from '../../../shared/messages';
import { validateOpenShiftInput, type OpenShiftInput } from '../../../shared/shift/openShift';
import { fail, ok, type Result } from '../../../shared/result';
import type { CheckpointDB } from './db';
import { notFound } from './errors';
import { dayKey, newId } from './ids';
import { MAX, MIN } from './keys';
import { storeShiftSummary } from './shiftSummaries';
import { en, zh } from '../../../shared/i18n/strings';
import { fill } from '../../../shared/i18n/fill';
import { handoverErrorText, validateHandoverNotes, type HandoverErrorCode, type HandoverField } from '../../../shared/shift/handoverForm';
import { journaledWrite } from './journaledWrite';
import { addShiftOperators, prepareShiftOperators, type ShiftPins } from './operators';
import { appendAudit } from './audit';

export type { OpenShiftInput } from '../../../shared/shift/openShift';

const SHIFT = { zh: '班次', en: 'Shift' };

/** Newest open shift, read on the [status+openedAt] index (at most one row read). */
async function newestOpen(db: CheckpointDB): Promise<Shift | undefined> {
  return db.shifts.where('[status+openedAt]').between(['open', MIN], ['open', MAX]).last();
}

/**
 * `pins`: each member's PIN (lead included), set as the shift opens; the members then sign in with
 * them (operators.ts) and the lead who opened the shift is signed in (audited). Without `pins`
 * (storage tests, the sync test kit) the shift has no PINs and its lock screen lets each member set one.
 */
export async function openShift(db: CheckpointDB, input: OpenShiftInput, now: number, pins?: ShiftPins): Promise<Result<Shift>> {
  // The 开班 form's rules (shared/shift/openShift.ts), in the form's words.
  const broken = Object.values(validateOpenShiftInput(input))[0];
  if (broken) return fail(broken, MESSAGES[broken].zh, MESSAGES[broken].en);
  const checkpoint = input.checkpoint.trim();
  const leadName = input.leadName.trim();
  const shiftName = input.shiftName.trim();
  const staff = input.staff.map((s) => ({ ...s, name: s.name.trim() })).filter((s) => s.name !== '');
  const operators = pins ? await prepareShiftOperators({ leadName, staff }, pins, now) : undefined;
  if (operators && !operators.ok) return operators;

  // Check and insert in one transaction: two windows cannot both open a shift.
  return journaledWrite(db, { zh: '开班', en: 'Opening the shift' }, (stamp) =>
    db.transaction('rw', [db.shifts, db.settings, db.operators, db.audit], async () => {
      const open = await newestOpen(db);
      if (open) {
        return fail<Shift>(
          'shift.alreadyOpen',
          `已有未交班的班次（${open.shiftName}，${open.leadName}），请先交班`,
          `A shift is still open (${open.shiftName}, ${open.leadName}); close it first`,
        );
      }
      const shift: Shift = {
        id: newId(),
        checkpoint,
        shiftName,
        leadName,
        staff,
        openedAt: now,
        day: dayKey(now),
        status: 'open',
        exports: [],
      };
      await db.shifts.add(shift);
      if (operators) {
        await addShiftOperators(db, shift.id, operators.value);
        await appendAudit(db, { at: now, actor: leadName, role: 'lead', action: 'signIn', target: shift.id, detail: { how: 'openShift' } });
      }
      await stamp('openShift', { shifts: [shift] }, { shifts: 1 });
      return ok(shift);
    }),
  );
}

/** The open shift (newest if, against the rules, several are open), or undefined. */
export async function currentShift(db: CheckpointDB): Promise<Shift | undefined> {
  return newestOpen(db);
}

/** The most recently opened closed shift (one row read on [status+openedAt]), or undefined. */
export async function lastClosedShift(db: CheckpointDB): Promise<Shift | undefined> {
  return db.shifts.where('[status+openedAt]').between(['closed', MIN], ['closed', MAX]).last();
}

export async function getShift(db: CheckpointDB, id: string): Promise<Shift | undefined> {
  return db.shifts.get(id);
}

/** Shifts opened on a day, in opening order. A night shift belongs to the day it opened. */
export async function listShiftsByDay(db: CheckpointDB, day: string): Promise<Shift[]> {
  const shifts = await db.shifts.where('day').equals(day).toArray();
  return shifts.sort((a, b) => a.openedAt - b.openedAt);
}

export async function closeShift(db: CheckpointDB, shiftId: string, handover: HandoverNotes, now: number): Promise<Result<Shift>> {
  // The close-shift dialog's rules (shared/shift/handoverForm.ts), in the dialog's words.
  const broken = Object.entries(validateHandoverNotes(handover))[0] as [HandoverField, HandoverErrorCode] | undefined;
  if (broken) {
    const text = handoverErrorText(...broken);
    return fail(`handover.${broken[1]}`, fill(zh[text.key], text.params, 'zh'), fill(en[text.key], text.params, 'en'));
  }
  // The shift's totals are stored in the same transaction (v7): the day view then reads one row.
  return journaledWrite(db, { zh: '交班', en: 'Closing the shift' }, (stamp) =>
    db.transaction('rw', [db.shifts, db.recheckQueue, db.vehicles, db.persons, db.incidents, db.shiftSummaries, db.settings], async () => {
      const shift = await db.shifts.get(shiftId);
      if (!shift) return notFound<Shift>(SHIFT);
      if (shift.status === 'closed') return fail<Shift>('shift.alreadyClosed', '该班次已交班', 'This shift is already closed');
      // Checked inside the transaction: a person waiting for a recheck is never handed over as
      // "done". [shiftId+since] of the small recheckQueue store, a handful of rows.
      const open = await db.recheckQueue.where('[shiftId+since]').between([shiftId, MIN], [shiftId, MAX]).count();
      if (open > 0) {
        return fail<Shift>(
          'shift.rechecksOpen',
          `还有 ${open} 人待复测，完成复测后才能交班`,
          open === 1 ? '1 person is still awaiting a recheck: complete it before closing the shift' : `${open} people are still awaiting a recheck: complete them before closing the shift`,
        );
      }
      const closed: Shift = { ...shift, status: 'closed', closedAt: now, handover };
      await db.shifts.put(closed);
      await storeShiftSummary(db, closed, now);
      await stamp('closeShift', { shifts: [closed] });
      return ok(closed);
    }),
  );
}

/** Remember that the shift's records were exported (where, and whether IDs were unmasked). */
export async function recordExport(db: CheckpointDB, shiftId: string, rec: ExportRecord): Promise<Result<Shift>> {
  return journaledWrite(db, { zh: '记录导出', en: 'Recording the export' }, (stamp) =>
    db.transaction('rw', [db.shifts, db.settings], async () => {
      const shift = await db.shifts.get(shiftId);
      if (!shift) return notFound<Shift>(SHIFT);
      const updated: Shift = { ...shift, exports: [...(shift.exports ?? []), rec] };
      await db.shifts.put(updated);
      await stamp('recordExport', { shifts: [updated] });
      return ok(updated);
    }),
  );
}
