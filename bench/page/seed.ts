// Bulk seeding of a booth database for the benchmark, through the app's own CheckpointDB (same
// schema, same indexes, same strict durability). Records come from generate.ts (buildRecords,
// like the form); they are written with bulkAdd in chunks of ~10,000 persons per transaction,
// the next chunk being generated while the previous one commits.
//
// Timeline: ~3,000 vehicles a day, spread over days that end NOW. Today holds the newest 3,000
// (fewer at small scales: 1,000 persons is ~250 vehicles, all of them today), each earlier day a
// full 3,000. Shifts follow the wall clock: 白班 08:00–20:00 and 夜班 20:00–08:00 (a night
// shift belongs to the day it opened), so a closed shift holds ~1,500 vehicles / ~6,000 people.
// The shift that contains "now" is open, so the app opens on the booth screen.
//
// A seeded database carries a `bench.meta` row in the settings table (the app reads only its
// own keys there). When persons, seed, generator version and today's date match, a later run
// reuses the database instead of seeding it again.
import Dexie from 'dexie';
import type { Incident, Person, Shift, Vehicle } from '../../shared/model';
import { CheckpointDB, dayKey, saveSettings } from '../../renderer/src/db';
import { recountDay, recountShift } from '../../renderer/src/db/dayCounts';
import { backfillShiftSummaries } from '../../renderer/src/db/shiftSummaries';
import { Generator, SETTINGS, type IdMode, type VehicleIdentity } from './generate';
import { Rng } from './rng';

/** The seeder writes the station's settings as its administrator would (settings need the admin role). */
const BENCH_ADMIN = { name: 'bench', role: 'admin' as const };

export const GENERATOR_VERSION = 3;
export const VEHICLES_PER_DAY = 3000;
const META_KEY = 'bench.meta';
const MIN = 60_000;

/** Query strings the measurements use, taken from records that exist at every scale. */
export interface Probes {
  /** A vehicle seen once (mid-timeline): full plate, and its driver's ID. */
  uniquePlate: string;
  uniqueDriverId: string;
  /** A regular (shuttle van) that comes back every ~1,000 vehicles, with the same people. */
  regularPlate: string;
  regularDriverId: string;
  /** A day with a full day of traffic if there is one (yesterday), else today. */
  fullDay: string;
}

export interface SeedMeta {
  kind: 'scale' | 'export';
  version: number;
  seed: number;
  persons: number;
  vehicles: number;
  shifts: number;
  incidents: number;
  days: number;
  today: string;
  todayVehicles: number;
  openShiftId: string;
  /** How record ids were made (generate.ts IdMode); absent = 'random'. */
  idMode?: IdMode;
  /** The per-day counter rows (schema v3) are present for every seeded day. */
  dayCounts?: boolean;
  /** For kind 'export': the closed shift to export. */
  exportShiftId?: string;
  seededAt: number;
  seedMs: number;
  probes: Probes;
}

export interface SeedResult {
  reused: boolean;
  meta: SeedMeta;
}

export type Progress = (p: { persons: number; target: number; vehicles: number; ms: number }) => void;

export function dbFullName(name: string): string {
  return `checkpoint-station-${name}`;
}

export async function readMeta(db: CheckpointDB): Promise<SeedMeta | undefined> {
  const row = await db.settings.get(META_KEY);
  return row?.value as SeedMeta | undefined;
}

async function freshDb(name: string): Promise<CheckpointDB> {
  await Dexie.delete(dbFullName(name));
  const db = new CheckpointDB(dbFullName(name));
  await db.open();
  return db;
}

// ---------------------------------------------------------------------------------------------
// Clock: where a vehicle of newest-rank n (0 = newest) sits in time, and which shift holds it.

interface Clock {
  now: number;
  todayStart: number;
  todayCount: number;
  timeOfRank(n: number, jitter: number): number;
}

function localMidnight(ms: number, daysBack = 0): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysBack).getTime();
}

function makeClock(vehicles: number, now: number, perDay: number): Clock {
  const todayStart = localMidnight(now);
  const todayCount = Math.min(vehicles, perDay);
  // The newest record is a minute old; at 00:00:30 today's share is squeezed into that half minute.
  const newest = Math.max(todayStart + 1000, now - MIN);
  return {
    now,
    todayStart,
    todayCount,
    timeOfRank(n, jitter) {
      if (n < todayCount) {
        const span = newest - todayStart;
        return Math.floor(todayStart + span * (1 - (n + 0.5) / todayCount) + jitter * (span / todayCount) * 0.4);
      }
      const j = n - todayCount;
      const back = 1 + Math.floor(j / perDay);
      const k = j % perDay;
      const start = localMidnight(now, back);
      const len = localMidnight(now, back - 1) - start;
      return Math.floor(start + len * (1 - (k + 0.5) / perDay) + jitter * (len / perDay) * 0.4);
    },
  };
}

interface ShiftWindow {
  key: string;
  day: string;
  name: 'day' | 'night';
  openedAt: number;
  closesAt: number;
}

/** 白班 08:00–20:00, 夜班 20:00–08:00 of the next morning (belongs to the day it opened). */
function shiftWindow(t: number): ShiftWindow {
  const d = new Date(t);
  const h = d.getHours();
  const at = (daysBack: number, hour: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysBack, hour).getTime();
  if (h >= 8 && h < 20) return { key: `${dayKey(t)}/day`, day: dayKey(t), name: 'day', openedAt: at(0, 8), closesAt: at(0, 20) };
  const openedAt = h >= 20 ? at(0, 20) : at(1, 20);
  return { key: `${dayKey(openedAt)}/night`, day: dayKey(openedAt), name: 'night', openedAt, closesAt: openedAt + 12 * 3600_000 };
}

// ---------------------------------------------------------------------------------------------
// Scale databases

interface Plan {
  /** Regular index, or -1 for a one-off vehicle. */
  regular: Int32Array;
  /** Person count of each vehicle (one-offs); regulars bring their own people. */
  count: Uint8Array;
  vehicles: number;
}

const ONE_OFF_SIZES: readonly (readonly [number, number])[] = [
  [1, 17],
  [2, 21],
  [3, 24],
  [4, 18],
  [5, 14],
  [6, 2],
  [7, 1],
  [20, 1.2],
  [35, 1.0],
  [45, 0.8],
];

/** Pass 1: how many people each vehicle carries, so the timeline (newest = now) is known first. */
function plan(persons: number, regulars: VehicleIdentity[], rng: Rng): Plan {
  const cap = Math.ceil(persons) + 16;
  const regular = new Int32Array(cap);
  const count = new Uint8Array(cap);
  let total = 0;
  let v = 0;
  while (total < persons) {
    // Rank from the oldest; the probe regular (#0) shows up every 1,000 vehicles, always at least once.
    let r = -1;
    if (v % 1000 === 7) r = 0;
    else if (rng.chance(0.3)) r = 1 + rng.int(regulars.length - 1);
    let n = r >= 0 ? (regulars[r]?.occupants.length ?? 1) : rng.weighted(ONE_OFF_SIZES);
    n = Math.min(n, persons - total);
    if (r >= 0 && n < (regulars[r]?.occupants.length ?? 1)) r = -1; // the last vehicle is cut to fit
    regular[v] = r;
    count[v] = n;
    total += n;
    v++;
  }
  return { regular: regular.subarray(0, v), count: count.subarray(0, v), vehicles: v };
}

function withPeople(gen: Generator, count: number): VehicleIdentity {
  const id = gen.identity();
  const province = id.plate.charAt(0);
  while (id.occupants.length < count) id.occupants.push(gen.occupant(province, id.occupants.length === 0));
  id.occupants.length = count;
  if (count > 10) id.vehicleType = 'bus';
  else if (id.vehicleType === 'bus') id.vehicleType = 'van';
  return id;
}

interface ChunkWriter {
  vehicles: Vehicle[];
  persons: Person[];
  flush(): Promise<void>;
  done(): Promise<void>;
}

function chunkWriter(db: CheckpointDB, onWritten: (v: number, p: number) => void): ChunkWriter {
  let pending: Promise<void> = Promise.resolve();
  const w: ChunkWriter = {
    vehicles: [],
    persons: [],
    async flush() {
      const vs = w.vehicles;
      const ps = w.persons;
      w.vehicles = [];
      w.persons = [];
      // One commit in flight while the next chunk is generated: wait for the previous first.
      await pending;
      pending = db
        .transaction('rw', db.vehicles, db.persons, async () => {
          await db.vehicles.bulkAdd(vs);
          await db.persons.bulkAdd(ps);
        })
        .then(() => onWritten(vs.length, ps.length));
    },
    async done() {
      if (w.vehicles.length > 0) await w.flush();
      await pending;
    },
  };
  return w;
}

function markVoidOrAmended(gen: Generator, vehicle: Vehicle, persons: Person[]): void {
  const r = gen.rng;
  if (r.chance(0.003)) {
    vehicle.voided = 1;
    vehicle.voidMark = { at: vehicle.createdAt + 3 * MIN, by: vehicle.operator, reason: '重复登记' };
    for (const p of persons) p.voided = 1;
  } else if (r.chance(0.005)) {
    const before = vehicle.destination;
    vehicle.destination = before === '南江县城' ? '巴中市区' : '南江县城';
    vehicle.updatedAt = vehicle.createdAt + 10 * MIN;
    vehicle.amendments = [{ at: vehicle.updatedAt, by: vehicle.operator, reason: '目的地写错', changes: { destination: [before, vehicle.destination] }, afterClose: false }];
  }
}

export async function seedScale(name: string, persons: number, seed: number, onProgress?: Progress, force = false, idMode: IdMode = 'ordered'): Promise<SeedResult> {
  const now = Date.now();
  const today = dayKey(now);
  {
    const existing = new CheckpointDB(dbFullName(name));
    try {
      const meta = await readMeta(existing);
      if (!force && meta && meta.kind === 'scale' && meta.version === GENERATOR_VERSION && meta.persons === persons && meta.seed === seed && meta.today === today && (meta.idMode ?? 'random') === idMode) {
        // A profile seeded before schema v4 lost its day rows in v4's upgrade and has no shift rows.
        if (!meta.dayCounts || (await existing.dayCounts.count()) === 0 || (await existing.shiftCounts.count()) < (await existing.shifts.count())) await backfillDayCounts(existing, meta);
        return { reused: true, meta };
      }
    } finally {
      existing.close();
    }
  }

  const t0 = performance.now();
  const db = await freshDb(name);
  const gen = new Generator(seed, idMode);
  const regulars = Array.from({ length: Math.max(20, Math.round(persons / 240)) }, () => gen.identity());
  // The probe regular: a shuttle van, driver + 3 passengers, always the same people.
  const probeRegular = withPeople(gen, 4);
  probeRegular.vehicleType = 'van';
  regulars[0] = probeRegular;

  const p = plan(persons, regulars, new Rng(seed ^ 0x5eed));
  const V = p.vehicles;
  const clock = makeClock(V, now, VEHICLES_PER_DAY);
  const jitterRng = new Rng(seed ^ 0x71e);

  const shifts = new Map<string, Shift>();
  const openWindow = shiftWindow(clock.now);
  const shiftFor = (t: number): Shift => {
    const w = shiftWindow(t);
    let s = shifts.get(w.key);
    if (!s) {
      const open = w.key === openWindow.key;
      s = gen.shift(gen.rng.uuid(), w.day, w.name, w.openedAt + gen.rng.int(10) * MIN, open ? undefined : w.closesAt + (5 + gen.rng.int(20)) * MIN);
      shifts.set(w.key, s);
    }
    return s;
  };

  let written = 0;
  let writtenVehicles = 0;
  const writer = chunkWriter(db, (v, n) => {
    written += n;
    writtenVehicles += v;
    onProgress?.({ persons: written, target: persons, vehicles: writtenVehicles, ms: performance.now() - t0 });
  });

  const uniqueRank = Math.floor(V / 2);
  let unique: { plate: string; driverId: string } | undefined;
  let todayVehicles = 0;
  const days = new Set<string>();
  for (let i = 0; i < V; i++) {
    const rank = V - 1 - i; // oldest first, as the booth filled it
    const t = clock.timeOfRank(rank, jitterRng.next());
    const day = dayKey(t);
    days.add(day);
    if (day === today) todayVehicles++;
    const r = p.regular[i] ?? -1;
    const who = r >= 0 && rank !== uniqueRank ? (regulars[r] as VehicleIdentity) : withPeople(gen, p.count[i] ?? 1);
    const draft = gen.draft(who, day);
    const { vehicle, persons: people } = gen.records(draft, shiftFor(t), t, day);
    markVoidOrAmended(gen, vehicle, people);
    if (rank === uniqueRank) {
      vehicle.voided = 0;
      delete vehicle.voidMark;
      for (const q of people) q.voided = 0;
      unique = { plate: vehicle.plate, driverId: people[0]?.docNumber ?? '' };
    }
    writer.vehicles.push(vehicle);
    for (const q of people) writer.persons.push(q);
    if (writer.persons.length >= 10_000) await writer.flush();
  }
  await writer.done();

  // The open shift exists even when no vehicle has come through it yet.
  shiftFor(clock.now);
  const shiftList = [...shifts.values()];
  const incidents = makeIncidents(gen, shiftList, clock.now);
  await db.transaction('rw', db.shifts, db.incidents, async () => {
    await db.shifts.bulkAdd(shiftList);
    await db.incidents.bulkAdd(incidents);
  });
  await saveSettings(db, BENCH_ADMIN, SETTINGS);

  const yesterday = dayKey(localMidnight(now, 1));
  const openShift = shifts.get(openWindow.key) as Shift;
  const meta: SeedMeta = {
    kind: 'scale',
    version: GENERATOR_VERSION,
    idMode,
    seed,
    persons,
    vehicles: V,
    shifts: shiftList.length,
    incidents: incidents.length,
    days: days.size,
    today,
    todayVehicles,
    openShiftId: openShift.id,
    seededAt: now,
    seedMs: performance.now() - t0,
    probes: {
      uniquePlate: unique?.plate ?? '',
      uniqueDriverId: unique?.driverId ?? '',
      regularPlate: probeRegular.plate,
      regularDriverId: probeRegular.occupants[0]?.docNumber ?? '',
      fullDay: days.has(yesterday) && V > VEHICLES_PER_DAY * 2 ? yesterday : today,
    },
  };
  await backfillDayCounts(db, meta);
  // Closing a shift in the app stores its totals (schema v7); bulk-written closed shifts get them
  // here, from the same function the v7 upgrade uses.
  await db.transaction('rw', [db.shifts, db.vehicles, db.persons, db.incidents, db.shiftSummaries], () => backfillShiftSummaries(db, now));
  db.close();
  return { reused: false, meta };
}

/**
 * The app keeps one counter row per day (schema v3, dayCounts.ts), bumped by every save. Bulk
 * seeding bypasses saveVehicle, so the rows a booth would have are written here, counted from
 * the indexes (recountDay, the app's own truth). Also stores the meta row.
 */
async function backfillDayCounts(db: CheckpointDB, meta: SeedMeta): Promise<void> {
  const days = new Set((await db.shifts.toArray()).flatMap((s) => [s.day, dayKey(s.openedAt + 13 * 3600_000)]));
  days.add(meta.today);
  const rows = await Promise.all([...days].map((d) => recountDay(db, d)));
  await db.dayCounts.bulkPut(rows.filter((r) => r.vehicles > 0 || r.day === meta.today));
  // And the per-shift rows (v4), which the booth screen's 本班 figures read.
  const shifts = await db.shifts.toArray();
  await db.shiftCounts.bulkPut(await Promise.all(shifts.map((s) => recountShift(db, s.id))));
  meta.dayCounts = true;
  await db.settings.put({ key: META_KEY, value: meta });
}

function makeIncidents(gen: Generator, shifts: Shift[], now: number): Incident[] {
  const r = gen.rng;
  const out: Incident[] = [];
  for (const s of shifts) {
    if (!r.chance(0.5)) continue;
    const at = Math.min(now - MIN, s.openedAt + r.int(11 * 60) * MIN);
    if (at < s.openedAt) continue;
    out.push({
      id: r.uuid(),
      shiftId: s.id,
      checkpoint: s.checkpoint,
      operator: s.leadName,
      at,
      day: dayKey(at),
      kind: r.pick(['obstruction', 'evasion', 'refusal', 'other'] as const),
      plate: gen.plate('car'),
      description: '拒不配合测温，经劝导后配合',
      voided: 0,
      amendments: [],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Export database: one closed shift of `vehicles` × 4 people (the 5,000 / 20,000).

export async function seedExportShift(name: string, vehicles: number, perVehicle: number, seed: number, force = false): Promise<SeedResult> {
  const now = Date.now();
  const today = dayKey(now);
  const persons = vehicles * perVehicle;
  {
    const existing = new CheckpointDB(dbFullName(name));
    try {
      const meta = await readMeta(existing);
      if (!force && meta && meta.kind === 'export' && meta.version === GENERATOR_VERSION && meta.persons === persons && meta.vehicles === vehicles && meta.seed === seed) {
        return { reused: true, meta };
      }
    } finally {
      existing.close();
    }
  }
  const t0 = performance.now();
  const db = await freshDb(name);
  const gen = new Generator(seed);
  // Yesterday's night shift, 20:00–08:00: 5,000 vehicles is one every ~9 s, a very busy night.
  const openedAt = localMidnight(now, 1) + 20 * 3600_000;
  const closedAt = openedAt + 12 * 3600_000 + 10 * MIN;
  const shift = gen.shift(gen.rng.uuid(), dayKey(openedAt), 'night', openedAt, closedAt);
  const open = gen.shift(gen.rng.uuid(), today, 'day', closedAt + MIN, undefined);
  const writer = chunkWriter(db, () => undefined);
  for (let i = 0; i < vehicles; i++) {
    const t = openedAt + Math.floor(((i + 0.5) / vehicles) * 12 * 3600_000);
    const who = withPeople(gen, perVehicle);
    const day = dayKey(t);
    const { vehicle, persons: people } = gen.records(gen.draft(who, day), shift, t, day);
    markVoidOrAmended(gen, vehicle, people);
    writer.vehicles.push(vehicle);
    for (const q of people) writer.persons.push(q);
    if (writer.persons.length >= 10_000) await writer.flush();
  }
  await writer.done();
  const incidents = makeIncidents(gen, [shift, shift, shift, shift], closedAt);
  await db.transaction('rw', db.shifts, db.incidents, async () => {
    await db.shifts.bulkAdd([shift, open]);
    await db.incidents.bulkAdd(incidents);
  });
  await saveSettings(db, BENCH_ADMIN, SETTINGS);
  const meta: SeedMeta = {
    kind: 'export',
    version: GENERATOR_VERSION,
    seed,
    persons,
    vehicles,
    shifts: 2,
    incidents: incidents.length,
    days: 2,
    today,
    todayVehicles: 0,
    openShiftId: open.id,
    exportShiftId: shift.id,
    seededAt: now,
    seedMs: performance.now() - t0,
    probes: { uniquePlate: '', uniqueDriverId: '', regularPlate: '', regularDriverId: '', fullDay: shift.day },
  };
  await db.settings.put({ key: META_KEY, value: meta });
  db.close();
  return { reused: false, meta };
}
