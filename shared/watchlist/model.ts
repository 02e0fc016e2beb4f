// Big-data watchlists (重点人员/车辆 布控名单) and their hits: the stored shapes every part of the
// watchlist work shares (import, matching at the booth, check-off, reconciliation, counts, sync).
import type { DayKey, Millis } from '../model';

export type WatchListStatus = 'active' | 'retired';

/** One named list as the data team sent it; a newer version replaces or adds to it in place. */
export interface WatchList {
  id: string;
  name: string;
  /** Who sent it (数据专班, 分局指挥中心 …). */
  source: string;
  /** The date on the list (下发日期). */
  issuedOn: DayKey;
  importedAt: Millis;
  importedBy: string;
  /** 1 for the first import; each replace/add bumps it. */
  version: number;
  status: WatchListStatus;
  retiredAt?: Millis;
  /** File name of the newest version, for the reconciliation sheet. */
  fileName: string;
  /** Entries the newest version lists (current = 1), set by each import: the list of lists shows it without reading the entries. */
  currentEntries?: number;
}

/** open = 未见到 (not met yet); met = 已核查 (checked off); followUp = 待跟进. */
export type WatchEntryStatus = 'open' | 'met' | 'followUp';

export interface WatchEntryResolution {
  status: Exclude<WatchEntryStatus, 'open'>;
  at: Millis;
  by: string;
  checkpoint: string;
  note: string;
  /** The hit it resolves. */
  hitId: string;
}

/** The columns of a list row: normalised values (shared/residentId, shared/plate, shared/phone); '' when not given. */
export interface ListedPerson {
  name: string;
  idNumber: string;
  phone: string;
  plate: string;
  origin: string;
  note: string;
}

export interface WatchEntry extends ListedPerson {
  id: string;
  listId: string;
  /**
   * Match keys, one per identifying value: 'id:<18-char ID>', 'plate:<plate>', 'phone:<digits>'.
   * Indexed multi-entry: a typed ID / plate / phone is one index lookup whatever the list size.
   */
  keys: string[];
  status: WatchEntryStatus;
  /** Newest last; the status above is the last one's (or 'open'). Kept across list versions. */
  resolutions: WatchEntryResolution[];
  /** 0 once a newer version of the list dropped this entry (kept for the reconciliation sheet). */
  current: 0 | 1;
}

/** One sighting of a listed person or vehicle at registration. Append-only: never edited or deleted. */
export interface WatchHit {
  id: string;
  at: Millis;
  day: DayKey;
  checkpoint: string;
  shiftId: string;
  operator: string;
  listId: string;
  entryId: string;
  /** Which key matched ('plate:川A12345'); shown masked. */
  key: string;
  /** The saved record it belongs to; '' when the vehicle was never saved (turned away unsaved). */
  vehicleId: string;
  personId: string;
}

export type WatchKeyKind = 'id' | 'plate' | 'phone';

export function watchKey(kind: WatchKeyKind, value: string): string {
  return `${kind}:${value}`;
}
