// Incidents at the booth (妨害防疫检查、冲关逃逸、暴力抗法…): part of the handover and the
// daily report. Never deleted; voided with a reason.
import { INCIDENT_DESCRIPTION_MAX, incidentFields, validateIncident, validateIncidentVoid } from '../../../shared/incident';
import { MESSAGES, type ValidationCode } from '../../../shared/messages';
import type { Incident } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import type { CheckpointDB } from './db';
import { byRequired, notFound } from './errors';
import { MAX, MIN } from './keys';
import { refreshShiftSummary } from './shiftSummaries';
import { journaledWrite } from './journaledWrite';
import type { Actor } from '../../../shared/privacy/roles';
import { appendAudit } from './audit';
import { actorFor } from './operators';

/** A rule of shared/incident.ts broken: refused with the same words the dialog shows. */
function invalid<T>(code: ValidationCode): Result<T> {
  const m = MESSAGES[code];
  return fail<T>(code, m.zh.replace('{max}', String(INCIDENT_DESCRIPTION_MAX)), m.en.replace('{max}', String(INCIDENT_DESCRIPTION_MAX)));
}

export async function addIncident(db: CheckpointDB, incident: Incident): Promise<Result<Incident>> {
  const error = validateIncident(incident).description;
  if (error) return invalid(error);
  incident = { ...incident, ...incidentFields(incident) };
  return journaledWrite(db, { zh: '保存事件', en: 'Saving the incident' }, (stamp) =>
    db.transaction('rw', [db.shifts, db.incidents, db.settings, db.operators, db.audit], async () => {
      const shift = await db.shifts.get(incident.shiftId);
      if (!shift) return fail<Incident>('incident.noShift', '未开班，不能登记事件', 'No open shift: open a shift first');
      if (shift.status !== 'open') return fail<Incident>('incident.shiftClosed', '该班次已交班，不能再登记', 'This shift is closed');
      await db.incidents.add(incident);
      const who = await actorFor(db, incident.shiftId, incident.operator);
      await appendAudit(db, { at: incident.at, actor: who.name, role: who.role, action: 'create', target: incident.id, detail: { record: 'incident', kind: incident.kind } });
      await stamp('addIncident', { incidents: [incident] }, { incidents: 1 });
      return ok(incident);
    }),
  );
}

/** A day's incidents in chronological order (report order), voided included and flagged. */
export async function listIncidentsByDay(db: CheckpointDB, day: string): Promise<Incident[]> {
  return db.incidents.where('[day+at]').between([day, MIN], [day, MAX]).toArray();
}


export async function voidIncident(db: CheckpointDB, id: string, reason: string, by: Actor | string, now: number): Promise<Result<Incident>> {
  const reasonError = validateIncidentVoid(reason);
  if (reasonError) return invalid(reasonError);
  const byName = (typeof by === 'string' ? by : by.name).trim();
  if (!byName) return byRequired();
  return journaledWrite(db, { zh: '作废', en: 'Voiding' }, (stamp) =>
    db.transaction('rw', [db.shifts, db.vehicles, db.persons, db.incidents, db.shiftSummaries, db.settings, db.operators, db.audit], async () => {
      const inc = await db.incidents.get(id);
      if (!inc) return notFound<Incident>({ zh: '事件记录', en: 'Incident' });
      if (inc.voided === 1) return fail<Incident>('void.already', '该记录已作废', 'This record is already voided');
      const stored: Incident = { ...inc, voided: 1, voidMark: { at: now, by: byName, reason: reason.trim() } };
      const who = await actorFor(db, inc.shiftId, by);
      await appendAudit(db, { at: now, actor: who.name, role: who.role, action: 'void', target: id, detail: { record: 'incident', reason: reason.trim() } });
      await db.incidents.put(stored);
      await refreshShiftSummary(db, inc.shiftId, now);
      await stamp('voidIncident', { incidents: [stored] });
      return ok(stored);
    }),
  );
}
