// Retention (privacy): the administrator's period, the first-run confirmation, and the purge of
// personal data from shifts closed longer ago than the period. Counts stay: the counter rows are
// not touched and no counted field changes (shared/privacy/purge.ts says what goes and what stays).
//
// Bounded: due shifts are found through the [status+openedAt] index (a shift closes after it
// opened, so every due shift opened before the cutoff), and each shift's rows are rewritten 500 at
// a time, each batch its own transaction with its own journal line — a million people never sit in
// one transaction, one journal line or one frame of the UI.
import Dexie from 'dexie';
import { can, type Actor } from '../../../shared/privacy/roles';
import { isDue, purgeCutoff, purgeIncident, purgePerson, purgeShift, purgeVehicle, type PurgeCounts } from '../../../shared/privacy/purge';
import { parseRetentionDays, RETENTION_DAYS_DEFAULT } from '../../../shared/settings';
import type { Shift } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import { formatMessage } from '../../../shared/messages';
import { appendAudit } from './audit';
import type { CheckpointDB } from './db';
import { appendJournal, readMark, stampJournal } from './journal';
import { dumpDataset } from './recovery';
import { encodeEntry, encodeSnapshot, JOURNAL_TABLE_NAMES } from '../../../shared/journal';

/** The settings row (journaled like every settings write). */
export const RETENTION_KEY = 'retention';

export interface RetentionState {
  days: number;
  /** When an administrator confirmed the first purge; until then nothing is purged. */
  confirmedAt?: number;
  confirmedBy?: string;
  /** The last completed purge run (start-up or daily). */
  lastRunAt?: number;
}

const BATCH = 500;
const SHIFT_PAGE = 200;

const refused = () => fail<never>('retention.refused', '只有管理员可以修改保留期限或清除个人信息', 'Only an administrator may change the retention period or purge personal data');

export async function getRetention(db: CheckpointDB): Promise<RetentionState> {
  const row = await db.settings.get(RETENTION_KEY);
  const v = row?.value as Partial<RetentionState> | undefined;
  return { ...v, days: typeof v?.days === 'number' ? v.days : RETENTION_DAYS_DEFAULT };
}

async function putRetention(db: CheckpointDB, next: RetentionState, op: string): Promise<void> {
  const row = { key: RETENTION_KEY, value: next };
  const entry = await db.transaction('rw', db.settings, async () => {
    await db.settings.put(row);
    return stampJournal(db, op, { settings: [row] });
  });
  await appendJournal(db, entry);
}

/** Administrator only; the text as typed (rules in shared/settings.ts). Audited as a settings change. */
export async function saveRetentionDays(db: CheckpointDB, actor: Actor | null, text: string, now = Date.now()): Promise<Result<RetentionState>> {
  if (!can(actor, 'changeSettings')) return refused();
  const parsed = parseRetentionDays(text);
  if (!parsed.ok) {
    const { code, params } = parsed.error;
    return fail(code, formatMessage(code, 'zh', params), formatMessage(code, 'en', params));
  }
  const before = await getRetention(db);
  const next = { ...before, days: parsed.days };
  await putRetention(db, next, 'saveRetention');
  await appendAudit(db, { at: now, actor: actor!.name, role: actor!.role, action: 'settings', target: 'retention', detail: { before: before.days, after: parsed.days } });
  return ok(next);
}

/** Closed shifts due for the purge, oldest first, read a page at a time through [status+openedAt]. */
async function dueShifts(db: CheckpointDB, cutoff: number): Promise<Shift[]> {
  const out: Shift[] = [];
  let after = -Infinity;
  for (;;) {
    const page = await db.shifts
      .where('[status+openedAt]')
      .between(['closed', after], ['closed', cutoff], false, true)
      .limit(SHIFT_PAGE)
      .toArray();
    for (const s of page) if (isDue(s, cutoff)) out.push(s);
    if (page.length < SHIFT_PAGE) return out;
    after = page[page.length - 1]!.openedAt;
  }
}

const shiftRange = (id: string) => [[id, Dexie.minKey], [id, Dexie.maxKey]] as const;

export interface PurgePlan extends PurgeCounts {
  days: number;
  cutoff: number;
  shiftIds: string[];
}

/** What a purge at `now` would remove (counts through the shift indexes; nothing is read whole). */
export async function planPurge(db: CheckpointDB, now = Date.now()): Promise<PurgePlan> {
  const { days } = await getRetention(db);
  const cutoff = purgeCutoff(now, days);
  const shifts = await dueShifts(db, cutoff);
  let vehicles = 0;
  let persons = 0;
  let incidents = 0;
  for (const s of shifts) {
    const [a, b] = shiftRange(s.id);
    vehicles += await db.vehicles.where('[shiftId+createdAt]').between(a, b).count();
    persons += await db.persons.where('[shiftId+createdAt]').between(a, b).count();
    incidents += await db.incidents.where('[shiftId+at]').between(a, b).count();
  }
  return { days, cutoff, shiftIds: shifts.map((s) => s.id), shifts: shifts.length, vehicles, persons, incidents };
}

/** The administrator confirms the first purge (after reading the plan); later runs need no one. */
export async function confirmFirstPurge(db: CheckpointDB, actor: Actor | null, now = Date.now()): Promise<Result<RetentionState>> {
  if (!can(actor, 'purge')) return refused();
  const next = { ...(await getRetention(db)), confirmedAt: now, confirmedBy: actor!.name };
  await putRetention(db, next, 'confirmPurge');
  return ok(next);
}

/** One table's rows of one shift, rewritten BATCH at a time (keys first: a shift's ids fit in memory). */
async function purgeTable<T>(db: CheckpointDB, table: 'persons' | 'vehicles' | 'incidents', shiftId: string, fn: (row: T) => T, onBatch: (n: number) => void): Promise<number> {
  const [a, b] = shiftRange(shiftId);
  const index = table === 'incidents' ? '[shiftId+at]' : '[shiftId+createdAt]';
  const ids = (await db.table(table).where(index).between(a, b).primaryKeys()) as string[];
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    const entry = await db.transaction('rw', [db.table(table), db.settings], async () => {
      const rows = ((await db.table(table).bulkGet(chunk)) as (T | undefined)[]).filter((r): r is T => r !== undefined).map(fn);
      await db.table(table).bulkPut(rows);
      return stampJournal(db, 'purge', { [table]: rows });
    });
    await appendJournal(db, entry);
    onBatch(chunk.length);
  }
  return ids.length;
}

/**
 * After a purge: the copies outside IndexedDB age out by the same rule. A fresh snapshot (the
 * purged rows) is written, then the journal is rewritten to one line carrying that snapshot's mark
 * (so the audit head and the start-up check survive) plus any line after it, and every other
 * snapshot is deleted — none of them can bring a purged name back in a recovery.
 */
export async function ageOutCopies(db: CheckpointDB, now = Date.now()): Promise<Result<null>> {
  const store = db.journal;
  if (!store) return ok(null);
  const { data, mark } = await db.transaction('r', JOURNAL_TABLE_NAMES.map((t) => db.table(t)), async () => ({ data: await dumpDataset(db), mark: await readMark(db) }));
  if (!mark) return ok(null);
  const snap = await store.writeSnapshot('baseline', mark.seq, encodeSnapshot(data, mark.seq, now));
  if (!snap.ok) return snap;
  return store.compact(mark.seq, encodeEntry({ ...mark, at: now, op: 'compact', put: {} }), snap.value.name);
}

export type PurgeOutcome = { ran: false; reason: 'notConfirmed' } | { ran: true; counts: PurgeCounts; at: number };

/**
 * Purges every due shift. Without the first-run confirmation it does nothing (start-up and the
 * daily run call it as 'system'); an administrator may run it by hand. Writes one audit entry
 * with the counts (also when nothing was due, so the trail shows the daily run happened).
 */
export async function runPurge(db: CheckpointDB, by: Actor | 'system', now = Date.now(), onProgress?: (persons: number) => void): Promise<Result<PurgeOutcome>> {
  if (by !== 'system' && !can(by, 'purge')) return refused();
  const state = await getRetention(db);
  if (state.confirmedAt === undefined) return ok({ ran: false, reason: 'notConfirmed' });
  const cutoff = purgeCutoff(now, state.days);
  const shifts = await dueShifts(db, cutoff);
  const counts: PurgeCounts = { shifts: 0, vehicles: 0, persons: 0, incidents: 0 };
  let done = 0;
  const tick = (n: number) => {
    done += n;
    onProgress?.(done);
  };
  for (const s of shifts) {
    counts.persons += await purgeTable(db, 'persons', s.id, purgePerson, tick);
    counts.vehicles += await purgeTable(db, 'vehicles', s.id, purgeVehicle, () => undefined);
    counts.incidents += await purgeTable(db, 'incidents', s.id, purgeIncident, () => undefined);
    // The shift is marked last: a run cut short (closed app) finds it due again and finishes it.
    const entry = await db.transaction('rw', [db.shifts, db.settings], async () => {
      const row = purgeShift((await db.shifts.get(s.id)) ?? s, now);
      await db.shifts.put(row);
      return stampJournal(db, 'purge', { shifts: [row] });
    });
    await appendJournal(db, entry);
    counts.shifts++;
  }
  await putRetention(db, { ...(await getRetention(db)), lastRunAt: now }, 'purgeRun');
  await appendAudit(db, {
    at: now,
    actor: by === 'system' ? 'system' : by.name,
    role: by === 'system' ? 'system' : by.role,
    action: 'purge',
    target: `retention ${state.days}d`,
    detail: { ...counts, days: state.days, cutoff },
  });
  if (counts.shifts > 0) {
    const aged = await ageOutCopies(db, now);
    // The purge itself stands (IndexedDB holds no personal data of those shifts any more); the
    // journal's health banner is how a failed rewrite is seen.
    if (!aged.ok) return aged;
  }
  return ok({ ran: true, counts, at: now });
}
