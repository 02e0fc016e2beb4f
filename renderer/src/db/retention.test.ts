// Retention: personal data of shifts closed longer ago than the period is purged; every count the
// booth, the day view and the handover read stays exactly as it was; the journal replays to the
// purged rows (recovery never brings a name back); only an administrator sets or runs it.
import { describe, expect, it } from 'vitest';
import { countShift } from '../../../shared/shift/summary';
import type { Actor } from '../../../shared/privacy/roles';
import type { Person, Shift } from '../../../shared/model';
import { checkAuditChain, listAudit } from './audit';
import { rebuildFromStore, restoreDataset, startupCheck } from './recovery';
import type { CheckpointDB } from './db';
import { addIncident } from './incidents';
import { newId } from './ids';
import { readShiftRecords } from './readShift';
import { confirmFirstPurge, getRetention, planPurge, runPurge, saveRetentionDays } from './retention';
import { closeShift, openShift } from './shifts';
import { freshDb, makePerson, makeVehicle, T0, VALID_ID, withJournaledDb, type MemoryJournalStore } from './testing';
import { amendVehicle, saveVehicle, voidVehicle } from './vehicles';

const DAY = 86_400_000;
const admin: Actor = { name: '赵管理', role: 'admin' };
const lead: Actor = { name: '王队长', role: 'lead' };
const notes = { pending: '川A12345 车主张三 13800138000 明日回访', supplies: { thermometers: '', masks: '', disinfectant: '', suits: '' }, equipment: '', receivingLead: '李' };

let db: CheckpointDB;
let store: MemoryJournalStore;
withJournaledDb((c) => ({ db, store } = c));

/** A shift with vehicles (one amended, one voided), a fever case, an incident, closed at `closeAt`. */
async function shiftWithRecords(openAt: number, closeAt: number, tag = '旧'): Promise<Shift> {
  const s = await openShift(db, { checkpoint: '黄许卡点', shiftName: '夜班', leadName: '王队长', staff: [{ name: '李警官', unit: 'police' }] }, openAt);
  if (!s.ok) throw new Error(s.error.message.en);
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const v = makeVehicle({ shiftId: s.value.id, plate: `鄂A1234${i}`, keyArea: true, keyAreaReasons: ['plate:鄂'], createdAt: openAt + 60_000 * (i + 1), destination: '旌阳区某小区3栋', remarks: '司机称 13912345678', localContact: '王五' });
    const fever = i === 1;
    const people: Person[] = [
      makePerson({ seq: 0, name: `${tag}张${i}`, phone: '13800138000', remarks: '家住某村', feverFirst: fever, feverConfirmed: fever, first: { celsius: fever ? 38.2 : 36.5, method: 'infrared', at: v.createdAt }, disposition: fever ? 'feverClinic' : 'released' }, v),
      makePerson({ seq: 1, role: 'passenger', name: `${tag}李${i}`, docNumber: VALID_ID }, v),
    ];
    const r = await saveVehicle(db, { ...v, anyFever: fever, maxTemp: fever ? 38.2 : 36.5 }, people);
    if (!r.ok) throw new Error(r.error.message.en);
    ids.push(v.id);
  }
  expect((await amendVehicle(db, ids[0]!, { origin: '绵阳' }, undefined, '司机张三说错了', '李警官', openAt + 600_000)).ok).toBe(true);
  expect((await voidVehicle(db, ids[3]!, '重复登记 张3', '李警官', openAt + 700_000)).ok).toBe(true);
  const inc = { id: newId(), shiftId: s.value.id, checkpoint: '黄许卡点', operator: '李警官', day: s.value.day, at: openAt + 800_000, kind: 'other' as const, plate: '鄂A12340', description: `${tag}张三拒绝登记，电话13800138000`, voided: 0 as const, amendments: [] };
  expect((await addIncident(db, inc)).ok).toBe(true);
  const c = await closeShift(db, s.value.id, notes, closeAt);
  if (!c.ok) throw new Error(c.error.message.en);
  return c.value;
}

/** Everything the booth, the day view and the handover count, for one shift. */
async function figures(shiftId: string, day: string) {
  const rec = await readShiftRecords(db, shiftId);
  if (!rec) throw new Error('no shift');
  return {
    counts: countShift(rec.vehicles, rec.persons, rec.incidents),
    dayCounts: await db.dayCounts.get(day),
    shiftCounts: await db.shiftCounts.get(shiftId),
    summary: { ...(await db.shiftSummaries.get(shiftId)), computedAt: 0 },
  };
}

const personal = (p: Person) => [p.name, p.docNumber, p.docRev, p.phone, p.remarks].filter((x) => x !== '');

describe('retention purge', () => {
  it('purges personal data of shifts closed longer ago than the period and keeps every count equal', async () => {
    const old = await shiftWithRecords(T0, T0 + 12 * 3600_000);
    const recent = await shiftWithRecords(T0 + 20 * DAY, T0 + 20 * DAY + 3600_000, '新');
    const now = T0 + 12 * 3600_000 + 29 * DAY;
    const before = await figures(old.id, old.day);
    const beforeRecent = await figures(recent.id, recent.day);
    expect(before.counts.vehiclesChecked).toBe(3);
    expect(before.counts.feverFirst).toBe(1);

    const plan = await planPurge(db, now);
    expect(plan).toMatchObject({ days: 28, shifts: 1, vehicles: 4, persons: 8, incidents: 1, shiftIds: [old.id] });

    // Not confirmed yet: the start-up run does nothing.
    expect(await runPurge(db, 'system', now)).toEqual({ ok: true, value: { ran: false, reason: 'notConfirmed' } });
    expect((await confirmFirstPurge(db, lead, now)).ok).toBe(false);
    expect((await confirmFirstPurge(db, admin, now)).ok).toBe(true);
    const r = await runPurge(db, 'system', now);
    expect(r).toEqual({ ok: true, value: { ran: true, at: now, counts: { shifts: 1, vehicles: 4, persons: 8, incidents: 1 } } });

    const rec = (await readShiftRecords(db, old.id))!;
    expect(rec.persons.flatMap(personal)).toEqual([]);
    expect(rec.persons.every((p) => p.docRev === '' && p.homeProvince === '安徽')).toBe(true);
    for (const v of rec.vehicles) {
      expect([v.destination, v.remarks, v.localContact, v.purpose]).toEqual(['', '', '', '']);
      expect(v.plate).toMatch(/^鄂A1234\d$/);
      expect(JSON.stringify(v.amendments)).not.toMatch(/张|绵阳|成都/);
      expect(v.voidMark?.reason ?? '').toBe('');
    }
    expect(rec.incidents[0]!.description).toBe('');
    expect(rec.shift.handover?.pending).toBe('');
    expect(rec.shift.purgedAt).toBe(now);
    // Indexes find nothing by the purged values.
    expect(await db.persons.where('docNumber').equals(VALID_ID).count()).toBe(8); // the recent shift's 8 only, of 16
    expect(await db.persons.where('name').equals('旧张0').count()).toBe(0);
    expect(await db.persons.where('name').equals('新张0').count()).toBe(1);

    // Counts exactly equal: counters, stored summary, counted again from the rows.
    expect(await figures(old.id, old.day)).toEqual(before);
    // The recent shift is untouched.
    const recentRec = (await readShiftRecords(db, recent.id))!;
    expect(recentRec.persons.flatMap(personal).length).toBeGreaterThan(0);
    expect(await figures(recent.id, recent.day)).toEqual(beforeRecent);

    // An audit entry with the counts.
    const audit = await listAudit(db, admin, { action: 'purge', limit: 5 });
    expect(audit.ok && audit.value[0]).toMatchObject({ actor: 'system', role: 'system', detail: { shifts: 1, persons: 8, vehicles: 4, incidents: 1, days: 28 } });

    // A second run the next day finds nothing more and says so in the trail.
    const again = await runPurge(db, 'system', now + DAY);
    expect(again.ok && again.value.ran && again.value.counts).toEqual({ shifts: 0, vehicles: 0, persons: 0, incidents: 0 });
    expect((await getRetention(db)).lastRunAt).toBe(now + DAY);
  });

  it('the journal and snapshots age out: no copy outside IndexedDB keeps a purged name; recovery from them gives the purged rows and an intact audit trail', async () => {
    await shiftWithRecords(T0, T0 + 3600_000);
    await shiftWithRecords(T0 + 20 * DAY, T0 + 20 * DAY + 3600_000, '新');
    // Snapshots taken before the purge hold the names (a shift close and a rolling one).
    await store.writeSnapshot('rolling', 99, 'stale 旧张0');
    expect(store.lines.join('\n')).toContain('旧张0');
    await confirmFirstPurge(db, admin, T0);
    const r = await runPurge(db, 'system', T0 + 30 * DAY);
    expect(r.ok && r.value.ran && r.value.counts.shifts).toBe(1);

    const outside = [...store.lines, ...[...store.snapshots.values()].map((s) => s.text)].join('\n');
    for (const gone of ['旧张', '旧李', '旧张三拒绝登记']) expect(outside).not.toContain(gone);
    expect(outside).toContain('新张0'); // the recent shift is still there
    expect(store.snapshots.size).toBe(1);

    // The start-up check agrees with the rewritten journal, and the audit head survived it.
    expect(await startupCheck(db)).toEqual({ kind: 'ok' });
    expect(await checkAuditChain(db)).toMatchObject({ ok: true });
    await db.audit.delete((await db.audit.orderBy('seq').last())!.seq);
    expect(await checkAuditChain(db)).toMatchObject({ ok: false, problem: 'missing' });

    // Recovery from the copies: the purged rows, all 16 people, the trail intact.
    const rebuilt = await rebuildFromStore(store);
    if (!rebuilt.ok) throw new Error('rebuild');
    const fresh = freshDb();
    expect((await restoreDataset(fresh, rebuilt.value.data, rebuilt.value.mark)).ok).toBe(true);
    const people = await fresh.persons.toArray(); // a test's whole-table read: 16 rows
    expect(people).toHaveLength(16);
    expect(people.filter((p) => p.name.startsWith('旧'))).toEqual([]);
    expect(people.filter((p) => p.name === '')).toHaveLength(8);
    expect(await checkAuditChain(fresh)).toMatchObject({ ok: true });
    fresh.close();
  });

  it('replaying the journal (recovery) gives the purged rows, never the names back', async () => {
    const old = await shiftWithRecords(T0, T0 + 3600_000);
    await confirmFirstPurge(db, admin, T0);
    await runPurge(db, 'system', T0 + 30 * DAY);
    const r = await rebuildFromStore(store);
    if (!r.ok) throw new Error('rebuild');
    const rebuilt = r.value;
    const persons = [...rebuilt.data.persons.values()] as Person[];
    expect(persons).toHaveLength(8);
    expect(persons.flatMap(personal)).toEqual([]);
    expect((rebuilt.data.shifts.get(old.id) as Shift).purgedAt).toBe(T0 + 30 * DAY);
  });

  it('only an administrator sets the period; bad input changes nothing', async () => {
    expect((await saveRetentionDays(db, lead, '14')).ok).toBe(false);
    const bad = await saveRetentionDays(db, admin, '0');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message.zh).toBe('保留天数应为 1–365 之间的整数');
    expect((await getRetention(db)).days).toBe(28);
    expect((await saveRetentionDays(db, admin, '１４')).ok).toBe(true);
    expect((await getRetention(db)).days).toBe(14);
    const audit = await listAudit(db, admin, { action: 'settings', limit: 5 });
    expect(audit.ok && audit.value[0]).toMatchObject({ actor: '赵管理', target: 'retention', detail: { before: 28, after: 14 } });
    expect((await runPurge(db, lead)).ok).toBe(false);
  });
});
