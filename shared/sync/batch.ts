// The contract of a push from a booth to the county (renderer → main → PostgreSQL), and of what
// flows back. Records travel as the booth stores them; main derives the county rows.
import { z } from 'zod';
import { actorSchema } from '../privacy/actorSchema';
import { ROLES, type Role } from '../privacy/roles';
import { STATION_SHIFT } from './operatorId';
import type { Bilingual } from '../result';
import type { Incident, KeyAreaEntry, Person, Shift, Vehicle } from '../model';
import type { HourCount, ShiftCounts } from '../shift/summary';
import type { WatchHit } from '../watchlist/model';
import type { AuditEntry } from '../audit/model';

import { SYNC_LIMITS, WATCH_PAGE_MAX } from './limits';
export { SYNC_LIMITS, WATCH_PAGE_MAX };

const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'not a record id');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a day');
const ms = z.number().int().nonnegative();
const text = (max: number) => z.string().max(max);

const amendment = z.looseObject({ at: ms, by: text(200), reason: text(2000), changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])), afterClose: z.boolean() });
const voidMark = z.looseObject({ at: ms, by: text(200), reason: text(2000) });

// looseObject: the record is stored whole (jsonb); only what the county indexes and checks is
// spelled out here, so a field added at the booth later does not break older servers.
export const syncShiftSchema = z.looseObject({
  id, checkpoint: text(100).min(1), shiftName: text(100), leadName: text(100), openedAt: ms, day,
  status: z.enum(['open', 'closed']), closedAt: ms.optional(),
});
export const syncVehicleSchema = z.looseObject({
  id, shiftId: id, checkpoint: text(100).min(1), createdAt: ms, updatedAt: ms, day, plate: text(40),
  voided: z.union([z.literal(0), z.literal(1)]), voidMark: voidMark.optional(), amendments: z.array(amendment).max(1000),
});
export const syncPersonSchema = z.looseObject({
  id, vehicleId: id, shiftId: id, createdAt: ms, day, docNumber: text(40), voided: z.union([z.literal(0), z.literal(1)]),
});
export const syncIncidentSchema = z.looseObject({
  id, shiftId: id, checkpoint: text(100).min(1), at: ms, day, kind: text(40),
  voided: z.union([z.literal(0), z.literal(1)]), voidMark: voidMark.optional(), amendments: z.array(amendment).max(1000),
});

export const syncWatchHitSchema = z.looseObject({
  id, at: ms, day, checkpoint: text(100).min(1), shiftId: id, listId: text(100), entryId: id, key: text(80),
  vehicleId: z.union([id, z.literal('')]), personId: z.union([id, z.literal('')]), operator: text(100),
});
export const syncAuditSchema = z.looseObject({
  seq: z.number().int().positive(), at: ms, actor: text(100), role: text(20), action: text(40),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/), hash: z.string().regex(/^[0-9a-f]{64}$/),
});

// z.object, not looseObject: what is not listed is dropped, so a PIN's salt and hash, failures
// and back-off never reach the county even if a booth sent them.
export const syncOperatorSchema = z.object({
  id, checkpoint: text(100).min(1), shiftId: z.union([id, z.literal(STATION_SHIFT)]), name: text(60).min(1),
  role: z.enum(ROLES), setBy: z.enum(['open', 'claimed', 'admin']), createdAt: ms,
});

const syncBatchWire = z.object({
  batchId: id,
  checkpoint: text(100).min(1),
  shifts: z.array(syncShiftSchema).max(SYNC_LIMITS.shifts),
  vehicles: z.array(syncVehicleSchema).max(SYNC_LIMITS.vehicles),
  persons: z.array(syncPersonSchema).max(SYNC_LIMITS.persons),
  incidents: z.array(syncIncidentSchema).max(SYNC_LIMITS.incidents),
  // Absent in batches from booths older than the watchlist and audit features.
  watchHits: z.array(syncWatchHitSchema).max(SYNC_LIMITS.watchHits).default([]),
  audit: z.array(syncAuditSchema).max(SYNC_LIMITS.audit).default([]),
  // Absent in batches from booths older than operator sync.
  operators: z.array(syncOperatorSchema).max(SYNC_LIMITS.operators).default([]),
});

/**
 * A booth's operator as the county holds it: who may sign in, in which shift, with which role.
 * Never the PIN (salt, hash, rounds) nor the failed attempts.
 */
export interface SyncOperator {
  /** operatorUuid(checkpoint, the booth's row key) (shared/sync/operatorId.ts). */
  id: string;
  checkpoint: string;
  /** The shift the member belongs to; 'station' for the administrator. */
  shiftId: string;
  name: string;
  role: Role;
  setBy: 'open' | 'claimed' | 'admin';
  createdAt: number;
}

/** A batch holds the booth's records as stored (model types). */
export interface SyncBatch {
  batchId: string;
  checkpoint: string;
  shifts: Shift[];
  vehicles: Vehicle[];
  persons: Person[];
  incidents: Incident[];
  /** Watchlist sightings (append-only), in id order. */
  watchHits: WatchHit[];
  /** The booth's audit trail, in seq order, continuing the run the county already holds. */
  audit: AuditEntry[];
  /** The members of the batch's shifts and, with any shift, the station's administrator. */
  operators: SyncOperator[];
}

/**
 * Checks what the county relies on (ids, checkpoint, times, days, amendments, bounds) and keeps
 * every other field as sent (looseObject); the output is typed as the model it came from.
 */
export const syncBatchSchema = syncBatchWire.transform((b) => b as unknown as SyncBatch);

export type SyncRecordKind = 'shift' | 'vehicle' | 'person' | 'incident' | 'watchHit' | 'audit' | 'operator';

export interface RefusedRecord {
  kind: SyncRecordKind;
  id: string;
  code: string;
  reason: Bilingual;
}

export interface PushOutcome {
  batchId: string;
  /** Rows new to the county (first copies and later states). */
  stored: number;
  /** Rows the county already held with the same content: a retried or replayed batch. */
  duplicates: number;
  refused: RefusedRecord[];
}

/** What flows down: the county's key-area list, settings and watchlists. Never a booth's own records. */
export interface CountyDown {
  keyAreas: KeyAreaEntry[];
  feverLine: number | null;
  /** Every list the county holds (heads only); entries are fetched per changed list. */
  watchlists: CountyWatchlistHead[];
}

/** A county watchlist as the booth sees it before fetching its entries. */
export interface CountyWatchlistHead {
  id: string;
  name: string;
  source: string;
  /** 下发日期, 'YYYY-MM-DD'. */
  publishedOn: string;
  /** Retired by the county (valid_to passed). */
  retired: boolean;
  /** The county's updated_at (ms): the booth refetches the entries when it moves. */
  version: number;
  entries: number;
}

/** One listed person or vehicle as the county holds it (raw: the booth normalises and keys it). */
export interface CountyWatchEntry {
  id: string;
  name: string;
  docNumber: string;
  phone: string;
  plate: string;
  origin: string;
  note: string;
}

export const watchEntriesRequestSchema = z.object({ listId: id, after: z.union([id, z.literal('')]), limit: z.number().int().min(1).max(WATCH_PAGE_MAX) });
export type WatchEntriesRequest = z.infer<typeof watchEntriesRequestSchema>;

// ---- Setup -----------------------------------------------------------------------------

export const syncSetupSchema = z.object({
  host: z.string().min(1).max(255).regex(/^[A-Za-z0-9.\-:[\]]+$/, 'host name or address'),
  port: z.number().int().min(1).max(65535),
  database: z.string().min(1).max(63),
  role: z.string().min(1).max(63).regex(/^[a-z_][a-z0-9_]*$/, 'lower-case letters, digits, _'),
  /** The booth's checkpoint; empty for a supervisor's account, which reads the county and sends nothing. */
  checkpoint: z.string().max(100),
  /** 'verify': TLS with the county's CA (given as PEM) or the system's; 'off' only for a local trial. */
  tls: z.enum(['verify', 'off']),
  caPem: z.string().max(64 * 1024).optional(),
});
export type SyncSetup = z.infer<typeof syncSetupSchema>;

/** `actor` (access): the sync setup is a station setting, the administrator's (checked in main). */
export const syncConfigureSchema = z.object({ setup: syncSetupSchema, password: z.string().min(1).max(200), actor: actorSchema.nullish() });
export type SyncConfigure = z.infer<typeof syncConfigureSchema>;

/** The one-file booth configuration a county administrator hands out (`npm run county -- booth-file`). */
export const boothFileSchema = z.object({
  format: z.literal('checkpoint-station/booth-sync'),
  version: z.literal(1),
  setup: syncSetupSchema,
  password: z.string().min(1).max(200),
});

export interface SyncStatus {
  available: boolean;
  /** Why not, when unavailable (browser build). */
  reason?: Bilingual;
  configured: boolean;
  setup?: SyncSetup;
}

// ---- County day view (supervisor) -------------------------------------------------------

export const dayRequestSchema = z.object({ day, tzOffsetMinutes: z.number().int().min(-840).max(840) });
export type DayRequest = z.infer<typeof dayRequestSchema>;

/** One shift of the county day view, computed by the database (same counts as summarizeShift). */
export interface CountyShiftRow {
  checkpoint: string;
  shiftId: string;
  shiftName: string;
  leadName: string;
  receivingLead: string;
  openedAt: number;
  closedAt: number | null;
  counts: ShiftCounts;
  hourly: HourCount[];
}
export interface CountyDay {
  day: string;
  shifts: CountyShiftRow[];
}
