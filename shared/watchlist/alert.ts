// The booth's watchlist alert (布控命中): which match keys a draft registration carries while it is
// typed, how matches group into the entries to check off, the decision each entry needs before the
// vehicle may be saved, and the hit rows a save writes. Pure: the form, storage and the bench use it.
import type { DayKey, Millis, Person, Vehicle } from '../model';
import type { VehicleDraft } from '../registration';
import { previewPlate } from '../registration';
import { validateDocument } from '../residentId';
import { validatePhone } from '../phone';
import { maskText as maskDigitsInText, maskId, maskPhone } from '../privacy/mask';
import { watchKey, type ListedPerson, type WatchEntry, type WatchEntryResolution, type WatchHit, type WatchKeyKind, type WatchList } from './model';

/** One identifying value of the draft that is complete and valid, as a match key. */
export interface DraftKey {
  key: string;
  kind: WatchKeyKind;
  /** Index into the draft's occupants for an ID or phone; null for the plate. */
  occupant: number | null;
}

/**
 * The keys of a draft, in form order (plate, then each person's ID and phone). A value counts only
 * once it is complete and valid by the same rules as the form (shared/plate, residentId, phone),
 * so a half-typed ID never looks anything up and the key is the stored, normalised form.
 */
export function draftWatchKeys(draft: Pick<VehicleDraft, 'plateInput' | 'occupants'>, homeProvince: string, today: DayKey): DraftKey[] {
  const keys: DraftKey[] = [];
  const seen = new Set<string>();
  const push = (kind: WatchKeyKind, value: string, occupant: number | null) => {
    const key = watchKey(kind, value);
    if (seen.has(key)) return;
    seen.add(key);
    keys.push({ key, kind, occupant });
  };
  const plate = previewPlate(draft, homeProvince);
  if (plate.info.valid) push('plate', plate.plate, null);
  draft.occupants.forEach((o, i) => {
    if (o.docType === 'residentId' && o.docNumber.trim() !== '') {
      const doc = validateDocument('residentId', o.docNumber, today);
      if (doc.ok) push('id', doc.number, i);
    }
    if (o.phone.trim() !== '') {
      const phone = validatePhone(o.phone);
      if (phone.ok) push('phone', phone.phone, i);
    }
  });
  return keys;
}

/** One entry found by one key (db/watchHits.ts matchWatchKeys; the watchlist module's shape). */
export interface WatchMatch {
  list: WatchList;
  entry: WatchEntry;
  key: string;
}

/** One listed entry the draft hit, with every key that found it: one hit, one decision. */
export interface EntryHit {
  list: WatchList;
  entry: WatchEntry;
  keys: string[];
}

/** Matches grouped by entry, in the order the keys were typed (the plate's entry first). */
export function groupMatches(matches: readonly WatchMatch[]): EntryHit[] {
  const byEntry = new Map<string, EntryHit>();
  for (const m of matches) {
    const hit = byEntry.get(m.entry.id);
    if (hit) {
      if (!hit.keys.includes(m.key)) hit.keys.push(m.key);
    } else byEntry.set(m.entry.id, { list: m.list, entry: m.entry, keys: [m.key] });
  }
  return [...byEntry.values()];
}

export function keyKind(key: string): WatchKeyKind {
  const kind = key.slice(0, key.indexOf(':'));
  return kind === 'id' || kind === 'phone' ? kind : 'plate';
}

/** A key as a person may read it: plates as they are, IDs and phones masked. */
export function maskedKeyValue(key: string): string {
  const value = key.slice(key.indexOf(':') + 1);
  const kind = keyKind(key);
  return kind === 'id' ? maskId(value) : kind === 'phone' ? maskPhone(value) : value;
}

/** The key with its value masked ('id:510722********1234'): what the audit trail keeps. */
export function maskedKey(key: string): string {
  return `${keyKind(key)}:${maskedKeyValue(key)}`;
}

/** What the booth shows of an entry: the list's words, IDs and phones masked (also inside the note). */
export interface EntryView extends ListedPerson {
  listName: string;
  listSource: string;
}

export function entryView(hit: Pick<EntryHit, 'list' | 'entry'>): EntryView {
  const { list, entry } = hit;
  return {
    listName: list.name,
    listSource: list.source,
    name: entry.name,
    idNumber: maskId(entry.idNumber),
    phone: maskPhone(entry.phone),
    plate: entry.plate,
    origin: entry.origin,
    note: maskDigitsInText(entry.note),
  };
}

/** The operator's decision on one hit: checked off (已核查) or follow-up (待跟进) with a note. */
export interface WatchDecision {
  status: WatchEntryResolution['status'];
  note: string;
}

/** What the operator has set so far: a note may be typed before 已核查 / 待跟进 is chosen. */
export interface DecisionDraft {
  status: WatchDecision['status'] | null;
  note: string;
}

/** The decisions typed so far, as kept on disk with the vehicle draft (a lock or a crash keeps them). */
export type KeptDecisions = Record<string, DecisionDraft>;

const DECISION_STATUSES: ReadonlySet<unknown> = new Set<WatchDecision['status'] | null>(['met', 'followUp', null]);

/** The kept decisions read back, or undefined when the row is not of this shape (then none are restored). */
export function readKeptDecisions(v: unknown): KeptDecisions | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const out: KeptDecisions = {};
  for (const [id, d] of Object.entries(v as Record<string, unknown>)) {
    if (typeof d !== 'object' || d === null) return undefined;
    const { status, note } = d as Partial<DecisionDraft>;
    if (!DECISION_STATUSES.has(status) || typeof note !== 'string') return undefined;
    out[id] = { status: status ?? null, note };
  }
  return out;
}

export type DecisionProblem = 'undecided' | 'noteRequired';

/**
 * A hit cannot be dismissed silently: every entry needs a decision, and a follow-up needs a note
 * saying what is to follow. Returns the entries still wanting something, in hit order.
 */
export function decisionProblems(hits: readonly EntryHit[], decisions: ReadonlyMap<string, WatchDecision>): Array<{ entryId: string; problem: DecisionProblem }> {
  const out: Array<{ entryId: string; problem: DecisionProblem }> = [];
  for (const h of hits) {
    const d = decisions.get(h.entry.id);
    if (!d) out.push({ entryId: h.entry.id, problem: 'undecided' });
    else if (d.status === 'followUp' && d.note.trim() === '') out.push({ entryId: h.entry.id, problem: 'noteRequired' });
  }
  return out;
}

/** What a save stores for one hit: the append-only row and the decision that resolves the entry. */
export interface PlannedHit {
  hit: WatchHit;
  decision: WatchDecision;
}

/**
 * The hit rows of a vehicle about to be saved: one per entry, at the vehicle's time and place, by
 * the acting operator, tied to the saved vehicle and (for an ID or phone) the person who carried
 * it. `persons` are in draft order (buildRecords keeps it), so a key's occupant index finds them.
 */
export function planWatchHits(args: {
  vehicle: Pick<Vehicle, 'id' | 'createdAt' | 'day' | 'checkpoint' | 'shiftId'>;
  persons: readonly Pick<Person, 'id'>[];
  hits: readonly EntryHit[];
  keys: readonly DraftKey[];
  decisions: ReadonlyMap<string, WatchDecision>;
  operator: string;
  newId: () => string;
}): PlannedHit[] {
  const occupantOf = new Map(args.keys.map((k) => [k.key, k.occupant]));
  return args.hits.map((h) => {
    const decision = args.decisions.get(h.entry.id);
    if (!decision) throw new Error(`planWatchHits: no decision for entry ${h.entry.id}`);
    // The person who carried the hit: the first key that belongs to a person.
    const personKey = h.keys.find((k) => (occupantOf.get(k) ?? null) !== null);
    const occupant = personKey === undefined ? null : (occupantOf.get(personKey) ?? null);
    const hit: WatchHit = {
      id: args.newId(),
      at: args.vehicle.createdAt,
      day: args.vehicle.day,
      checkpoint: args.vehicle.checkpoint,
      shiftId: args.vehicle.shiftId,
      operator: args.operator,
      listId: h.list.id,
      entryId: h.entry.id,
      key: h.keys[0] ?? '',
      vehicleId: args.vehicle.id,
      personId: occupant === null ? '' : (args.persons[occupant]?.id ?? ''),
    };
    return { hit, decision: { status: decision.status, note: decision.note.trim() } };
  });
}

/** The entry after a decision: the resolution appended (newest last) and its status taken over. */
export function resolveEntry(entry: WatchEntry, hit: Pick<WatchHit, 'id' | 'checkpoint'>, decision: WatchDecision, by: string, at: Millis): WatchEntry {
  const resolution: WatchEntryResolution = { status: decision.status, at, by, checkpoint: hit.checkpoint, note: decision.note, hitId: hit.id };
  return { ...entry, status: decision.status, resolutions: [...entry.resolutions, resolution] };
}
