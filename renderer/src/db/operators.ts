// Operators who sign in (schema v11): each shift member's PIN set when the shift is opened, the
// station's administrator account, sign-in with limited attempts and a back-off, and the audit
// entries for sign-in, switch and lock. Only a salted PBKDF2 hash of a PIN is ever stored.
import type { Shift } from '../../../shared/model';
import type { Actor, Role } from '../../../shared/privacy/roles';
import { normalisePin, pinBackoffMs, PIN_FREE_ATTEMPTS, PIN_ITERATIONS, validatePin, type PinCode } from '../../../shared/privacy/pin';
import { roleOfMember, shiftMembers } from '../../../shared/privacy/shiftRoles';
import { fail, ok, type Result } from '../../../shared/result';
import { MESSAGES } from '../../../shared/messages';
import { en, zh, type StringKey } from '../../../shared/i18n/strings';
import { fill } from '../../../shared/i18n/fill';
import type { CheckpointDB } from './db';
import type { OperatorRow } from './operatorRow';
import { appendAudit } from './audit';
import { requirePermission } from './access';
import { storageFailure } from './errors';
import { ADMIN_OPERATOR_ID, operatorRowId, STATION_SHIFT } from '../../../shared/sync/operatorId';

export type { OperatorRow } from './operatorRow';

// The keys are shared with county sync, which derives the county's operator ids from them.
const ADMIN_ID = ADMIN_OPERATOR_ID;
const STATION = STATION_SHIFT;
const memberId = operatorRowId;

const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const fromHex = (h: string) => new Uint8Array((h.match(/../g) ?? []).map((x) => parseInt(x, 16)));

async function pbkdf2(pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return toHex(new Uint8Array(bits));
}

/** A fresh salt and the PIN's PBKDF2-SHA-256 hash (WebCrypto: the renderer and Node alike). */
export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<Pick<OperatorRow, 'salt' | 'hash' | 'iterations'>> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return { salt: toHex(salt), hash: await pbkdf2(normalisePin(pin), salt, iterations), iterations };
}

async function pinMatches(pin: string, row: Pick<OperatorRow, 'salt' | 'hash' | 'iterations'>): Promise<boolean> {
  const h = await pbkdf2(normalisePin(pin), fromHex(row.salt), row.iterations);
  // Compare every character: no early exit on the first difference.
  let diff = h.length ^ row.hash.length;
  for (let i = 0; i < h.length; i++) diff |= h.charCodeAt(i) ^ (row.hash.charCodeAt(i) || 0);
  return diff === 0;
}

const say = (key: StringKey, params?: Record<string, string | number>) => ({ zh: fill(zh[key], params, 'zh'), en: fill(en[key], params, 'en') });
const failWith = <T>(code: string, key: StringKey, params?: Record<string, string | number>): Result<T> => {
  const m = say(key, params);
  return fail<T>(code, m.zh, m.en);
};
const pinFailure = <T>(code: PinCode, who: string): Result<T> => fail<T>(code, `${who}：${MESSAGES[code].zh}`, `${who}: ${MESSAGES[code].en}`);

/** Each member's PIN for a new shift, keyed by name (the lead's too). */
export type ShiftPins = Readonly<Record<string, string>>;

/**
 * The member rows of a shift about to open: every member (lead included) needs a valid PIN.
 * Hashing is slow on purpose, so it runs before the opening transaction (which must not wait on
 * anything but IndexedDB).
 */
export async function prepareShiftOperators(shift: Pick<Shift, 'leadName' | 'staff'>, pins: ShiftPins, now: number): Promise<Result<Omit<OperatorRow, 'id' | 'shiftId'>[]>> {
  const members = shiftMembers(shift);
  for (const m of members) {
    const code = validatePin(pins[m.name] ?? '');
    if (code) return pinFailure(code, m.name);
  }
  const rows = await Promise.all(
    members.map(async (m) => ({ name: m.name, role: m.role, ...(await hashPin(pins[m.name] ?? '')), setBy: 'open' as const, failures: 0, waitUntil: 0, createdAt: now })),
  );
  return ok(rows);
}

/** Stores prepared member rows inside the caller's transaction (openShift: db.operators in scope). */
export async function addShiftOperators(db: CheckpointDB, shiftId: string, rows: readonly Omit<OperatorRow, 'id' | 'shiftId'>[]): Promise<void> {
  await db.operators.bulkAdd(rows.map((r) => ({ ...r, id: memberId(shiftId, r.name), shiftId })));
}

export interface AdminInfo {
  name: string;
}

export async function getAdmin(db: CheckpointDB): Promise<AdminInfo | undefined> {
  const row = await db.operators.get(ADMIN_ID);
  return row ? { name: row.name } : undefined;
}

/**
 * The station's administrator account. The first one may be made by whoever starts the station
 * (there is nobody to ask yet); replacing it (a new name or PIN) needs the administrator.
 */
export async function setAdmin(db: CheckpointDB, actor: Actor | null, name: string, pin: string, now: number): Promise<Result<AdminInfo>> {
  const who = name.trim();
  if (!who) return fail('admin.nameRequired', MESSAGES.required.zh, MESSAGES.required.en);
  const code = validatePin(pin);
  if (code) return pinFailure(code, who);
  const hashed = await hashPin(pin);
  try {
    return await db.transaction('rw', [db.operators, db.audit], async () => {
      const existing = await db.operators.get(ADMIN_ID);
      if (existing) {
        const refused = requirePermission(actor, 'changeSettings');
        if (refused) return refused;
      }
      await db.operators.put({ id: ADMIN_ID, shiftId: STATION, name: who, role: 'admin', ...hashed, setBy: 'admin', failures: 0, waitUntil: 0, createdAt: now });
      await appendAudit(db, {
        at: now,
        actor: actor?.name ?? who,
        role: actor?.role ?? 'admin',
        action: 'settings',
        target: 'admin',
        detail: { admin: existing ? 'replaced' : 'created', name: who },
      });
      return ok({ name: who });
    });
  } catch (e) {
    return storageFailure(e, { zh: '保存管理员', en: 'Saving the administrator' });
  }
}

/** Who may sign in at this shift's booth: its members, then the administrator if there is one. */
export async function signInChoices(db: CheckpointDB, shift: Shift): Promise<{ name: string; role: Role; hasPin: boolean }[]> {
  // One shift's rows on the shiftId index (a handful) and the admin row by key.
  const rows = await db.operators.where('shiftId').equals(shift.id).toArray();
  const withPin = new Set(rows.map((r) => r.name));
  const out = shiftMembers(shift).map((m) => ({ ...m, hasPin: withPin.has(m.name) }));
  const admin = await db.operators.get(ADMIN_ID);
  if (admin && !out.some((m) => m.name === admin.name)) out.push({ name: admin.name, role: 'admin', hasPin: true });
  return out;
}

/** A shift opened with PINs never lets a member set one at the lock screen. */
async function openedWithPins(db: CheckpointDB, shiftId: string): Promise<boolean> {
  const rows = await db.operators.where('shiftId').equals(shiftId).toArray();
  return rows.some((r) => r.setBy === 'open');
}

async function auditSwitch(db: CheckpointDB, previous: Actor | null, next: Actor, now: number, how: string): Promise<void> {
  if (previous) await appendAudit(db, { at: now, actor: previous.name, role: previous.role, action: 'signOut', detail: { to: next.name } });
  await appendAudit(db, { at: now, actor: next.name, role: next.role, action: 'signIn', detail: { how, ...(previous ? { from: previous.name } : {}) } });
}

/**
 * Sign in (or switch to) `name` with `pin`. Wrong PIN: refused with the attempts left, nothing
 * else changes; after PIN_FREE_ATTEMPTS misses in a row the next try waits (pinBackoffMs).
 * Every attempt is audited: a success as signIn (and signOut of whoever it replaces), a miss as
 * signIn with { failed: true }.
 */
export async function signIn(db: CheckpointDB, shift: Shift | null, name: string, pin: string, now: number, previous: Actor | null = null): Promise<Result<Actor>> {
  const admin = await db.operators.get(ADMIN_ID);
  const row = admin && admin.name === name ? admin : shift ? await db.operators.get(memberId(shift.id, name)) : undefined;
  if (!row) return failWith('signIn.unknown', 'accessUnknown', { name });
  if (row.waitUntil > now) return failWith('signIn.wait', 'accessWait', { s: Math.ceil((row.waitUntil - now) / 1000) });
  const good = await pinMatches(pin, row);
  try {
    return await db.transaction('rw', [db.operators, db.audit], async () => {
      const fresh = (await db.operators.get(row.id)) ?? row;
      if (!good) {
        const failures = fresh.failures + 1;
        const wait = pinBackoffMs(failures);
        await db.operators.put({ ...fresh, failures, waitUntil: wait ? now + wait : 0 });
        await appendAudit(db, { at: now, actor: fresh.name, role: fresh.role, action: 'signIn', detail: { failed: true, failures } });
        if (wait) return failWith<Actor>('signIn.wait', 'accessWait', { s: Math.ceil(wait / 1000) });
        return failWith<Actor>('signIn.wrongPin', 'accessWrongPin', { n: PIN_FREE_ATTEMPTS - failures });
      }
      if (fresh.failures || fresh.waitUntil) await db.operators.put({ ...fresh, failures: 0, waitUntil: 0 });
      const actor: Actor = { name: fresh.name, role: fresh.role };
      await auditSwitch(db, previous, actor, now, 'pin');
      return ok(actor);
    });
  } catch (e) {
    return storageFailure(e, { zh: '登录', en: 'Signing in' });
  }
}

/**
 * A shift opened before PINs existed (an update during a shift): each member sets their own PIN
 * once at the lock screen and is signed in. Never for a shift opened with PINs, never twice.
 */
export async function claimPin(db: CheckpointDB, shift: Shift, name: string, pin: string, now: number, previous: Actor | null = null): Promise<Result<Actor>> {
  const member = shift.staff.find((s) => s.name === name) ?? (name === shift.leadName ? { name, unit: 'police' as const } : undefined);
  if (!member) return failWith('signIn.unknown', 'accessUnknown', { name });
  const code = validatePin(pin);
  if (code) return pinFailure(code, name);
  const hashed = await hashPin(pin);
  try {
    return await db.transaction('rw', [db.operators, db.audit], async () => {
      if ((await openedWithPins(db, shift.id)) || (await db.operators.get(memberId(shift.id, name)))) {
        return failWith<Actor>('signIn.claimed', 'accessUnknown', { name });
      }
      const role = roleOfMember(shift.leadName, member);
      await db.operators.add({ id: memberId(shift.id, name), shiftId: shift.id, name, role, ...hashed, setBy: 'claimed', failures: 0, waitUntil: 0, createdAt: now });
      const actor: Actor = { name, role };
      await auditSwitch(db, previous, actor, now, 'claimed');
      return ok(actor);
    });
  } catch (e) {
    return storageFailure(e, { zh: '设置密码', en: 'Setting the PIN' });
  }
}

/** Whether a shift's members set their PINs at opening (false: the lock screen offers claimPin). */
export async function shiftHasPins(db: CheckpointDB, shiftId: string): Promise<boolean> {
  return openedWithPins(db, shiftId);
}

/** The booth locked itself after `minutes` idle: audited under the operator it signed out. */
export async function recordLock(db: CheckpointDB, actor: Actor, minutes: number, now: number): Promise<void> {
  await appendAudit(db, { at: now, actor: actor.name, role: actor.role, action: 'lock', detail: { idleMinutes: minutes } });
}

/**
 * The role a write is audited with, inside the caller's transaction (db.operators in scope): an
 * Actor says it; a bare name (callers from before sign-in) is looked up among the shift's
 * operators and the administrator, and is booth staff otherwise.
 */
export async function actorFor(db: CheckpointDB, shiftId: string, by: Actor | string): Promise<Actor> {
  if (typeof by !== 'string') return by;
  const name = by.trim();
  const row = (await db.operators.get(memberId(shiftId, name))) ?? (await db.operators.get(ADMIN_ID));
  return { name, role: row && row.name === name ? row.role : 'staff' };
}
