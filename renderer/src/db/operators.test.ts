// Operators who sign in (access): PINs set at 开班 stored only as salted hashes, sign-in with
// limited attempts and a back-off, the administrator account, the legacy-shift claim, and the
// audit entries of sign-in, switch, lock, create, correction and void — through the storage API.
import { describe, expect, it } from 'vitest';
import type { CheckpointDB } from './db';
import { auditAsAdmin, withTestDb, makeVehicle, makePerson, T0 } from './testing';
import { openShift } from './shifts';
import { claimPin, getAdmin, recordLock, setAdmin, signIn, signInChoices, shiftHasPins } from './operators';
import { checkAuditChain } from './audit';
import { amendVehicle, saveVehicle, voidVehicle } from './vehicles';
import { addIncident, voidIncident } from './incidents';
import type { Shift } from '../../../shared/model';

let db: CheckpointDB;
withTestDb((c) => ({ db } = c), false);

const INPUT = { checkpoint: '南江南高速出口卡点', shiftName: 'night', leadName: '岳阳', staff: [{ name: '王医生', unit: 'health' as const }, { name: '李警官', unit: 'auxiliary' as const }] };
const PINS = { 岳阳: '2468', 王医生: '1357', 李警官: '９０１２' };

async function opened(): Promise<Shift> {
  const r = await openShift(db, INPUT, T0, PINS);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}

describe('PINs set when the shift opens', () => {
  it('stores a salted PBKDF2 hash per member, never the PIN; the lead who opened it is signed in (audited)', async () => {
    const shift = await opened();
    const rows = await db.operators.where('shiftId').equals(shift.id).toArray();
    expect(rows.map((r) => [r.name, r.role]).sort()).toEqual([
      ['岳阳', 'lead'],
      ['李警官', 'staff'],
      ['王医生', 'health'],
    ]);
    // Salt and hash are random hex, which may contain any four digits by chance (1 run in a few
    // hundred did): the PIN must be in no other field, and neither of them may be the PIN itself.
    const readable = JSON.stringify(rows.map(({ salt: _salt, hash: _hash, ...rest }) => rest));
    for (const pin of ['2468', '1357', '9012']) {
      expect(readable).not.toContain(pin);
      for (const r of rows) expect([r.salt, r.hash]).not.toContain(pin);
    }
    expect(new Set(rows.map((r) => r.salt)).size).toBe(3);
    for (const r of rows) expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await shiftHasPins(db, shift.id)).toBe(true);
    const [entry] = await auditAsAdmin(db, { action: 'signIn', limit: 5 });
    expect(entry).toMatchObject({ actor: '岳阳', role: 'lead', detail: { how: 'openShift' } });
  });

  it('a member without a valid PIN refuses the whole opening: no shift, no rows', async () => {
    for (const pins of [{ ...PINS, 李警官: '' }, { ...PINS, 王医生: '12' }, { 岳阳: '2468', 王医生: '1357' }]) {
      const r = await openShift(db, INPUT, T0, pins);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message.zh).toMatch(/^(李警官|王医生)：(请设置密码|密码须为)/);
    }
    expect(await db.shifts.count()).toBe(0);
    expect(await db.operators.count()).toBe(0);
  });
});

describe('signing in and switching', () => {
  it('the right PIN signs in with the member role; a switch audits signOut of the one before', async () => {
    const shift = await opened();
    const lead = { name: '岳阳', role: 'lead' as const };
    const r = await signIn(db, shift, '王医生', '1357', T0 + 1000, lead);
    expect(r).toEqual({ ok: true, value: { name: '王医生', role: 'health' } });
    const fullWidth = await signIn(db, shift, '李警官', '9012', T0 + 2000);
    expect(fullWidth.ok).toBe(true);
    const entries = await auditAsAdmin(db, { limit: 10 });
    expect(entries.map((e) => [e.action, e.actor]).reverse()).toEqual([
      ['signIn', '岳阳'],
      ['signOut', '岳阳'],
      ['signIn', '王医生'],
      ['signIn', '李警官'],
    ]);
    expect((await checkAuditChain(db)).ok).toBe(true);
  });

  it('a wrong PIN changes nothing but the count; after three the next try waits 30 s, even with the right PIN', async () => {
    const shift = await opened();
    const t = T0 + 10_000;
    const one = await signIn(db, shift, '王医生', '0000', t);
    expect(one.ok).toBe(false);
    if (!one.ok) {
      expect(one.error.code).toBe('signIn.wrongPin');
      expect(one.error.message.zh).toBe('密码错误，登记人未变。再错 2 次将暂停登录');
      expect(one.error.message.en).toBe('Wrong PIN; the operator is unchanged. 2 more wrong PINs pause sign-in');
    }
    await signIn(db, shift, '王医生', '0001', t + 1);
    const third = await signIn(db, shift, '王医生', '0002', t + 2);
    expect(!third.ok && third.error.code).toBe('signIn.wait');
    const blocked = await signIn(db, shift, '王医生', '1357', t + 2 + 10_000);
    expect(!blocked.ok && blocked.error.message.zh).toBe('密码错误次数过多，请 20 秒后再试');
    expect((await signIn(db, shift, '王医生', '1357', t + 2 + 30_000)).ok).toBe(true);
    // The count starts again after a success.
    expect((await db.operators.get(`${shift.id}\u0000王医生`))?.failures).toBe(0);
    const failed = (await auditAsAdmin(db, { action: 'signIn', limit: 10 })).filter((e) => e.detail?.failed);
    expect(failed).toHaveLength(3);
  });

  it('a name that is not on the shift has no PIN to match', async () => {
    const shift = await opened();
    const r = await signIn(db, shift, '陌生人', '1234', T0);
    expect(!r.ok && r.error.message.zh).toBe('陌生人 没有设置密码');
  });

  it('the idle lock is audited under the operator it signed out', async () => {
    await recordLock(db, { name: '王医生', role: 'health' }, 5, T0);
    const [e] = await auditAsAdmin(db, { action: 'lock', limit: 1 });
    expect(e).toMatchObject({ actor: '王医生', role: 'health', detail: { idleMinutes: 5 } });
  });
});

describe('the administrator account', () => {
  it('the first is made by whoever starts the station; replacing it needs the administrator', async () => {
    expect(await getAdmin(db)).toBeUndefined();
    expect((await setAdmin(db, null, '周管理', '8642', T0)).ok).toBe(true);
    expect(await getAdmin(db)).toEqual({ name: '周管理' });
    for (const actor of [null, { name: '岳阳', role: 'lead' as const }]) {
      const r = await setAdmin(db, actor, '冒名', '1111', T0 + 1);
      expect(!r.ok && r.error.code).toMatch(/^access\./);
    }
    expect(await getAdmin(db)).toEqual({ name: '周管理' });
    const shift = await opened();
    expect((await signIn(db, shift, '周管理', '8642', T0 + 2)).ok).toBe(true);
    expect((await signInChoices(db, shift)).map((c) => `${c.name}:${c.role}`)).toEqual(['岳阳:lead', '王医生:health', '李警官:staff', '周管理:admin']);
    expect((await setAdmin(db, { name: '周管理', role: 'admin' }, '周管理', '7531', T0 + 3)).ok).toBe(true);
    expect((await signIn(db, shift, '周管理', '7531', T0 + 4)).ok).toBe(true);
  });
});

describe('a shift opened before PINs existed', () => {
  it('each member sets a PIN once at the lock screen; never for a shift opened with PINs', async () => {
    const legacy = await openShift(db, INPUT, T0);
    if (!legacy.ok) throw new Error('open');
    expect(await shiftHasPins(db, legacy.value.id)).toBe(false);
    expect(await claimPin(db, legacy.value, '王医生', '1357', T0 + 1)).toEqual({ ok: true, value: { name: '王医生', role: 'health' } });
    expect((await claimPin(db, legacy.value, '王医生', '9999', T0 + 2)).ok).toBe(false);
    expect((await signIn(db, legacy.value, '王医生', '1357', T0 + 3)).ok).toBe(true);
    expect((await claimPin(db, legacy.value, '外人', '1234', T0 + 4)).ok).toBe(false);
  });
});

describe('writes carry the operator into the audit trail, in the same transaction', () => {
  it('create, correction and void of a vehicle and an incident, with the role from the shift', async () => {
    const shift = await opened();
    const v = makeVehicle({ shiftId: shift.id, operator: '王医生', createdAt: T0 + 100 });
    expect((await saveVehicle(db, v, [makePerson({}, v)])).ok).toBe(true);
    expect((await amendVehicle(db, v.id, { origin: '绵阳' }, undefined, '录错', { name: '岳阳', role: 'lead' }, T0 + 200)).ok).toBe(true);
    expect((await voidVehicle(db, v.id, '重复登记', '李警官', T0 + 300)).ok).toBe(true);
    const inc = { id: 'inc-1', shiftId: shift.id, checkpoint: shift.checkpoint, operator: '李警官', day: shift.day, at: T0 + 400, kind: 'other' as const, plate: '', description: '测试', voided: 0 as const, amendments: [] };
    expect((await addIncident(db, inc)).ok).toBe(true);
    expect((await voidIncident(db, inc.id, '误录', { name: '岳阳', role: 'lead' }, T0 + 500)).ok).toBe(true);
    const entries = (await auditAsAdmin(db, { limit: 20 })).reverse().filter((e) => e.action !== 'signIn');
    expect(entries.map((e) => [e.action, e.actor, e.role, e.target])).toEqual([
      ['create', '王医生', 'health', v.id],
      ['correct', '岳阳', 'lead', v.id],
      ['void', '李警官', 'staff', v.id],
      ['create', '李警官', 'staff', 'inc-1'],
      ['void', '岳阳', 'lead', 'inc-1'],
    ]);
    expect(entries[1]?.detail).toEqual({ reason: '录错', changes: ['来自何地：成都 → 绵阳'] });
    expect((await checkAuditChain(db)).ok).toBe(true);
  });

  it('a refused write leaves no audit entry (one transaction)', async () => {
    const shift = await opened();
    const before = await db.audit.count();
    const v = makeVehicle({ shiftId: 'no-such-shift', operator: '王医生' });
    expect((await saveVehicle(db, v, [makePerson({}, v)])).ok).toBe(false);
    expect((await voidVehicle(db, 'missing', '原因', '岳阳', T0)).ok).toBe(false);
    expect(await db.audit.count()).toBe(before);
    expect(shift.status).toBe('open');
  });
});
