// Search box: plate, plate without province, ID start/end, name, phone start.
//
// Index-only: each source is one prefix range read with LIMIT, so a search costs the same at
// 1,000 and 1,000,000 persons. Consequences, by design:
// - Prefix/suffix only. A fragment from the middle of an ID ("19800101") or the last digits of
//   a phone are NOT found (no index can answer them; a scan of even one busy day would make the
//   cost grow with the data). Staff search by plate, by the ID's first digits, by its last 4
//   (incl. X), or by name — which is what the paper forms were searched by.
// - When more than `limit` rows match one source (e.g. "川A"), the rows taken are the first
//   `limit` in that index's order (plate: highest plate, newest visit first), not necessarily the
//   newest overall; the merged result is then sorted newest first. Type more characters.
// - Voided vehicles are returned like any other (vehicle.voided === 1 is the flag the UI
//   strikes through). Persons removed from a record by an amendment do not find it.
import type { Person, Vehicle } from '../../../shared/model';
import type { CheckpointDB } from './db';
import { HIGH, MAX } from './keys';
import { charLength, compactKey, reverseString, toHalfWidth } from '../../../shared/text';
import { timeOrderedId } from '../../../shared/ids';

export interface SearchOptions {
  limit: number;
}

/** Queries shorter than this (in characters, 汉字 = 1) return nothing: too broad to be useful. */
export const MIN_QUERY_LENGTH = 2;

const ALNUM = /^[0-9A-Z]+$/;
const DIGITS = /^[0-9]+$/;

const newestFirst = (a: Vehicle, b: Vehicle): number => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The typed query in the forms the indexes hold, or undefined when it is too short to search. */
function parseQuery(query: string, limitOpt: number): { limit: number; key: string; names: string[]; alnum: boolean; digits: boolean } | undefined {
  const limit = Math.floor(limitOpt);
  if (!(limit > 0)) return undefined;
  // Plate/ID form: half-width, upper-case, separators dropped ("川A·12345" = "川A12345").
  const key = compactKey(query);
  if (charLength(key) < MIN_QUERY_LENGTH) return undefined;
  // Name form keeps inner spaces and '·' (买买提·艾力); Latin names are tried as typed and upper-case.
  const typedName = toHalfWidth(query).trim().replace(/\s+/g, ' ');
  return { limit, key, names: [...new Set([typedName, typedName.toUpperCase()])], alnum: ALNUM.test(key), digits: DIGITS.test(key) };
}

export async function searchRecords(db: CheckpointDB, query: string, opts: SearchOptions): Promise<Vehicle[]> {
  const q = parseQuery(query, opts.limit);
  if (!q) return [];
  const { limit, key, names } = q;

  return db.transaction('r', [db.vehicles, db.persons], async () => {
    const vehicleReads: Promise<Vehicle[]>[] = [
      // Plate prefix (a full plate is a prefix of itself): newest visits first within a plate.
      db.vehicles.where('[plate+voided+createdAt]').between([key], [key + HIGH], true, false).reverse().limit(limit).toArray(),
    ];
    if (ALNUM.test(key)) {
      // "A12345" finds 鄂A12345 and 川A12345.
      vehicleReads.push(db.vehicles.where('[plateBody+createdAt]').between([key], [key + HIGH, MAX], true, false).reverse().limit(limit).toArray());
    }
    const personReads: Promise<Person[]>[] = names.map((n) => db.persons.where('name').startsWith(n).limit(limit).toArray());
    if (ALNUM.test(key)) {
      personReads.push(db.persons.where('docNumber').startsWith(key).limit(limit).toArray());
      // "Ends with": docRev is docNumber reversed, so "001X" becomes the prefix "X100".
      personReads.push(db.persons.where('docRev').startsWith(reverseString(key)).limit(limit).toArray());
    }
    if (DIGITS.test(key)) personReads.push(db.persons.where('phone').startsWith(key).limit(limit).toArray());

    const [vehicleLists, personLists] = await Promise.all([Promise.all(vehicleReads), Promise.all(personReads)]);

    const found = new Map<string, Vehicle>();
    for (const list of vehicleLists) for (const v of list) found.set(v.id, v);
    const personByVehicle = new Map<string, Person[]>();
    for (const list of personLists) {
      for (const p of list) {
        const ps = personByVehicle.get(p.vehicleId) ?? [];
        ps.push(p);
        personByVehicle.set(p.vehicleId, ps);
      }
    }
    const missing = [...personByVehicle.keys()].filter((id) => !found.has(id));
    const fetched = await db.vehicles.bulkGet(missing);
    for (const v of fetched) {
      if (!v) continue;
      // A person removed by an amendment (voided while its vehicle is not) no longer matches.
      const live = (personByVehicle.get(v.id) ?? []).some((p) => p.voided === v.voided);
      if (live) found.set(v.id, v);
    }
    return [...found.values()].sort(newestFirst).slice(0, limit);
  });
}

// ---- scoped to purpose: the current and the previous shift (issue 12) ----
//
// The booth's default search. Keys only until the end: each source index (the same prefix /
// suffix ranges as searchRecords) gives at most SOURCE_KEYS ids; ids are time-ordered
// (shared/ids.ts), so those created since the older scope shift opened are one string comparison
// away; the newest of them are fetched by primary key and kept when their shiftId is in scope.
// Reading whole rows of two busy shifts instead took 1.3–1.6 s at 100k persons, and reading the
// scope's keys ~0.4 s (bench, search.scoped). Like searchRecords, a query so broad that one index
// holds more than SOURCE_KEYS matches may miss some: type more. Beyond these shifts:
// db/privacy.ts searchBeyondShift (lead, audited).

/** Keys read from one source index per scoped search (keys only). */
export const SOURCE_KEYS = 2000;
/** Ids carry the creating PC's clock: allow it to have been this far behind the shift's opening. */
const CLOCK_MARGIN_MS = 3600_000;

/** The shifts a default search covers: this one and the one opened just before it. */
export async function scopeShiftIds(db: CheckpointDB, currentShiftId: string): Promise<string[]> {
  const current = await db.shifts.get(currentShiftId);
  if (!current) return [currentShiftId];
  // Index `openedAt`: the newest shift opened before this one (one row).
  const previous = await db.shifts.where('openedAt').below(current.openedAt).last();
  return previous ? [current.id, previous.id] : [current.id];
}

export interface ScopedSearchOptions extends SearchOptions {
  shiftIds: readonly string[];
}

export async function searchShifts(db: CheckpointDB, query: string, opts: ScopedSearchOptions): Promise<Vehicle[]> {
  const q = parseQuery(query, opts.limit);
  if (!q) return [];
  const { limit, key, names, alnum, digits } = q;
  const scope = new Set(opts.shiftIds);

  return db.transaction('r', [db.shifts, db.vehicles, db.persons], async () => {
    const shifts = (await db.shifts.bulkGet([...scope])).filter((x) => x !== undefined);
    if (shifts.length === 0) return [];
    const floor = timeOrderedId(Math.min(...shifts.map((x) => x.openedAt)) - CLOCK_MARGIN_MS, new Uint8Array(16));
    const keys = (c: { limit(n: number): { primaryKeys(): Promise<unknown[]> } }) => c.limit(SOURCE_KEYS).primaryKeys() as Promise<string[]>;
    const vehicleSources: Promise<string[]>[] = [keys(db.vehicles.where('[plate+voided+createdAt]').between([key], [key + HIGH], true, false))];
    if (alnum) vehicleSources.push(keys(db.vehicles.where('[plateBody+createdAt]').between([key], [key + HIGH, MAX], true, false)));
    const personSources: Promise<string[]>[] = names.map((n) => keys(db.persons.where('name').startsWith(n)));
    if (alnum) {
      personSources.push(keys(db.persons.where('docNumber').startsWith(key)));
      personSources.push(keys(db.persons.where('docRev').startsWith(reverseString(key))));
    }
    if (digits) personSources.push(keys(db.persons.where('phone').startsWith(key)));
    const [vehicleHits, personHits] = await Promise.all([Promise.all(vehicleSources), Promise.all(personSources)]);
    // Newest first; ids before the floor were created before the scope began.
    const recent = (lists: string[][]) => [...new Set(lists.flat())].filter((id) => id >= floor).sort().reverse();

    const found = new Map<string, Vehicle>();
    for (const v of await db.vehicles.bulkGet(recent(vehicleHits).slice(0, limit * 2))) if (v && scope.has(v.shiftId)) found.set(v.id, v);
    const persons = (await db.persons.bulkGet(recent(personHits).slice(0, limit * 4))).filter((p): p is Person => p !== undefined && scope.has(p.shiftId));
    const missing = [...new Set(persons.map((p) => p.vehicleId))].filter((id) => !found.has(id));
    const fetched = new Map((await db.vehicles.bulkGet(missing)).filter((v): v is Vehicle => v !== undefined).map((v) => [v.id, v]));
    for (const p of persons) {
      const v = fetched.get(p.vehicleId);
      // A person removed by an amendment (voided while its vehicle is not) no longer matches.
      if (v && p.voided === v.voided) found.set(v.id, v);
    }
    return [...found.values()].sort(newestFirst).slice(0, limit);
  });
}
