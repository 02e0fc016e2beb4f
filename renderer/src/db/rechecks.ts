// 待复测: the open rechecks of a shift and their completion from the list (rules: shared/recheck.ts).
import type { Amendment, Person, Vehicle } from '../../../shared/model';
import { completeRecheckOf, RECHECK_AMENDMENT_REASON, validateRecheck, type RecheckDraft } from '../../../shared/recheck';
import { fail, ok, type Result } from '../../../shared/result';
import type { CheckpointDB } from './db';
import { applyRecordChange, counterTables } from './dayCounts';
import { vehicleSummary as summarize } from '../../../shared/derived';
import { sameValue } from '../../../shared/registration/amend';
import { byRequired, notFound } from './errors';
import { MAX, MIN } from './keys';
import { journaledWrite } from './journaledWrite';

export interface OpenRecheck {
  person: Person;
  vehicle: Vehicle;
  since: number;
}

/** A shift's open rechecks, longest wait first: [shiftId+since] of the small recheckQueue store. */
export async function listOpenRechecks(db: CheckpointDB, shiftId: string, limit = 100): Promise<OpenRecheck[]> {
  return db.transaction('r', [db.recheckQueue, db.persons, db.vehicles], async () => {
    const rows = await db.recheckQueue.where('[shiftId+since]').between([shiftId, MIN], [shiftId, MAX]).limit(limit).toArray();
    const [persons, vehicles] = await Promise.all([db.persons.bulkGet(rows.map((r) => r.personId)), db.vehicles.bulkGet(rows.map((r) => r.vehicleId))]);
    const out: OpenRecheck[] = [];
    rows.forEach((r, i) => {
      const person = persons[i];
      const vehicle = vehicles[i];
      if (person && vehicle) out.push({ person, vehicle, since: r.since });
    });
    return out;
  });
}

/** How many rechecks of the shift are open (an index-range count on a handful of rows). */
export async function countOpenRechecks(db: CheckpointDB, shiftId: string): Promise<number> {
  return db.recheckQueue.where('[shiftId+since]').between([shiftId, MIN], [shiftId, MAX]).count();
}

const NOT_OPEN = { zh: '该人员没有待复测（可能已完成复测）', en: 'No recheck is awaited for this person (it may have been completed)' };

/**
 * Record a 待复测 recheck and the person's disposition. The same rules as the registration form
 * (validateRecheck). The first reading and its time stay as they were; the recheck gets `now`; the
 * vehicle's history gains an entry (kind 'recheck') listing what changed; the counters and the
 * queue follow in the same transaction.
 */
export async function completeRecheck(
  db: CheckpointDB,
  personId: string,
  draft: RecheckDraft,
  feverLine: number,
  by: string,
  now: number,
): Promise<Result<Person>> {
  if (!by.trim()) return byRequired();
  const errors = validateRecheck(draft, feverLine);
  if (Object.keys(errors).length > 0) return fail('recheck.invalid', '复测内容有误，请按提示修改', 'The recheck needs fixing: see the messages');
  // Like every write, the completed recheck also goes to the journal (the second copy) before it
  // is reported as saved.
  return journaledWrite(db, { zh: '保存复测', en: 'Saving the recheck' }, (stamp) =>
    db.transaction('rw', [db.shifts, db.vehicles, db.persons, db.settings, ...counterTables(db)], async () => {
      const person = await db.persons.get(personId);
      if (!person) return notFound<Person>({ zh: '人员记录', en: 'Person record' });
      const vehicle = await db.vehicles.get(person.vehicleId);
      if (!vehicle) return notFound<Person>({ zh: '车辆记录', en: 'Vehicle record' });
      if (person.voided === 1 || vehicle.voided === 1 || person.awaitingRecheckSince === undefined) {
        return fail<Person>('recheck.notOpen', NOT_OPEN.zh, NOT_OPEN.en);
      }
      const people = (await db.persons.where('vehicleId').equals(vehicle.id).toArray()).sort((a, b) => a.seq - b.seq);
      const active = people.filter((p) => p.voided === 0);
      const index = active.findIndex((p) => p.id === personId);
      const done = completeRecheckOf(person, draft, feverLine, now);

      // History in the amendments' own terms ('persons[i].field' → [before, after]).
      const changes: Record<string, [unknown, unknown]> = {};
      for (const k of ['recheck', 'feverConfirmed', 'symptoms', 'disposition'] as const) {
        if (!sameValue(person[k], done[k])) changes[`persons[${index}].${k}`] = [person[k] ?? null, done[k]];
      }
      const activeAfter = active.map((p) => (p.id === personId ? done : p));
      const summary = summarize(activeAfter);
      for (const k of ['maxTemp', 'anyFever'] as const) {
        if (!sameValue(vehicle[k], summary[k])) changes[k] = [vehicle[k], summary[k]];
      }
      const shift = await db.shifts.get(vehicle.shiftId);
      const entry: Amendment = { at: now, by: by.trim(), reason: RECHECK_AMENDMENT_REASON, changes, afterClose: shift?.status !== 'open', kind: 'recheck' };
      const stored: Vehicle = { ...vehicle, ...summary, updatedAt: now, amendments: [...vehicle.amendments, entry] };

      await applyRecordChange(db, { vehicle, persons: people }, { vehicle: stored, persons: people.map((p) => (p.id === personId ? done : p)) });
      await db.vehicles.put(stored);
      await db.persons.put(done);
      await stamp('completeRecheck', { vehicles: [stored], persons: [done] });
      return ok(done);
    }),
  );
}
