// Vehicle registrations and their occupants: save, list, count, repeat visits, amend, void.
// Records are never deleted: corrections are amendments, mistakes are voided.
import type { Amendment, Person, Vehicle } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import type { CheckpointDB } from './db';
import { stampPerson, vehicleSummary as summarize } from '../../../shared/derived';
import { planAmendment } from '../../../shared/registration/amend';
import { byRequired, notFound, reasonRequired, storageFailure } from './errors';
import { MAX, MIN } from './keys';
import { compactKey } from '../../../shared/text';
import { applyRecordChange, counterTables, readDayCounts } from './dayCounts';
import { refreshShiftSummary } from './shiftSummaries';
import { appendJournal, stampJournal } from './journal';
import type { JournalEntry } from '../../../shared/journal';
import { journaledWrite, type StampJournal } from './journaledWrite';
import { storeWatchHits, watchHitTables, type WatchSave } from './watchHits';
import type { Actor } from '../../../shared/privacy/roles';
import { formatChanges } from '../../../shared/registration/amendText';
import { appendAudit } from './audit';
import { actorFor } from './operators';

/** Who changes a record: the signed-in operator (an Actor); a bare name is audited with the role its shift gives it (operators.ts actorFor). */
export type By = Actor | string;
const nameOf = (by: By): string => (typeof by === 'string' ? by : by.name).trim();

const VEHICLE = { zh: '车辆记录', en: 'Vehicle record' };

const bySeq = (a: Person, b: Person): number => a.seq - b.seq;

// ---------------------------------------------------------------------------------------------
// Save

/**
 * Store a new vehicle with its occupants in ONE transaction (shifts read, vehicles+persons
 * written). Resolves after IndexedDB committed (Dexie resolves on the `complete` event, and the
 * database is opened with strict durability), so ok:true is when the UI may say 已保存.
 * The layer stamps the denormalised fields (person copies of the vehicle's keys, docRev,
 * personCount/maxTemp/anyFever): the returned vehicle is what was stored.
 * `add`, not `put`: a double-click re-submitting the same id fails with db.duplicate instead of
 * silently overwriting.
 */
export async function saveVehicle(db: CheckpointDB, vehicle: Vehicle, persons: Person[], watch?: WatchSave): Promise<Result<Vehicle>> {
  if (persons.length === 0) {
    return fail('save.noPersons', '至少登记一名驾乘人员', 'Register at least one occupant');
  }
  const stranger = persons.find((p) => p.vehicleId !== vehicle.id);
  if (stranger) {
    return fail('save.personMismatch', '人员记录不属于该车辆', `Person ${stranger.id} does not belong to vehicle ${vehicle.id}`);
  }
  const stored: Vehicle = { ...vehicle, ...summarize(persons) };
  const rows = persons.map((p) => stampPerson(stored, p, stored.voided));
  let entry: JournalEntry | undefined;
  let idbtrans: IDBTransaction | undefined;
  // After a write failed on a full disk, Chromium may close the database and Dexie keeps that
  // failure; once space is back, the next save must open it again rather than repeat the error.
  if (!db.isOpen()) await db.open().catch(() => undefined);
  try {
    // With watchlist hits, their rows and the entries' decisions join the same transaction
    // (watchHits.ts), as does the create audit entry: the car, its hits and its audit line are
    // stored together or not at all.
    // (A Set: watchHitTables names db.audit too.)
    const tables = [...new Set([db.shifts, db.vehicles, db.persons, ...counterTables(db), db.settings, db.operators, db.audit, ...(watch ? watchHitTables(db) : [])])];
    const r = await db.transaction('rw', tables, async (tx) => {
      idbtrans = tx.idbtrans;
      // Checked inside the transaction: a shift closed in another window a moment ago counts.
      const shift = await db.shifts.get(vehicle.shiftId);
      if (!shift) return fail<Vehicle>('save.noShift', '未开班，不能登记', 'No open shift: open a shift first');
      if (shift.status !== 'open') return fail<Vehicle>('save.shiftClosed', '该班次已交班，不能再登记', 'This shift is closed: open a new shift');
      const watched = watch && watch.planned.length > 0 ? await storeWatchHits(db, watch) : undefined;
      if (watched && !watched.ok) return watched;
      await applyRecordChange(db, null, { vehicle: stored, persons: rows });
      await db.vehicles.add(stored);
      // A failing person (e.g. duplicate id) rejects here; the rejection aborts the whole
      // transaction, so the vehicle row above is rolled back too.
      await db.persons.bulkAdd(rows);
      // The audit entry commits with the record (or neither does): who registered what, no personal data.
      const who = await actorFor(db, stored.shiftId, stored.operator);
      await appendAudit(db, { at: stored.createdAt, actor: who.name, role: who.role, action: 'create', target: stored.id, detail: { record: 'vehicle', plate: stored.plate, persons: rows.length } });
      const watchRows = watched ? { watchHits: watched.value.hits, watchEntries: watched.value.entries } : {};
      entry = await stampJournal(db, 'saveVehicle', { vehicles: [stored], persons: rows, ...watchRows }, { vehicles: 1, persons: rows.length });
      return ok(stored);
    });
    // 已保存 waits for the second copy too (journal.ts).
    if (r.ok && entry) await appendJournal(db, entry);
    return r;
  } catch (e) {
    // A full disk shows only in the transaction's error (FILE_ERROR_NO_SPACE), not the request's.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return storageFailure(e, { zh: '保存', en: 'Saving' }, idbtrans?.error);
  }
}

// ---------------------------------------------------------------------------------------------
// Lists and counts

export interface VehiclePageOptions {
  /** Cursor: [createdAt, id] of the last row of the previous page. */
  before?: [createdAt: number, id: string];
  limit: number;
  /** Voided rows are included (the UI strikes them through) unless this is false. */
  includeVoided?: boolean;
}

/**
 * One page of a day's vehicles, newest first. Keyset pagination on [day+createdAt+id]: the cost
 * of a page does not depend on how deep the user has scrolled nor on the table size.
 * With includeVoided === false voided rows are skipped by a filter; it still reads at most
 * limit + (voided rows in between), and voided rows are rare.
 */
export async function listVehiclesPage(db: CheckpointDB, day: string, opts: VehiclePageOptions): Promise<Vehicle[]> {
  const limit = Math.floor(opts.limit);
  if (!(limit > 0)) return [];
  const upper = opts.before ? [day, opts.before[0], opts.before[1]] : [day, MAX];
  let coll = db.vehicles.where('[day+createdAt+id]').between([day], upper, true, false).reverse();
  if (opts.includeVoided === false) coll = coll.filter((v) => v.voided === 0);
  return coll.limit(limit).toArray();
}

/**
 * The current shift's vehicles (本班), newest first: the booth's list, which crosses midnight with
 * a night shift. [shiftId+createdAt] reversed, `limit` rows; voided rows included (struck through).
 */
export async function listShiftVehicles(db: CheckpointDB, shiftId: string, limit: number): Promise<Vehicle[]> {
  const n = Math.floor(limit);
  if (!(n > 0)) return [];
  return db.vehicles.where('[shiftId+createdAt]').between([shiftId, MIN], [shiftId, MAX]).reverse().limit(n).toArray();
}

/** Vehicles checked on a day (voided excluded): the day's counter row (dayCounts.ts). */
export async function countVehiclesByDay(db: CheckpointDB, day: string): Promise<number> {
  return (await readDayCounts(db, day)).vehicles;
}

/** People checked on a day (voided and removed-by-amendment excluded): the day's counter row. */
export async function countPersonsByDay(db: CheckpointDB, day: string): Promise<number> {
  return (await readDayCounts(db, day)).persons;
}

export async function getVehicle(db: CheckpointDB, id: string): Promise<Vehicle | undefined> {
  return db.vehicles.get(id);
}

export interface PersonsOfVehicleOptions {
  /** Also return persons removed from a (non-voided) vehicle by an amendment. */
  includeRemoved?: boolean;
}

/**
 * The occupants of a vehicle sorted by seq (driver first). Persons removed by an amendment
 * (voided = 1 while the vehicle is not) are left out unless includeRemoved; the persons of a
 * voided vehicle are all returned (they carry voided = 1 with it). Reads the `vehicleId` range:
 * a handful of rows.
 */
export async function personsOfVehicle(db: CheckpointDB, vehicleId: string, opts: PersonsOfVehicleOptions = {}): Promise<Person[]> {
  const all = await db.persons.where('vehicleId').equals(vehicleId).toArray();
  all.sort(bySeq);
  if (opts.includeRemoved) return all;
  const active = all.filter((p) => p.voided === 0);
  // No active occupant means the vehicle itself was voided (a saved vehicle always keeps ≥1).
  return active.length > 0 ? active : all;
}

// ---------------------------------------------------------------------------------------------
// Repeat visits

export interface LastVisit {
  /** The latest earlier, non-voided visit. */
  vehicle: Vehicle;
  persons: Person[];
  /** Number of earlier non-voided visits of the plate. */
  count: number;
  /** createdAt of up to 5 latest earlier non-voided visits, newest first. */
  recent: number[];
}

/**
 * The plate's previous visit. Without beforeId: its latest visit (the registration form, before
 * saving). With beforeId: visits strictly earlier than that record (the record's detail view).
 * Voided visits do not count. Everything comes from one range of [plate+voided+createdAt]:
 * [plate, 0, -∞] … [plate, 0, cutoff). `count` is an index count on that range and `recent` reads
 * 5 rows of it, so a commuter with 180 visits costs the same as a first-time visitor (voided
 * rows sit in the [plate, 1, …] sub-range and are never read).
 * Two visits of the same plate in the same millisecond are not told apart (the later one is
 * not "before" the other).
 */
export async function lastVisit(db: CheckpointDB, plate: string, beforeId?: string): Promise<LastVisit | undefined> {
  const key = compactKey(plate);
  if (!key) return undefined;
  return db.transaction('r', [db.vehicles, db.persons], async () => {
    let cutoff: number | typeof MAX = MAX;
    if (beforeId) {
      const current = await db.vehicles.get(beforeId);
      if (current) cutoff = current.createdAt;
    }
    const range = () => db.vehicles.where('[plate+voided+createdAt]').between([key, 0, MIN], [key, 0, cutoff], true, false);
    const latest = await range().reverse().limit(5).toArray();
    const newest = latest[0];
    if (!newest) return undefined;
    const [count, persons] = await Promise.all([range().count(), personsOfVehicle(db, newest.id)]);
    return { vehicle: newest, persons, count, recent: latest.map((v) => v.createdAt) };
  });
}

// ---------------------------------------------------------------------------------------------
// Amend

/**
 * A change to a saved vehicle (amend, void): a reason and who made it are required; then one
 * transaction over the record, its occupants, its shift's stored totals and counters, the audit
 * trail and the journal mark reads the stored vehicle (or refuses: not found) and hands it to
 * `change`, which writes inside that same transaction.
 */
async function changeSavedVehicle(
  db: CheckpointDB,
  vehicleId: string,
  reason: string,
  by: By,
  action: { zh: string; en: string },
  change: (before: Vehicle, stamp: StampJournal) => Promise<Result<Vehicle>>,
): Promise<Result<Vehicle>> {
  if (!reason.trim()) return reasonRequired();
  if (!nameOf(by)) return byRequired();
  return journaledWrite(db, action, (stamp) =>
    db.transaction('rw', [db.shifts, db.vehicles, db.persons, db.incidents, db.shiftSummaries, ...counterTables(db), db.settings, db.operators, db.audit], async () => {
      const before = await db.vehicles.get(vehicleId);
      if (!before) return notFound<Vehicle>(VEHICLE);
      return change(before, stamp);
    }),
  );
}

/**
 * Correct a saved record: the rows are read, shared/registration/amend.ts plans the correction
 * (what changes, what stays exactly as stored, which occupants are removed), and this function
 * stamps the derived columns, appends the amendment and writes — all in one transaction.
 * `persons`, when given, is the complete new list of occupants. Refused here besides the plan's
 * refusals: a blank reason or by, and an occupant id that belongs to another vehicle.
 */
export async function amendVehicle(
  db: CheckpointDB,
  vehicleId: string,
  patch: Partial<Vehicle>,
  persons: Person[] | undefined,
  reason: string,
  by: By,
  now: number,
): Promise<Result<Vehicle>> {
  return changeSavedVehicle(db, vehicleId, reason, by, { zh: '修改', en: 'Amending' }, async (before, stamp) => {
    const existing = await db.persons.where('vehicleId').equals(vehicleId).toArray();
    if (persons) {
      // A given id that exists elsewhere would overwrite another vehicle's occupant.
      const known = new Set(existing.map((p) => p.id));
      const foreign = (await db.persons.bulkGet(persons.map((p) => p.id).filter((id) => !known.has(id)))).find(Boolean);
      if (foreign) return fail<Vehicle>('amend.personMismatch', '人员记录属于其他车辆', `Person ${foreign.id} belongs to another vehicle`);
    }
    const plan = planAmendment(before, existing, patch, persons);
    if (!plan.ok) return plan;
    const { vehicle, active, removed, changes } = plan.value;

    const stamped = active.map((p) => stampPerson(vehicle, p, 0));
    const shift = await db.shifts.get(before.shiftId);
    const amendment: Amendment = {
      at: now,
      by: nameOf(by),
      reason: reason.trim(),
      changes,
      // A missing shift is treated as closed: the safer reading for an audit trail.
      afterClose: shift?.status !== 'open',
    };
    const stored: Vehicle = { ...vehicle, ...summarize(stamped), updatedAt: now, amendments: [...before.amendments, amendment] };
    const afterRows = new Map(existing.map((p) => [p.id, p]));
    for (const w of [...removed, ...stamped]) afterRows.set(w.id, w);
    await applyRecordChange(db, { vehicle: before, persons: existing }, { vehicle: stored, persons: [...afterRows.values()] });
    await db.vehicles.put(stored);
    const writes = [...removed, ...stamped];
    if (writes.length > 0) await db.persons.bulkPut(writes);
    await refreshShiftSummary(db, before.shiftId, now);
    // Before → after as the record's history shows it (IDs and phones masked there too).
    const who = await actorFor(db, before.shiftId, by);
    await appendAudit(db, { at: now, actor: who.name, role: who.role, action: 'correct', target: vehicleId, detail: { reason: reason.trim(), changes: formatChanges(changes, 'zh') } });
    const known = new Set(existing.map((p) => p.id));
    await stamp('amendVehicle', { vehicles: [stored], persons: writes }, { persons: writes.filter((p) => !known.has(p.id)).length });
    return ok(stored);
  });
}

// ---------------------------------------------------------------------------------------------
// Void

/** Cancel a record (wrong entry, duplicate). The rows stay, flagged voided = 1 with a voidMark. */
export async function voidVehicle(db: CheckpointDB, vehicleId: string, reason: string, by: By, now: number): Promise<Result<Vehicle>> {
  return changeSavedVehicle(db, vehicleId, reason, by, { zh: '作废', en: 'Voiding' }, async (v, stamp) => {
    if (v.voided === 1) return fail<Vehicle>('void.already', '该记录已作废', 'This record is already voided');
    const stored: Vehicle = { ...v, voided: 1, voidMark: { at: now, by: nameOf(by), reason: reason.trim() }, updatedAt: now };
    const who = await actorFor(db, v.shiftId, by);
    await appendAudit(db, { at: now, actor: who.name, role: who.role, action: 'void', target: vehicleId, detail: { record: 'vehicle', reason: reason.trim() } });
    const occupants = await db.persons.where('vehicleId').equals(vehicleId).toArray();
    await applyRecordChange(db, { vehicle: v, persons: occupants }, { vehicle: stored, persons: occupants.map((p) => ({ ...p, voided: 1 as const })) });
    await db.vehicles.put(stored);
    // Whole rows rather than modify(): the journal carries exactly what was stored.
    const voidedRows = occupants.map((p) => ({ ...p, voided: 1 as const }));
    await db.persons.bulkPut(voidedRows);
    await refreshShiftSummary(db, v.shiftId, now);
    await stamp('voidVehicle', { vehicles: [stored], persons: voidedRows });
    return ok(stored);
  });
}
