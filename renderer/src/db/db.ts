// The booth's database. Schema and the reasons for every index: schema.ts.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Incident, Person, Shift, Vehicle } from '../../../shared/model';
import type { ImportedShift } from '../../../shared/excel/importHandover';
import type { BoothTally } from '../../../shared/shift/summary';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10, SCHEMA_V11 } from './schema';
import type { WatchEntry, WatchHit, WatchList } from '../../../shared/watchlist/model';
import type { AuditEntry } from '../../../shared/audit/model';
import type { OperatorRow } from './operatorRow';
import { backfillShiftSummaries } from './shiftSummaries';
import type { ShiftSummaryRow } from './tables';
import type { RefusedRecord } from '../../../shared/sync/batch';
import type { SigningKey } from '../../../shared/excel/signature';
import type { JournalEntry } from '../../../shared/journal';
import type { JournalStore } from './tables';

export { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, DB_NAME } from './schema';
export type { ShiftSummaryRow } from './tables';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** One shift read from a booth's handover workbook (supervisor's district summary, v2). */
/** This station's signing key (schema v8). */
export interface StationKeyRow {
  id: 'self';
  /** Non-extractable Ed25519 private key. */
  privateKey: SigningKey;
  publicKeyRaw: Uint8Array;
  createdAt: number;
}

/** A checkpoint's public signing keys as pinned by the supervisor (schema v8). */
export interface PinnedStationRow {
  checkpoint: string;
  keys: { publicKey: string; fingerprint: string; pinnedAt: number; fileName: string }[];
}

export interface ImportedShiftRow {
  /** shiftKey(shift): checkpoint + '\u0000' + shiftId. */
  key: string;
  day: string;
  checkpoint: string;
  shift: ImportedShift;
  /** The file it came from, for the supervisor's notices. */
  fileName: string;
  importedAt: number;
}

/** The booth's figures of one calendar day (v3; fever and recheck figures since v4), kept in step by every write. */
export interface DayCountRow extends BoothTally {
  day: string;
}

/** The same figures for one shift (v4): the booth screen counts 本班, across midnight. */
export interface ShiftCountRow extends BoothTally {
  shiftId: string;
}

/** One open 待复测 recheck (v4); the person row holds the truth (awaitingRecheckSince). */
export interface RecheckQueueRow {
  personId: string;
  shiftId: string;
  vehicleId: string;
  /** When the wait began (the first reading). */
  since: number;
}

/** A record the county refused (v6): kept, with the reason, for the 同步 panel. */
export interface SyncRefusedRow extends RefusedRecord {
  /** kind + ':' + id */
  key: string;
  at: number;
  batchId: string;
}

export class CheckpointDB extends Dexie {
  // `declare`: no class-field initialiser may overwrite the tables Dexie attaches in stores().
  declare shifts: Table<Shift, string>;
  declare vehicles: Table<Vehicle, string>;
  declare persons: Table<Person, string>;
  declare incidents: Table<Incident, string>;
  declare settings: Table<SettingRow, string>;
  declare importedShifts: Table<ImportedShiftRow, string>;
  declare dayCounts: Table<DayCountRow, string>;
  declare shiftCounts: Table<ShiftCountRow, string>;
  declare recheckQueue: Table<RecheckQueueRow, string>;
  declare shiftSummaries: Table<ShiftSummaryRow, string>;
  declare syncRefused: Table<SyncRefusedRow, string>;
  declare stationKeys: Table<StationKeyRow, string>;
  declare pinnedStations: Table<PinnedStationRow, string>;
  declare watchLists: Table<WatchList, string>;
  declare watchEntries: Table<WatchEntry, string>;
  declare watchHits: Table<WatchHit, string>;
  declare audit: Table<AuditEntry, number>;
  declare operators: Table<OperatorRow, string>;
  /** The second copy outside IndexedDB (journal.ts); unset in storage unit tests that do not need it. */
  journal: JournalStore | undefined = undefined;
  /** Called after each line is flushed (the app takes rolling snapshots from here). */
  afterJournal: ((entry: JournalEntry) => void) | undefined = undefined;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    // Durability is not negotiable and comes last so callers cannot override it: Chromium
    // commits with 'relaxed' durability by default, i.e. a transaction may report success
    // before the data reaches the disk. The UI says 已保存 when saveVehicle resolves, so that
    // must mean "survives a power cut".
    super(name, { ...options, chromeTransactionDurability: 'strict' });
    this.version(1).stores(SCHEMA_V1);
    // Never edit a shipped version: each change is a new version (see schema.ts).
    // v2 only adds a store, so there is no upgrade() step: v1 data stays as it is.
    this.version(2).stores(SCHEMA_V2);
    // v3 adds counters; no upgrade() pass over a million rows at start-up: a day's row is
    // filled from its indexes the first time that day is counted or written (dayCounts.ts).
    this.version(3).stores(SCHEMA_V3);
    // v4: shift counters and the 待复测 queue. v3's day rows lack the new fever figures: they are
    // emptied (one small row per day) and each day is recounted from its indexes when next read.
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade((tx) => tx.table('dayCounts').clear());
    // v6 (county sync) only adds the refused-records store; the outbox itself is the existing
    // vehicles.updatedAt index read from a cursor, so no data is reshaped.
    this.version(6).stores(SCHEMA_V6);
    // v7 stores each closed shift's totals for the day view; the upgrade computes them once
    // for the shifts closed before it (one shift's records at a time).
    this.version(7)
      .stores(SCHEMA_V7)
      .upgrade(async (tx) => {
        await backfillShiftSummaries(
          {
            shifts: tx.table('shifts'),
            vehicles: tx.table('vehicles'),
            persons: tx.table('persons'),
            incidents: tx.table('incidents'),
            shiftSummaries: tx.table('shiftSummaries'),
          },
          Date.now(),
        );
      });
    // v8 adds the station's signing key and the supervisor's pinned keys: new stores only.
    this.version(8).stores(SCHEMA_V8);
    // v9 watchlists and their hits, v10 the audit trail: new stores only.
    this.version(9).stores(SCHEMA_V9);
    this.version(10).stores(SCHEMA_V10);
    // v11 operators who sign in with a PIN (hashes only): a new store only.
    this.version(11).stores(SCHEMA_V11);
  }
}
