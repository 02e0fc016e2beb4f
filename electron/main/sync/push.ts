// One batch from a booth into the county database, in one transaction. Idempotent: every row is
// keyed by record id, and a later state of a record is a revision keyed by (id, md5 of its
// content), so a retried batch stores nothing twice and a replayed old batch never becomes the
// current state (the newest updated_at wins). Amendments and voids are rows of their own.
import type { ClientBase } from 'pg';
import type { PushOutcome, RefusedRecord, SyncBatch, SyncOperator, SyncRecordKind } from '../../../shared/sync/batch';
import { operatorRowId, operatorUuid } from '../../../shared/sync/operatorId';

import type { Incident, Person, Shift, Vehicle } from '../../../shared/model';
import type { WatchHit } from '../../../shared/watchlist/model';
import type { AuditEntry } from '../../../shared/audit/model';

/** One vehicle with its occupants, or a shift, or an incident: refused or stored together. */
type Unit =
  | { kind: 'shift'; shift: Shift }
  | { kind: 'vehicle'; vehicle: Vehicle; persons: Person[] }
  | { kind: 'incident'; incident: Incident }
  | { kind: 'watchHit'; hit: WatchHit }
  | { kind: 'audit'; entry: AuditEntry }
  | { kind: 'operator'; operator: SyncOperator };

const refuse = (kind: SyncRecordKind, id: string, code: string, zh: string, en: string): RefusedRecord => ({ kind, id, code, reason: { zh, en } });

/** Split the batch into units; records that cannot belong to this booth are refused here. */
export function unitsOf(batch: SyncBatch, ownCheckpoint: string): { units: Unit[]; refused: RefusedRecord[] } {
  const refused: RefusedRecord[] = [];
  const units: Unit[] = [];
  const other = (kind: SyncRecordKind, id: string, cp: string) =>
    refuse(kind, id, 'sync.otherCheckpoint', `记录属于卡点「${cp}」，本机只能上传「${ownCheckpoint}」的记录`, `The record belongs to checkpoint "${cp}"; this booth may only send "${ownCheckpoint}"`);
  for (const shift of batch.shifts) {
    if (shift.checkpoint !== ownCheckpoint) refused.push(other('shift', shift.id, shift.checkpoint));
    else units.push({ kind: 'shift', shift });
  }
  const byVehicle = new Map<string, Person[]>();
  for (const p of batch.persons) {
    const list = byVehicle.get(p.vehicleId) ?? [];
    list.push(p);
    byVehicle.set(p.vehicleId, list);
  }
  for (const vehicle of batch.vehicles) {
    const persons = byVehicle.get(vehicle.id) ?? [];
    byVehicle.delete(vehicle.id);
    if (vehicle.checkpoint !== ownCheckpoint) {
      refused.push(other('vehicle', vehicle.id, vehicle.checkpoint));
      for (const p of persons) refused.push(other('person', p.id, vehicle.checkpoint));
    } else units.push({ kind: 'vehicle', vehicle, persons });
  }
  for (const orphans of byVehicle.values()) {
    for (const p of orphans) refused.push(refuse('person', p.id, 'sync.orphanPerson', '人员记录缺少所属车辆，未上传', 'Person sent without its vehicle; not stored'));
  }
  for (const incident of batch.incidents) {
    if (incident.checkpoint !== ownCheckpoint) refused.push(other('incident', incident.id, incident.checkpoint));
    else units.push({ kind: 'incident', incident });
  }
  for (const hit of batch.watchHits ?? []) {
    if (hit.checkpoint !== ownCheckpoint) refused.push(other('watchHit', hit.id, hit.checkpoint));
    else units.push({ kind: 'watchHit', hit });
  }
  // Audit entries carry no checkpoint: the county files them under the login's own checkpoint.
  for (const entry of batch.audit ?? []) units.push({ kind: 'audit', entry });
  // Operators are named to the booth by their row key; their county id must be the one derived
  // from this checkpoint and that key (the same operator always lands on the same row).
  for (const operator of batch.operators ?? []) {
    const key = operatorRowId(operator.shiftId, operator.name);
    if (operator.checkpoint !== ownCheckpoint) refused.push(other('operator', key, operator.checkpoint));
    else if (operator.id !== operatorUuid(ownCheckpoint, key)) {
      refused.push(refuse('operator', key, 'sync.operatorId', '操作人员编号与卡点、班次和姓名不符，未上传', 'Operator id does not match its checkpoint, shift and name; not stored'));
    } else units.push({ kind: 'operator', operator });
  }
  return { units, refused };
}

interface Rows {
  shifts: object[];
  handovers: object[];
  vehicles: object[];
  persons: object[];
  incidents: object[];
  amendments: object[];
  watchHits: object[];
  audit: object[];
  operators: object[];
}

function amendmentRows(kind: 'vehicle' | 'incident', r: Vehicle | Incident, out: object[]): void {
  r.amendments.forEach((a, ordinal) => {
    out.push({ record_id: r.id, kind, ordinal, checkpoint: r.checkpoint, at: a.at, by_name: a.by, reason: a.reason, is_void: false, changes: a.changes, after_close: a.afterClose });
  });
  if (r.voidMark) {
    out.push({ record_id: r.id, kind, ordinal: -1, checkpoint: r.checkpoint, at: r.voidMark.at, by_name: r.voidMark.by, reason: r.voidMark.reason, is_void: true, changes: {}, after_close: false });
  }
}

/** When the record last changed: the time of its last amendment or void, else its creation. */
function incidentUpdatedAt(i: Incident): number {
  return Math.max(i.at, i.voidMark?.at ?? 0, ...i.amendments.map((a) => a.at));
}

function rowsOf(units: Unit[]): Rows {
  const rows: Rows = { shifts: [], handovers: [], vehicles: [], persons: [], incidents: [], amendments: [], watchHits: [], audit: [], operators: [] };
  for (const u of units) {
    if (u.kind === 'shift') {
      const { status: _s, closedAt, handover, exports: _e, ...identity } = u.shift;
      // The shift as opened never changes; closing it is a handover row of its own.
      rows.shifts.push({ id: identity.id, checkpoint: identity.checkpoint, day: identity.day, opened_at: identity.openedAt, shift_name: identity.shiftName, lead_name: identity.leadName, record: identity });
      if (u.shift.status === 'closed' && closedAt !== undefined) {
        rows.handovers.push({ shift_id: identity.id, checkpoint: identity.checkpoint, day: identity.day, closed_at: closedAt, record: { closedAt, handover: handover ?? null } });
      }
    } else if (u.kind === 'vehicle') {
      const v = u.vehicle;
      rows.vehicles.push({ id: v.id, checkpoint: v.checkpoint, shift_id: v.shiftId, day: v.day, created_at: v.createdAt, updated_at: v.updatedAt, plate: v.plate, record: v });
      for (const p of u.persons) {
        // A person changes only with its vehicle (amendVehicle), so it shares the vehicle's clock.
        rows.persons.push({ id: p.id, vehicle_id: p.vehicleId, checkpoint: v.checkpoint, shift_id: p.shiftId, day: p.day, created_at: p.createdAt, updated_at: v.updatedAt, doc_number: p.docNumber, record: p });
      }
      amendmentRows('vehicle', v, rows.amendments);
    } else if (u.kind === 'watchHit') {
      const h = u.hit;
      rows.watchHits.push({ id: h.id, checkpoint: h.checkpoint, entry_id: h.entryId, record_id: h.vehicleId || null, day: h.day, at: h.at, record: h });
    } else if (u.kind === 'operator') {
      const o = u.operator;
      // The record is the operator as sent: the batch contract lets no PIN field through.
      rows.operators.push({ id: o.id, checkpoint: o.checkpoint, name: o.name, role: o.role, created_at: o.createdAt, record: o });
    } else if (u.kind === 'audit') {
      const e = u.entry;
      rows.audit.push({ seq: e.seq, at: e.at, operator: e.actor, role: e.role, action: e.action, prev_hash: e.prevHash, hash: e.hash, record: e });
    } else {
      const i = u.incident;
      rows.incidents.push({ id: i.id, checkpoint: i.checkpoint, shift_id: i.shiftId, day: i.day, at: i.at, updated_at: incidentUpdatedAt(i), record: i });
      amendmentRows('incident', i, rows.amendments);
    }
  }
  return rows;
}

const ts = (col: string) => `to_timestamp(${col} / 1000.0)`;

// Each statement takes one jsonb array parameter: one round trip per table, whatever the batch size.
const SQL = {
  shifts: `INSERT INTO county.shifts (id, checkpoint, day, opened_at, shift_name, lead_name, record, content_hash)
    SELECT id, checkpoint, day, ${ts('opened_at')}, shift_name, lead_name, record, md5(record::text)
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, checkpoint text, day date, opened_at float8, shift_name text, lead_name text, record jsonb)
    ON CONFLICT (id) DO NOTHING`,
  handovers: `INSERT INTO county.handover_summaries (shift_id, checkpoint, day, closed_at, record, content_hash)
    SELECT shift_id, checkpoint, day, ${ts('closed_at')}, record, md5(record::text)
    FROM jsonb_to_recordset($1::jsonb) AS r(shift_id uuid, checkpoint text, day date, closed_at float8, record jsonb)
    ON CONFLICT (shift_id) DO NOTHING`,
  vehicles: `INSERT INTO county.vehicles (id, checkpoint, shift_id, day, created_at, updated_at, plate, record, content_hash)
    SELECT id, checkpoint, shift_id, day, ${ts('created_at')}, ${ts('updated_at')}, plate, record, md5(record::text)
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, checkpoint text, shift_id uuid, day date, created_at float8, updated_at float8, plate text, record jsonb)
    ON CONFLICT (id) DO NOTHING`,
  persons: `INSERT INTO county.persons (id, vehicle_id, checkpoint, shift_id, day, created_at, updated_at, doc_number, record, content_hash)
    SELECT id, vehicle_id, checkpoint, shift_id, day, ${ts('created_at')}, ${ts('updated_at')}, doc_number, record, md5(record::text)
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, vehicle_id uuid, checkpoint text, shift_id uuid, day date, created_at float8, updated_at float8, doc_number text, record jsonb)
    ON CONFLICT (id) DO NOTHING`,
  incidents: `INSERT INTO county.incidents (id, checkpoint, shift_id, day, at, updated_at, record, content_hash)
    SELECT id, checkpoint, shift_id, day, ${ts('at')}, ${ts('updated_at')}, record, md5(record::text)
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, checkpoint text, shift_id uuid, day date, at float8, updated_at float8, record jsonb)
    ON CONFLICT (id) DO NOTHING`,
  /** A row whose id is known but whose content differs from the first copy: a later state. */
  revisions: (kind: 'vehicle' | 'person' | 'incident', table: string) => `INSERT INTO county.record_revisions (kind, record_id, checkpoint, day, updated_at, record, content_hash)
    SELECT '${kind}', r.id, r.checkpoint, r.day, ${ts('r.updated_at')}, r.record, md5(r.record::text)
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, checkpoint text, day date, updated_at float8, record jsonb)
    JOIN county.${table} t ON t.id = r.id
    WHERE t.content_hash <> md5(r.record::text)
    ON CONFLICT (record_id, content_hash) DO NOTHING`,
  amendments: `INSERT INTO county.amendments (record_id, kind, ordinal, checkpoint, at, by_name, reason, is_void, changes, after_close)
    SELECT record_id, kind, ordinal, checkpoint, ${ts('at')}, by_name, reason, is_void, changes, after_close
    FROM jsonb_to_recordset($1::jsonb) AS r(record_id uuid, kind text, ordinal int, checkpoint text, at float8, by_name text, reason text, is_void boolean, changes jsonb, after_close boolean)
    ON CONFLICT (record_id, ordinal) DO NOTHING`,
  watchHits: `INSERT INTO county.watchlist_hits (id, checkpoint, entry_id, record_id, day, at, record, content_hash)
    SELECT id, checkpoint, entry_id, record_id, day, ${ts('at')}, record, md5(record::text)
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, checkpoint text, entry_id uuid, record_id uuid, day date, at float8, record jsonb)
    ON CONFLICT (id) DO NOTHING`,
  // Filed under the login's own checkpoint (row-level security would refuse any other anyway).
  audit: `INSERT INTO county.audit_entries (checkpoint, seq, at, operator, role, action, prev_hash, hash, record, content_hash)
    SELECT county.checkpoint_of(current_user), seq, ${ts('at')}, operator, role, action, prev_hash, hash, record, md5(record::text)
    FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, at float8, operator text, role text, action text, prev_hash text, hash text, record jsonb)
    ON CONFLICT (checkpoint, seq) DO NOTHING`,
  operators: `INSERT INTO county.operators (id, checkpoint, name, role, record, content_hash)
    SELECT id, checkpoint, name, role, record, md5(record::text)
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, checkpoint text, name text, role text, record jsonb)
    ON CONFLICT (id) DO NOTHING`,
  /** An operator sent again with other content (the administrator replaced): a later state, dated by its creation (migration 005). */
  operatorRevisions: `INSERT INTO county.record_revisions (kind, record_id, checkpoint, day, updated_at, record, content_hash)
    SELECT 'operator', r.id, r.checkpoint, (${ts('r.created_at')} AT TIME ZONE 'UTC')::date, ${ts('r.created_at')}, r.record, md5(r.record::text)
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, checkpoint text, created_at float8, record jsonb)
    JOIN county.operators t ON t.id = r.id
    WHERE t.content_hash <> md5(r.record::text)
    ON CONFLICT (record_id, content_hash) DO NOTHING`,
  // The log row names the login's own checkpoint, whatever the batch claims.
  log: `INSERT INTO county.push_log (batch_id, checkpoint, stored, duplicates) VALUES ($1, county.checkpoint_of(current_user), $2, $3) ON CONFLICT (batch_id) DO NOTHING`,
};

async function insertRows(client: ClientBase, rows: Rows): Promise<{ stored: number; sent: number }> {
  let stored = 0;
  const run = async (sql: string, list: object[]): Promise<number> => {
    if (list.length === 0) return 0;
    const n = (await client.query(sql, [JSON.stringify(list)])).rowCount ?? 0;
    stored += n;
    return n;
  };
  // A later state can only exist for rows the county already had: when every row was new
  // (the common case, a booth's fresh registrations) the revision pass is skipped.
  const withRevisions = async (first: string, revisions: string, list: object[]) => {
    if ((await run(first, list)) < list.length) await run(revisions, list);
  };
  await run(SQL.shifts, rows.shifts);
  await run(SQL.handovers, rows.handovers);
  await withRevisions(SQL.vehicles, SQL.revisions('vehicle', 'vehicles'), rows.vehicles);
  await withRevisions(SQL.persons, SQL.revisions('person', 'persons'), rows.persons);
  await withRevisions(SQL.incidents, SQL.revisions('incident', 'incidents'), rows.incidents);
  await run(SQL.amendments, rows.amendments);
  await run(SQL.watchHits, rows.watchHits);
  await run(SQL.audit, rows.audit);
  await withRevisions(SQL.operators, SQL.operatorRevisions, rows.operators);
  const sent = rows.operators.length + rows.shifts.length + rows.handovers.length + rows.vehicles.length + rows.persons.length + rows.incidents.length + rows.amendments.length + rows.watchHits.length + rows.audit.length;
  return { stored, sent };
}

function idsOfUnit(u: Unit): { kind: SyncRecordKind; id: string }[] {
  switch (u.kind) {
    case 'shift':
      return [{ kind: 'shift', id: u.shift.id }];
    case 'incident':
      return [{ kind: 'incident', id: u.incident.id }];
    case 'watchHit':
      return [{ kind: 'watchHit', id: u.hit.id }];
    case 'audit':
      return [{ kind: 'audit', id: String(u.entry.seq) }];
    case 'operator':
      return [{ kind: 'operator', id: operatorRowId(u.operator.shiftId, u.operator.name) }];
    case 'vehicle':
      return [{ kind: 'vehicle', id: u.vehicle.id }, ...u.persons.map((p) => ({ kind: 'person' as const, id: p.id }))];
  }
}

function serverReason(e: unknown): { code: string; zh: string; en: string } {
  const pgCode = (e as { code?: string }).code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (pgCode === '42501') return { code: 'sync.forbidden', zh: `服务器拒绝：无权写入（${msg}）`, en: `Refused by the server: not permitted (${msg})` };
  return { code: 'sync.serverRefused', zh: `服务器拒绝（${pgCode}）：${msg}`, en: `Refused by the server (${pgCode}): ${msg}` };
}

/** A connection failure (not the data's fault): the whole batch stays waiting. */
export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return /^(ECONN|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|ENETUNREACH)/.test(code) || code.startsWith('08') || code === '57P01'
    || /Connection terminated|connection.*(closed|ended)|timeout/i.test(e instanceof Error ? e.message : '');
}

/**
 * Push one batch. Throws only on connection failure (the caller keeps the batch waiting);
 * records the server refuses are returned with the reason, the rest are committed.
 */
export async function pushBatch(client: ClientBase, batch: SyncBatch, ownCheckpoint: string): Promise<PushOutcome> {
  const { units, refused } = unitsOf(batch, ownCheckpoint);
  const all = rowsOf(units);
  await client.query('BEGIN');
  try {
    const { stored, sent } = await insertRows(client, all);
    await client.query(SQL.log, [batch.batchId, stored, sent - stored]);
    await client.query('COMMIT');
    return { batchId: batch.batchId, stored, duplicates: sent - stored, refused };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (isConnectionError(e)) throw e;
  }
  // Something in the batch was refused: find it unit by unit, keep the rest.
  await client.query('BEGIN');
  try {
    let stored = 0;
    let sent = 0;
    for (const u of units) {
      await client.query('SAVEPOINT unit');
      try {
        const r = await insertRows(client, rowsOf([u]));
        stored += r.stored;
        sent += r.sent;
        await client.query('RELEASE SAVEPOINT unit');
      } catch (e) {
        if (isConnectionError(e)) throw e;
        await client.query('ROLLBACK TO SAVEPOINT unit');
        const why = serverReason(e);
        for (const r of idsOfUnit(u)) refused.push(refuse(r.kind, r.id, why.code, why.zh, why.en));
      }
    }
    await client.query(SQL.log, [batch.batchId, stored, sent - stored]);
    await client.query('COMMIT');
    return { batchId: batch.batchId, stored, duplicates: sent - stored, refused };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
