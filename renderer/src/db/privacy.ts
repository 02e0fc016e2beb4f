// The storage side of "who may see what" (issue 12, masking): revealing a record's full IDs and
// phones, searching beyond the current and previous shift, and the audit entries of exports and
// prints. Each function checks the actor's role itself (`can()`), so a screen that forgot to hide
// a button — or a caller that never had one — is refused here, and writes its audit entry in the
// same transaction as the read it audits.
import { can, type Actor } from '../../../shared/privacy/roles';
import { revealAuditDetail, validateRevealReason, type RevealReason } from '../../../shared/privacy/reveal';
import { searchAuditDetail } from '../../../shared/privacy/searchScope';
import { fail, ok, type Result } from '../../../shared/result';
import type { Vehicle } from '../../../shared/model';
import type { AuditEntry } from '../../../shared/audit/model';
import { appendAudit } from './audit';
import type { CheckpointDB } from './db';
import { searchRecords, type SearchOptions } from './search';
import { storageFailure } from './errors';

export interface RevealedPerson {
  personId: string;
  docNumber: string;
  phone: string;
}

const forbidden = <T>(what: { zh: string; en: string }): Result<T> =>
  fail('privacy.forbidden', `${what.zh}：只有带班领导或管理员可以这样做`, `${what.en}: only a shift lead or an administrator may do this`);

/**
 * The full ID numbers and phones of one record's people, for a lead or administrator with a
 * stated reason. The reveal is audited (who, which record, why — never the value) in the same
 * transaction that reads the values: no values without an entry.
 */
export async function revealRecord(db: CheckpointDB, actor: Actor | null, vehicleId: string, reason: RevealReason, at: number): Promise<Result<RevealedPerson[]>> {
  if (!actor || !can(actor, 'reveal')) return forbidden({ zh: '查看完整证件号码', en: 'Revealing a full ID number' });
  const code = validateRevealReason(reason);
  if (code) return fail(code, '请选择或填写查看原因', 'Choose or type the reason for revealing');
  try {
    return await db.transaction('rw', [db.vehicles, db.persons, db.audit], async () => {
      const vehicle = await db.vehicles.get(vehicleId);
      if (!vehicle) return fail<RevealedPerson[]>('record.notFound', '找不到该记录', 'The record was not found');
      // Index `vehicleId`: one vehicle's people (a handful of rows).
      const persons = await db.persons.where('vehicleId').equals(vehicleId).toArray();
      await appendAudit(db, {
        at,
        actor: actor.name,
        role: actor.role,
        action: 'reveal',
        target: vehicleId,
        detail: { ...revealAuditDetail(reason), plate: vehicle.plate, persons: persons.length },
      });
      return ok(persons.map((p) => ({ personId: p.id, docNumber: p.docNumber, phone: p.phone })));
    });
  } catch (e) {
    return storageFailure(e, { zh: '查看完整证件号码', en: 'Revealing the full ID number' });
  }
}

/**
 * Search every shift ever recorded (the booth's default covers the current and previous shift):
 * a lead or administrator only, audited with the kind of query and the number of results — never
 * the text typed, which may be a whole ID number.
 */
export async function searchBeyondShift(db: CheckpointDB, actor: Actor | null, query: string, opts: SearchOptions, at: number): Promise<Result<Vehicle[]>> {
  if (!actor || !can(actor, 'searchBeyondShift')) return forbidden({ zh: '查询全部班次', en: 'Searching every shift' });
  try {
    const rows = await searchRecords(db, query, opts);
    await appendAudit(db, { at, actor: actor.name, role: actor.role, action: 'search', target: 'allShifts', detail: searchAuditDetail(query, rows.length) });
    return ok(rows);
  } catch (e) {
    return storageFailure(e, { zh: '查询', en: 'Searching' });
  }
}

export interface OutputAudit {
  shiftId: string;
  /** The file written (export) or suggested (PDF); '' for a print on paper. */
  fileName: string;
  fullIds: boolean;
  vehicles: number;
  persons: number;
}

/**
 * An export or print happened: masked or full, which file, how many records. A full one is
 * refused (nothing written to the trail, and the caller must not have produced it) without
 * `exportFull`. Outside the booth screen nobody is signed in: the entry says so.
 */
export async function auditOutput(db: CheckpointDB, actor: Actor | null, action: 'export' | 'print', out: OutputAudit, at: number): Promise<Result<AuditEntry>> {
  if (out.fullIds && !can(actor, 'exportFull')) return forbidden({ zh: '导出完整证件号码', en: 'Exporting full ID numbers' });
  try {
    return ok(
      await appendAudit(db, {
        at,
        actor: actor?.name ?? '',
        role: actor?.role ?? 'system',
        action,
        target: out.shiftId,
        detail: { masked: !out.fullIds, fileName: out.fileName, vehicles: out.vehicles, persons: out.persons },
      }),
    );
  } catch (e) {
    return storageFailure(e, { zh: '记录审计日志', en: 'Writing the audit entry' });
  }
}
