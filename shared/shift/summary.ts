// The shift's counts, computed from the records and never typed: the same function feeds the
// close-shift screen, the handover workbook, the day view and (through countShift) the check
// an import makes, so a count means the same thing everywhere.
//
// Definitions (documented here because supervisors compare them across booths):
// - A voided record counts for nothing. A person counts as voided when the person row or the
//   person's vehicle is voided (people follow their vehicle).
// - vehiclesChecked / peopleChecked: non-voided vehicles / people.
// - feverFirst: people with a fever at the first reading; feverConfirmed: people still feverish
//   after the recheck (equals feverFirst when there was no recheck).
// - feverReferred: people sent onwards — fever clinic, observation room or home isolation —
//   whatever the reading (a person sent on for symptoms alone is still a referral).
// - vehiclesTurnedBack: vehicles with disposition turnedBack.
// - peopleTurnedBack: people whose own disposition is turnedBack, plus people marked released in
//   a vehicle that was turned back (they left with it). A person referred onwards from a
//   turned-back vehicle did not leave with it and counts as referred, not turned back.
// - watchlistHits: the number of watchlist hits (entries) on non-voided vehicles; a car whose
//   driver and plate are both listed is two hits, each to be checked off.
// - amendmentsAfterClose: corrections made after the shift was closed, on vehicles and incidents,
//   voided ones included — a correction stays visible in the report whatever happened later.
// - An open recheck (待复测, shared/recheck.ts) counts as a first-reading fever and, having no
//   recheck yet, as a fever after recheck too, until the recheck is completed. Open rechecks are
//   listed in feverCases (awaitingRecheckSince set) and counted by tallyRecords (rechecksOpen).
// - tallyRecords is what the booth's counters (per day, per shift) hold: the same countShift
//   over the same records, so the booth screen and the handover can never disagree.
import type {
  Amendment,
  DocType,
  Incident,
  Person,
  PersonDisposition,
  PersonRole,
  Symptom,
  TemperatureReading,
  Vehicle,
} from '../model';

export interface FeverCase {
  personId: string;
  vehicleId: string;
  /** When the person was registered (epoch ms). */
  at: number;
  plate: string;
  role: PersonRole;
  name: string;
  docType: DocType;
  docNumber: string;
  phone: string;
  first: TemperatureReading;
  recheck?: TemperatureReading;
  /** 待复测 since (epoch ms): the recheck is still open. */
  awaitingRecheckSince?: number;
  feverFirst: boolean;
  feverConfirmed: boolean;
  symptoms: Symptom[];
  disposition: PersonDisposition;
  remarks: string;
}

export interface ShiftSummary {
  vehiclesChecked: number;
  peopleChecked: number;
  keyAreaVehicles: number;
  vehiclesInspected: number;
  vehiclesDisinfected: number;
  feverFirst: number;
  feverConfirmed: number;
  /** feverClinic | observation | homeIsolation */
  feverReferred: number;
  vehiclesTurnedBack: number;
  peopleTurnedBack: number;
  incidents: number;
  watchlistHits: number;
  amendmentsAfterClose: number;
  /**
   * Every non-voided person with a fever at either reading or referred onwards, in registration
   * order, so each referral has a line saying what became of the person.
   */
  feverCases: FeverCase[];
}

/** The numbers alone: what an imported workbook carries and what the day view adds up. */
export type ShiftCounts = Omit<ShiftSummary, 'feverCases'>;

/** Count keys in report order; the workbook, the import check and the district sheet use it. */
export const COUNT_KEYS = [
  'vehiclesChecked',
  'peopleChecked',
  'keyAreaVehicles',
  'vehiclesInspected',
  'vehiclesDisinfected',
  'feverFirst',
  'feverConfirmed',
  'feverReferred',
  'vehiclesTurnedBack',
  'peopleTurnedBack',
  'incidents',
  'watchlistHits',
  'amendmentsAfterClose',
] as const satisfies readonly (keyof ShiftCounts)[];

// Compile-time check that COUNT_KEYS lists every count exactly: a new count field must be added
// to the list (and so to every sheet) or this line stops compiling.
type _AllCountKeysListed = Exclude<keyof ShiftCounts, (typeof COUNT_KEYS)[number]> extends never ? true : never;
const _allCountKeysListed: _AllCountKeysListed = true;
void _allCountKeysListed;

export function isReferral(d: PersonDisposition): boolean {
  return d === 'feverClinic' || d === 'observation' || d === 'homeIsolation';
}

export function emptyCounts(): ShiftCounts {
  return {
    vehiclesChecked: 0,
    peopleChecked: 0,
    keyAreaVehicles: 0,
    vehiclesInspected: 0,
    vehiclesDisinfected: 0,
    feverFirst: 0,
    feverConfirmed: 0,
    feverReferred: 0,
    vehiclesTurnedBack: 0,
    peopleTurnedBack: 0,
    incidents: 0,
    watchlistHits: 0,
    amendmentsAfterClose: 0,
  };
}

// The narrow shapes countShift needs. The importer rebuilds these from sheet rows, so the check
// of an imported workbook runs the very same counting code as the export did.
export type CountableVehicle = Pick<Vehicle, 'id' | 'voided' | 'keyArea' | 'inspected' | 'disinfected' | 'disposition'> & {
  watchHits: readonly unknown[];
  amendments: readonly Pick<Amendment, 'afterClose'>[];
};
export type CountablePerson = Pick<Person, 'vehicleId' | 'voided' | 'feverFirst' | 'feverConfirmed' | 'disposition' | 'awaitingRecheckSince'>;
export type CountableIncident = Pick<Incident, 'voided'> & { amendments: readonly Pick<Amendment, 'afterClose'>[] };

/** A person is out of the counts when the row or the person's vehicle is voided. */
export function personVoided(p: Pick<Person, 'voided' | 'vehicleId'>, vehicleById: ReadonlyMap<string, Pick<Vehicle, 'voided'>>): boolean {
  return p.voided === 1 || vehicleById.get(p.vehicleId)?.voided === 1;
}

/** The turned-back rule for people; see the header comment. */
export function personTurnedBack(
  p: Pick<Person, 'disposition' | 'vehicleId'>,
  vehicleById: ReadonlyMap<string, Pick<Vehicle, 'disposition'>>,
): boolean {
  if (p.disposition === 'turnedBack') return true;
  return p.disposition === 'released' && vehicleById.get(p.vehicleId)?.disposition === 'turnedBack';
}

export function countShift(
  vehicles: readonly CountableVehicle[],
  persons: readonly CountablePerson[],
  incidents: readonly CountableIncident[],
): ShiftCounts {
  const c = emptyCounts();
  const byId = new Map<string, CountableVehicle>();
  for (const v of vehicles) {
    byId.set(v.id, v);
    for (const a of v.amendments) if (a.afterClose) c.amendmentsAfterClose++;
    if (v.voided === 1) continue;
    c.vehiclesChecked++;
    if (v.keyArea) c.keyAreaVehicles++;
    if (v.inspected) c.vehiclesInspected++;
    if (v.disinfected) c.vehiclesDisinfected++;
    if (v.disposition === 'turnedBack') c.vehiclesTurnedBack++;
    c.watchlistHits += v.watchHits.length;
  }
  for (const p of persons) {
    if (personVoided(p, byId)) continue;
    c.peopleChecked++;
    if (p.feverFirst) c.feverFirst++;
    if (p.feverConfirmed) c.feverConfirmed++;
    if (isReferral(p.disposition)) c.feverReferred++;
    if (personTurnedBack(p, byId)) c.peopleTurnedBack++;
  }
  for (const i of incidents) {
    for (const a of i.amendments) if (a.afterClose) c.amendmentsAfterClose++;
    if (i.voided === 0) c.incidents++;
  }
  return c;
}

export function isFeverCase(p: Pick<Person, 'feverFirst' | 'feverConfirmed' | 'disposition'>): boolean {
  return p.feverFirst || p.feverConfirmed || isReferral(p.disposition);
}

export function summarizeShift(vehicles: Vehicle[], persons: Person[], incidents: Incident[]): ShiftSummary {
  const counts = countShift(vehicles, persons, incidents);
  const byId = new Map<string, Vehicle>();
  for (const v of vehicles) byId.set(v.id, v);
  const feverCases: FeverCase[] = persons
    .filter((p) => !personVoided(p, byId) && isFeverCase(p))
    .sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => {
      const fc: FeverCase = {
        personId: p.id,
        vehicleId: p.vehicleId,
        at: p.createdAt,
        plate: p.plate,
        role: p.role,
        name: p.name,
        docType: p.docType,
        docNumber: p.docNumber,
        phone: p.phone,
        first: p.first,
        feverFirst: p.feverFirst,
        feverConfirmed: p.feverConfirmed,
        symptoms: [...p.symptoms],
        disposition: p.disposition,
        remarks: p.remarks,
      };
      if (p.recheck) fc.recheck = p.recheck;
      if (p.awaitingRecheckSince !== undefined) fc.awaitingRecheckSince = p.awaitingRecheckSince;
      return fc;
    });
  return { ...counts, feverCases };
}

/** The fever cases whose recheck is still open (待复测), oldest wait first. */
export function openRechecks(summary: Pick<ShiftSummary, 'feverCases'>): FeverCase[] {
  return summary.feverCases
    .filter((f) => f.awaitingRecheckSince !== undefined)
    .sort((a, b) => (a.awaitingRecheckSince ?? 0) - (b.awaitingRecheckSince ?? 0));
}

/**
 * The booth's running figures (the per-day and per-shift counter rows): a subset of countShift
 * plus the open rechecks. Counters are kept in step by applying tally(after) − tally(before) of
 * each changed vehicle, so they equal this function over all the records by construction.
 */
export interface BoothTally {
  vehicles: number;
  persons: number;
  feverFirst: number;
  feverConfirmed: number;
  rechecksOpen: number;
}

export const TALLY_KEYS = ['vehicles', 'persons', 'feverFirst', 'feverConfirmed', 'rechecksOpen'] as const satisfies readonly (keyof BoothTally)[];

export function emptyTally(): BoothTally {
  return { vehicles: 0, persons: 0, feverFirst: 0, feverConfirmed: 0, rechecksOpen: 0 };
}

export function tallyRecords(vehicles: readonly CountableVehicle[], persons: readonly CountablePerson[]): BoothTally {
  const c = countShift(vehicles, persons, []);
  const byId = new Map<string, CountableVehicle>(vehicles.map((v) => [v.id, v]));
  let rechecksOpen = 0;
  for (const p of persons) if (!personVoided(p, byId) && p.awaitingRecheckSince !== undefined) rechecksOpen++;
  return { vehicles: c.vehiclesChecked, persons: c.peopleChecked, feverFirst: c.feverFirst, feverConfirmed: c.feverConfirmed, rechecksOpen };
}

/** after − before, key by key (a change to one vehicle and its people). */
export function tallyDelta(before: BoothTally, after: BoothTally): BoothTally {
  const d = emptyTally();
  for (const k of TALLY_KEYS) d[k] = after[k] - before[k];
  return d;
}

export function addTally(a: BoothTally, b: BoothTally): BoothTally {
  const s = emptyTally();
  for (const k of TALLY_KEYS) s[k] = a[k] + b[k];
  return s;
}

export function isZeroTally(t: BoothTally): boolean {
  return TALLY_KEYS.every((k) => t[k] === 0);
}

export interface HourCount {
  /** Hour of the booth's local day, 0–23. */
  hour: number;
  vehicles: number;
  people: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Local hour (0–23) of an instant; tzOffsetMinutes is minutes EAST of UTC (China: +480). */
export function localHour(ms: number, tzOffsetMinutes: number): number {
  const local = (((ms + tzOffsetMinutes * 60_000) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(local / HOUR_MS);
}

export function emptyHourly(): HourCount[] {
  return Array.from({ length: 24 }, (_, hour) => ({ hour, vehicles: 0, people: 0 }));
}

/**
 * Vehicles and people checked per hour of the booth's local day (24 rows, voided excluded), by
 * registration time. A night shift's early-morning hours land on hours 0–7 of the same chart:
 * the chart is by hour of day, the shift belongs to the day it opened.
 */
export function hourlyCounts(
  vehicles: readonly Pick<Vehicle, 'id' | 'voided' | 'createdAt'>[],
  persons: readonly Pick<Person, 'vehicleId' | 'voided' | 'createdAt'>[],
  tzOffsetMinutes: number,
): HourCount[] {
  const rows = emptyHourly();
  const byId = new Map<string, Pick<Vehicle, 'voided'>>();
  for (const v of vehicles) {
    byId.set(v.id, v);
    if (v.voided === 1) continue;
    const row = rows[localHour(v.createdAt, tzOffsetMinutes)];
    if (row) row.vehicles++;
  }
  for (const p of persons) {
    if (personVoided(p, byId)) continue;
    const row = rows[localHour(p.createdAt, tzOffsetMinutes)];
    if (row) row.people++;
  }
  return rows;
}

/** Adds up counts of several shifts (day view) or booths (district). Fever case lists are not merged. */
export function sumSummaries(list: readonly ShiftCounts[]): ShiftCounts {
  const total = emptyCounts();
  for (const s of list) for (const k of COUNT_KEYS) total[k] += s[k];
  return total;
}

export function sumHourly(list: readonly (readonly HourCount[])[]): HourCount[] {
  const total = emptyHourly();
  for (const h of list) {
    for (const r of h) {
      const row = total[r.hour];
      if (row) {
        row.vehicles += r.vehicles;
        row.people += r.people;
      }
    }
  }
  return total;
}
