// Bounds of one sync batch, apart from the zod schemas so the renderer can read them without
// loading zod (whose eval probe the production CSP reports).
import { SHIFT_STAFF_MAX } from '../shift/openShift';

/** Entries of a county watchlist fetched per page (sync:watch-entries). */
export const WATCH_PAGE_MAX = 5000;

export const SYNC_LIMITS = {
  vehicles: 500,
  /** Persons travel with their vehicle; a bus may carry 60. */
  persons: 500 * 60,
  shifts: 200,
  incidents: 2000,
  /** Sightings of listed people and vehicles: a few per shift, thousands after a week offline. */
  watchHits: 2000,
  /** Audit entries: a dozen per vehicle at most (create, reveal, correction …). */
  audit: 5000,
  /** Members read per shift of a batch: every one, since 开班 refuses more (shared/shift/openShift.ts). */
  operatorsPerShift: SHIFT_STAFF_MAX,
  /** Every member of a batch's shifts, plus the station's administrator. */
  operators: 200 * SHIFT_STAFF_MAX + 1,
} as const;

/**
 * The booth counts what waits to be sent up to here: IndexedDB counts by walking the index, and a
 * booth that never synced would walk every vehicle it holds at each start and each save (seconds
 * at a million persons). A week offline is ≈ 14–20k vehicles.
 */
export const WAITING_COUNT_MAX = 50_000;

/** The waiting count as shown: "50000+" once counting stopped. */
export const waitingShown = (n: number): string | number => (n > WAITING_COUNT_MAX ? `${WAITING_COUNT_MAX}+` : n);
