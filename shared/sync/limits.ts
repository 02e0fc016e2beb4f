// Bounds of one sync batch, apart from the zod schemas so the renderer can read them without
// loading zod (whose eval probe the production CSP reports).
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
} as const;
