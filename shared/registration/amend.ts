// A correction of a saved record as a pure function: what the stored record and its occupants
// become, and which fields changed. Storage (renderer/src/db/vehicles.ts) only reads the rows,
// calls this, stamps the derived columns and writes — so what a correction does is tested
// without a database, and the rule "an untouched value stays exactly as it was" lives here.
import type { Amendment, Person, Vehicle } from '../model';
import { fail, ok, type Result } from '../result';

/** Fields an amendment may not change: identity, and the audit trail (voiding has its own door). */
export const AMEND_FROZEN = ['id', 'shiftId', 'createdAt', 'day', 'voided', 'voidMark', 'amendments'] as const;

/** Recomputed from the occupants by storage; a patch may carry them (the whole record) but they are ignored. */
const SUMMARY = new Set<string>(['updatedAt', 'personCount', 'maxTemp', 'anyFever']);

/** Follow the plate (its parts, its class, the tick that confirmed an odd one): applied with it, never listed on their own. */
const PLATE_DERIVED = ['plateBody', 'plateKind', 'plateProvince', 'plateConfirmed'] as const;

/** Follow the plate, origin and route: recomputed only when one of those changed. */
const KEY_AREA_INPUTS = ['plate', 'origin', 'route'] as const;

/** What a person's correction may change, as typed at the booth. */
const PERSON_FIELDS = ['role', 'name', 'docType', 'docNumber', 'phone', 'symptoms', 'disposition', 'remarks'] as const;

export interface AmendPlan {
  /** The corrected vehicle; summary columns, updatedAt and the amendment are left to storage. */
  vehicle: Vehicle;
  /** Occupants after the correction, in order (seq = position); untouched values as stored. */
  active: Person[];
  /** Occupants this correction removes (to be written with voided = 1, never deleted). */
  removed: Person[];
  /**
   * Field → [before, after]: vehicle fields by name, persons as 'persons[i].field' (i = position
   * in the new list), 'persons[i]' → [null, name] for an added person and [name, null] for a
   * removed one (i = its old position). Formatted for people by amendText.ts.
   */
  changes: Amendment['changes'];
}

/** Structural equality for plain stored data (no Dates/classes by model.ts contract). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}

/**
 * A reading is the same when its value and method are: the form rebuilds every reading with
 * "now" as its time, and a correction of a name must not move when the temperature was taken.
 */
function sameReading(a: Person['first'] | undefined, b: Person['first'] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.celsius === b.celsius && a.method === b.method;
}

const personName = (p: Person): string => p.name || `#${p.seq + 1}`;

type Rec = Record<string, unknown>;

/** Set or remove an optional field (an absent value is not stored as `undefined`). */
function assign(target: Rec, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

function mergePerson(old: Person, next: Person, i: number, changes: Amendment['changes']): Person {
  const merged = { ...old, seq: i } as unknown as Rec;
  const o = old as unknown as Rec;
  const n = next as unknown as Rec;
  for (const k of PERSON_FIELDS) {
    if (!sameValue(o[k], n[k])) {
      changes[`persons[${i}].${k}`] = [o[k], n[k]];
      merged[k] = n[k];
    }
  }
  if (o.docNumber !== n.docNumber || o.docType !== n.docType) assign(merged, 'homeProvince', n.homeProvince);
  let readingsMoved = false;
  for (const k of ['first', 'recheck'] as const) {
    if (!sameReading(old[k], next[k])) {
      changes[`persons[${i}].${k}`] = [old[k] ?? null, next[k] ?? null];
      assign(merged, k, next[k]);
      readingsMoved = true;
    }
  }
  // The fever flags follow the readings; with the readings untouched they stay as judged then
  // (the fever line may have been changed in settings since).
  if (readingsMoved) {
    merged.feverFirst = next.feverFirst;
    merged.feverConfirmed = next.feverConfirmed;
  }
  // 待复测: the wait follows the corrected form, but a correction of someone still waiting does
  // not restart it (the minutes waited stay true). Not listed: it shows through the recheck.
  assign(merged, 'awaitingRecheckSince', next.awaitingRecheckSince === undefined ? undefined : (old.awaitingRecheckSince ?? next.awaitingRecheckSince));
  return merged as unknown as Person;
}

/**
 * Plan a correction. `patch` may be the whole rebuilt record (the form sends that) or a few
 * fields; `persons`, when given, is the complete new list of occupants: ids are kept, new ids are
 * added, and occupants left out are removed. `stored` is every person row of the vehicle,
 * including earlier removals (which a correction may restore).
 * Refused: a voided record, a change to id/shiftId/createdAt/day or the audit fields, a person of
 * another vehicle, the same person twice, an empty occupant list, no change at all.
 */
export function planAmendment(before: Vehicle, stored: readonly Person[], patch: Partial<Vehicle>, persons?: readonly Person[]): Result<AmendPlan> {
  if (before.voided === 1) return fail('amend.voided', '已作废的记录不能修改', 'A voided record cannot be amended');
  for (const f of AMEND_FROZEN) {
    if (f in patch && !sameValue(patch[f], before[f])) {
      return fail('amend.frozen', `不能修改字段 ${f}`, `Field ${f} cannot be amended`);
    }
  }
  if (persons && persons.length === 0) {
    return fail('amend.noPersons', '至少保留一名驾乘人员（整条作废请用"作废"）', 'Keep at least one occupant (use Void to cancel the whole record)');
  }

  const changes: Amendment['changes'] = {};
  const after = { ...before } as unknown as Rec;
  const old = before as unknown as Rec;
  const p = patch as Rec;
  const skip = new Set<string>([...AMEND_FROZEN, ...SUMMARY, ...PLATE_DERIVED, 'keyArea', 'keyAreaReasons']);
  for (const [k, v] of Object.entries(p)) {
    if (skip.has(k) || v === undefined) continue;
    if (!sameValue(old[k], v)) {
      changes[k] = [old[k], v];
      after[k] = v;
    }
  }
  if ('plate' in changes) for (const k of PLATE_DERIVED) assign(after, k, p[k]);
  // Key-area reasons are derived from the plate, origin and route: recomputed with them, else
  // kept as judged at the time (the station's list may have changed since).
  if (KEY_AREA_INPUTS.some((k) => k in changes) && p.keyAreaReasons !== undefined && !sameValue(old.keyAreaReasons, p.keyAreaReasons)) {
    changes.keyAreaReasons = [old.keyAreaReasons, p.keyAreaReasons];
    after.keyAreaReasons = p.keyAreaReasons;
    after.keyArea = (p.keyAreaReasons as unknown[]).length > 0;
  }
  const vehicle = after as unknown as Vehicle;

  const sorted = [...stored].sort((a, b) => a.seq - b.seq);
  const oldActive = sorted.filter((x) => x.voided === 0);
  if (!persons) {
    if (Object.keys(changes).length === 0) return fail('amend.noChanges', '没有修改任何内容', 'Nothing was changed');
    return ok({ vehicle, active: oldActive, removed: [], changes });
  }

  const stranger = persons.find((x) => x.vehicleId !== before.id);
  if (stranger) return fail('amend.personMismatch', '人员记录不属于该车辆', `Person ${stranger.id} does not belong to vehicle ${before.id}`);
  if (new Set(persons.map((x) => x.id)).size !== persons.length) {
    return fail('amend.duplicatePerson', '人员重复', 'The same person appears twice');
  }

  const known = new Map(sorted.map((x) => [x.id, x]));
  const active = persons.map((next, i) => {
    const prior = known.get(next.id);
    if (!prior || prior.voided === 1) {
      changes[`persons[${i}]`] = [null, personName(next)];
      return { ...next, seq: i, voided: 0 as const };
    }
    return mergePerson(prior, next, i, changes);
  });
  const keep = new Set(active.map((x) => x.id));
  const removed: Person[] = [];
  oldActive.forEach((x, i) => {
    if (keep.has(x.id)) return;
    const key = `persons[${i}]`;
    const added = changes[key];
    // Removed at i and added at i reads as "person i replaced": [old name, new name].
    changes[key] = [personName(x), added ? added[1] : null];
    removed.push({ ...x, voided: 1 });
  });

  if (Object.keys(changes).length === 0) return fail('amend.noChanges', '没有修改任何内容', 'Nothing was changed');
  return ok({ vehicle, active, removed, changes });
}
