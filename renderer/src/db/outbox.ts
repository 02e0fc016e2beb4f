// The booth's outbox for county sync: everything created or changed since the last batch the
// county acknowledged, read from indexes with a cursor — no copy of the records, no extra write
// on the save path (a save never waits for sync). Vehicles (with their occupants) come from the
// `updatedAt` index; shifts and incidents, a handful a day, from their day indexes. The members
// of the batch's shifts (and the station's administrator) ride with the shifts, without their PINs.
import Dexie from 'dexie';
import type { Bilingual } from '../../../shared/result';
import type { RefusedRecord, SyncBatch, SyncOperator } from '../../../shared/sync/batch';
import { SYNC_LIMITS, WAITING_COUNT_MAX } from '../../../shared/sync/limits';
import { ADMIN_OPERATOR_ID, operatorRowId, operatorUuid } from '../../../shared/sync/operatorId';
import type { CheckpointDB, SyncRefusedRow } from './db';
import type { OperatorRow } from './operatorRow';
import { newId } from './ids';

export interface SyncCursor {
  /** Vehicles with updatedAt ≥ this are not yet acknowledged … */
  updatedAt: number;
  /** … except these, acknowledged at exactly `updatedAt` (several rows can share a millisecond). */
  idsAtUpdatedAt: string[];
  /** Shifts and incidents of this day and later are (re)sent; null: from the first shift. */
  dayFrom: string | null;
  /** Watchlist hits with a greater id are not yet acknowledged ('' = none sent); ids are time-ordered. */
  hitId: string;
  /** Audit entries with a greater seq are not yet acknowledged. */
  auditSeq: number;
}

export interface SyncState {
  cursor: SyncCursor;
  lastSyncAt: number | null;
  lastAttemptAt: number | null;
  /** Why the last attempt failed (server unreachable, wrong password …); null after a success. */
  lastError: Bilingual | null;
}

const STATE_KEY = 'sync.state';
export const INITIAL_SYNC_STATE: SyncState = { cursor: { updatedAt: 0, idsAtUpdatedAt: [], dayFrom: null, hitId: '', auditSeq: 0 }, lastSyncAt: null, lastAttemptAt: null, lastError: null };

export async function readSyncState(db: CheckpointDB): Promise<SyncState> {
  const row = await db.settings.get(STATE_KEY);
  const v = row?.value as SyncState | undefined;
  if (!v || typeof v !== 'object' || !v.cursor) return structuredClone(INITIAL_SYNC_STATE);
  // A cursor stored before hits and audit entries were sent starts them from the beginning.
  return { ...v, cursor: { ...v.cursor, hitId: v.cursor.hitId ?? '', auditSeq: v.cursor.auditSeq ?? 0 } };
}

const DAY_MS = 86_400_000;
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
/** An operator as the county gets it: who, in which shift, which role — never the PIN's salt and hash, nor the failed attempts. */
export function syncOperatorOf(row: OperatorRow, checkpoint: string): SyncOperator {
  return { id: operatorUuid(checkpoint, row.id), checkpoint, shiftId: row.shiftId, name: row.name, role: row.role, setBy: row.setBy, createdAt: row.createdAt };
}

/**
 * The members of these shifts (shiftId index, bounded per shift) and, with any shift, the
 * station's administrator (primary key). Inside the caller's transaction (db.operators in scope).
 */
async function operatorsOf(db: CheckpointDB, shiftIds: readonly string[], checkpoint: string): Promise<SyncOperator[]> {
  if (shiftIds.length === 0) return [];
  const members = (await Promise.all(shiftIds.map((id) => db.operators.where('shiftId').equals(id).limit(SYNC_LIMITS.operatorsPerShift).toArray()))).flat();
  const admin = await db.operators.get(ADMIN_OPERATOR_ID);
  return [...members, ...(admin ? [admin] : [])].map((r) => syncOperatorOf(r, checkpoint));
}

/** Days of shifts and incidents sent per batch. */
const DAY_WINDOW = 7;
/** A shift closed or an incident corrected up to a day late is still sent again. */
const DAY_OVERLAP = 1;

export interface OutboxBatch {
  batch: SyncBatch;
  /** The cursor to store once the county acknowledged this batch. */
  next: SyncCursor;
  /** More is waiting after this batch. */
  more: boolean;
}

export interface OutboxOptions {
  checkpoint: string;
  today: string;
  maxVehicles?: number;
}

/**
 * The next batch after `cursor`, or null when nothing is waiting. Bounded: at most
 * `maxVehicles` vehicles (with their persons) and DAY_WINDOW days of shifts and incidents.
 */
export async function nextOutboxBatch(db: CheckpointDB, cursor: SyncCursor, opts: OutboxOptions): Promise<OutboxBatch | null> {
  const max = Math.min(opts.maxVehicles ?? SYNC_LIMITS.vehicles, SYNC_LIMITS.vehicles);
  return db.transaction('r', [db.vehicles, db.persons, db.shifts, db.incidents, db.watchHits, db.audit, db.operators], async () => {
    const skip = new Set(cursor.idsAtUpdatedAt);
    // updatedAt index, from the cursor on; the limit covers the acknowledged rows at the cursor.
    const candidates = await db.vehicles.where('updatedAt').aboveOrEqual(cursor.updatedAt).limit(max + skip.size + 1).toArray();
    const fresh = candidates.filter((v) => !(v.updatedAt === cursor.updatedAt && skip.has(v.id)));
    const vehicles = fresh.slice(0, max);
    const moreVehicles = fresh.length > max;
    // Occupants of exactly these vehicles: one vehicleId index lookup each (anyOf's skip-scan
    // is slower than separate small ranges on fake-indexeddb and no faster on Chromium's).
    const persons = (await Promise.all(vehicles.map((v) => db.persons.where('vehicleId').equals(v.id).toArray()))).flat();

    // Shifts and incidents, a window of days at a time (day / [day+at] indexes, bounded by the window).
    let dayFrom = cursor.dayFrom;
    if (dayFrom === null) dayFrom = (await db.shifts.orderBy('openedAt').first())?.day ?? opts.today;
    const dayTo = addDays(dayFrom, DAY_WINDOW);
    const shifts = await db.shifts.where('day').between(dayFrom, dayTo, true, false).limit(SYNC_LIMITS.shifts).toArray();
    const incidents = await db.incidents.where('[day+at]').between([dayFrom, Dexie.minKey], [dayTo, Dexie.minKey], true, false).limit(SYNC_LIMITS.incidents).toArray();
    const moreDays = dayTo <= opts.today;

    // Append-only rows by their keys: hits by time-ordered id, the audit trail by seq (primary keys).
    const hitRows = await db.watchHits.where(':id').above(cursor.hitId).limit(SYNC_LIMITS.watchHits + 1).toArray();
    const watchHits = hitRows.slice(0, SYNC_LIMITS.watchHits);
    const auditRows = await db.audit.where('seq').above(cursor.auditSeq).limit(SYNC_LIMITS.audit + 1).toArray();
    const audit = auditRows.slice(0, SYNC_LIMITS.audit);
    const moreAppendOnly = hitRows.length > watchHits.length || auditRows.length > audit.length;

    if (vehicles.length === 0 && shifts.length === 0 && incidents.length === 0 && watchHits.length === 0 && audit.length === 0 && !moreDays) {
      // Nothing new; still move dayFrom up so old days are not re-read forever.
      return null;
    }
    const last = vehicles[vehicles.length - 1];
    const next: SyncCursor = {
      updatedAt: last ? last.updatedAt : cursor.updatedAt,
      idsAtUpdatedAt: last
        ? [...(last.updatedAt === cursor.updatedAt ? cursor.idsAtUpdatedAt : []), ...vehicles.filter((v) => v.updatedAt === last.updatedAt).map((v) => v.id)]
        : cursor.idsAtUpdatedAt,
      // Keep re-sending the last day or so: a shift closes and incidents are corrected after the fact.
      dayFrom: moreDays ? dayTo : addDays(opts.today, -DAY_OVERLAP) < dayFrom ? dayFrom : addDays(opts.today, -DAY_OVERLAP),
      hitId: watchHits[watchHits.length - 1]?.id ?? cursor.hitId,
      auditSeq: audit[audit.length - 1]?.seq ?? cursor.auditSeq,
    };
    const operators = await operatorsOf(db, shifts.map((sh) => sh.id), opts.checkpoint);
    const batch: SyncBatch = { batchId: newId(), checkpoint: opts.checkpoint, shifts, vehicles, persons, incidents, watchHits, audit, operators };
    return { batch, next, more: moreVehicles || moreDays || moreAppendOnly };
  });
}

/** Store the acknowledged cursor and the refused records in one transaction. */
export async function acknowledgeBatch(db: CheckpointDB, next: SyncCursor, batch: SyncBatch, refused: readonly RefusedRecord[], at: number): Promise<void> {
  const refusedKeys = new Set(refused.map((r) => `${r.kind}:${r.id}`));
  // A record refused earlier and accepted now (sent again after a correction) leaves the list.
  const accepted = [
    ...batch.shifts.map((r) => `shift:${r.id}`),
    ...batch.vehicles.map((r) => `vehicle:${r.id}`),
    ...batch.persons.map((r) => `person:${r.id}`),
    ...batch.incidents.map((r) => `incident:${r.id}`),
    ...batch.watchHits.map((r) => `watchHit:${r.id}`),
    ...batch.audit.map((r) => `audit:${r.seq}`),
    // Refused operators are named by the booth's row key (the county's id is derived from it).
    ...batch.operators.map((r) => `operator:${operatorRowId(r.shiftId, r.name)}`),
  ].filter((k) => !refusedKeys.has(k));
  await db.transaction('rw', [db.settings, db.syncRefused], async () => {
    const state = await readSyncState(db);
    await db.settings.put({ key: STATE_KEY, value: { ...state, cursor: next, lastSyncAt: at, lastAttemptAt: at, lastError: null } satisfies SyncState });
    if (accepted.length) await db.syncRefused.bulkDelete(accepted);
    if (refused.length) {
      await db.syncRefused.bulkPut(refused.map((r): SyncRefusedRow => ({ ...r, key: `${r.kind}:${r.id}`, at, batchId: batch.batchId })));
    }
  });
}

/** A failed attempt: the cursor stays, so the same records are sent again next time. */
export async function recordSyncFailure(db: CheckpointDB, error: Bilingual, at: number): Promise<void> {
  await db.transaction('rw', [db.settings], async () => {
    const state = await readSyncState(db);
    await db.settings.put({ key: STATE_KEY, value: { ...state, lastAttemptAt: at, lastError: error } satisfies SyncState });
  });
}

/** Vehicles changed since the acknowledged cursor (updatedAt index range, bounded), at most WAITING_COUNT_MAX + 1. */
export async function countWaiting(db: CheckpointDB, cursor: SyncCursor, max = WAITING_COUNT_MAX): Promise<number> {
  const skip = cursor.idsAtUpdatedAt.length;
  const keys = await db.vehicles.where('updatedAt').aboveOrEqual(cursor.updatedAt).limit(max + skip + 1).primaryKeys();
  return Math.min(max + 1, Math.max(0, keys.length - skip));
}

/** The refused records, newest first (at index, limited). */
export function listRefused(db: CheckpointDB, limit = 200): Promise<SyncRefusedRow[]> {
  return db.syncRefused.orderBy('at').reverse().limit(limit).toArray();
}

export function countRefused(db: CheckpointDB): Promise<number> {
  return db.syncRefused.count();
}

/** Apply what the county sends down: key areas and fever line only, never records. */
export async function applyCountyDown(db: CheckpointDB, down: { keyAreas: { name: string; from: string; plateProvince?: string; to?: string; note?: string }[]; feverLine: number | null }): Promise<boolean> {
  return db.transaction('rw', [db.settings], async () => {
    let changed = false;
    if (down.keyAreas.length > 0) {
      const cur = await db.settings.get('keyAreas');
      if (JSON.stringify(cur?.value) !== JSON.stringify(down.keyAreas)) {
        await db.settings.put({ key: 'keyAreas', value: down.keyAreas });
        changed = true;
      }
    }
    if (down.feverLine !== null) {
      const cur = await db.settings.get('feverLine');
      if (cur?.value !== down.feverLine) {
        await db.settings.put({ key: 'feverLine', value: down.feverLine });
        changed = true;
      }
    }
    return changed;
  });
}

/**
 * The records the county refused, as one batch to send again (the 同步 panel's 再次发送: the
 * county administrator fixed what made the server refuse them, e.g. registered the checkpoint).
 * Oldest refusals first, bounded like any batch; a refused person goes with its vehicle, as
 * persons always do. Null when nothing is refused. The cursor does not move.
 */
export async function refusedBatch(db: CheckpointDB, checkpoint: string): Promise<SyncBatch | null> {
  return db.transaction('r', [db.syncRefused, db.vehicles, db.persons, db.shifts, db.incidents, db.watchHits, db.audit, db.operators], async () => {
    const rows = await db.syncRefused.orderBy('at').limit(SYNC_LIMITS.vehicles).toArray();
    if (rows.length === 0) return null;
    const ids = (kind: SyncRefusedRow['kind']) => rows.filter((r) => r.kind === kind).map((r) => r.id);
    const personVehicles = (await db.persons.bulkGet(ids('person'))).flatMap((p) => (p ? [p.vehicleId] : []));
    const vehicleIds = [...new Set([...ids('vehicle'), ...personVehicles])];
    const vehicles = (await db.vehicles.bulkGet(vehicleIds)).filter((v) => v !== undefined);
    const persons = (await Promise.all(vehicles.map((v) => db.persons.where('vehicleId').equals(v.id).toArray()))).flat();
    const present = <T>(list: (T | undefined)[]): T[] => list.filter((x): x is T => x !== undefined);
    return {
      batchId: newId(),
      checkpoint,
      shifts: present(await db.shifts.bulkGet(ids('shift'))),
      vehicles,
      persons,
      incidents: present(await db.incidents.bulkGet(ids('incident'))),
      watchHits: present(await db.watchHits.bulkGet(ids('watchHit'))),
      audit: present(await db.audit.bulkGet(ids('audit').map(Number))),
      operators: present(await db.operators.bulkGet(ids('operator'))).map((r) => syncOperatorOf(r, checkpoint)),
    };
  });
}
