// The vehicle being typed, kept on disk as it is typed so a reload, crash or closed window never
// loses it. It lives in the key/value `settings` store under its own key (no schema change; the
// settings reader asks only for the known setting keys, so this row never becomes a setting).
import type { VehicleDraft } from '../../../shared/registration';
import type { CheckpointDB } from './db';

export const BOOTH_DRAFT_KEY = 'boothDraft';

export interface StoredBoothDraft {
  /** The shift the draft was typed in: another shift does not inherit it. */
  shiftId: string;
  /** When it was last typed (shown when it is restored). */
  at: number;
  draft: VehicleDraft;
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
export async function keepBoothDraft(db: CheckpointDB, shiftId: string, draft: VehicleDraft, at: number): Promise<void> {
  if (draftIsBlank(draft)) await db.settings.delete(BOOTH_DRAFT_KEY);
  else await db.settings.put({ key: BOOTH_DRAFT_KEY, value: { shiftId, at, draft } satisfies StoredBoothDraft });
}

/** The kept draft of this shift, if any; a draft of another shift, or a damaged row, is ignored. */
export async function keptBoothDraft(db: CheckpointDB, shiftId: string): Promise<StoredBoothDraft | undefined> {
  const row = await db.settings.get(BOOTH_DRAFT_KEY);
  const value: unknown = row?.value;
  return isStoredDraft(value) && value.shiftId === shiftId && !draftIsBlank(value.draft) ? value : undefined;
}

export async function dropBoothDraft(db: CheckpointDB): Promise<void> {
  await db.settings.delete(BOOTH_DRAFT_KEY);
}
