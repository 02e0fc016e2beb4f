// The vehicle being typed, kept on disk as it is typed so a reload, crash or closed window never
// loses it. It lives in the key/value `settings` store under its own key (no schema change; the
// settings reader asks only for the known setting keys, so this row never becomes a setting).
import type { VehicleDraft } from '../../../shared/registration';
import { readKeptDecisions, type KeptDecisions } from '../../../shared/watchlist/alert';
import type { CheckpointDB } from './db';

export const BOOTH_DRAFT_KEY = 'boothDraft';

export interface StoredBoothDraft {
  /** The shift the draft was typed in: another shift does not inherit it. */
  shiftId: string;
  /** When it was last typed (shown when it is restored). */
  at: number;
  draft: VehicleDraft;
  /** The operator's decisions on watchlist hits not yet saved (已核查 / 待跟进 and the note). */
  watchDecisions?: KeptDecisions;
}

/** True when nothing a person typed is in the draft (choices left at their defaults do not count). */
export function draftIsBlank(d: VehicleDraft): boolean {
  const texts = [d.plateInput, d.origin, d.route, d.destination, d.purpose, d.localContact, d.remarks];
  const people = d.occupants.flatMap((o) => [o.name, o.docNumber, o.phone, o.temp, o.recheckTemp, o.remarks]);
  return [...texts, ...people].every((s) => s.trim() === '') && !d.inspected && !d.disinfected;
}

function isStoredDraft(v: unknown): v is StoredBoothDraft {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<StoredBoothDraft>;
  return typeof r.shiftId === 'string' && typeof r.at === 'number' && typeof r.draft === 'object' && r.draft !== null && Array.isArray(r.draft.occupants);
}

/** Writes (or, for a blank draft, removes) the kept draft. Each call is its own durable transaction. */
export async function keepBoothDraft(db: CheckpointDB, shiftId: string, draft: VehicleDraft, at: number, watchDecisions?: KeptDecisions): Promise<void> {
  if (draftIsBlank(draft)) await db.settings.delete(BOOTH_DRAFT_KEY);
  else {
    const value: StoredBoothDraft = { shiftId, at, draft };
    if (watchDecisions && Object.keys(watchDecisions).length > 0) value.watchDecisions = watchDecisions;
    await db.settings.put({ key: BOOTH_DRAFT_KEY, value });
  }
}

/** The kept draft of this shift, if any; a draft of another shift, or a damaged row, is ignored. */
export async function keptBoothDraft(db: CheckpointDB, shiftId: string): Promise<StoredBoothDraft | undefined> {
  const row = await db.settings.get(BOOTH_DRAFT_KEY);
  const value: unknown = row?.value;
  if (!isStoredDraft(value) || value.shiftId !== shiftId || draftIsBlank(value.draft)) return undefined;
  // Damaged decisions cost the decisions only (the operator decides again), never the draft.
  const { watchDecisions, ...kept } = value;
  const decisions = watchDecisions === undefined ? undefined : readKeptDecisions(watchDecisions);
  return decisions ? { ...kept, watchDecisions: decisions } : kept;
}

export async function dropBoothDraft(db: CheckpointDB): Promise<void> {
  await db.settings.delete(BOOTH_DRAFT_KEY);
}
