// Timed calls to the real storage API (renderer/src/db) on a seeded database. Every function
// returns raw samples (ms, performance.now()); statistics are computed by bench/run.mjs.
// Warm-up calls are made and discarded first: they open the connection and warm caches, which
// a booth that has been running for a while has too. Cold start is measured separately, by
// loading the app page (bench/run.mjs).
import type { Shift, Vehicle } from '../../shared/model';
import type { ShiftCounts } from '../../shared/shift/summary';
import {
  countPersonsByDay,
  countVehiclesByDay,
  currentShift,
  dayKey,
  getShift,
  listOpenRechecks,
  listShiftVehicles,
  readDayCounts,
  readShiftCounts,
  lastClosedShift,
  lastVisit,
  listShiftsByDay,
  listVehiclesPage,
  readShiftRecords,
  saveVehicle,
  searchRecords,
  searchShifts,
  scopeShiftIds,
  tzOffsetAt,
} from '../../renderer/src/db';
import { Generator } from './generate';
import { recountDay, recountShift } from '../../renderer/src/db/dayCounts';
import { readDay } from '../../renderer/src/supervisor/readDay';
import { backfillShiftSummaries } from '../../renderer/src/db/shiftSummaries';
import { shiftTotals } from '../../shared/shift/totals';
import { readMeta, type SeedMeta } from './seed';

/** Rows the today panel and the search list show at once (TodayPanel's PAGE). */
export const PAGE = 50;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

import { connect } from './connect';
import { sessionStorageKey, storedSession } from '../../renderer/src/runtime/sessionStore';

export { connect, disconnect } from './connect';

/**
 * The app page's sign-in, as a window that signed in keeps it (runtime/session.tsx): the open
 * shift's lead. Start-up is timed for a signed-in window; the PIN entry itself is not timed.
 */
export async function signedInSession(name: string): Promise<{ key: string; value: string }> {
  const db = await connect(name);
  const shift = await currentShift(db);
  if (!shift) throw new Error(`${name} has no open shift`);
  return { key: sessionStorageKey(db.name), value: storedSession(shift.id, { name: shift.leadName, role: 'lead' }) };
}

export async function meta(name: string): Promise<SeedMeta> {
  const m = await readMeta(await connect(name));
  if (!m) throw new Error(`${name} is not seeded`);
  return m;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

export interface SaveSamples {
  /** buildRecords (as the form's save does) + saveVehicle until the transaction committed. */
  total: number[];
  /** saveVehicle alone. */
  store: number[];
  vehicleIds: string[];
}

/**
 * Saves of a new vehicle with driver + 2 passengers into the open shift, `gapMs` apart (a booth
 * saves every ~30 s, not back to back). Every saved vehicle id is returned for cleanup().
 */
export async function saves(name: string, n: number, warmup: number, seed: number, gapMs = 25): Promise<SaveSamples> {
  const db = await connect(name);
  const m = await meta(name);
  const shift = (await getShift(db, m.openShiftId)) as Shift;
  if (!shift || shift.status !== 'open') throw new Error('no open shift in ' + name);
  const gen = new Generator(seed, m.idMode ?? 'random');
  const out: SaveSamples = { total: [], store: [], vehicleIds: [] };
  for (let i = 0; i < warmup + n; i++) {
    const who = gen.identity();
    const province = who.plate.charAt(0);
    who.vehicleType = 'car';
    who.occupants = [gen.occupant(province, true), gen.occupant(province, false), gen.occupant(province, false)];
    const now = Date.now();
    const day = dayKey(now);
    const draft = gen.draft(who, day, 0);
    const t0 = performance.now();
    const { vehicle, persons } = gen.records(draft, shift, now, day);
    const t1 = performance.now();
    const result = await saveVehicle(db, vehicle, persons);
    const t2 = performance.now();
    if (!result.ok) throw new Error(`save failed: ${result.error.message.en}`);
    out.vehicleIds.push(vehicle.id);
    if (i >= warmup) {
      out.total.push(t2 - t0);
      out.store.push(t2 - t1);
    }
    await sleep(gapMs);
  }
  return out;
}

/** Removes bench-made vehicles (and their people): the seeded data stays as seeded. */
export async function removeVehicles(name: string, ids: string[]): Promise<number> {
  const db = await connect(name);
  return db.transaction('rw', [db.vehicles, db.persons, db.dayCounts, db.shiftCounts, db.recheckQueue], async () => {
    const found = (await db.vehicles.bulkGet(ids)).flatMap((v) => (v ? [v] : []));
    const days = new Set(found.map((v) => v.day));
    await db.persons.where('vehicleId').anyOf(ids).delete();
    await db.vehicles.bulkDelete(ids);
    // saveVehicle bumped the day's and the shift's counter rows; a deletion (which the app never
    // does) must too.
    for (const day of days) await db.dayCounts.put(await recountDay(db, day));
    for (const shiftId of new Set(found.map((v) => v.shiftId))) await db.shiftCounts.put(await recountShift(db, shiftId));
    return ids.length;
  });
}

/** Removes what the app page saved during the UI measurements: the open shift's records since `since`. */
export async function removeSince(name: string, since: number): Promise<number> {
  const db = await connect(name);
  const m = await meta(name);
  const ids = await db.vehicles.where('[shiftId+createdAt]').between([m.openShiftId, since], [m.openShiftId, Infinity]).primaryKeys();
  if (ids.length > 0) await removeVehicles(name, ids);
  return ids.length;
}

export interface QuerySamples {
  ms: number[];
  rows: number;
}

/** Each input timed n times after `warmup` discarded calls, inputs interleaved round-robin. */
async function samplesOf<T>(inputs: Record<string, string>, n: number, warmup: number, run: (input: string) => Promise<T>, rows: (r: T) => number): Promise<Record<string, QuerySamples>> {
  const out: Record<string, QuerySamples> = {};
  for (const k of Object.keys(inputs)) out[k] = { ms: [], rows: 0 };
  for (let i = 0; i < warmup + n; i++) {
    for (const [k, input] of Object.entries(inputs)) {
      const [ms, r] = await timed(() => run(input));
      const s = out[k] as QuerySamples;
      s.rows = rows(r);
      if (i >= warmup) s.ms.push(ms);
    }
  }
  return out;
}

/** searchRecords with the search box's limit, queries interleaved round-robin. */
export async function searches(name: string, queries: Record<string, string>, n: number, warmup: number): Promise<Record<string, QuerySamples>> {
  const db = await connect(name);
  return samplesOf(queries, n, warmup, (q) => searchRecords(db, q, { limit: PAGE }), (rows) => rows.length);
}

/**
 * The booth's default search (issue 12): the same queries, scoped to the current and the previous
 * shift (`searchShifts`: both shifts' rows read by `[shiftId+createdAt]` and matched in memory).
 */
export async function scopedSearches(name: string, queries: Record<string, string>, n: number, warmup: number): Promise<Record<string, QuerySamples>> {
  const db = await connect(name);
  const shift = await currentShift(db);
  const shiftIds = shift ? await scopeShiftIds(db, shift.id) : [];
  return samplesOf(queries, n, warmup, (q) => searchShifts(db, q, { limit: PAGE, shiftIds }), (rows) => rows.length);
}

/** The repeat-visit lookup the form makes when the plate is entered. */
export async function lastVisits(name: string, plates: Record<string, string>, n: number, warmup: number): Promise<Record<string, QuerySamples>> {
  const db = await connect(name);
  return samplesOf(plates, n, warmup, (plate) => lastVisit(db, plate), (v) => v?.count ?? 0);
}

export interface TodaySamples {
  /** First page of today's vehicles (listVehiclesPage, limit 50). */
  list: number[];
  /** Today's vehicle and person counts (index counts), in parallel as the panel asks them. */
  counts: number[];
  /** Both together, what the panel waits for. */
  panel: number[];
  /** Vehicle count alone / person count alone (the person count reads ~4× more index entries). */
  countVehicles: number[];
  countPersons: number[];
  /** The 5th page through the keyset cursor (rows 201–250; exists at every scale). */
  deepPage: number[];
  shiftPanel: number[];
  shiftList: number[];
  shiftCounts: number[];
  rows: number;
  vehicles: number;
  persons: number;
}

export async function today(name: string, n: number, warmup: number): Promise<TodaySamples> {
  const db = await connect(name);
  const day = dayKey(Date.now());
  const out: TodaySamples = { list: [], counts: [], panel: [], shiftPanel: [], shiftList: [], shiftCounts: [], countVehicles: [], countPersons: [], deepPage: [], rows: 0, vehicles: 0, persons: 0 };
  const shift = await currentShift(db);
  // What the booth's 本班 panel reads after every save: the shift's first page, its counter row,
  // the day's counter row, the 待复测 queue.
  const shiftPanel = (s: Shift) => Promise.all([listShiftVehicles(db, s.id, PAGE), readShiftCounts(db, s.id), readDayCounts(db, day), listOpenRechecks(db, s.id)]);
  const counts = () => Promise.all([countVehiclesByDay(db, day), countPersonsByDay(db, day)]);
  // A cursor 4 pages deep, found once (not timed).
  let cursor: [number, string] | undefined;
  for (let p = 0; p < 4; p++) {
    const page: Vehicle[] = await listVehiclesPage(db, day, cursor ? { limit: PAGE, before: cursor } : { limit: PAGE });
    const last = page[page.length - 1];
    if (!last) break;
    cursor = [last.createdAt, last.id];
  }
  for (let i = 0; i < warmup + n; i++) {
    const [a, rows] = await timed(() => listVehiclesPage(db, day, { limit: PAGE }));
    const [b, c] = await timed(counts);
    const [d] = await timed(() => Promise.all([listVehiclesPage(db, day, { limit: PAGE }), counts()]));
    const [e] = await timed(() => listVehiclesPage(db, day, cursor ? { limit: PAGE, before: cursor } : { limit: PAGE }));
    const [f] = await timed(() => countVehiclesByDay(db, day));
    const [g] = await timed(() => countPersonsByDay(db, day));
    const [h] = shift ? await timed(() => shiftPanel(shift)) : [NaN];
    const [k] = shift ? await timed(() => listShiftVehicles(db, shift.id, PAGE)) : [NaN];
    const [l] = shift ? await timed(() => readShiftCounts(db, shift.id)) : [NaN];
    out.rows = rows.length;
    out.vehicles = c[0];
    out.persons = c[1];
    if (i >= warmup) {
      out.list.push(a);
      out.counts.push(b);
      out.panel.push(d);
      out.deepPage.push(e);
      out.countVehicles.push(f);
      out.countPersons.push(g);
      if (shift) {
        out.shiftPanel.push(h);
        out.shiftList.push(k);
        out.shiftCounts.push(l);
      }
    }
  }
  return out;
}

export interface DayViewSamples {
  /** Shifts of the day + the day's vehicle/person counts (counter row). */
  light: number[];
  /** The supervisor's DayView as shipped (readDay): stored totals of closed shifts (v7). */
  full: number[];
  /** The same view computed from every record of the day's shifts (the day view before v7). */
  fromRecords: number[];
  day: string;
  shifts: number;
  /** Shifts the shipped view still had to count from records (open ones). */
  computed: number;
  vehiclesRead: number;
  personsRead: number;
  counts: ShiftCounts | null;
}

/** A supervisor's view of one day: its shifts, their totals and the day's totals. */
export async function dayView(name: string, day: string, n: number, warmup: number): Promise<DayViewSamples> {
  const db = await connect(name);
  const out: DayViewSamples = { light: [], full: [], fromRecords: [], day, shifts: 0, computed: 0, vehiclesRead: 0, personsRead: 0, counts: null };
  for (let i = 0; i < warmup + n; i++) {
    const [a] = await timed(() => Promise.all([listShiftsByDay(db, day), countVehiclesByDay(db, day), countPersonsByDay(db, day)]));
    // What the supervisor's DayView component runs (renderer/src/supervisor/readDay.ts).
    const [b, read] = await timed(() => readDay(db, day, Date.now()));
    // Reference: every shift's records read and counted (as the day view did before v7).
    const [c] = await timed(async () => {
      const shifts = await listShiftsByDay(db, day);
      let vehiclesRead = 0;
      let personsRead = 0;
      for (const s of shifts) {
        const r = await readShiftRecords(db, s.id);
        if (!r) continue;
        vehiclesRead += r.vehicles.length;
        personsRead += r.persons.length;
        shiftTotals(r.vehicles, r.persons, r.incidents, tzOffsetAt(s.openedAt));
      }
      out.vehiclesRead = vehiclesRead;
      out.personsRead = personsRead;
    });
    out.shifts = read.shifts.size;
    out.computed = read.computed;
    out.counts = read.view[0]?.total ?? null;
    if (i >= warmup) {
      out.light.push(a);
      out.full.push(b);
      out.fromRecords.push(c);
    }
  }
  return out;
}

export interface UpgradeSample {
  ms: number;
  /** Closed shifts whose totals the upgrade computed. */
  shifts: number;
}

/**
 * The schema v7 upgrade's work on this database, as an existing booth meets it on the first start
 * after the update: every closed shift's totals computed from its records by
 * backfillShiftSummaries, the function db.ts's upgrade() runs. The stored rows are removed first
 * (a pre-v7 booth has none), then the backfill runs in one read-write transaction over the same
 * five tables the versionchange transaction holds. It writes the same rows back.
 */
export async function upgradeV7(name: string): Promise<UpgradeSample> {
  const db = await connect(name);
  await db.shiftSummaries.clear();
  const tables = [db.shifts, db.vehicles, db.persons, db.incidents, db.shiftSummaries];
  const [ms, shifts] = await timed(() => db.transaction('rw', tables, () => backfillShiftSummaries(db, Date.now())));
  return { ms, shifts };
}

/** The most recent closed shift (last night's at every scale): the one a lead would export now. */
export async function lastClosed(name: string): Promise<{ id: string; vehicles: number } | null> {
  const db = await connect(name);
  const s = await lastClosedShift(db);
  if (!s) return null;
  return { id: s.id, vehicles: await db.vehicles.where('[shiftId+createdAt]').between([s.id, -Infinity], [s.id, Infinity]).count() };
}
