// Row and table shapes shared by db.ts and the modules its upgrades call, kept apart from db.ts so
// that those modules never import db.ts back (no import cycle). CheckpointDB has these tables, and
// so does an upgrade transaction (tx.table(…)).
import type { Table } from 'dexie';
import type { Incident, Person, Shift, Vehicle } from '../../../shared/model';
import type { ShiftTotals } from '../../../shared/shift/totals';
import type { Result } from '../../../shared/result';
import type { SnapshotInfo } from '../../../shared/ipc';

/** A closed shift's stored totals (v7, shiftSummaries.ts). */
export interface ShiftSummaryRow extends ShiftTotals {
  shiftId: string;
  /** The offset the hourly series was counted in (the booth's, when it was computed). */
  tzOffsetMinutes: number;
  computedAt: number;
}

/** The tables a shift's records live in. */
export interface ShiftTables {
  vehicles: Table<Vehicle, string>;
  persons: Table<Person, string>;
  incidents: Table<Incident, string>;
}

/** What computing and storing a shift's totals touches. */
export interface SummaryTables extends ShiftTables {
  shifts: Table<Shift, string>;
  shiftSummaries: Table<ShiftSummaryRow, string>;
}

/** Where the journal and snapshots live; one per database name (platform.journalStore). */
export interface JournalStore {
  /** Appends whole lines and resolves after they are flushed to disk (fsync / OPFS flush). */
  append(lines: string[]): Promise<Result<null>>;
  readAll(): Promise<Result<string>>;
  /** The last few KiB: enough for the start-up check without reading the whole file. */
  tail(): Promise<Result<string>>;
  writeSnapshot(kind: SnapshotInfo['kind'], seq: number, text: string): Promise<Result<SnapshotInfo>>;
  listSnapshots(): Promise<Result<SnapshotInfo[]>>;
  readSnapshot(name: string): Promise<Result<string>>;
  /** Retention: journal = head + lines after keepAfterSeq; every snapshot but keepSnapshot deleted. */
  compact(keepAfterSeq: number, head: string, keepSnapshot: string): Promise<Result<null>>;
}
