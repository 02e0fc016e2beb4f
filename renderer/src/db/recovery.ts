// Start-up check, snapshots and restore: the IndexedDB side of the second copy (journal.ts).
import { backfillShiftSummaries } from './shiftSummaries';
import {
  contentHash,
  countsOf,
  emptyDataset,
  encodeSnapshot,
  JOURNAL_TABLE_NAMES,
  JOURNAL_TABLES,
  lastMark,
  parseJournal,
  putRows,
  rebuild,
  type Dataset,
  type JournalEntry,
  type JournalMark,
  type RebuildResult,
  type RecordCounts,
} from '../../../shared/journal';
import { fail, ok, type Result } from '../../../shared/result';
import type { CheckpointDB } from './db';
import { storageFailure } from './errors';
import { counterTables, queueRows } from './dayCounts';
import type { Person, Vehicle } from '../../../shared/model';
import { appendJournal, JOURNAL_MARK_KEY, readMark, setSnapshotProblem, stampJournal, writeMark, type JournalStore, type SnapshotInfo } from './journal';

/**
 * Every row of the journaled tables. Whole-table reads on purpose, and only here: a snapshot and
 * the proof of a restore need all of it. Read in pages of the primary key so no single request
 * holds a million rows' worth of IDB cursor.
 */
export async function dumpDataset(db: CheckpointDB, maxPersons = Infinity): Promise<Dataset> {
  const data = emptyDataset();
  for (const t of JOURNAL_TABLE_NAMES) {
    const table = db.table(t);
    let last: string | undefined;
    for (;;) {
      const page: unknown[] = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(5000).toArray();
      if (page.length === 0) break;
      const rows = t === 'settings' ? page.filter((r) => (r as { key: string }).key !== JOURNAL_MARK_KEY) : page;
      putRows(data, t, rows);
      // A snapshot's own guard: stop reading once the people pass its limit, whatever the mark says.
      if (t === 'persons' && data.persons.size > maxPersons) throw new SnapshotTooLarge();
      last = (page[page.length - 1] as Record<string, string>)[JOURNAL_TABLES[t]];
    }
  }
  return data;
}

/**
 * A snapshot is built whole in the page's memory (every row, the file's text, its hash): about
 * three times the data. At a million persons that is past what a renderer can hold (the page
 * crashed at start-up in the bench) and past the longest string V8 makes. Above this many persons
 * no snapshot is taken and the booth says so; the journal still records every write. The retention
 * purge (28 days by default) keeps a busy booth far below it (~6,000 people a day → ~170,000).
 */
export const SNAPSHOT_MAX_PERSONS = 300_000;

/** Records in the four record tables, counted (not read): cheap at any size. Inside a transaction or on its own. */
export async function recordCounts(db: CheckpointDB): Promise<RecordCounts> {
  return { shifts: await db.shifts.count(), vehicles: await db.vehicles.count(), persons: await db.persons.count(), incidents: await db.incidents.count() };
}

class SnapshotTooLarge extends Error {}

export async function takeSnapshot(db: CheckpointDB, kind: SnapshotInfo['kind'], maxPersons = SNAPSHOT_MAX_PERSONS): Promise<Result<SnapshotInfo>> {
  const store = db.journal;
  if (!store) return fail('journal.none', '没有备份日志', 'No backup journal');
  // The mark first, then the rows page by page, each page its own short read: a save waits for one
  // page at most, not for the whole dump (seconds at 100,000 people, every 500 saves). Rows saved
  // meanwhile may be newer than the mark's seq; a restore replays every journal line after seq
  // over them, in order, and ends at the same state (the journal only puts rows; its one `clear`,
  // of imported shifts, is replayed too).
  const mark = await readMark(db);
  // The mark's count (people ever stored; a purge keeps the rows) costs nothing more; counting the
  // table walks a million keys and holds up the booth's own reads at start-up.
  const persons = mark?.counts.persons ?? (await db.persons.count());
  if (persons > maxPersons) return snapshotTooLarge(persons, maxPersons);
  let data: Dataset;
  try {
    data = await dumpDataset(db, maxPersons);
  } catch (e) {
    if (e instanceof SnapshotTooLarge) return snapshotTooLarge(undefined, maxPersons);
    throw e;
  }
  const written = await store.writeSnapshot(kind, mark?.seq ?? 0, encodeSnapshot(data, mark?.seq ?? 0, Date.now()));
  setSnapshotProblem(written.ok ? undefined : written.error);
  return written;
}

/** `persons` undefined: the reading stopped at the limit, so only "more than" is known. */
function snapshotTooLarge(persons: number | undefined, maxPersons: number): Result<SnapshotInfo> {
  const error = {
    code: 'journal.snapshotTooLarge',
    message: {
      zh: `本机已存${persons === undefined ? '' : ` ${persons} 人，`}超过快照上限 ${maxPersons} 人，不再生成快照；备份日志仍记录每一次保存。请管理员确认个人信息保留期限（更多 → 个人信息保留期限）`,
      en: `This station holds ${persons === undefined ? 'more people than' : `${persons} people, more than`} the snapshot limit of ${maxPersons}: no snapshot is taken; the backup journal still records every save. An administrator should check the retention period (More → Personal data retention)`,
    },
  };
  setSnapshotProblem(error);
  return { ok: false, error };
}

/** Fewer writes than the journal, or (same write) fewer records: something was lost. */
function isBehind(idb: JournalMark | undefined, journal: JournalMark): boolean {
  const seq = idb?.seq ?? 0;
  if (seq !== journal.seq) return seq < journal.seq;
  const c = idb?.counts;
  return !c || c.shifts < journal.counts.shifts || c.vehicles < journal.counts.vehicles || c.persons < journal.counts.persons || c.incidents < journal.counts.incidents;
}

export type StartupState =
  /** `snapshot`: a baseline snapshot still being written in the background (the booth need not wait). */
  | { kind: 'ok'; snapshot?: Promise<Result<SnapshotInfo>> }
  /** IndexedDB holds less than the journal: recovery screen. */
  | { kind: 'behind'; db: JournalMark | undefined; journal: JournalMark }
  /** The journal cannot be read or written: the app runs, with a warning. */
  | { kind: 'journalUnavailable'; error: Result<never> & { ok: false } };

/**
 * Compares IndexedDB's mark with the journal's last line. When IndexedDB is AHEAD (the journal
 * is new, was lost, or missed its last lines in a crash between commit and append), a snapshot
 * is written so the second copy covers everything again.
 */
export async function startupCheck(db: CheckpointDB): Promise<StartupState> {
  const store = db.journal;
  if (!store) return { kind: 'ok' };
  const tail = await store.tail();
  if (!tail.ok) return { kind: 'journalUnavailable', error: tail };
  const journal = lastMark(tail.value);
  const idb = await readMark(db);
  let newest = journal;
  if (!journal || (idb && idb.seq > journal.seq)) {
    // A snapshot may already cover more than the journal's tail (e.g. the journal was lost).
    const list = await store.listSnapshots();
    const best = list.ok ? Math.max(0, ...list.value.map((s) => s.seq)) : 0;
    if (best > (journal?.seq ?? 0)) newest = { seq: best, counts: journal?.counts ?? { shifts: 0, vehicles: 0, persons: 0, incidents: 0 } };
  }
  if (newest && isBehind(idb, newest)) return { kind: 'behind', db: idb, journal: newest };
  const hasData = idb !== undefined || (await db.shifts.limit(1).count()) > 0;
  if (hasData && (idb?.seq ?? 0) >= (newest?.seq ?? 0) && (!idb || idb.seq > (newest?.seq ?? 0))) {
    if (!idb) {
      // Data from before the journal existed: a first line that carries its counts, so an empty
      // IndexedDB is "behind" it, and a snapshot that carries its rows.
      const entry = await db.transaction('rw', JOURNAL_TABLE_NAMES.map((t) => db.table(t)), async () => stampJournal(db, 'baseline', {}, await recordCounts(db)));
      await appendJournal(db, entry);
    }
    // In the background: at a few hundred thousand persons a snapshot takes seconds, and the
    // booth must not wait for it at every start after a crash. A failure shows in the journal banner.
    const snapshot = takeSnapshot(db, 'baseline').catch((e: unknown) => storageFailure<SnapshotInfo>(e, { zh: '生成快照', en: 'Taking a snapshot' }));
    return { kind: 'ok', snapshot };
  }
  return { kind: 'ok' };
}

export interface Rebuilt extends RebuildResult {
  counts: RecordCounts;
  hash: string;
}

/** Reads the whole journal and every snapshot and rebuilds the station in memory. */
export async function rebuildFromStore(store: JournalStore, extraSnapshots: string[] = []): Promise<Result<Rebuilt>> {
  const text = await store.readAll();
  if (!text.ok) return text;
  const list = await store.listSnapshots();
  const snaps: string[] = [...extraSnapshots];
  if (list.ok) {
    // Newest first; one intact snapshot is enough, so stop reading at the first that decodes.
    for (const s of [...list.value].sort((a, b) => b.seq - a.seq)) {
      const r = await store.readSnapshot(s.name);
      if (r.ok) snaps.push(r.value);
    }
  }
  const r = rebuild(snaps, parseJournal(text.value));
  return ok({ ...r, counts: countsOf(r.data), hash: contentHash(r.data) });
}

/**
 * The 'behind' restore: whatever IndexedDB can still read is merged under the journal's rows
 * (a row written in the instant between commit and append exists only there), then the database
 * is deleted and created afresh — Chromium remembers a LevelDB it found damaged and would delete
 * it again at the next start, taking the restored rows with it — and the merged rows written.
 * Returns the target's hash too: the restore is proven when the read-back hash equals it.
 */
export async function recreateAndRestore(db: CheckpointDB, data: Dataset, mark: JournalMark | undefined): Promise<Result<RestoreOutcome & { targetHash: string; kept: number }>> {
  let kept = 0;
  try {
    const current = await dumpDataset(db);
    for (const t of JOURNAL_TABLE_NAMES) {
      for (const [k, row] of current[t]) {
        if (!data[t].has(k)) {
          data[t].set(k, row);
          kept++;
        }
      }
    }
  } catch {
    // Unreadable: the journal alone is the truth.
  }
  const targetHash = contentHash(data);
  try {
    db.close();
    await db.delete();
    await db.open();
  } catch (e) {
    return storageFailure(e, { zh: '重建数据库', en: 'Recreating the database' });
  }
  const r = await restoreDataset(db, data, mark);
  return r.ok ? ok({ ...r.value, targetHash, kept }) : r;
}

export interface RestoreOutcome {
  counts: RecordCounts;
  /** The hash of what IndexedDB holds after the restore, read back from it. */
  hash: string;
}

/**
 * Writes the rebuilt rows into IndexedDB in ONE transaction (all or nothing) and empties the day
 * counters (they are recounted from the indexes on first use). Then reads everything back and
 * hashes it: the caller compares with the journal's hash.
 * - 'journal' (IndexedDB is behind the journal): the journal's rows win, its mark is taken over;
 *   rows IndexedDB holds and the journal does not (a crash between commit and append) are kept.
 * - 'upload' (a snapshot file from the operator, maybe older than what is here): only rows that
 *   are missing are added — nothing here is overwritten with an older version — and a journal
 *   line + 'restore' snapshot make the second copy cover the added rows too.
 */
export async function restoreDataset(db: CheckpointDB, data: Dataset, mark: JournalMark | undefined, mode: 'journal' | 'upload' = 'journal'): Promise<Result<RestoreOutcome>> {
  let entry: JournalEntry | undefined;
  try {
    await db.transaction('rw', [...JOURNAL_TABLE_NAMES.map((t) => db.table(t)), ...counterTables(db), db.shiftSummaries], async () => {
      const added: Partial<RecordCounts> = {};
      for (const t of JOURNAL_TABLE_NAMES) {
        let rows = [...data[t].values()];
        if (mode === 'upload') {
          const keyName = JOURNAL_TABLES[t];
          const present = await db.table(t).bulkGet(rows.map((r) => (r as Record<string, string>)[keyName]!));
          rows = rows.filter((_, i) => present[i] === undefined);
          // Only the record tables are counted in the mark (settings, imports, the audit trail and watchlists are not records).
          if (t === 'shifts' || t === 'vehicles' || t === 'persons' || t === 'incidents') added[t] = rows.length;
        }
        for (let i = 0; i < rows.length; i += 5000) await db.table(t).bulkPut(rows.slice(i, i + 5000));
      }
      // Derived stores: counters are recounted on first use; the recheck queue is rebuilt from the
      // restored people (the same rule every write applies, dayCounts.ts queueRows).
      await db.dayCounts.clear();
      await db.shiftCounts.clear();
      if (mode === 'journal') await db.recheckQueue.clear();
      const persons = [...data.persons.values()] as Person[];
      const byVehicle = new Map<string, Person[]>();
      for (const p of persons) byVehicle.set(p.vehicleId, [...(byVehicle.get(p.vehicleId) ?? []), p]);
      const queue = [...byVehicle].flatMap(([id, ps]) => {
        const vehicle = data.vehicles.get(id) as Vehicle | undefined;
        return vehicle ? queueRows({ vehicle, persons: ps }) : [];
      });
      if (queue.length > 0) await db.recheckQueue.bulkPut(queue);
      // Closed shifts' stored totals (v7) are derived too: recomputed from the restored rows.
      await db.shiftSummaries.clear();
      await backfillShiftSummaries(db, Date.now());
      if (mode === 'upload') {
        entry = await stampJournal(db, 'restoreUpload', {}, added);
      } else {
        const current = await readMark(db);
        if (mark && (current?.seq ?? 0) < mark.seq) await writeMark(db, mark);
      }
    });
  } catch (e) {
    return storageFailure(e, { zh: '恢复', en: 'Restoring' });
  }
  if (entry) {
    await appendJournal(db, entry);
    await takeSnapshot(db, 'restore');
  }
  const back = await dumpDataset(db);
  return ok({ counts: countsOf(back), hash: contentHash(back) });
}
