import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/privacy/roles';
import type { Shift, Vehicle } from '../../../shared/model';
import { checkAuditChain } from './audit';
import type { CheckpointDB } from './db';
import { auditOutput, revealRecord, searchBeyondShift } from './privacy';
import { scopeShiftIds, searchShifts } from './search';
import { T0, VALID_ID, auditAsAdmin, makePerson, makeShift, makeVehicle, withTestDb } from './testing';
import { saveVehicle } from './vehicles';

let db: CheckpointDB;
let shift: Shift;
withTestDb((c) => ({ db, shift } = c));

const lead: Actor = { name: '王队长', role: 'lead' };
const staff: Actor = { name: '李警官', role: 'staff' };
const health: Actor = { name: '王医生', role: 'health' };
const PHONE = '13912345678';

async function car(shiftId: string, plate: string, createdAt: number, person: { name: string; docNumber: string; phone?: string }): Promise<Vehicle> {
  const v = makeVehicle({ shiftId, plate, plateBody: plate.slice(1), createdAt });
  const r = await saveVehicle(db, v, [makePerson({ ...person, phone: person.phone ?? PHONE, seq: 0 }, v)]);
  if (!r.ok) throw new Error(r.error.message.en);
  return v;
}

describe('reveal (full ID and phone of one record)', () => {
  it.each([
    { name: 'refuses staff and health actors and nobody at all', actors: [staff, health, null], reason: { kind: 'feverReferral', text: '' }, code: 'privacy.forbidden' },
    { name: 'needs a reason: a chosen one, or typed words for 其他', actors: [lead], reason: { kind: 'other', text: ' ' }, code: 'reveal.reasonRequired' },
  ] as const)('$name, writing nothing to the trail', async ({ actors, reason, code }) => {
    const v = await car(shift.id, '川A12345', T0, { name: '张三', docNumber: VALID_ID });
    // The registration itself is audited (create); the refusals add nothing after it.
    const trail = await db.audit.count();
    for (const actor of actors) {
      const r = await revealRecord(db, actor, v.id, reason, T0 + 1);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
    }
    expect(await db.audit.count()).toBe(trail);
  });

  it('gives a lead the full values and audits who, which record and why — never the value', async () => {
    const v = await car(shift.id, '川A12345', T0, { name: '张三', docNumber: VALID_ID });
    const r = await revealRecord(db, lead, v.id, { kind: 'other', text: '核对发热转诊' }, T0 + 5);
    expect(r.ok && r.value).toEqual([{ personId: expect.any(String), docNumber: VALID_ID, phone: PHONE }]);
    const [entry] = await auditAsAdmin(db, { action: 'reveal', limit: 5 });
    expect(entry).toMatchObject({ actor: '王队长', role: 'lead', action: 'reveal', target: v.id, at: T0 + 5 });
    expect(entry?.detail).toMatchObject({ reason: 'other', reasonText: '核对发热转诊', persons: 1, plate: '川A12345' });
    expect(JSON.stringify(entry)).not.toContain(VALID_ID);
    expect(JSON.stringify(entry)).not.toContain(PHONE);
    // The record's create entry, then the reveal.
    expect(await checkAuditChain(db)).toEqual({ ok: true, count: 2 });
  });
});

describe('search scoped to purpose', () => {
  async function threeShifts() {
    const old = makeShift({ openedAt: T0 - 48 * 3600_000 });
    const previous = makeShift({ openedAt: T0 - 14 * 3600_000 });
    await db.shifts.bulkAdd([old, previous]);
    await car(old.id, '川A11111', old.openedAt + 1000, { name: '赵老', docNumber: '510107199001010017' });
    await car(previous.id, '川A22222', previous.openedAt + 1000, { name: '钱前', docNumber: '110101199003070011' });
    // Records are saved into open shifts only; these two are then closed (as 交接班 would).
    await db.shifts.bulkPut([{ ...old, status: 'closed' }, { ...previous, status: 'closed' }]);
    await car(shift.id, '川A33333', T0, { name: '孙今', docNumber: VALID_ID });
    return { old, previous };
  }

  it('covers the current and the previous shift only, by plate, name, ID start and end, phone', async () => {
    const { previous } = await threeShifts();
    const ids = await scopeShiftIds(db, shift.id);
    expect(ids).toEqual([shift.id, previous.id]);
    const plates = async (q: string) => (await searchShifts(db, q, { limit: 10, shiftIds: ids })).map((v) => v.plate);
    expect(await plates('川A')).toEqual(['川A33333', '川A22222']);
    expect(await plates('A1111')).toEqual([]); // the older shift is out of scope
    expect(await plates('赵老')).toEqual([]);
    expect(await plates('钱前')).toEqual(['川A22222']);
    expect(await plates('001x')).toEqual(['川A33333']);
    expect(await plates('110101')).toEqual(['川A22222']);
    expect(await plates('139123')).toEqual(['川A33333', '川A22222']);
    expect(await plates('川')).toEqual([]); // too short
  });

  it('beyond the shift: refused for staff, allowed for a lead and audited by kind (never the text)', async () => {
    await threeShifts();
    const trail = await db.audit.count();
    const refused = await searchBeyondShift(db, staff, '510107199001010017', { limit: 10 }, T0 + 9);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('privacy.forbidden');
    expect(await db.audit.count()).toBe(trail);

    const r = await searchBeyondShift(db, lead, '510107199001010017', { limit: 10 }, T0 + 10);
    expect(r.ok && r.value.map((v) => v.plate)).toEqual(['川A11111']);
    const [entry] = await auditAsAdmin(db, { action: 'search', limit: 5 });
    expect(entry).toMatchObject({ actor: '王队长', role: 'lead', target: 'allShifts', detail: { kind: 'digits', length: 18, results: 1 } });
    expect(JSON.stringify(entry)).not.toContain('510107');
  });
});

describe('export and print audit', () => {
  it('audits a masked export by anyone and refuses a full one without exportFull', async () => {
    const out = { shiftId: shift.id, fileName: 'a.xlsx', vehicles: 3, persons: 7 };
    expect((await auditOutput(db, staff, 'export', { ...out, fullIds: false }, T0)).ok).toBe(true);
    const refused = await auditOutput(db, staff, 'export', { ...out, fullIds: true }, T0 + 1);
    expect(refused.ok).toBe(false);
    expect((await auditOutput(db, lead, 'export', { ...out, fullIds: true }, T0 + 2)).ok).toBe(true);
    expect((await auditOutput(db, null, 'print', { ...out, fileName: '', fullIds: false }, T0 + 3)).ok).toBe(true);
    const rows = await auditAsAdmin(db, { limit: 10 });
    expect(rows.map((e) => [e.action, e.actor, e.detail?.masked])).toEqual([
      ['print', '', true],
      ['export', '王队长', false],
      ['export', '李警官', true],
    ]);
    expect(rows[1]?.detail).toEqual({ masked: false, fileName: 'a.xlsx', vehicles: 3, persons: 7 });
  });
});
