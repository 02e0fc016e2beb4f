// The IndexedDB schema, as data (db.ts declares the versions; docs/ARCHITECTURE.md describes them).
//
// RULE: a version, once shipped, is never edited. A change adds SCHEMA_Vn (only the stores that
// change) and `this.version(n).stores(SCHEMA_Vn).upgrade(tx => …)` in db.ts.
// Adding an index to a 1,000,000-row table makes the browser rebuild it on first open, so
// v1 is deliberately complete for the queries we know about.
//
// Why each index exists (every read in renderer/src/db goes through one of these, with a
// LIMIT or a range bounded by one day / one shift / one plate / one vehicle):
//
// shifts (a few per day, a few hundred in 90 days)
//   [status+openedAt]   currentShift(): newest open shift; also serves where('status') as a
//                       Dexie virtual index (compound prefix), so no separate `status` index.
//   openedAt            shift history newest first.
//   day                 listShiftsByDay().
//
// vehicles (~250,000)
//   [day+createdAt+id]  the day list, newest first, keyset pagination. `id` is in the key so
//                       two rows saved in the same millisecond still have a strict order and
//                       "before [createdAt, id]" is an exact cursor (no offset scan).
//   [day+voided]        recountDay(): non-voided rows of a day, counted on the index once per
//                       day; afterwards the day's counter row (dayCounts, v3) is read instead.
//   [shiftId+createdAt] the shift's records (handover report, export).
//   [plate+voided+createdAt]
//                       repeat-visit lookup: the non-voided visits of one plate, newest first,
//                       and their count, are ONE index range ([plate,0,…]); voided rows sit in
//                       a separate sub-range, so they are excluded without reading them.
//                       Also answers plate-prefix search (range [prefix] … [prefix+\uffff]).
//   [plateBody+createdAt] search by plate without its province character ("A12345").
//   updatedAt           incremental backup / "recently changed" lists.
//
// persons (~1,000,000)
//   vehicleId           occupants of a vehicle.
//   [shiftId+createdAt] the shift's persons (handover report, export).
//   [day+createdAt]     the day's persons (daily export / statistics).
//   [day+voided]        recountDay() (see vehicles).
//   docNumber           "ID starts with" search.
//   docRev              "ID ends with" search (docNumber reversed; last 4 digits incl. X).
//   name                name prefix search (Chinese names: surname + given name).
//   phone               phone prefix search (no suffix: there is no reversed phone field).
//
// incidents (few)
//   [day+at], [shiftId+at]  day and shift lists, chronological.
//
// settings: key/value rows, primary key `key`.
//
// importedShifts (v2; the supervisor's district summary: shifts read from other booths'
// handover workbooks — a few per checkpoint per day, a few thousand at most)
//   key                 checkpoint + '\u0000' + shiftId (shared/district/merge.ts shiftKey): one
//                       row per shift, so a re-import replaces instead of adding.
//   day                 the day view's imported shifts of one date.
//   checkpoint          listing by checkpoint.
//
// Not indexed on purpose: booleans (feverFirst, anyFever, keyArea…) cannot be IndexedDB keys;
// daily fever/key-area statistics read the day's range ([day+createdAt]) instead.

export const DB_NAME = 'checkpoint-station';

export const SCHEMA_V1 = {
  shifts: 'id, [status+openedAt], openedAt, day',
  vehicles: 'id, [day+createdAt+id], [day+voided], [shiftId+createdAt], [plate+voided+createdAt], [plateBody+createdAt], updatedAt',
  persons: 'id, vehicleId, [shiftId+createdAt], [day+createdAt], [day+voided], docNumber, docRev, name, phone',
  incidents: 'id, [day+at], [shiftId+at]',
  settings: 'key',
} as const;

/** v2 adds only the supervisor's imported shifts; v1's stores are unchanged (no upgrade step). */
export const SCHEMA_V2 = {
  importedShifts: 'key, day, checkpoint',
} as const;

// dayCounts (v3): one row per day { day, vehicles, persons } = the non-voided vehicles and
// people of that day, kept in step inside the same transaction as every save, void and amendment.
// Counting an index range in Chromium reads every key in it (≈130 ms for a busy day's 3,000
// vehicles / 12,000 people, measured by `npm run bench`), and today's counts are re-read after
// every save; one row read is flat (<1 ms). A day without a row (data from before v3, or a
// day never written since) is counted from the indexes once and the row stored then.
export const SCHEMA_V3 = {
  dayCounts: 'day',
} as const;

// v4 (the booth's shift view and the 待复测 queue):
// shiftCounts   one row per shift { shiftId, vehicles, persons, feverFirst, feverConfirmed,
//               rechecksOpen }: the booth screen lists and counts the current shift (本班), which
//               crosses midnight; like dayCounts it is kept in step by every save, void,
//               amendment and completed recheck, and a missing row is counted once from the
//               shift's [shiftId+createdAt] ranges (bounded by one shift).
// recheckQueue  one row per person awaiting a recheck { personId, shiftId, vehicleId, since }.
//   personId        a person's row is replaced or removed when the recheck is completed, the
//                   record corrected or voided.
//   [shiftId+since] the shift's open rechecks, longest wait first (the 待复测 list and the
//                   close-shift check). A separate small store rather than a new index on
//                   persons: adding an index to ~1,000,000 person rows would make the browser
//                   rebuild it at the first start after the update.
// dayCounts rows gain the same fever and recheck figures; v4's upgrade() empties the v3 rows
// (one small row per day) so each day is recounted once, from its indexes, with the new fields.
export const SCHEMA_V4 = {
  shiftCounts: 'shiftId',
  recheckQueue: 'personId, [shiftId+since]',
} as const;

// shiftSummaries (v7): one row per CLOSED shift { shiftId, counts, hourly, tzOffsetMinutes,
// computedAt } (shiftSummaries.ts). The day view reads these by primary key (bulkGet of the
// day's shift ids from listShiftsByDay) instead of every record of the day's shifts; written
// when a shift closes and rewritten in the same transaction as every later correction. The
// upgrade fills it for shifts closed before v7.
//   shiftId             primary key: bulkGet by the day's shift ids. No other index is needed.
export const SCHEMA_V7 = {
  shiftSummaries: 'shiftId',
} as const;

// syncRefused (v6, county sync): records the county refused, one row per record, kept with the
// reason for the 同步 panel until they are sent again and accepted. Nothing is dropped.
//   key                 kind + ':' + record id: a record refused twice is one row.
//   at                  the panel lists the newest first, with a limit.
export const SCHEMA_V6 = {
  syncRefused: 'key, at',
} as const;

/**
 * v8 (signed handover workbooks) adds two small stores, no upgrade step:
 * - stationKeys: this station's own Ed25519 key pair, one row ('self'); the private key is a
 *   non-extractable CryptoKey (IndexedDB stores it; script can use it but never read it out).
 *   Primary key only: it is read by key.
 * - pinnedStations: the supervisor's pinned public keys, one row per checkpoint name. Primary key
 *   only: the import reads the rows of the checkpoints it is importing, by key.
 */
export const SCHEMA_V8 = {
  stationKeys: 'id',
  pinnedStations: 'checkpoint',
} as const;

/**
 * v9 (watchlists, shared/watchlist/model.ts):
 * - watchLists: a few dozen named lists. `status` lists the active ones for matching and the
 *   reconciliation sheet (few rows; the index saves reading retired lists' entries).
 * - watchEntries: up to a few hundred thousand listed people and vehicles.
 *     *keys          multi-entry: 'id:…', 'plate:…', 'phone:…'. Matching while the operator types is
 *                    one equality lookup per key, flat at any list size.
 *     [listId+status] the reconciliation sheet and the list's totals (met / open / follow-up),
 *                    one list at a time.
 * - watchHits: append-only sightings.
 *     [shiftId+at]   the shift's hits (shift summary, handover 布控命中, the booth's list).
 *     [day+at]       the day view's hits.
 *     entryId        an entry's sightings (reconciliation: when, where, by whom).
 */
export const SCHEMA_V9 = {
  watchLists: 'id, status',
  watchEntries: 'id, *keys, [listId+status]',
  watchHits: 'id, [shiftId+at], [day+at], entryId',
} as const;

/**
 * v10 (audit trail, shared/audit/model.ts): append-only, hash-chained.
 *   seq            primary key, 1, 2, 3 … (assigned by appendAudit, not auto-increment, so a gap
 *                  left by a deleted row is visible); the newest entry is the last key.
 *   at             the viewer's time filter (newest first, with a limit).
 *   [action+at]    the viewer's filter by action (exports, reveals …).
 *   [actor+at]     the viewer's filter by operator.
 */
export const SCHEMA_V10 = {
  audit: 'seq, at, [action+at], [actor+at]',
} as const;

/**
 * v11 (operators who sign in, access): one row per shift member with a PIN, plus the station's
 * administrator account (renderer/src/db/operators.ts). Holds only a salted PBKDF2 hash of each
 * PIN, never the PIN. Not synced, not in workbooks.
 *   id        shiftId + '\u0000' + name for a shift member, 'admin' for the administrator: sign-in
 *             reads exactly one row by key.
 *   shiftId   "does this shift have PINs?" (the operator switch of a shift opened before v11):
 *             one shift's rows, a handful.
 */
export const SCHEMA_V11 = {
  operators: 'id, shiftId',
} as const;
